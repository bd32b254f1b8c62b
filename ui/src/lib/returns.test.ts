import { describe, expect, it } from 'vitest';
import {
  availableOf, CONDITIONS, daysLeft, draftFromForm, draftLineNos, DRAWBACKS, emptyForm, exceedsAvailable, formFromRecord,
  formUnits, isUrgent, lineErrors, monthOf, parseMonth, REASONS, returnableDeclarations, singleOrder,
} from './returns';
import type { DeclarationRow, ExportedLine, Problem, ReturnRecord } from './types.gen';

function line(line_no: number, exported: string, returned_by_others = '0'): ExportedLine {
  return { declaration_id: 7, line_no, unit: 'EA', exported, returned_by_others };
}

function problem(code: string, field: string | null): Problem {
  return { code, field, params: {}, message_ko: code, message_en: code };
}

const lines = [line(1, '10'), line(2, '5', '2'), line(3, '3')];

describe('available quantities', () => {
  it('is exported minus what other returns brought back', () => {
    expect(availableOf(line(1, '10'))).toBe('10');
    expect(availableOf(line(2, '5', '2'))).toBe('3');
    expect(availableOf(line(3, '3', '3'))).toBe('0');
    expect(availableOf(line(4, '2.500', '1'))).toBe('1.5');
    expect(availableOf(line(5, '1', '2'))).toBe('0');
  });

  it('flags a quantity above what is left', () => {
    expect(exceedsAvailable('4', '3')).toBe(true);
    expect(exceedsAvailable('3', '3')).toBe(false);
    expect(exceedsAvailable('1.5', '1.25')).toBe(true);
    expect(exceedsAvailable('abc', '3')).toBe(false);
  });
});

describe('form ↔ draft', () => {
  it('sends only the lines with a quantity, in declaration order, trimmed', () => {
    const f = emptyForm('2026-03-02');
    f.declaration_id = 7;
    f.reason = 'order_cancellation';
    f.condition = 'unused_unaltered';
    f.drawback_status = 'none_claimed';
    f.carrier = ' CJ ';
    f.quantities = { 3: ' 1 ', 1: '2', 2: '  ' };
    f.rates = { 1: '8 %', 2: '5' };
    expect(draftLineNos(f, lines)).toEqual([1, 3]);
    const d = draftFromForm(f, lines);
    expect(d).toEqual({
      order_id: null, declaration_id: 7, return_date: '2026-03-02', reason: 'order_cancellation', carrier: 'CJ',
      tracking_no: '', condition: 'unused_unaltered', drawback_status: 'none_claimed', note: '',
      lines: [
        { declaration_id: 7, line_no: 1, quantity: '2', duty_rate_percent: '8' },
        { declaration_id: 7, line_no: 3, quantity: '1', duty_rate_percent: '' },
      ],
    });
  });

  it('sends empty codes and declaration 0 so that the app names the missing fields', () => {
    const d = draftFromForm(emptyForm('2026-03-02'), []);
    expect(d.declaration_id).toBe(0);
    expect(d.reason).toBe('');
    expect(d.lines).toEqual([]);
  });

  it('reads a stored return back into the form', () => {
    const ret: ReturnRecord = {
      id: 4, order_id: 9, declaration_id: 7, return_date: '2026-03-02', reason: 'defect', carrier: 'EMS', tracking_no: 'EE1',
      condition: 'repaired', drawback_status: 'received', note: 'n',
      lines: [{ declaration_id: 7, line_no: 2, quantity: '1', duty_rate_percent: null }, { declaration_id: 7, line_no: 1, quantity: '3', duty_rate_percent: '8' }],
      claim_state: 'draft', filed_on: null, decided_on: null, import_declaration_no: null,
    };
    const f = formFromRecord(ret);
    expect(f.quantities).toEqual({ 1: '3', 2: '1' });
    expect(f.rates).toEqual({ 1: '8' });
    const d = draftFromForm(f, lines);
    expect(d.order_id).toBe(9);
    expect(d.lines.map((l) => [l.line_no, l.quantity, l.duty_rate_percent])).toEqual([[1, '3', '8'], [2, '1', '']]);
  });

  it('puts line problems next to the declaration line they are about', () => {
    const errors = {
      'lines[1].quantity': problem('return.quantity_exceeds', 'lines[1].quantity'),
      'lines[0].duty_rate_percent': problem('rate', 'lines[0].duty_rate_percent'),
      'lines[5].quantity': problem('lost', 'lines[5].quantity'),
      return_date: problem('date', 'return_date'),
    };
    const by = lineErrors(errors, [1, 3]);
    expect(Object.keys(by)).toEqual(['1', '3']);
    expect(by[3].quantity.code).toBe('return.quantity_exceeds');
    expect(by[1].duty_rate_percent.code).toBe('rate');
  });

  it('counts the units typed', () => {
    const f = emptyForm('2026-03-02');
    f.quantities = { 1: '2', 2: '0.5', 3: 'x' };
    expect(formUnits(f)).toBe('2.5');
    expect(formUnits(emptyForm('2026-03-02'))).toBe('0');
  });

  it('finds the single order of the returned lines', () => {
    expect(singleOrder({ 1: 9, 2: 9, 3: 10 }, [1, 2])).toBe(9);
    expect(singleOrder({ 1: 9, 2: 9, 3: 10 }, [1, 3])).toBeNull();
    expect(singleOrder({}, [1])).toBeNull();
  });
});

describe('window and lists', () => {
  it('counts days left and marks the last 30 days urgent', () => {
    expect(daysLeft('2026-03-01', '2026-03-31')).toBe(30);
    expect(isUrgent(30)).toBe(true);
    expect(isUrgent(31)).toBe(false);
    expect(isUrgent(-1)).toBe(true);
    expect(daysLeft('2026-03-02', '2026-03-01')).toBe(-1);
  });

  it('offers only accepted and loaded declarations', () => {
    const row = (id: number, state: DeclarationRow['state']) => ({ id, state }) as DeclarationRow;
    const rows = [row(1, 'draft'), row(2, 'accepted'), row(3, 'loaded'), row(4, 'cancelled'), row(5, 'filed')];
    expect(returnableDeclarations(rows).map((r) => r.id)).toEqual([2, 3]);
  });

  it('reads a month', () => {
    expect(monthOf('2026-03-02')).toBe('2026-03');
    expect(parseMonth('2026-03')).toEqual({ year: 2026, month: 3 });
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('March')).toBeNull();
  });

  it('lists every code once', () => {
    expect(new Set(REASONS).size).toBe(5);
    expect(CONDITIONS[0]).toBe('unused_unaltered');
    expect(DRAWBACKS).toContain('waived_in_writing');
  });
});
