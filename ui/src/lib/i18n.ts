// Tiny translation helper. `t('nav.orders')` looks the key up in the dictionary of the current
// language; `{name}` placeholders are filled from `params`. Keys are typed from the Korean
// dictionary, so a missing key is a type error; `i18n.test.ts` also checks the files.

import { ko } from './i18n/ko';
import { en } from './i18n/en';
import { locale } from './locale.svelte';
import type { Lang, Problem } from './types.gen';

export type MessageKey = keyof typeof ko;
export type Params = Record<string, string | number>;

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { ko, en };

/** Replace `{name}` placeholders; unknown placeholders are left as they are. */
export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = dictionaries[lang][key] ?? dictionaries.ko[key] ?? key;
  return interpolate(text, params);
}

/** Text of `key` in the current UI language. Reactive inside components. */
export function t(key: MessageKey, params?: Params): string {
  return translate(locale.lang, key, params);
}

export function currentLang(): Lang {
  return locale.lang;
}

export function setLang(lang: Lang): void {
  locale.lang = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Pick the Korean or English variant of a value for the current language. */
export function pick(ko: string, en: string): string {
  return locale.lang === 'ko' ? ko || en : en || ko;
}

/** A Rust Problem's message in the current language (never re-translated here). */
export function problemText(p: Problem): string {
  return pick(p.message_ko, p.message_en);
}
