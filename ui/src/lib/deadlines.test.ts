import { describe, expect, it } from 'vitest';
import {
  asUrgency, dateWithWeekday, daysBetween, mostUrgent, sortByUrgency, urgencyColours, urgencyOf, weekdayName,
  URGENCIES,
} from './deadlines';
import type { DashboardItem } from './types.gen';

function item(id: number, kind: string, due: string, days: number): DashboardItem {
  return {
    deadline: {
      declaration_id: id, kind, due, raw: null, declaration_no: null, buyer_name: '', destination_country: 'US',
      fob_krw: '0', extended: false,
    },
    urgency: urgencyOf(days),
    days_left: days,
    next_step_ko: '',
    next_step_en: '',
    action: kind === 'loading' ? 'record_loading' : 'record_final_price',
  };
}

describe('urgency', () => {
  it('uses the same thresholds as the Rust side', () => {
    expect(urgencyOf(-1)).toBe('overdue');
    expect(urgencyOf(0)).toBe('soon');
    expect(urgencyOf(3)).toBe('soon');
    expect(urgencyOf(4)).toBe('week');
    expect(urgencyOf(7)).toBe('week');
    expect(urgencyOf(8)).toBe('later');
  });

  it('reads unknown values as later and picks the more urgent', () => {
    expect(asUrgency('overdue')).toBe('overdue');
    expect(asUrgency('someday')).toBe('later');
    expect(mostUrgent('week', 'soon')).toBe('soon');
    expect(mostUrgent('overdue', 'later')).toBe('overdue');
    expect(mostUrgent('week', 'week')).toBe('week');
  });

  it('gives each urgency its own colour, red for overdue and navy for later', () => {
    const solids = URGENCIES.map((u) => urgencyColours(u).solid);
    expect(new Set(solids).size).toBe(4);
    expect(urgencyColours('overdue').solid).toBe('#b42318');
    expect(urgencyColours('week').solid).toBe('#f5a623');
    expect(urgencyColours('later').solid).toBe('#22487d');
    for (const u of URGENCIES) expect(urgencyColours(u).soft).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('sorts overdue first, then by days left, loading before final price on a tie', () => {
    const sorted = sortByUrgency([
      item(1, 'final_price', '2026-12-20', 23),
      item(2, 'loading', '2026-11-20', -7),
      item(3, 'final_price', '2026-11-30', 3),
      item(4, 'loading', '2026-11-30', 3),
    ]);
    expect(sorted.map((i) => i.deadline.declaration_id)).toEqual([2, 4, 3, 1]);
  });
});

describe('dates with weekdays', () => {
  it('names the weekday in the UI language', () => {
    expect(weekdayName('2026-12-27', 'ko')).toBe('일');
    expect(weekdayName('2026-12-28', 'en')).toBe('Mon');
    expect(weekdayName('not a date', 'en')).toBe('');
  });

  it('shows YYYY-MM-DD with the weekday', () => {
    expect(dateWithWeekday('2026-12-28', 'ko')).toBe('2026-12-28 (월)');
    expect(dateWithWeekday('2026-12-26', 'en')).toBe('2026-12-26 (Sat)');
    expect(dateWithWeekday('2028-02-29T00:00:00', 'en')).toBe('2028-02-29 (Tue)');
    expect(dateWithWeekday(null, 'ko')).toBe('—');
  });

  it('counts days between dates across months and years', () => {
    expect(daysBetween('2026-11-27', '2026-12-27')).toBe(30);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-11-27', '2026-11-20')).toBe(-7);
  });
});
