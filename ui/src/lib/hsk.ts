// How far an HS code typed or picked for a product reaches, in the words the form shows. An
// export declaration needs the 10-digit Korean code (HSK); the app ships the KCS table, so a
// typed code is looked up (name, unit, validity) and a subheading offers its ten-digit codes.

import type { MessageKey } from './i18n';
import type { HsConfidence, HskLine } from './types.gen';
import { t } from './i18n';

/** How sure the finder is, in a word, and what that means for the seller. */
export const CONFIDENCE_LABEL: Record<HsConfidence, MessageKey> = {
  exact: 'hsk.conf_exact',
  strong: 'hsk.conf_strong',
  weak: 'hsk.conf_weak',
};

export const CONFIDENCE_HINT: Record<HsConfidence, MessageKey> = {
  exact: 'hsk.conf_exact_hint',
  strong: 'hsk.conf_strong_hint',
  weak: 'hsk.conf_weak_hint',
};

/** A code's place in the tariff: its own name, and the levels above it joined. */
export function pathText(line: Pick<HskLine, 'path_ko' | 'path_en'>, lang: 'ko' | 'en'): { leaf: string; above: string } {
  const path = lang === 'ko' ? line.path_ko : line.path_en;
  return { leaf: path[path.length - 1] ?? '', above: path.slice(0, -1).join(' › ') };
}

/** The quantity unit a code is declared in, or that only the weight is. */
export function unitText(unit: string | null): string {
  return unit ? t('hsk.unit', { unit }) : t('hsk.weight_only');
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
