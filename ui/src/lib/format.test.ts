import { describe, expect, it } from 'vitest';
import {
  addDays, dottedHs, fixDecimals, formatBusinessNo, formatBytes, formatDate, formatDateTime, formatKrw,
  formatMoney, formatNumber, formatWon, groupThousands, isIsoDate, localToday, minorUnits, normalizeDate, weekEnd, weekStart,
} from './format';

describe('dates', () => {
  it('shows dates as YYYY-MM-DD', () => {
    expect(formatDate('2026-03-05')).toBe('2026-03-05');
    expect(formatDate('2026-03-05T10:20:31.5')).toBe('2026-03-05');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDate('soon')).toBe('—');
  });

  it('shows date-times to the minute', () => {
    expect(formatDateTime('2026-03-05T10:20:31.123')).toBe('2026-03-05 10:20');
    expect(formatDateTime('2026-03-05 08:01:00')).toBe('2026-03-05 08:01');
    expect(formatDateTime('2026-03-05')).toBe('2026-03-05');
    expect(formatDateTime(undefined)).toBe('—');
  });

  it('finds the Sunday-to-Saturday customs week', () => {
    expect(weekStart('2026-11-27')).toBe('2026-11-22'); // a Friday
    expect(weekStart('2026-11-22')).toBe('2026-11-22'); // the Sunday itself
    expect(weekStart('2026-11-28')).toBe('2026-11-22'); // Saturday
    expect(weekStart('2027-01-02')).toBe('2026-12-27'); // across the year
    expect(weekEnd('2026-11-22')).toBe('2026-11-28');
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('tidies dates typed in other common ways', () => {
    expect(normalizeDate('2026-11-27')).toBe('2026-11-27');
    expect(normalizeDate(' 2026.3.5. ')).toBe('2026-03-05');
    expect(normalizeDate('2026/03/05')).toBe('2026-03-05');
    expect(normalizeDate('20260305')).toBe('2026-03-05');
    expect(normalizeDate('2026-02-30')).toBe('2026-02-30'); // not a real date: left for the app to report
    expect(normalizeDate('next week')).toBe('next week');
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-3-5')).toBe(false);
  });

  it('gives the local date', () => {
    expect(localToday(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
  });
});

describe('numbers and money', () => {
  it('groups thousands', () => {
    expect(groupThousands('1234567')).toBe('1,234,567');
    expect(groupThousands('1234567.891')).toBe('1,234,567.891');
    expect(groupThousands('-1000')).toBe('-1,000');
    expect(groupThousands('999')).toBe('999');
    expect(groupThousands('0.5')).toBe('0.5');
    expect(groupThousands('abc')).toBe('abc');
  });

  it('pads to the currency minor unit without cutting digits', () => {
    expect(fixDecimals('12.5', 2)).toBe('12.50');
    expect(fixDecimals('12', 2)).toBe('12.00');
    expect(fixDecimals('12.345', 2)).toBe('12.345');
    expect(fixDecimals('1500.00', 0)).toBe('1500');
  });

  it('formats KRW with separators and no decimals', () => {
    expect(formatKrw('5000000')).toBe('KRW 5,000,000');
    expect(formatKrw(1234567)).toBe('KRW 1,234,567');
    expect(formatKrw('0')).toBe('KRW 0');
    expect(formatKrw(null)).toBe('—');
  });

  it('formats foreign money with the currency code', () => {
    expect(formatMoney('1234.5', 'USD')).toBe('USD 1,234.50');
    expect(formatMoney('98000', 'JPY')).toBe('JPY 98,000');
    expect(formatMoney('45', 'EUR')).toBe('EUR 45.00');
    expect(formatMoney('n/a', 'USD')).toBe('USD n/a');
  });

  it('knows which currencies have no minor unit', () => {
    expect(minorUnits('KRW')).toBe(0);
    expect(minorUnits('jpy')).toBe(0);
    expect(minorUnits('USD')).toBe(2);
  });

  it('formats plain numbers', () => {
    expect(formatNumber('1385.2')).toBe('1,385.2');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber('')).toBe('—');
  });

  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
  });
});

describe('identifiers', () => {
  it('dots HS codes like the tariff book', () => {
    expect(dottedHs('3304991000')).toBe('3304.99-1000');
    expect(dottedHs('330499')).toBe('3304.99');
    expect(dottedHs('3304')).toBe('3304');
    expect(dottedHs('3304.99-1000')).toBe('3304.99-1000');
    expect(dottedHs(null)).toBe('');
  });

  it('dashes business registration numbers', () => {
    expect(formatBusinessNo('2208162517')).toBe('220-81-62517');
    expect(formatBusinessNo('220-81-62517')).toBe('220-81-62517');
    expect(formatBusinessNo('123')).toBe('123');
  });
});

describe('won', () => {
  it('shows won with the sign and separators', () => {
    expect(formatWon('1234567')).toBe('₩1,234,567');
    expect(formatWon(5000000)).toBe('₩5,000,000');
    expect(formatWon('-2500')).toBe('-₩2,500');
    expect(formatWon('0')).toBe('₩0');
    expect(formatWon(null)).toBe('—');
  });
});

describe('formatRate', () => {
  it('shows a rate as KCS quotes it, two decimals at least', async () => {
    const { formatRate } = await import('./format');
    expect(formatRate('1450.3')).toBe('1,450.30');
    expect(formatRate('1450')).toBe('1,450.00');
    expect(formatRate('9.4012')).toBe('9.4012');
    expect(formatRate(null)).toBe('—');
  });
});

describe('quotedPer', () => {
  it('quotes the yen per 100 and every other currency per 1, with an example to match', async () => {
    const { quotedPer, rateExample } = await import('./format');
    expect(quotedPer('JPY')).toBe('100');
    expect(quotedPer('USD')).toBe('1');
    expect(rateExample('JPY')).toBe('940.12');
    expect(rateExample('EUR')).toBe('1,450.30');
  });
});
