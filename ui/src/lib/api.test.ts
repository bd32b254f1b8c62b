import { describe, expect, it } from 'vitest';
import { ApiError, toApiError } from './api';
import type { Problem } from './types.gen';

function problem(code: string, field: string | null): Problem {
  return { code, field, params: {}, message_ko: `${code} 한국어`, message_en: `${code} English` };
}

describe('toApiError', () => {
  it('wraps a list of problems as sent by the Rust side', () => {
    const list = [problem('name.empty', 'name'), problem('business_no.check_digit', 'business_no')];
    const e = toApiError(list);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.problems).toEqual(list);
    expect(e.message).toBe('name.empty English; business_no.check_digit English');
  });

  it('wraps a single problem', () => {
    const e = toApiError(problem('sample.not_empty', null));
    expect(e.problems.map((p) => p.code)).toEqual(['sample.not_empty']);
  });

  it('returns an ApiError unchanged', () => {
    const original = new ApiError([problem('x', null)]);
    expect(toApiError(original)).toBe(original);
  });

  it('turns anything else into an ipc.failed problem in both languages', () => {
    for (const thrown of [new Error('boom'), 'boom', 42, null, [1, 2]]) {
      const e = toApiError(thrown);
      expect(e.problems).toHaveLength(1);
      expect(e.problems[0].code).toBe('ipc.failed');
      expect(e.problems[0].field).toBeNull();
      expect(e.problems[0].message_ko).toContain('앱 내부 호출');
      expect(e.problems[0].message_en).toContain('internal call');
    }
    expect(toApiError(new Error('boom')).problems[0].message_en).toContain('boom');
  });
});

describe('ApiError.byField', () => {
  it('keys the problems by field, first problem per field wins, field-less ones left out', () => {
    const e = new ApiError([
      problem('lines.empty', 'lines'),
      problem('quantity.zero', 'lines[0].quantity'),
      problem('unit_price.invalid', 'lines[0].unit_price'),
      problem('quantity.invalid', 'lines[0].quantity'),
      problem('sample.invalid', null),
    ]);
    const by = e.byField();
    expect(Object.keys(by).sort()).toEqual(['lines', 'lines[0].quantity', 'lines[0].unit_price']);
    expect(by['lines[0].quantity'].code).toBe('quantity.zero');
  });

  it('is empty when no problem names a field', () => {
    expect(new ApiError([problem('a', null)]).byField()).toEqual({});
  });
});
