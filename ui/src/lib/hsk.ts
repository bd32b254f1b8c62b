// How far an HS code typed or picked for a product reaches, in the words the form shows: the
// finder knows HS 2022 six-digit subheadings, while an export declaration needs the 10-digit
// Korean code (HSK). The last four digits come from the official Korean tariff; until the app
// ships that table, the form says so, says where to look, and checks that the ten digits typed
// keep the subheading the seller chose.

import type { MessageKey } from './i18n';
import type { HsBasis } from './types.gen';

/** How the finder found a code, in a word, and what that means for the seller. */
export const BASIS_LABEL: Record<HsBasis, MessageKey> = {
  code: 'hsk.basis_code',
  keyword_exact: 'hsk.basis_keyword_exact',
  keyword: 'hsk.basis_keyword',
  description: 'hsk.basis_description',
};

export const BASIS_HINT: Record<HsBasis, MessageKey> = {
  code: 'hsk.basis_code_hint',
  keyword_exact: 'hsk.basis_keyword_exact_hint',
  keyword: 'hsk.basis_keyword_hint',
  description: 'hsk.basis_description_hint',
};

/**
 * The label of each result's basis among the results shown together: when two or more codes
 * in different headings each look "likely" (a name that fits several materials or products,
 * such as a coaster or "gift wrap"), none of them is called likely — the seller must choose.
 */
export function basisLabels(matches: { code: string; basis: HsBasis }[]): MessageKey[] {
  const likelyHeadings = new Set(matches.filter((m) => m.basis === 'keyword_exact').map((m) => m.code.slice(0, 4)));
  return matches.map((m) =>
    m.basis === 'keyword_exact' && likelyHeadings.size > 1 ? 'hsk.basis_ambiguous' : BASIS_LABEL[m.basis],
  );
}

export type HsState =
  | { kind: 'empty' }
  /** Fewer than six digits: not yet a subheading. */
  | { kind: 'short'; digits: string }
  /** A subheading (6 to 9 digits): the last digits of the HSK are still to find. */
  | { kind: 'subheading'; subheading: string; digits: string }
  /** Ten digits, in the subheading chosen with the finder (or none was chosen). */
  | { kind: 'hsk'; subheading: string; digits: string }
  /** Ten digits whose first six differ from the subheading chosen with the finder. */
  | { kind: 'mismatch'; subheading: string; picked: string; digits: string }
  /** More than ten digits, or letters. */
  | { kind: 'invalid'; text: string };

/** `330499` → `3304.99`. */
export function dottedSubheading(six: string): string {
  return `${six.slice(0, 4)}.${six.slice(4, 6)}`;
}

/** `3304991000` → `3304.99-1000`. */
export function dottedHsk(ten: string): string {
  return `${ten.slice(0, 4)}.${ten.slice(4, 6)}-${ten.slice(6)}`;
}

export function hsState(input: string, picked?: string | null): HsState {
  const text = input.trim();
  if (text === '') return { kind: 'empty' };
  if (/[^\d.\-\s]/.test(text)) return { kind: 'invalid', text };
  const digits = text.replace(/\D/g, '');
  if (digits.length < 6) return { kind: 'short', digits };
  if (digits.length > 10) return { kind: 'invalid', text };
  const subheading = dottedSubheading(digits);
  if (digits.length < 10) return { kind: 'subheading', subheading, digits };
  const chosen = (picked ?? '').replace(/\D/g, '').slice(0, 6);
  if (chosen.length === 6 && chosen !== digits.slice(0, 6)) {
    return { kind: 'mismatch', subheading, picked: dottedSubheading(chosen), digits };
  }
  return { kind: 'hsk', subheading, digits };
}
