// Scaling for the dashboard's month chart (inline SVG, no chart library): a round axis maximum,
// evenly spaced ticks, bar geometry, and short won labels for the axis.

import type { Lang, MonthTotal } from './types.gen';

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `value` (1 for zero or less). */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const exp = Math.floor(Math.log10(value));
  const base = 10 ** exp;
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * base;
    if (candidate >= value * (1 - 1e-12)) return candidate;
  }
  return 10 * base;
}

/** `count + 1` values from 0 to `max`. */
export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axis labels on the left. */
  left: number;
  /** Room for the counts above the tallest bar. */
  top: number;
  /** Room for the month labels. */
  bottom: number;
  right: number;
}

export interface Bar {
  month: string;
  count: number;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the bar, for the labels. */
  cx: number;
}

export interface ChartLayout {
  bars: Bar[];
  max: number;
  /** Horizontal grid lines: value and its y. */
  grid: { value: number; y: number }[];
  /** Bottom of the plot (the zero line). */
  baseline: number;
}

/**
 * Place one bar per month in `box`; a month with no FOB gets a bar of zero height. The axis
 * reaches at least `floor`, so that an empty or tiny year still gets a readable scale.
 */
export function layoutBars(months: MonthTotal[], box: ChartBox, floor = 1): ChartLayout {
  const values = months.map((m) => Math.max(0, Number(m.fob_krw) || 0));
  const max = niceMax(Math.max(floor, ...values));
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const baseline = box.top + plotH;
  const slot = months.length ? plotW / months.length : plotW;
  const width = Math.max(2, slot * 0.62);
  const bars = months.map((m, i) => {
    const height = (values[i] / max) * plotH;
    const x = box.left + slot * i + (slot - width) / 2;
    return { month: m.month, count: m.declarations, value: values[i], x, y: baseline - height, width, height, cx: x + width / 2 };
  });
  const grid = ticks(max).map((value) => ({ value, y: baseline - (value / max) * plotH }));
  return { bars, max, grid, baseline };
}

function trim(n: number): string {
  return String(Number(n.toFixed(1)));
}

/** Short won for an axis: `1.5억`, `3500만`, `₩12M`, `₩250K`. */
export function compactWon(value: number, lang: Lang): string {
  if (value === 0) return '0';
  if (lang === 'ko') {
    if (value >= 1e8) return `${trim(value / 1e8)}억`;
    if (value >= 1e4) return `${trim(value / 1e4)}만`;
    return String(Math.round(value));
  }
  if (value >= 1e9) return `₩${trim(value / 1e9)}B`;
  if (value >= 1e6) return `₩${trim(value / 1e6)}M`;
  if (value >= 1e3) return `₩${trim(value / 1e3)}K`;
  return `₩${Math.round(value)}`;
}
