import { describe, expect, it } from 'vitest';
import {
  cloneEditor, declarationsForPick, declarationUse, editorFromBom, emptyEditor, emptyLine, exactProduct,
  importProblemList, isBlankLine, lineAmount, materialTotals, originGaps, originOf, originToDraft, placeErrors, plain,
  sameBom, shortAmount, toDraft, validityOn, withImportedLines, withLinePlaces, type BomEditor, type EditorLine,
} from './bom';
import { daysBetween } from './deadlines';
import type { Bom, BomLine, Problem, SupplierDeclaration } from './types.gen';

function problem(code: string, field: string | null): Problem {
  return { code, field, params: {}, message_ko: `${code} ko`, message_en: `${code} en` };
}

function bomLine(over: Partial<BomLine>): BomLine {
  return {
    line_no: 1,
    description: 'Shea butter',
    hs_code: '151590',
    origin: { kind: 'country', country: 'GH' },
    quantity: '0.020',
    unit: 'KG',
    unit_value: '9000.00',
    currency: 'KRW',
    supplier: 'Africa Trading',
    weight_kg: '0.020',
    ...over,
  };
}

const BOM: Bom = {
  product_id: 7,
  currency: 'KRW',
  ex_works_price: '12000.00',
  fob_price: null,
  operations: '혼합, 충전',
  only_minimal_operations: false,
  lines: [
    bomLine({}),
    bomLine({
      line_no: 2,
      description: '글리세린',
      hs_code: '2905450000',
      origin: { kind: 'declared', supplier_declaration_id: 3 },
      quantity: '0.01',
      unit_value: '3000',
      supplier: '한빛원료',
      weight_kg: null,
    }),
    bomLine({ line_no: 3, description: 'Pump', hs_code: '8424', origin: { kind: 'unknown' }, currency: 'USD', unit_value: '0.35', quantity: '1', unit: 'EA' }),
  ],
};

function line(over: Partial<EditorLine>): EditorLine {
  return { ...emptyLine(), ...over };
}

function editor(lines: EditorLine[], over: Partial<BomEditor> = {}): BomEditor {
  return { ...emptyEditor(), lines, ...over };
}

describe('origin kinds', () => {
  it('maps each tagged origin to the editor and back', () => {
    expect(originOf({ kind: 'country', country: 'CN' })).toEqual({ kind: 'country', country: 'CN', declaration_id: null });
    expect(originOf({ kind: 'declared', supplier_declaration_id: 4 })).toEqual({ kind: 'declared', country: '', declaration_id: 4 });
    expect(originOf({ kind: 'unknown' })).toEqual({ kind: 'unknown', country: '', declaration_id: null });

    expect(originToDraft({ kind: 'country', country: ' cn ', declaration_id: 4 })).toEqual({ origin_country: 'CN', supplier_declaration_id: null });
    expect(originToDraft({ kind: 'declared', country: 'CN', declaration_id: 4 })).toEqual({ origin_country: '', supplier_declaration_id: 4 });
    expect(originToDraft({ kind: 'unknown', country: 'CN', declaration_id: 4 })).toEqual({ origin_country: '', supplier_declaration_id: null });
  });
});

describe('editor ↔ BOM', () => {
  it('shows a saved BOM without trailing zeros, dotted HS codes and the BOM currency as empty', () => {
    const e = editorFromBom(BOM);
    expect(e.currency).toBe('KRW');
    expect(e.ex_works_price).toBe('12000');
    expect(e.fob_price).toBe('');
    expect(e.only_minimal_operations).toBe(false);
    const [a, b, c] = e.lines;
    expect([a.hs_code, a.quantity, a.unit_value, a.weight_kg, a.currency, a.kind, a.country]).toEqual([
      '1515.90', '0.02', '9000', '0.02', '', 'country', 'GH',
    ]);
    expect([b.hs_code, b.kind, b.declaration_id, b.weight_kg]).toEqual(['2905.45-0000', 'declared', 3, '']);
    expect([c.hs_code, c.kind, c.currency]).toEqual(['8424', 'unknown', 'USD']);
    expect(new Set(e.lines.map((l) => l.key)).size).toBe(3);
  });

  it('starts a new BOM in won with one empty line and nothing answered', () => {
    const e = editorFromBom(null);
    expect(e.currency).toBe('KRW');
    expect(e.only_minimal_operations).toBeNull();
    expect(e.lines).toHaveLength(1);
    expect(isBlankLine(e.lines[0])).toBe(true);
    expect(toDraft(e).draft.lines).toEqual([]);
  });

  it('makes the draft: trimmed, numbers without separators, only the chosen origin field', () => {
    const e = editor(
      [
        line({ description: ' 시어버터 ', hs_code: '1515.90', kind: 'country', country: 'gh', quantity: '0.02', unit: 'KG', unit_value: '9,000', supplier: ' 아프리카 ' }),
        line({}),
        line({ description: '글리세린', hs_code: '2905.45', kind: 'declared', country: 'KR', declaration_id: 3, quantity: '1', unit_value: '3000', currency: 'usd', weight_kg: '0.01' }),
      ],
      { currency: 'krw', ex_works_price: '12,000', fob_price: ' 13 000 ', operations: ' 혼합 ', only_minimal_operations: true },
    );
    const { draft, rows } = toDraft(e);
    expect(rows).toEqual([0, 2]);
    expect(draft).toEqual({
      currency: 'KRW',
      ex_works_price: '12000',
      fob_price: '13000',
      operations: '혼합',
      only_minimal_operations: true,
      lines: [
        {
          description: '시어버터', hs_code: '1515.90', origin_country: 'GH', supplier_declaration_id: null, quantity: '0.02',
          unit: 'KG', unit_value: '9000', currency: '', supplier: '아프리카', weight_kg: '',
        },
        {
          description: '글리세린', hs_code: '2905.45', origin_country: '', supplier_declaration_id: 3, quantity: '1',
          unit: 'EA', unit_value: '3000', currency: 'USD', supplier: '', weight_kg: '0.01',
        },
      ],
    });
  });

  it('round-trips a saved BOM to the same draft, and sees changes', () => {
    const a = editorFromBom(BOM);
    const b = cloneEditor(a);
    expect(sameBom(a, b)).toBe(true);
    expect(b.lines[0].key).not.toBe(a.lines[0].key);
    b.lines.push(emptyLine());
    expect(sameBom(a, b), 'a blank line changes nothing').toBe(true);
    b.lines[0].quantity = '0.03';
    expect(sameBom(a, b)).toBe(false);
    const c = cloneEditor(a);
    c.only_minimal_operations = null;
    expect(sameBom(a, c)).toBe(false);
  });

  it('keeps the header on screen and takes the lines of an imported BOM', () => {
    const current = editor([line({ description: 'old' })], { ex_works_price: '15000', operations: '조립' });
    const next = withImportedLines(current, { ...BOM, ex_works_price: null, operations: '' });
    expect(next.ex_works_price).toBe('15000');
    expect(next.operations).toBe('조립');
    expect(next.lines.map((l) => l.description)).toEqual(['Shea butter', '글리세린', 'Pump']);
  });
});

describe('field errors on cells', () => {
  it('moves line problems to the editor row they came from, first one per field', () => {
    const errors = placeErrors(
      [
        problem('bom.hs_too_short', 'lines[1].hs_code'),
        problem('bom.quantity', 'lines[0].quantity'),
        problem('amount.invalid', 'lines[0].quantity'),
        problem('amount.not_positive', 'ex_works_price'),
        problem('bom.import_problems', null),
      ],
      [0, 2],
    );
    expect(Object.keys(errors).sort()).toEqual(['ex_works_price', 'lines[0].quantity', 'lines[2].hs_code']);
    expect(errors['lines[0].quantity'].code).toBe('bom.quantity');
  });

  it('flags an origin kind chosen without its country or declaration, in both languages', () => {
    const gaps = originGaps(
      editor([
        line({ description: 'a', kind: 'country', country: '' }),
        line({}),
        line({ description: 'b', kind: 'declared', declaration_id: null }),
        line({ description: 'c', kind: 'unknown' }),
        line({ description: 'd', kind: 'declared', declaration_id: 2 }),
      ]),
    );
    expect(gaps.map((p) => p.field)).toEqual(['lines[0].origin_country', 'lines[2].supplier_declaration_id']);
    for (const p of gaps) {
      expect(p.message_ko).not.toBe('');
      expect(p.message_en).not.toBe(p.message_ko);
    }
  });
});

describe('material values', () => {
  it('multiplies exactly, without floating point', () => {
    expect(exactProduct('0.1', '3')).toBe('0.3');
    expect(exactProduct('0.02', '9000')).toBe('180');
    expect(exactProduct('1,000', '0.35')).toBe('350');
    expect(exactProduct('0.003', '15')).toBe('0.045');
    expect(exactProduct('', '15')).toBeNull();
    expect(lineAmount({ quantity: '2', unit_value: 'x' })).toBeNull();
  });

  it('sums the lines per currency, the BOM currency first, and counts lines without a value', () => {
    const e = editor(
      [
        line({ description: 'a', quantity: '0.1', unit_value: '0.2' }),
        line({ description: 'b', quantity: '0.2', unit_value: '0.1', currency: 'USD' }),
        line({ description: 'c', quantity: '3', unit_value: '0.1' }),
        line({ description: 'd', quantity: '', unit_value: '5' }),
        line({}),
        line({ description: 'e', quantity: '1', unit_value: '1.10', currency: 'EUR' }),
      ],
      { currency: 'KRW' },
    );
    expect(materialTotals(e)).toEqual({
      totals: [
        { currency: 'KRW', amount: '0.32' },
        { currency: 'EUR', amount: '1.1' },
        { currency: 'USD', amount: '0.02' },
      ],
      incomplete: 1,
    });
    expect(materialTotals(editor([line({})]))).toEqual({ totals: [], incomplete: 0 });
  });

  it('shortens long fractions for display only', () => {
    expect(shortAmount('0.0416625')).toBe('0.0417');
    expect(shortAmount('180')).toBe('180');
    expect(shortAmount('12.50', 2)).toBe('12.5');
    expect(plain('0.020')).toBe('0.02');
    expect(plain(null)).toBe('');
  });
});

describe('import problems', () => {
  it('splits the summary from the row problems', () => {
    const list = [problem('bom.import_problems', null), problem('bom.hs_too_short', 'lines[0].hs_code'), problem('bom.quantity', null)];
    const split = importProblemList(list);
    expect(split.summary?.code).toBe('bom.import_problems');
    expect(split.items.map((p) => p.code)).toEqual(['bom.hs_too_short', 'bom.quantity']);
    const other = importProblemList([problem('bom.columns_missing', null)]);
    expect(other.summary).toBeNull();
    expect(other.items).toHaveLength(1);
  });
});

function decl(id: number, supplier: string, from: string, until: string): SupplierDeclaration {
  return { id, supplier, materials: 'm', valid_from: from, valid_until: until, file_reference: '', note: '' };
}

describe('supplier declaration validity', () => {
  it('counts whole days across months and years', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
  });

  it('is valid through its last day, ending within 30 days, then expired', () => {
    const d = decl(1, 'A', '2026-01-01', '2026-12-31');
    expect(validityOn(d, '2026-06-01')).toEqual({ status: 'valid', days_left: 213 });
    expect(validityOn(d, '2026-12-01')).toEqual({ status: 'ending', days_left: 30 });
    expect(validityOn(d, '2026-11-30').status).toBe('valid');
    expect(validityOn(d, '2026-12-31')).toEqual({ status: 'ending', days_left: 0 });
    expect(validityOn(d, '2027-01-01')).toEqual({ status: 'expired', days_left: -1 });
    expect(validityOn(d, '2025-12-31').status).toBe('not_yet');
    expect(validityOn(d, '2026-12-01', 10).status).toBe('valid');
  });

  it('counts the BOM lines and products that rely on each declaration', () => {
    const other: Bom = {
      ...BOM,
      product_id: 8,
      lines: [
        bomLine({ origin: { kind: 'declared', supplier_declaration_id: 3 } }),
        bomLine({ origin: { kind: 'declared', supplier_declaration_id: 3 } }),
        bomLine({ origin: { kind: 'declared', supplier_declaration_id: 5 } }),
      ],
    };
    expect(declarationUse([BOM, other])).toEqual({ 3: { lines: 3, products: 2 }, 5: { lines: 1, products: 1 } });
    expect(declarationUse([])).toEqual({});
  });

  it('lists the line supplier’s declarations first, newest first', () => {
    const list = [
      decl(1, '한빛원료', '2025-01-01', '2025-12-31'),
      decl(2, 'Alpha', '2026-01-01', '2026-12-31'),
      decl(3, '한빛원료', '2026-01-01', '2026-12-31'),
    ];
    expect(declarationsForPick(list, ' 한빛원료 ').map((d) => d.id)).toEqual([3, 1, 2]);
    expect(declarationsForPick(list, '').map((d) => d.id)).toEqual([2, 3, 1]);
  });
});

describe('problem summary', () => {
  it('starts each line problem with its line number on screen, in both languages', () => {
    const out = withLinePlaces([problem('bom.quantity', 'lines[1].quantity'), problem('amount.not_positive', 'ex_works_price')], [0, 2]);
    expect(out[0].message_ko).toBe('3번째 줄: bom.quantity ko');
    expect(out[0].message_en).toBe('Line 3: bom.quantity en');
    expect(out[0].field).toBe('lines[1].quantity');
    expect(out[1].message_ko).toBe('amount.not_positive ko');
  });
});
