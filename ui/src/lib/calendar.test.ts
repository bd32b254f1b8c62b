import { describe, expect, it } from 'vitest';
import { daysInMonth, deadlinesByDay, monthGrid, monthOf, monthShort, monthTitle, shiftMonth } from './calendar';
import type { DashboardItem } from './types.gen';

function item(id: number, due: string, urgency: string): DashboardItem {
  return {
    deadline: {
      declaration_id: id, kind: 'loading', due, raw: null, declaration_no: null, buyer_name: '',
      destination_country: 'US', fob_krw: '0', extended: false,
    },
    urgency, days_left: 0, next_step_ko: '', next_step_en: '', action: 'record_loading',
  };
}

describe('month grid', () => {
  it('starts on Sunday and pads with the neighbouring months', () => {
    // November 2026 starts on a Sunday and has 30 days: five full weeks.
    const nov = monthGrid({ year: 2026, month: 11 }, '2026-11-27');
    expect(nov).toHaveLength(5);
    expect(nov[0][0]).toMatchObject({ date: '2026-11-01', weekday: 0, inMonth: true });
    expect(nov[4][6]).toMatchObject({ date: '2026-12-05', inMonth: false });
    expect(nov.flat().filter((d) => d.isToday).map((d) => d.date)).toEqual(['2026-11-27']);
  });

  it('needs six rows when the month starts late in the week', () => {
    // August 2026 starts on a Saturday.
    const aug = monthGrid({ year: 2026, month: 8 }, '2026-11-27');
    expect(aug).toHaveLength(6);
    expect(aug[0][0].date).toBe('2026-07-26');
    expect(aug[0][6]).toMatchObject({ date: '2026-08-01', inMonth: true });
    expect(aug.every((w) => w.length === 7)).toBe(true);
  });

  it('fits February of a common year that starts on Sunday in four rows', () => {
    expect(monthGrid({ year: 2026, month: 2 }, '2026-11-27')).toHaveLength(4);
    expect(daysInMonth(2028, 2)).toBe(29);
  });

  it('moves between months across years', () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftMonth({ year: 2026, month: 5 }, -17)).toEqual({ year: 2024, month: 12 });
    expect(monthOf('2026-11-27')).toEqual({ year: 2026, month: 11 });
  });

  it('names months in both languages', () => {
    expect(monthTitle({ year: 2026, month: 11 }, 'ko')).toBe('2026년 11월');
    expect(monthTitle({ year: 2026, month: 11 }, 'en')).toBe('November 2026');
    expect(monthShort('2026-03', 'ko')).toBe('3월');
    expect(monthShort('2026-03', 'en')).toBe('Mar');
  });
});

describe('deadlines by day', () => {
  it('counts the deadlines of each day and keeps the most urgent colour', () => {
    const map = deadlinesByDay([
      item(1, '2026-11-30', 'week'),
      item(2, '2026-11-30', 'soon'),
      item(3, '2026-12-10', 'later'),
    ]);
    expect(map.get('2026-11-30')).toMatchObject({ count: 2, urgency: 'soon' });
    expect(map.get('2026-12-10')?.count).toBe(1);
    expect(map.has('2026-11-29')).toBe(false);
  });
});
