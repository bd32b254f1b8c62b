// Deadline display helpers: urgency from the days left, its colours, the order of the list, and
// dates shown with their weekday in the UI language.

import type { DashboardItem, Lang } from './types.gen';

export type Urgency = 'overdue' | 'soon' | 'week' | 'later';

/** Most urgent first. */
export const URGENCIES: Urgency[] = ['overdue', 'soon', 'week', 'later'];

/** Same thresholds as the Rust side: past, ≤ 3 days, ≤ 7 days, later. */
export function urgencyOf(daysLeft: number): Urgency {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 3) return 'soon';
  if (daysLeft <= 7) return 'week';
  return 'later';
}

/** Read the urgency the Rust side sent; anything unknown counts as `later`. */
export function asUrgency(value: string): Urgency {
  return (URGENCIES as string[]).includes(value) ? (value as Urgency) : 'later';
}

export interface UrgencyColours {
  /** Strong colour: bars, dots, the left border. */
  solid: string;
  /** Pale background. */
  soft: string;
  /** Text on the pale background (contrast ≥ 4.5:1). */
  text: string;
}

const COLOURS: Record<Urgency, UrgencyColours> = {
  overdue: { solid: '#b42318', soft: '#fdecea', text: '#8f1c13' },
  soon: { solid: '#e8590c', soft: '#fff0e5', text: '#9a3a06' },
  week: { solid: '#f5a623', soft: '#fff4e0', text: '#7a4f00' },
  later: { solid: '#22487d', soft: '#e8eef7', text: '#17345e' },
};

export function urgencyColours(u: Urgency): UrgencyColours {
  return COLOURS[u];
}

/** The more urgent of two. */
export function mostUrgent(a: Urgency, b: Urgency): Urgency {
  return URGENCIES.indexOf(a) <= URGENCIES.indexOf(b) ? a : b;
}

function kindRank(kind: string): number {
  return kind === 'loading' ? 0 : 1;
}

/** Fewest days left first (overdue ones lead); loading before final price on the same day. */
export function sortByUrgency(items: DashboardItem[]): DashboardItem[] {
  return [...items].sort(
    (a, b) =>
      a.days_left - b.days_left ||
      kindRank(a.deadline.kind) - kindRank(b.deadline.kind) ||
      a.deadline.declaration_id - b.deadline.declaration_id,
  );
}

const WEEKDAYS: Record<Lang, string[]> = {
  ko: ['일', '월', '화', '수', '목', '금', '토'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

/** 0 = Sunday … 6 = Saturday; null when `iso` is not a `YYYY-MM-DD` date. */
export function weekdayOf(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d.getUTCDay();
}

export function weekdayName(iso: string, lang: Lang): string {
  const w = weekdayOf(iso);
  return w === null ? '' : WEEKDAYS[lang][w];
}

export function weekdayNames(lang: Lang): string[] {
  return WEEKDAYS[lang];
}

/** `2026-12-28 (월)` / `2026-12-28 (Mon)`; a dash for no date. */
export function dateWithWeekday(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const day = iso.slice(0, 10);
  const w = weekdayName(day, lang);
  return w ? `${day} (${w})` : day;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}
