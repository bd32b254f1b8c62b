import { describe, expect, it } from 'vitest';
import { glossary, termIds } from './glossary';

describe('glossary', () => {
  it('explains at least 25 terms', () => {
    expect(termIds.length).toBeGreaterThanOrEqual(25);
  });

  it('gives every term both names and one sentence in each language', () => {
    for (const id of termIds) {
      const e = glossary[id];
      for (const v of [e.ko, e.en, e.textKo, e.textEn]) expect(v.trim(), id).not.toBe('');
      // One sentence: a single full stop, at the end.
      expect(e.textKo.trim().endsWith('.'), id).toBe(true);
      expect(e.textKo.split(/[.。](?=\s|$)/).filter((s) => s.trim()).length, id).toBe(1);
      expect(e.textEn.trim().endsWith('.'), id).toBe(true);
      expect(e.textEn.split(/\.(?=\s|$)/).filter((s) => s.trim()).length, id).toBe(1);
    }
  });

  it('covers the words a beginner meets first', () => {
    const koTerms = termIds.map((id) => glossary[id].ko).join(' ');
    for (const word of ['수리일', '간이수출신고', '목록통관', 'FOB', 'HS 코드', '통관고유부호', '사업자등록번호', '과세환율', '적재기한', '합포장', '재수입면세', '관세환급', '과태료']) {
      expect(koTerms, word).toContain(word);
    }
  });

  it('covers the words of declarations and their deadlines', () => {
    const koTerms = termIds.map((id) => glossary[id].ko).join(' ');
    for (const word of ['일반 수출신고', '인도조건', '적재기간 연장', '잠정가격신고', '확정가격신고', '확정·결제일', '세관장확인대상', '신고번호', 'B/L·AWB', '특송업체부호', '적재항', '거래구분', '운송수단']) {
      expect(koTerms, word).toContain(word);
    }
  });
});
