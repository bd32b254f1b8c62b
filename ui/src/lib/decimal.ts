// Exact decimal arithmetic for the live previews in forms (line amount = quantity × unit price).
// The Rust side computes the stored figures; this only mirrors them while the user types, with
// the same rounding (half away from zero at the currency's minor unit).

interface Dec {
  value: bigint;
  scale: number;
}

/** Read `1,234.50` or `12` as an exact decimal; null when it is not a number. */
export function parseDecimal(input: string): Dec | null {
  const s = input.trim().replace(/,/g, '');
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  const digits = `${m[2] || '0'}${frac}`;
  const v = BigInt(digits);
  return { value: m[1] === '-' ? -v : v, scale: frac.length };
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function rescale(d: Dec, scale: number): bigint {
  if (scale >= d.scale) return d.value * pow10(scale - d.scale);
  const div = pow10(d.scale - scale);
  const q = d.value / div;
  const r = d.value % div;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= div) return d.value < 0n ? q - 1n : q + 1n;
  return q;
}

function toText(value: bigint, scale: number): string {
  const neg = value < 0n;
  const abs = (neg ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? abs : `${abs.slice(0, -scale)}.${abs.slice(-scale)}`;
  return neg && /[1-9]/.test(text) ? `-${text}` : text;
}

/** quantity × price rounded to `digits` decimals; null when either is not a number. */
export function multiply(a: string, b: string, digits: number): string | null {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (!x || !y) return null;
  const product: Dec = { value: x.value * y.value, scale: x.scale + y.scale };
  return toText(rescale(product, digits), digits);
}

/** Sum of decimal strings at `digits` decimals; entries that are not numbers are skipped. */
export function sum(values: (string | null)[], digits: number): string {
  let total = 0n;
  for (const v of values) {
    const d = v === null ? null : parseDecimal(v);
    if (d) total += rescale(d, digits);
  }
  return toText(total, digits);
}
