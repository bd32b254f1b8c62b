// The month calendar of the dashboard: weeks from Sunday to Saturday (as Korean calendars and
// the customs-rate weeks run), with the deadlines due on each day.

import { asUrgency, mostUrgent, type Urgency } from './deadlines';
import type { DashboardItem, Lang } from './types.gen';

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

export interface CalendarDay {
  date: string;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  inMonth: boolean;
  isToday: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function monthOf(iso: string): YearMonth {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
}

export function shiftMonth(ym: YearMonth, delta: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The weeks showing `ym`: each a row of 7 days, Sunday first, padded with the days of the
 * months before and after so that every row is full.
 */
export function monthGrid(ym: YearMonth, today: string): CalendarDay[][] {
  const first = new Date(Date.UTC(ym.year, ym.month - 1, 1));
  const start = new Date(first);
  start.setUTCDate(1 - first.getUTCDay());
  const count = first.getUTCDay() + daysInMonth(ym.year, ym.month);
  const weeks = Math.ceil(count / 7);
  const out: CalendarDay[][] = [];
  const d = new Date(start);
  for (let w = 0; w < weeks; w += 1) {
    const row: CalendarDay[] = [];
    for (let i = 0; i < 7; i += 1) {
      const date = isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      row.push({
        date,
        day: d.getUTCDate(),
        weekday: i,
        inMonth: d.getUTCMonth() + 1 === ym.month,
        isToday: date === today,
      });
      d.setUTCDate(d.getUTCDate() + 1);
    }
    out.push(row);
  }
  return out;
}

export interface DayDeadlines {
  count: number;
  /** The most urgent of the day's deadlines. */
  urgency: Urgency;
  items: DashboardItem[];
}

/** The deadlines by due date. */
export function deadlinesByDay(items: DashboardItem[]): Map<string, DayDeadlines> {
  const map = new Map<string, DayDeadlines>();
  for (const item of items) {
    const key = item.deadline.due.slice(0, 10);
    const u = asUrgency(item.urgency);
    const found = map.get(key);
    if (found) {
      found.count += 1;
      found.urgency = mostUrgent(found.urgency, u);
      found.items.push(item);
    } else {
      map.set(key, { count: 1, urgency: u, items: [item] });
    }
  }
  return map;
}

const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** `2026년 11월` / `November 2026`. */
export function monthTitle(ym: YearMonth, lang: Lang): string {
  return lang === 'ko' ? `${ym.year}년 ${ym.month}월` : `${MONTHS_EN[ym.month - 1]} ${ym.year}`;
}

/** `11월` / `Nov` for a `YYYY-MM` key. */
export function monthShort(key: string, lang: Lang): string {
  const m = Number(key.slice(5, 7));
  if (!m) return key;
  return lang === 'ko' ? `${m}월` : MONTHS_EN[m - 1].slice(0, 3);
}
