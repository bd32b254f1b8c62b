// Display formatting shared by every screen: dates as YYYY-MM-DD, money with thousands
// separators and the currency code, HS codes dotted like the tariff book.

const DASH = '—';

/** Currencies without minor units (the rest use two decimals in this app). */
const ZERO_DECIMAL = new Set(['KRW', 'JPY', 'VND', 'CLP']);

export function minorUnits(currency: string): number {
  return ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
}

/** `2026-03-05`, `2026-03-05T10:20:00` → `2026-03-05`; anything else → a dash. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return DASH;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return m ? m[1] : DASH;
}

/**
 * Tidy a typed date into `YYYY-MM-DD` when it is one written another common way
 * (`2026.3.5`, `2026/03/05`, `20260305`); anything else is returned trimmed, unchanged.
 */
export function normalizeDate(input: string): string {
  const s = input.trim().replace(/\.$/, '');
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const parts = compact ?? /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})$/.exec(s);
  if (!parts) return s;
  const [y, m, d] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (!realDate(y, m, d)) return s;
  return `${parts[1]}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!m && realDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `2026-03-05T10:20:31.123` → `2026-03-05 10:20`. A bare date stays a date. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return DASH;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(value.trim());
  if (!m) return DASH;
  return m[2] ? `${m[1]} ${m[2]}` : m[1];
}

/** Put thousands separators into a plain decimal string: `-1234567.5` → `-1,234,567.5`. */
export function groupThousands(value: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(value.trim());
  if (!m) return value;
  const int = m[2].replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${m[1]}${int}${m[3] ?? ''}`;
}

/** Pad or keep the fraction so that it shows at least `digits` decimals. */
export function fixDecimals(value: string, digits: number): string {
  const m = /^(-?\d+)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) return value;
  const frac = m[2] ?? '';
  if (digits === 0 && /^0*$/.test(frac)) return m[1];
  if (frac.length >= digits) return frac.length ? `${m[1]}.${frac}` : m[1];
  return `${m[1]}.${frac.padEnd(digits, '0')}`;
}

/** Plain number with separators, e.g. a quantity or a rate (`1385.2` → `1,385.2`). */
export function formatNumber(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return DASH;
  return groupThousands(String(value));
}

/** The unit KCS quotes a currency's rate per: 100 for the yen, 1 for the others. */
export function quotedPer(currency: string): '1' | '100' {
  return currency === 'JPY' ? '100' : '1';
}

/** An example rate as the KCS table shows it, for an empty rate field. */
export function rateExample(currency: string): string {
  return quotedPer(currency) === '100' ? '940.12' : '1,450.30';
}

/**
 * A customs rate as KCS quotes it and the seller typed it: separators and at least two
 * decimals (`1450.3` → `1,450.30`); more decimals are kept (`9.4012` stays `9.4012`).
 */
export function formatRate(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return DASH;
  return groupThousands(fixDecimals(String(value), 2));
}

/** `USD 1,234.50`, `KRW 1,500,000`. */
export function formatMoney(amount: string | number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || amount === '') return DASH;
  const text = String(amount);
  if (!/^-?\d+(\.\d+)?$/.test(text.trim())) return `${currency} ${text}`;
  return `${currency} ${groupThousands(fixDecimals(text, minorUnits(currency)))}`;
}

/** Korean won with separators: `KRW 5,000,000`. */
export function formatKrw(amount: string | number | null | undefined): string {
  return formatMoney(amount, 'KRW');
}

/** `3304991000` → `3304.99-1000`, `330499` → `3304.99`, shorter codes unchanged. */
export function dottedHs(code: string | null | undefined): string {
  if (!code) return '';
  const c = code.replace(/[.\-\s]/g, '');
  if (c.length === 10) return `${c.slice(0, 4)}.${c.slice(4, 6)}-${c.slice(6)}`;
  if (c.length === 6) return `${c.slice(0, 4)}.${c.slice(4)}`;
  return c;
}

/** `2208162517` → `220-81-62517`; anything that is not 10 digits is returned as given. */
export function formatBusinessNo(value: string | null | undefined): string {
  if (!value) return '';
  const d = value.replace(/\D/g, '');
  return d.length === 10 ? `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}` : value;
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return DASH;
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

function parseIsoDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Add (or subtract) whole days to a `YYYY-MM-DD` date. */
export function addDays(value: string, days: number): string {
  const d = parseIsoDate(value);
  if (!d) return value;
  d.setUTCDate(d.getUTCDate() + days);
  return isoOf(d);
}

/** The Sunday that starts the customs-rate week containing `value`. */
export function weekStart(value: string): string {
  const d = parseIsoDate(value);
  if (!d) return value;
  return addDays(isoOf(d), -d.getUTCDay());
}

/** The Saturday that ends the week starting on the Sunday `start`. */
export function weekEnd(start: string): string {
  return addDays(start, 6);
}

/** Today in the computer's local time zone, as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Won with the sign and separators: `₩1,234,567` (a fraction, if any, is kept). */
export function formatWon(amount: string | number | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return DASH;
  const text = String(amount).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return `₩${text}`;
  const neg = text.startsWith('-');
  const digits = fixDecimals(neg ? text.slice(1) : text, 0);
  return `${neg ? '-' : ''}₩${groupThousands(digits)}`;
}
