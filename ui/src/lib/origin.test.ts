import { describe, expect, it } from 'vitest';
import {
  checkableProducts, errorColumn, fixPlace, formatPercent, ftasFor, groupRules, outcomeTone, partnerCountries,
  ruleErrors, shareOf, sharePrice, verdictRank, verdictTone, VERDICT_LABELS,
} from './origin';
import type { FtaInfo, Problem, PsrRuleInfo } from './types.gen';

function problem(code: string, field: string | null, params: Record<string, string> = {}): Problem {
  return { code, field, params, message_ko: code, message_en: code };
}

function rule(fta: string, scope: string, own = false): PsrRuleInfo {
  return { fta, scope, rule: 'CTH', source: 's', verified: !own, own, id: own ? 1 : null, note: '' };
}

describe('verdicts and outcomes', () => {
  it('colour each verdict and outcome', () => {
    expect(verdictTone('originating')).toBe('ok');
    expect(verdictTone('not_originating')).toBe('danger');
    expect(verdictTone('cannot_decide')).toBe('warn');
    expect(outcomeTone('passed')).toBe('ok');
    expect(outcomeTone('failed')).toBe('danger');
    expect(outcomeTone('undecidable')).toBe('warn');
  });

  it('label every verdict and rank originating first', () => {
    expect(Object.keys(VERDICT_LABELS).sort()).toEqual(['cannot_decide', 'not_originating', 'originating']);
    const sorted = (['not_originating', 'cannot_decide', 'originating'] as const).slice().sort((a, b) => verdictRank(a) - verdictRank(b));
    expect(sorted).toEqual(['originating', 'cannot_decide', 'not_originating']);
  });
});

describe('fixPlace', () => {
  it('sends each refusal or missing fact to the screen that fixes it', () => {
    expect(fixPlace(problem('origin.no_bom', null))).toBe('bom');
    expect(fixPlace(problem('origin.product_hs_missing', null))).toBe('products');
    expect(fixPlace(problem('origin.product.hs_digits', 'product_hs'))).toBe('products');
    expect(fixPlace(problem('rates.missing_week', null))).toBe('rates');
    expect(fixPlace(problem('origin.rule.missing', 'product_hs'))).toBe('rules');
    expect(fixPlace(problem('origin.material.hs_needed', 'materials[2].hs_code'))).toBe('bom');
    expect(fixPlace(problem('origin.material.origin_unknown', 'materials[0].origin'))).toBe('bom');
    expect(fixPlace(problem('origin.price.exw_missing', 'ex_works_price'))).toBe('bom');
    expect(fixPlace(problem('supplier_declaration.expired', null))).toBe('suppliers');
    expect(fixPlace(problem('something.else', null))).toBeNull();
  });
});

describe('percentages', () => {
  it('format a ratio with at most the digits asked', () => {
    expect(formatPercent(0.125)).toBe('12.5%');
    expect(formatPercent(0.4)).toBe('40%');
    expect(formatPercent(1 / 3, 2)).toBe('33.33%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(Number.NaN)).toBe('—');
  });

  it('give a material share of the price, or a dash without a price', () => {
    expect(shareOf('25000', '100000')).toBe('25%');
    expect(shareOf('1,234.5', '10000')).toBe('12.3%');
    expect(shareOf('100', null)).toBe('—');
    expect(shareOf('100', '0')).toBe('—');
    expect(shareOf('x', '100')).toBe('—');
  });

  it('take shares from the ex-works price, else FOB', () => {
    expect(sharePrice({ ex_works_price: '100', fob_price: '120' })).toEqual({ basis: 'exw', price: '100' });
    expect(sharePrice({ ex_works_price: null, fob_price: '120' })).toEqual({ basis: 'fob', price: '120' });
    expect(sharePrice({ ex_works_price: null, fob_price: null })).toBeNull();
  });
});

describe('products and FTAs', () => {
  it('offer only products whose BOM has lines, by SKU', () => {
    const list = checkableProducts([
      { product_id: 1, sku: 'B', name: 'b', hs_code: null, lines: 2, updated_at: '' },
      { product_id: 2, sku: 'A', name: 'a', hs_code: null, lines: 1, updated_at: '' },
      { product_id: 3, sku: 'C', name: 'c', hs_code: null, lines: 0, updated_at: '' },
    ]);
    expect(list.map((s) => s.product_id)).toEqual([2, 1]);
  });

  it('find the FTAs of a destination and every partner once', () => {
    const ftas: FtaInfo[] = [
      { code: 'KR-EU', name_ko: '', name_en: '', partners: ['DE', 'FR'], rules: 3 },
      { code: 'RCEP', name_ko: '', name_en: '', partners: ['JP', 'VN'], rules: 2 },
      { code: 'KR-VN', name_ko: '', name_en: '', partners: ['VN'], rules: 0 },
    ];
    expect(ftasFor(ftas, 'vn').map((f) => f.code)).toEqual(['RCEP', 'KR-VN']);
    expect(ftasFor(ftas, 'US')).toEqual([]);
    expect(partnerCountries(ftas).sort()).toEqual(['DE', 'FR', 'JP', 'VN']);
  });
});

describe('rules', () => {
  it('group by FTA in the given order with own rules first', () => {
    const groups = groupRules([rule('RCEP', '33'), rule('KR-EU', 'ex 33'), rule('KR-EU', '3304', true), rule('ZZ', '01')], ['KR-EU', 'RCEP']);
    expect(groups.map((g) => g.fta)).toEqual(['KR-EU', 'RCEP', 'ZZ']);
    expect(groups[0].rules.map((r) => r.scope)).toEqual(['3304', 'ex 33']);
  });

  it('place a refused save on the form fields and read the column', () => {
    const syntax = problem('psr.syntax', 'user_rules[3].rule', { file: 'user rule KR-EU 3304', line: '1', column: '5' });
    const { fields, other } = ruleErrors([
      syntax,
      problem('psr.scope', 'user_rules[3].hs_range'),
      problem('psr.fta.unknown', 'user_rules[3].fta'),
      problem('db.failed', null),
    ]);
    expect(fields.rule).toBe(syntax);
    expect(fields.hs_range?.code).toBe('psr.scope');
    expect(fields.fta?.code).toBe('psr.fta.unknown');
    expect(other.map((p) => p.code)).toEqual(['db.failed']);
    expect(errorColumn(syntax)).toBe(5);
    expect(errorColumn(problem('psr.scope', null))).toBeNull();
  });
});
