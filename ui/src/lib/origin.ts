// Small pure helpers of the origin check screens: verdict and outcome labels and colours, where
// to fix a missing fact, shares of the price, the FTAs of a destination, and rule-form errors.

import type { MessageKey } from './i18n';
import type {
  BomSummary, Certification, FtaInfo, Outcome, Problem, PsrRuleInfo, Verdict,
} from './types.gen';

export type Tone = 'ok' | 'danger' | 'warn';

export const VERDICT_LABELS: Record<Verdict, MessageKey> = {
  originating: 'check.verdict_originating',
  not_originating: 'check.verdict_not_originating',
  cannot_decide: 'check.verdict_cannot_decide',
};

export const OUTCOME_LABELS: Record<Outcome, MessageKey> = {
  passed: 'check.outcome_passed',
  failed: 'check.outcome_failed',
  undecidable: 'check.outcome_undecidable',
};

export const CERTIFICATION_LABELS: Record<Certification, MessageKey> = {
  agency: 'check.cert_agency',
  self: 'check.cert_self',
  either: 'check.cert_either',
};

export function verdictTone(v: Verdict): Tone {
  return v === 'originating' ? 'ok' : v === 'not_originating' ? 'danger' : 'warn';
}

export function outcomeTone(o: Outcome): Tone {
  return o === 'passed' ? 'ok' : o === 'failed' ? 'danger' : 'warn';
}

/** Originating first, then cannot decide, then not originating. */
export function verdictRank(v: Verdict): number {
  return v === 'originating' ? 0 : v === 'cannot_decide' ? 1 : 2;
}

/** Where the user fixes what a problem (refusal or missing fact of a check) talks about. */
export type FixPlace = 'bom' | 'products' | 'rates' | 'suppliers' | 'rules';

export function fixPlace(p: Pick<Problem, 'code' | 'field'>): FixPlace | null {
  const code = p.code;
  const field = p.field ?? '';
  if (code.startsWith('rates.')) return 'rates';
  if (code === 'origin.rule.missing') return 'rules';
  if (code === 'origin.product_hs_missing' || code === 'origin.product.hs_digits' || field === 'product_hs') return 'products';
  if (code.startsWith('supplier') || field.includes('declaration')) return 'suppliers';
  if (code === 'origin.no_bom' || code.startsWith('origin.material') || code.startsWith('origin.price') || code.startsWith('bom.')) return 'bom';
  if (field.startsWith('materials[') || field === 'ex_works_price' || field === 'fob_price') return 'bom';
  return null;
}

export const FIX_LABELS: Record<FixPlace, MessageKey> = {
  bom: 'check.fix_bom',
  products: 'check.fix_products',
  rates: 'check.fix_rates',
  suppliers: 'check.fix_suppliers',
  rules: 'check.fix_rules',
};

/** A decimal string as a number, or null when it is not one. */
function num(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const s = value.replace(/,/g, '').trim();
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** `12.5%`: a ratio (0.125) as a percentage with at most `digits` decimals. */
export function formatPercent(ratio: number, digits = 1): string {
  if (!Number.isFinite(ratio)) return '—';
  const text = (ratio * 100).toFixed(digits).replace(/\.?0+$/, '');
  return `${text === '-0' ? '0' : text}%`;
}

/** A material's value as a share of the product price (`—` without a usable price). */
export function shareOf(value: string, price: string | null | undefined, digits = 1): string {
  const v = num(value);
  const p = num(price);
  if (v === null || p === null || p <= 0) return '—';
  return formatPercent(v / p, digits);
}

/** The price the shares are taken from: ex-works when known, FOB otherwise. */
export function sharePrice(v: { ex_works_price: string | null; fob_price: string | null }): { basis: 'exw' | 'fob'; price: string } | null {
  if (num(v.ex_works_price) !== null && num(v.ex_works_price)! > 0) return { basis: 'exw', price: v.ex_works_price! };
  if (num(v.fob_price) !== null && num(v.fob_price)! > 0) return { basis: 'fob', price: v.fob_price! };
  return null;
}

/** Products with a BOM that has lines, by SKU, for the check's product select. */
export function checkableProducts(summaries: BomSummary[]): BomSummary[] {
  return summaries.filter((s) => s.lines > 0).sort((a, b) => a.sku.localeCompare(b.sku));
}

/** The FTAs that have `country` as a partner. */
export function ftasFor(ftas: FtaInfo[], country: string): FtaInfo[] {
  const c = country.trim().toUpperCase();
  return ftas.filter((f) => f.partners.some((p) => p.toUpperCase() === c));
}

/** Every partner country of any FTA, each once, in no particular order. */
export function partnerCountries(ftas: FtaInfo[]): string[] {
  return [...new Set(ftas.flatMap((f) => f.partners.map((p) => p.toUpperCase())))];
}

/** Rules grouped by FTA in the order the FTAs are given (unknown FTAs last), own rules first. */
export function groupRules(rules: PsrRuleInfo[], order: string[] = []): { fta: string; rules: PsrRuleInfo[] }[] {
  const groups = new Map<string, PsrRuleInfo[]>();
  for (const r of rules) {
    const list = groups.get(r.fta) ?? [];
    list.push(r);
    groups.set(r.fta, list);
  }
  const rank = (fta: string) => {
    const i = order.indexOf(fta);
    return i < 0 ? order.length : i;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([fta, list]) => ({ fta, rules: [...list].sort((x, y) => Number(y.own) - Number(x.own)) }));
}

export type RuleField = 'fta' | 'hs_range' | 'rule' | 'note';

/**
 * The problems of a refused rule save placed on the form's fields (`user_rules[3].rule` →
 * `rule`); what names no field is returned apart.
 */
export function ruleErrors(problems: Problem[]): { fields: Partial<Record<RuleField, Problem>>; other: Problem[] } {
  const fields: Partial<Record<RuleField, Problem>> = {};
  const other: Problem[] = [];
  for (const p of problems) {
    const last = (p.field ?? '').split('.').pop() ?? '';
    if ((last === 'fta' || last === 'hs_range' || last === 'rule' || last === 'note') && !fields[last]) {
      fields[last] = p;
    } else {
      other.push(p);
    }
  }
  return { fields, other };
}

/** The column a rule syntax error points at, when the problem carries one. */
export function errorColumn(p: Problem): number | null {
  const c = p.params?.column;
  if (c === undefined || c === null || !/^\d+$/.test(String(c))) return null;
  return Number(c);
}

