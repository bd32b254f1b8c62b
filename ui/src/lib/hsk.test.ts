import { describe, expect, it } from 'vitest';
import { basisLabels, dottedHsk, hsState } from './hsk';

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

describe('basisLabels', () => {
  it('calls a code likely only when no other heading is as likely', () => {
    expect(basisLabels([{ code: '330499', basis: 'keyword_exact' }, { code: '330430', basis: 'keyword' }])).toEqual([
      'hsk.basis_keyword_exact', 'hsk.basis_keyword',
    ]);
    expect(basisLabels([{ code: '481190', basis: 'keyword_exact' }, { code: '630790', basis: 'keyword_exact' }])).toEqual([
      'hsk.basis_ambiguous', 'hsk.basis_ambiguous',
    ]);
    // Two subheadings of one heading: still one likely heading.
    expect(basisLabels([{ code: '691390', basis: 'keyword_exact' }, { code: '691310', basis: 'keyword_exact' }])[0]).toBe(
      'hsk.basis_keyword_exact',
    );
  });
});
