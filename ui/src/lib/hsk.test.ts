import { describe, expect, it } from 'vitest';
import { dottedHsk, hsState, pathText } from './hsk';

describe('hsState', () => {
  it('tells a subheading from a full Korean code', () => {
    expect(hsState('')).toEqual({ kind: 'empty' });
    expect(hsState('3304')).toEqual({ kind: 'short', digits: '3304' });
    expect(hsState('3304.99')).toEqual({ kind: 'subheading', subheading: '3304.99', digits: '330499' });
    expect(hsState('33049910')).toMatchObject({ kind: 'subheading', subheading: '3304.99' });
    expect(hsState('3304.99-1000')).toEqual({ kind: 'hsk', subheading: '3304.99', digits: '3304991000' });
  });

  it('checks ten typed digits against the subheading picked with the finder', () => {
    expect(hsState('3304991000', '330499')).toMatchObject({ kind: 'hsk' });
    expect(hsState('3304101000', '330499')).toEqual({
      kind: 'mismatch', subheading: '3304.10', picked: '3304.99', digits: '3304101000',
    });
  });

  it('refuses letters and more than ten digits', () => {
    expect(hsState('33O4.99')).toMatchObject({ kind: 'invalid' });
    expect(hsState('33049910001')).toMatchObject({ kind: 'invalid' });
  });

  it('writes the ten digits the way UNI-PASS shows them', () => {
    expect(dottedHsk('3304991000')).toBe('3304.99-1000');
  });
});

describe('pathText', () => {
  it('puts the code\'s own name apart from the levels above it', () => {
    const line = { path_ko: ['기초화장품', '기초화장용 제품류'], path_en: ['Cosmetics', 'Skin care', 'Skin care cosmetics'] };
    expect(pathText(line, 'ko')).toEqual({ leaf: '기초화장용 제품류', above: '기초화장품' });
    expect(pathText(line, 'en')).toEqual({ leaf: 'Skin care cosmetics', above: 'Cosmetics › Skin care' });
  });
});
