import { describe, expect, it } from 'vitest';
import { compactWon, layoutBars, niceMax, ticks } from './chart';
import type { MonthTotal } from './types.gen';

const box = { width: 620, height: 220, left: 50, top: 24, bottom: 30, right: 10 };

describe('axis', () => {
  it('rounds the maximum up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(1_000_000)).toBe(1_000_000);
    expect(niceMax(1_200_000)).toBe(2_000_000);
    expect(niceMax(2_300_000)).toBe(2_500_000);
    expect(niceMax(4_999_999)).toBe(5_000_000);
    expect(niceMax(51)).toBe(100);
  });

  it('spaces the ticks evenly from zero', () => {
    expect(ticks(2_000_000)).toEqual([0, 500_000, 1_000_000, 1_500_000, 2_000_000]);
  });

  it('writes won briefly in each language', () => {
    expect(compactWon(0, 'ko')).toBe('0');
    expect(compactWon(150_000_000, 'ko')).toBe('1.5억');
    expect(compactWon(35_000_000, 'ko')).toBe('3500만');
    expect(compactWon(12_000_000, 'en')).toBe('₩12M');
    expect(compactWon(250_000, 'en')).toBe('₩250K');
  });
});

describe('bars', () => {
  const months: MonthTotal[] = [
    { month: '2026-09', declarations: 0, fob_krw: '0' },
    { month: '2026-10', declarations: 2, fob_krw: '1000000' },
    { month: '2026-11', declarations: 5, fob_krw: '2000000' },
  ];

  it('scales the tallest bar to the nice maximum and keeps empty months at zero', () => {
    const l = layoutBars(months, box);
    const plotH = box.height - box.top - box.bottom;
    expect(l.max).toBe(2_000_000);
    expect(l.baseline).toBe(box.top + plotH);
    expect(l.bars[2].height).toBeCloseTo(plotH);
    expect(l.bars[1].height).toBeCloseTo(plotH / 2);
    expect(l.bars[0].height).toBe(0);
    expect(l.bars[0].y).toBe(l.baseline);
    expect(l.bars.map((b) => b.count)).toEqual([0, 2, 5]);
  });

  it('keeps every bar inside the plot, left to right', () => {
    const l = layoutBars(months, box);
    for (const b of l.bars) {
      expect(b.x).toBeGreaterThanOrEqual(box.left);
      expect(b.x + b.width).toBeLessThanOrEqual(box.width - box.right);
    }
    expect(l.bars[0].cx).toBeLessThan(l.bars[1].cx);
    expect(l.grid[0]).toEqual({ value: 0, y: l.baseline });
    expect(l.grid[l.grid.length - 1].y).toBeCloseTo(box.top);
  });

  it('draws nothing tall when every month is empty, on the floor scale', () => {
    const l = layoutBars([{ month: '2026-11', declarations: 0, fob_krw: '0' }], box);
    expect(l.max).toBe(1);
    expect(l.bars[0].height).toBe(0);
    const floored = layoutBars([{ month: '2026-11', declarations: 0, fob_krw: '0' }], box, 1_000_000);
    expect(floored.max).toBe(1_000_000);
    expect(floored.grid.map((g) => g.value)).toEqual([0, 250_000, 500_000, 750_000, 1_000_000]);
  });
});
