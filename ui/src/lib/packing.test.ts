import { describe, expect, it } from 'vitest';
import {
  autopackErrors, cartonsOfLine, cellErrors, cellId, cellOfField, cleanNumber, difference, editorFromCartons,
  emptyCarton, isQuantityText, lineKey, packedTotals, parseTracking, plain, problemLine, samePacking, toDrafts,
  unitVolumes, withSizeOf, type EditorCarton,
} from './packing';
import type { Carton, CartonDraft, PackLine, Problem } from './types.gen';

function line(declaration_id: number, line_no: number, quantity: string, unit = 'EA'): PackLine {
  return {
    declaration_id, line_no, declaration_no: '', order_no: `O-${declaration_id}`, sku: `SKU-${line_no}`,
    description: 'Item', quantity, unit, net_weight_kg: null,
  };
}

function problem(code: string, field: string | null, params: Record<string, string> = {}): Problem {
  return { code, field, params, message_ko: code, message_en: code };
}

const lines = [line(7, 1, '10'), line(7, 2, '3'), line(9, 1, '2.5', 'KG')];

function carton(size: [string, string, string], gross: string, qty: Record<string, string>): EditorCarton {
  const c = emptyCarton(lines, { length_cm: size[0], width_cm: size[1], height_cm: size[2] });
  c.gross_kg = gross;
  Object.assign(c.qty, qty);
  return c;
}

describe('line keys and numbers', () => {
  it('names a line by declaration and line number, as data-line does', () => {
    expect(lineKey({ declaration_id: 12, line_no: 3 })).toBe('12-3');
  });

  it('shows decimals without trailing zeros and leaves other text alone', () => {
    expect(plain('12.50')).toBe('12.5');
    expect(plain('3.000')).toBe('3');
    expect(plain('0.0624')).toBe('0.0624');
    expect(plain('40')).toBe('40');
    expect(plain('abc')).toBe('abc');
  });

  it('cleans typed numbers and accepts only empty or non-negative quantities', () => {
    expect(cleanNumber(' 1,200 ')).toBe('1200');
    expect(isQuantityText('')).toBe(true);
    expect(isQuantityText(' 4 ')).toBe(true);
    expect(isQuantityText('0.5')).toBe(true);
    expect(isQuantityText('-1')).toBe(false);
    expect(isQuantityText('x')).toBe(false);
  });
});

describe('editor state', () => {
  it('starts a carton with a cell for every line, optionally with a size', () => {
    const c = emptyCarton(lines, { length_cm: '40', width_cm: '30', height_cm: '20' });
    expect(c).toEqual({
      length_cm: '40', width_cm: '30', height_cm: '20', gross_kg: '', qty: { '7-1': '', '7-2': '', '9-1': '' },
    });
  });

  it('copies the size of the previous carton and keeps its own contents', () => {
    const prev = carton(['60', '40', '40'], '12', {});
    const mine = carton(['', '', ''], '3.2', { '7-1': '4' });
    const copied = withSizeOf(mine, prev);
    expect([copied.length_cm, copied.width_cm, copied.height_cm, copied.gross_kg]).toEqual(['60', '40', '40', '3.2']);
    expect(copied.qty).toEqual(mine.qty);
    expect(copied.qty).not.toBe(mine.qty);
  });

  it('turns saved cartons into the grid, adding up a line listed twice', () => {
    const saved: Carton[] = [
      {
        no: 1, length_cm: '40.0', width_cm: '30', height_cm: '20', gross_kg: '12.50',
        items: [
          { declaration_id: 7, line_no: 1, quantity: '6' },
          { declaration_id: 7, line_no: 1, quantity: '1.50' },
          { declaration_id: 9, line_no: 1, quantity: '2.500' },
        ],
      },
      { no: 2, length_cm: '40', width_cm: '30', height_cm: '20', gross_kg: '3', items: [{ declaration_id: 7, line_no: 2, quantity: '3' }] },
    ];
    const editor = editorFromCartons(saved, lines);
    expect(editor).toHaveLength(2);
    expect(editor[0]).toEqual({
      length_cm: '40', width_cm: '30', height_cm: '20', gross_kg: '12.5', qty: { '7-1': '7.5', '7-2': '', '9-1': '2.5' },
    });
    expect(editor[1].qty).toEqual({ '7-1': '', '7-2': '3', '9-1': '' });
  });

  it('turns the grid back into drafts: items in line order, empty and zero cells left out', () => {
    const editor = [
      carton(['40', '30', '20'], '12.5', { '9-1': '2.5', '7-1': ' 1,000 ', '7-2': '0' }),
      carton([' 40 ', '30', '20'], '', {}),
    ];
    const drafts = toDrafts(editor, lines);
    expect(drafts).toEqual<CartonDraft[]>([
      {
        length_cm: '40', width_cm: '30', height_cm: '20', gross_kg: '12.5',
        items: [
          { declaration_id: 7, line_no: 1, quantity: '1000' },
          { declaration_id: 9, line_no: 1, quantity: '2.5' },
        ],
      },
      { length_cm: '40', width_cm: '30', height_cm: '20', gross_kg: '', items: [] },
    ]);
  });

  it('keeps text that is not a number, so the app can say what is wrong with it', () => {
    const drafts = toDrafts([carton(['a', '30', '20'], '1', { '7-2': 'two' })], lines);
    expect(drafts[0].length_cm).toBe('a');
    expect(drafts[0].items).toEqual([{ declaration_id: 7, line_no: 2, quantity: 'two' }]);
  });

  it('round-trips a saved packing and notices an edit', () => {
    const saved: CartonDraft[] = [
      { length_cm: '40', width_cm: '30', height_cm: '20', gross_kg: '5', items: [{ declaration_id: 7, line_no: 1, quantity: '10' }] },
    ];
    const editor = editorFromCartons(saved, lines);
    expect(toDrafts(editor, lines)).toEqual(saved);
    const again = editorFromCartons(saved, lines);
    expect(samePacking(editor, again, lines)).toBe(true);
    again[0].qty['7-1'] = '9';
    expect(samePacking(editor, again, lines)).toBe(false);
    // A zero typed into an empty cell saves the same packing.
    const zero = editorFromCartons(saved, lines);
    zero[0].qty['7-2'] = '0';
    expect(samePacking(editor, zero, lines)).toBe(true);
  });
});

describe('live totals', () => {
  const editor = [
    carton(['40', '30', '20'], '5', { '7-1': '4', '9-1': '1.25' }),
    carton(['40', '30', '20'], '5', { '7-1': '3', '9-1': '1.25', '7-2': 'x' }),
    carton(['40', '30', '20'], '5', { '7-1': '3.0', '7-2': '-1' }),
  ];

  it('adds the units of a line over every carton exactly, skipping cells that are not quantities', () => {
    expect(packedTotals(editor, lines)).toEqual({ '7-1': '10', '7-2': '0', '9-1': '2.5' });
    expect(packedTotals([], lines)).toEqual({ '7-1': '0', '7-2': '0', '9-1': '0' });
  });

  it('says how far packed is from declared', () => {
    expect(difference('10', '10')).toBe('0');
    expect(difference('3', '0')).toBe('-3');
    expect(difference('2.5', '2.75')).toBe('0.25');
    expect(difference('x', '1')).toBeNull();
  });

  it('lists the cartons a line is in now', () => {
    expect(cartonsOfLine(editor, '7-1')).toEqual([1, 2, 3]);
    expect(cartonsOfLine(editor, '7-2')).toEqual([]);
    expect(cartonsOfLine(editor, '9-1')).toEqual([1, 2]);
  });
});

describe('field errors', () => {
  const sent: CartonDraft[] = [
    {
      length_cm: '', width_cm: '30', height_cm: '20', gross_kg: '5',
      items: [
        { declaration_id: 7, line_no: 1, quantity: '4' },
        { declaration_id: 9, line_no: 1, quantity: 'x' },
      ],
    },
    { length_cm: '40', width_cm: '30', height_cm: '20', gross_kg: '', items: [{ declaration_id: 7, line_no: 2, quantity: '1.5' }] },
  ];

  it('finds the cell of a carton field', () => {
    expect(cellOfField('cartons[0].length_cm', sent)).toEqual({ carton: 0, part: 'length_cm' });
    expect(cellOfField('cartons[1].gross_kg', sent)).toEqual({ carton: 1, part: 'gross_kg' });
  });

  it('finds the line of an item by its index in the drafts that were sent', () => {
    expect(cellOfField('cartons[0].items[1].quantity', sent)).toEqual({ carton: 0, part: 'qty', line: '9-1' });
    expect(cellOfField('cartons[1].items[0].quantity', sent)).toEqual({ carton: 1, part: 'qty', line: '7-2' });
  });

  it('ignores fields that are not cells', () => {
    expect(cellOfField('cartons', sent)).toBeNull();
    expect(cellOfField('cartons[5].items[0].quantity', sent)).toBeNull();
    expect(cellOfField('cartons[0].items[9].quantity', sent)).toBeNull();
    expect(cellOfField('reference', sent)).toBeNull();
  });

  it('keys the problems by cell, first one per cell', () => {
    const errors = cellErrors(
      [
        problem('carton.required', 'cartons[0].length_cm'),
        problem('amount.invalid', 'cartons[0].items[1].quantity'),
        problem('carton.fraction', 'cartons[1].items[0].quantity'),
        problem('carton.required', 'cartons[0].length_cm'),
        problem('carton.none', null),
      ],
      sent,
    );
    expect(Object.keys(errors).sort()).toEqual(['c0.length_cm', 'c0.q.9-1', 'c1.q.7-2']);
    expect(errors[cellId({ carton: 1, part: 'qty', line: '7-2' })].code).toBe('carton.fraction');
  });
});

describe('auto-pack request', () => {
  it('sends only the unit volumes typed, in line order', () => {
    expect(unitVolumes({ '9-1': ' 500 ', '7-1': '1,200', '7-2': '' }, lines)).toEqual([
      { declaration_id: 7, line_no: 1, quantity: '1200' },
      { declaration_id: 9, line_no: 1, quantity: '500' },
    ]);
  });

  it('maps its errors to the inputs and the lines they name', () => {
    const sent = unitVolumes({ '7-2': '0', '9-1': '500' }, lines);
    const errors = autopackErrors(
      [
        problem('carton.required', 'length_cm'),
        problem('carton.not_positive', 'unit_volumes[0]'),
        problem('autopack.unit_too_big', null, { declaration_id: '9', line_no: '1' }),
        problem('autopack.no_measure', null, { declaration_id: '7', line_no: '1' }),
        problem('other', null),
      ],
      sent,
    );
    expect(Object.keys(errors).sort()).toEqual(['length_cm', 'line:7-1', 'line:9-1', 'volume:7-2']);
  });

  it('reads the line a problem names', () => {
    expect(problemLine(problem('packing.missing', null, { declaration_id: '3', line_no: '2' }))).toBe('3-2');
    expect(problemLine(problem('x', null))).toBeNull();
  });
});

describe('tracking numbers', () => {
  it('splits on commas and new lines, trims, drops empties and repeats', () => {
    expect(parseTracking('1Z999, 1Z998\n\n 1Z997 \r\n1Z999,')).toEqual(['1Z999', '1Z998', '1Z997']);
    expect(parseTracking('  ')).toEqual([]);
    expect(parseTracking('EMS KR 123')).toEqual(['EMS KR 123']);
  });
});
