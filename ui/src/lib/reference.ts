// Names from the reference lists in the current language.

import type { Reference } from './types.gen';
import { pick } from './i18n';

export function countryName(ref: Reference | null, code: string | null | undefined): string {
  if (!code) return '';
  const c = ref?.countries.find((x) => x.code === code);
  return c ? pick(c.name_ko, c.name_en) : code;
}

export function unitName(ref: Reference | null, code: string): string {
  const u = ref?.units.find((x) => x.code === code);
  return u ? pick(u.name_ko, u.name_en) : code;
}

/** Countries sorted by their name in the current language, for a select. */
export function sortedCountries(ref: Reference | null): { code: string; name: string }[] {
  const list = (ref?.countries ?? []).map((c) => ({ code: c.code, name: pick(c.name_ko, c.name_en) }));
  return list.sort((a, b) => a.name.localeCompare(b.name));
}
