/// <reference types="node" />
// The dictionaries must have the same keys, no empty text, the same placeholders, and every
// t('key') used anywhere under src/ must exist in both.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ko } from './i18n/ko';
import { en } from './i18n/en';
import { interpolate, translate } from './i18n';

const dicts: Record<string, Record<string, string>> = { ko, en };
const srcDir = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(svelte|ts)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(path);
  }
  return out;
}

/** Every literal key of a `t('…')` or `t("…")` call, with the file it is in. */
function usedKeys(): { key: string; file: string }[] {
  const found: { key: string; file: string }[] = [];
  const call = /(?<![\w$.])t\(\s*(['"])((?:(?!\1).)+)\1/g;
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(call)) found.push({ key: m[2], file: relative(srcDir, file) });
  }
  return found;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe('dictionaries', () => {
  it('have exactly the same keys', () => {
    const koKeys = Object.keys(ko);
    const enKeys = Object.keys(en);
    expect(koKeys.filter((k) => !(k in en)), 'in ko.ts but not in en.ts').toEqual([]);
    expect(enKeys.filter((k) => !(k in ko)), 'in en.ts but not in ko.ts').toEqual([]);
  });

  it('have no empty text', () => {
    for (const [lang, dict] of Object.entries(dicts)) {
      const empty = Object.entries(dict)
        .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
        .map(([k]) => k);
      expect(empty, `empty strings in ${lang}.ts`).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const differ = Object.keys(ko).filter(
      (k) => placeholders(ko[k as keyof typeof ko]).join() !== placeholders(en[k as keyof typeof en] ?? '').join(),
    );
    expect(differ).toEqual([]);
  });

  it('contain every key used with t() in the source', () => {
    const used = usedKeys();
    expect(used.length).toBeGreaterThan(100);
    const missing = used
      .filter(({ key }) => !(key in ko) || !(key in en))
      .map(({ key, file }) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('have no keys that no source file mentions', () => {
    // Keys may be passed around as typed values (nav items, entity names), so any quoted
    // mention counts as a use.
    const all = sourceFiles(srcDir)
      .filter((f) => !f.includes(`${join('lib', 'i18n')}`))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = Object.keys(ko).filter((k) => !all.includes(`'${k}'`) && !all.includes(`"${k}"`));
    expect(unused).toEqual([]);
  });
});

describe('t helpers', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(interpolate('{a} of {b}', { a: 1, b: 'two' })).toBe('1 of two');
    expect(interpolate('{a} {missing}', { a: 'x' })).toBe('x {missing}');
    expect(interpolate('plain')).toBe('plain');
  });

  it('translates in the language asked', () => {
    expect(translate('ko', 'nav.orders')).toBe('주문');
    expect(translate('en', 'nav.orders')).toBe('Orders');
    expect(translate('en', 'common.count', { count: 3 })).toBe('3 shown');
  });
});
