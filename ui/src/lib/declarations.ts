// Labels and small decisions for the declaration screens, kept out of the components so that
// they can be tested.

import type { MessageKey } from './i18n';
import type { ScreenId } from './screens';
import type {
  DeclarationKind, DeclarationState, DeclarationView, FieldIssue, Lang, RuleUsed,
} from './types.gen';

export const STATES: DeclarationState[] = ['draft', 'filed', 'accepted', 'loaded', 'cancelled'];

export const STATE_LABEL: Record<DeclarationState, MessageKey> = {
  draft: 'decl.state_draft',
  filed: 'decl.state_filed',
  accepted: 'decl.state_accepted',
  loaded: 'decl.state_loaded',
  cancelled: 'decl.state_cancelled',
};

/** Badge class of each state (see app.css). */
export const STATE_TONE: Record<DeclarationState, string> = {
  draft: 'draft',
  filed: 'info',
  accepted: 'warn',
  loaded: 'ok',
  cancelled: 'off',
};

export const KIND_SHORT: Record<DeclarationKind, MessageKey> = {
  simplified: 'decl.kind_simplified_short',
  regular: 'decl.kind_regular_short',
};

/** The kind's full name in the UI language. */
export const KIND_LONG: Record<DeclarationKind, MessageKey> = {
  simplified: 'decl.kind_simplified',
  regular: 'decl.kind_regular',
};

/** The Korean name of the kind, as customs writes it (always shown, whatever the UI language). */
export const KIND_KO: Record<DeclarationKind, string> = {
  simplified: '간이수출신고',
  regular: '일반 수출신고',
};

export const TRANSPORT_MODES: { value: string; label: MessageKey }[] = [
  { value: 'air', label: 'decl.mode_air' },
  { value: 'sea', label: 'decl.mode_sea' },
  { value: 'post', label: 'decl.mode_post' },
  { value: 'courier', label: 'decl.mode_courier' },
];

export function transportLabel(mode: string): MessageKey | null {
  return TRANSPORT_MODES.find((m) => m.value === mode)?.label ?? null;
}

/**
 * The rulebook writes document names as `한국어 / English`; take the part of `lang`, or the whole
 * text when it has no such split.
 */
export function bilingualPart(text: string, lang: Lang): string {
  const i = text.indexOf(' / ');
  if (i < 0) return text.trim();
  return (lang === 'ko' ? text.slice(0, i) : text.slice(i + 3)).trim();
}

/** The screen a missing field is fixed on; null for the declaration itself (its edit dialog). */
export function fixScreen(issue: Pick<FieldIssue, 'screen'>): ScreenId | null {
  switch (issue.screen) {
    case 'settings':
    case 'products':
    case 'orders':
    case 'buyers':
      return issue.screen;
    default:
      return null;
  }
}

export interface IssueGroup {
  key: string;
  /** The fields' labels (one for a header field; all of a product's missing fields). */
  labels_ko: string[];
  labels_en: string[];
  /** Where to fix them, in words, each once. */
  fixes_ko: string[];
  fixes_en: string[];
  screen: string;
  product_id: number | null;
  /** The field keys (`line.hs_code`, …), each once. */
  fields: string[];
  /** Lines (란) concerned, empty for header fields. */
  lines: number[];
}

function addOnce<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}

/**
 * One entry per product for the product's fields (opening the product fixes them all at once),
 * else one per field: twenty lines of one product missing a brand are one thing to fix.
 */
export function groupIssues(issues: FieldIssue[]): IssueGroup[] {
  const out: IssueGroup[] = [];
  for (const i of issues) {
    const key = i.screen === 'products' && i.product_id !== null ? `product:${i.product_id}` : `field:${i.field}`;
    let g = out.find((x) => x.key === key);
    if (!g) {
      g = { key, labels_ko: [], labels_en: [], fixes_ko: [], fixes_en: [], screen: i.screen, product_id: i.product_id, fields: [], lines: [] };
      out.push(g);
    }
    addOnce(g.fields, i.field);
    addOnce(g.labels_ko, i.label_ko);
    addOnce(g.labels_en, i.label_en);
    if (i.fix_ko) addOnce(g.fixes_ko, i.fix_ko);
    if (i.fix_en) addOnce(g.fixes_en, i.fix_en);
    if (i.line !== null) addOnce(g.lines, i.line);
  }
  for (const g of out) g.lines.sort((a, b) => a - b);
  return out;
}

/** The missing line fields as a set of `line:field` keys, for highlighting cells. */
export function missingCells(issues: FieldIssue[]): Set<string> {
  return new Set(issues.filter((i) => i.line !== null).map((i) => `${i.line}:${i.field}`));
}

/** Every rule a view used, once each (same key and version), in the order met. */
export function rulesOf(view: DeclarationView): RuleUsed[] {
  const all = [
    ...view.fob.rules,
    ...view.kind.rules,
    ...(view.loading?.rules ?? []),
    ...(view.final_price?.rules ?? []),
    ...(view.penalty?.rules ?? []),
  ];
  const seen = new Set<string>();
  return all.filter((r) => {
    const key = `${r.key}@${r.effective_from}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Freight and insurance are taken out of the invoice only under C and D terms. */
export function deductsFreight(incoterm: string): boolean {
  return /^[CD]/.test(incoterm.toUpperCase());
}
