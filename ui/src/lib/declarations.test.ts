import { describe, expect, it } from 'vitest';
import { bilingualPart, deductsFreight, fixScreen, groupIssues, missingCells } from './declarations';
import type { FieldIssue } from './types.gen';

function issue(field: string, line: number | null, product: number | null, screen: string): FieldIssue {
  return { field, line, product_id: product, label_ko: field, label_en: field, fix_ko: '', fix_en: '', screen };
}

describe('declaration helpers', () => {
  it('takes the part of a bilingual rulebook text', () => {
    expect(bilingualPart('상업송장(인보이스) / commercial invoice', 'ko')).toBe('상업송장(인보이스)');
    expect(bilingualPart('상업송장(인보이스) / commercial invoice', 'en')).toBe('commercial invoice');
    expect(bilingualPart('B/L', 'en')).toBe('B/L');
  });

  it('sends each missing field to the screen that fixes it', () => {
    expect(fixScreen({ screen: 'settings' })).toBe('settings');
    expect(fixScreen({ screen: 'products' })).toBe('products');
    expect(fixScreen({ screen: 'orders' })).toBe('orders');
    expect(fixScreen({ screen: 'declaration' })).toBeNull();
  });

  it('groups the fields of one product, and other fields by field', () => {
    const groups = groupIssues([
      issue('exporter.customs_code', null, null, 'settings'),
      issue('line.brand', 3, 7, 'products'),
      issue('line.hs_code', 1, 7, 'products'),
      issue('line.brand', 1, 7, 'products'),
      issue('line.brand', 2, 8, 'products'),
      issue('line.quantity', 4, null, 'orders'),
      issue('line.quantity', 5, null, 'orders'),
    ]);
    expect(groups.map((g) => [g.key, g.labels_en, g.lines])).toEqual([
      ['field:exporter.customs_code', ['exporter.customs_code'], []],
      ['product:7', ['line.brand', 'line.hs_code'], [1, 3]],
      ['product:8', ['line.brand'], [2]],
      ['field:line.quantity', ['line.quantity'], [4, 5]],
    ]);
  });

  it('marks the missing cells by line and field', () => {
    const cells = missingCells([issue('line.hs_code', 2, 1, 'products'), issue('transport_mode', null, null, 'declaration')]);
    expect([...cells]).toEqual(['2:line.hs_code']);
  });

  it('takes freight out only under C and D terms', () => {
    expect(['CIF', 'CFR', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'].every(deductsFreight)).toBe(true);
    expect(['EXW', 'FCA', 'FAS', 'FOB'].some(deductsFreight)).toBe(false);
  });
});
