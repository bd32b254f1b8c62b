import { describe, expect, it } from 'vitest';
import { multiply, parseDecimal, sum } from './decimal';

describe('decimal previews', () => {
  it('reads decimals exactly', () => {
    expect(parseDecimal('1,234.50')).toEqual({ value: 123450n, scale: 2 });
    expect(parseDecimal('.5')).toEqual({ value: 5n, scale: 1 });
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('1.2.3')).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
  });

  it('multiplies without floating-point error', () => {
    expect(multiply('3', '0.1', 2)).toBe('0.30');
    expect(multiply('2', '19.99', 2)).toBe('39.98');
    expect(multiply('1.5', '1000', 0)).toBe('1500');
  });

  it('rounds half away from zero at the minor unit', () => {
    expect(multiply('1', '0.125', 2)).toBe('0.13');
    expect(multiply('1', '0.124', 2)).toBe('0.12');
    expect(multiply('3', '333.5', 0)).toBe('1001');
    expect(multiply('-1', '0.125', 2)).toBe('-0.13');
  });

  it('gives null for text that is not a number', () => {
    expect(multiply('', '5', 2)).toBeNull();
    expect(multiply('2', 'x', 2)).toBeNull();
  });

  it('sums and skips blanks', () => {
    expect(sum(['39.98', null, '0.30', 'x'], 2)).toBe('40.28');
    expect(sum([], 0)).toBe('0');
  });
});
