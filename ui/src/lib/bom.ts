// Pure helpers of the Origin screen, kept out of the components so that they can be tested: the
// BOM editor's state and its conversion from a saved `Bom` and into the `BomDraft` the Rust side
// checks, the origin choice of a line (country / supplier declaration / unknown), live material
// values with exact decimals, placing the app's field errors on the editor's cells, and the
// validity of a supplier declaration on a day.
//
// The Rust side validates and stores; nothing here decides whether a product is originating.

import { daysBetween } from './deadlines';
import { multiply, parseDecimal } from './decimal';
import { dottedHs } from './format';
import { translate, type MessageKey } from './i18n';
import type { Bom, BomDraft, BomLineDraft, BomOrigin, Problem, SupplierDeclaration } from './types.gen';

/** How the origin of a material is given: `country`, `declared` (supplier declaration), `unknown`. */
export type OriginKind = BomOrigin['kind'];

export const ORIGIN_KINDS: OriginKind[] = ['country', 'declared', 'unknown'];

/** The currency of a BOM whose currency is left empty (as the Rust side reads it). */
export const DEFAULT_CURRENCY = 'KRW';

/** One material line as edited. */
export interface EditorLine {
  /** Stable identity of the row while lines are added and removed; never sent. */
  key: number;
  description: string;
  hs_code: string;
  kind: OriginKind;
  /** ISO code; used when `kind` is `country`. */
  country: string;
  /** Used when `kind` is `declared`. */
  declaration_id: number | null;
  quantity: string;
  unit: string;
  unit_value: string;
  /** '' = the BOM's currency. */
  currency: string;
  supplier: string;
  weight_kg: string;
}

/** A product's BOM as edited: the header and the lines. */
export interface BomEditor {
  currency: string;
  ex_works_price: string;
  fob_price: string;
  operations: string;
  only_minimal_operations: boolean | null;
  lines: EditorLine[];
}

let nextKey = 1;

export function emptyLine(): EditorLine {
  return {
    key: nextKey++,
    description: '',
    hs_code: '',
    // Not known until the user says: a country, or a supplier declaration.
    kind: 'unknown',
    country: '',
    declaration_id: null,
    quantity: '',
    unit: 'EA',
    unit_value: '',
    currency: '',
    supplier: '',
    weight_kg: '',
  };
}

/** A new BOM: won, nothing answered, one empty line to start typing in. */
export function emptyEditor(): BomEditor {
  return {
    currency: DEFAULT_CURRENCY,
    ex_works_price: '',
    fob_price: '',
    operations: '',
    only_minimal_operations: null,
    lines: [emptyLine()],
  };
}

/** A typed number as sent: without thousands separators or spaces. */
export function cleanNumber(input: string): string {
  return input.replace(/[,\s]/g, '');
}

/** The shortest text of a decimal (`0.020` → `0.02`, `9000.00` → `9000`); other text unchanged. */
export function plain(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const d = parseDecimal(value);
  if (!d) return value;
  let { value: v, scale } = d;
  while (scale > 0 && v % 10n === 0n) {
    v /= 10n;
    scale -= 1;
  }
  const neg = v < 0n;
  const abs = (neg ? -v : v).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? abs : `${abs.slice(0, -scale)}.${abs.slice(-scale)}`;
  return neg ? `-${text}` : text;
}

/** The editor's origin fields of a saved origin. */
export function originOf(o: BomOrigin): Pick<EditorLine, 'kind' | 'country' | 'declaration_id'> {
  switch (o.kind) {
    case 'country':
      return { kind: 'country', country: o.country, declaration_id: null };
    case 'declared':
      return { kind: 'declared', country: '', declaration_id: o.supplier_declaration_id };
    default:
      return { kind: 'unknown', country: '', declaration_id: null };
  }
}

/**
 * The draft's origin fields for the editor's choice: a country, or a supplier declaration (no
 * country), or neither (unknown). Only the field of the chosen kind is sent.
 */
export function originToDraft(
  l: Pick<EditorLine, 'kind' | 'country' | 'declaration_id'>,
): Pick<BomLineDraft, 'origin_country' | 'supplier_declaration_id'> {
  switch (l.kind) {
    case 'country':
      return { origin_country: l.country.trim().toUpperCase(), supplier_declaration_id: null };
    case 'declared':
      return { origin_country: '', supplier_declaration_id: l.declaration_id };
    default:
      return { origin_country: '', supplier_declaration_id: null };
  }
}

/** A saved BOM as editor state (a new one when there is none). */
export function editorFromBom(bom: Bom | null): BomEditor {
  if (!bom) return emptyEditor();
  return {
    currency: bom.currency,
    ex_works_price: plain(bom.ex_works_price),
    fob_price: plain(bom.fob_price),
    operations: bom.operations,
    only_minimal_operations: bom.only_minimal_operations,
    lines: bom.lines.map((l) => ({
      key: nextKey++,
      description: l.description,
      hs_code: dottedHs(l.hs_code),
      ...originOf(l.origin),
      quantity: plain(l.quantity),
      unit: l.unit,
      unit_value: plain(l.unit_value),
      // The app stores the BOM's currency on every line; shown as "the BOM's" unless it differs.
      currency: l.currency === bom.currency ? '' : l.currency,
      supplier: l.supplier,
      weight_kg: plain(l.weight_kg),
    })),
  };
}

/** A deep copy with fresh row keys (e.g. to start editing from a saved baseline). */
export function cloneEditor(e: BomEditor): BomEditor {
  return { ...e, lines: e.lines.map((l) => ({ ...l, key: nextKey++ })) };
}

/** A line nothing was typed into (defaults such as the unit do not count); not sent. */
export function isBlankLine(l: EditorLine): boolean {
  return (
    !l.description.trim() &&
    !l.hs_code.trim() &&
    !(l.kind === 'country' && l.country.trim()) &&
    !(l.kind === 'declared' && l.declaration_id !== null) &&
    !l.quantity.trim() &&
    !l.unit_value.trim() &&
    !l.supplier.trim() &&
    !l.weight_kg.trim()
  );
}

/**
 * The editor as the draft `bom_save` takes. Blank lines are left out; `rows[j]` is the editor
 * row of the draft's line `j`, to put the app's `lines[j].…` problems back on the right row.
 */
export function toDraft(e: BomEditor): { draft: BomDraft; rows: number[] } {
  const rows: number[] = [];
  const lines: BomLineDraft[] = [];
  e.lines.forEach((l, i) => {
    if (isBlankLine(l)) return;
    rows.push(i);
    lines.push({
      description: l.description.trim(),
      hs_code: l.hs_code.trim(),
      ...originToDraft(l),
      quantity: cleanNumber(l.quantity),
      unit: l.unit.trim(),
      unit_value: cleanNumber(l.unit_value),
      currency: l.currency.trim().toUpperCase(),
      supplier: l.supplier.trim(),
      weight_kg: cleanNumber(l.weight_kg),
    });
  });
  return {
    draft: {
      currency: e.currency.trim().toUpperCase(),
      ex_works_price: cleanNumber(e.ex_works_price),
      fob_price: cleanNumber(e.fob_price),
      operations: e.operations.trim(),
      only_minimal_operations: e.only_minimal_operations,
      lines,
    },
    rows,
  };
}

/** Whether two editor states would save the same BOM. */
export function sameBom(a: BomEditor, b: BomEditor): boolean {
  return JSON.stringify(toDraft(a).draft) === JSON.stringify(toDraft(b).draft);
}

const LINE_FIELD = /^lines\[(\d+)\]\.(.+)$/;

/** The editor's key of a line field: `lines[<row>].<field>`. */
export function lineField(row: number, field: string): string {
  return `lines[${row}].${field}`;
}

/**
 * The app's problems by field, with `lines[j].…` moved to the editor row the draft line came
 * from (blank rows are not sent). The first problem of a field wins.
 */
export function placeErrors(problems: Problem[], rows: number[]): Record<string, Problem> {
  const out: Record<string, Problem> = {};
  for (const p of problems) {
    if (!p.field) continue;
    let field = p.field;
    const m = LINE_FIELD.exec(field);
    if (m) {
      const row = rows[Number(m[1])];
      if (row !== undefined) field = lineField(row, m[2]);
    }
    if (!out[field]) out[field] = p;
  }
  return out;
}

/**
 * The problems for the summary above the form, each line problem starting with the line it is
 * about ("2번째 줄: …"), counted as on screen.
 */
export function withLinePlaces(problems: Problem[], rows: number[]): Problem[] {
  return problems.map((p) => {
    const m = p.field ? LINE_FIELD.exec(p.field) : null;
    const row = m ? rows[Number(m[1])] : undefined;
    if (row === undefined) return p;
    const n = row + 1;
    return {
      ...p,
      message_ko: `${translate('ko', 'bom.line_place', { n })} ${p.message_ko}`,
      message_en: `${translate('en', 'bom.line_place', { n })} ${p.message_en}`,
    };
  });
}

function problem(code: string, field: string, key: MessageKey): Problem {
  return {
    code,
    field,
    params: {},
    message_ko: translate('ko', key),
    message_en: translate('en', key),
  };
}

/**
 * What the form can tell before asking the app: an origin kind chosen without its country or
 * supplier declaration would otherwise be stored silently as "unknown". Fields are editor rows.
 */
export function originGaps(e: BomEditor): Problem[] {
  const out: Problem[] = [];
  e.lines.forEach((l, i) => {
    if (isBlankLine(l)) return;
    if (l.kind === 'country' && !l.country.trim()) {
      out.push(problem('bom.origin_country_empty', lineField(i, 'origin_country'), 'bom.gap_country'));
    } else if (l.kind === 'declared' && l.declaration_id === null) {
      out.push(problem('bom.declaration_empty', lineField(i, 'supplier_declaration_id'), 'bom.gap_declaration'));
    }
  });
  return out;
}

/** The currency a line's value is in: its own, else the BOM's, else won. */
export function lineCurrency(e: Pick<BomEditor, 'currency'>, l: Pick<EditorLine, 'currency'>): string {
  return (l.currency.trim() || e.currency.trim() || DEFAULT_CURRENCY).toUpperCase();
}

/** Exact product of two typed decimals (no rounding), or null when either is not a number. */
export function exactProduct(a: string, b: string): string | null {
  const x = parseDecimal(cleanNumber(a));
  const y = parseDecimal(cleanNumber(b));
  if (!x || !y) return null;
  const scale = x.scale + y.scale;
  const v = x.value * y.value;
  const neg = v < 0n;
  const abs = (neg ? -v : v).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? abs : `${abs.slice(0, -scale)}.${abs.slice(-scale)}`;
  return plain(neg ? `-${text}` : text);
}

/** The material's value in one product: quantity × unit value, exactly; null while not numbers. */
export function lineAmount(l: Pick<EditorLine, 'quantity' | 'unit_value'>): string | null {
  return exactProduct(l.quantity, l.unit_value);
}

function addExact(a: string, b: string): string {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (!x || !y) return a;
  const scale = Math.max(x.scale, y.scale);
  const v = x.value * 10n ** BigInt(scale - x.scale) + y.value * 10n ** BigInt(scale - y.scale);
  const neg = v < 0n;
  const abs = (neg ? -v : v).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? abs : `${abs.slice(0, -scale)}.${abs.slice(-scale)}`;
  return plain(neg ? `-${text}` : text);
}

export interface MaterialTotals {
  /** Sum of the line values per currency, the BOM's currency first. */
  totals: { currency: string; amount: string }[];
  /** Lines typed but without a value yet (quantity or unit value not a number). */
  incomplete: number;
}

/** Total material value of one product, per currency, exactly (no conversion here). */
export function materialTotals(e: BomEditor): MaterialTotals {
  const sums = new Map<string, string>();
  let incomplete = 0;
  for (const l of e.lines) {
    if (isBlankLine(l)) continue;
    const amount = lineAmount(l);
    if (amount === null) {
      incomplete += 1;
      continue;
    }
    const cur = lineCurrency(e, l);
    sums.set(cur, addExact(sums.get(cur) ?? '0', amount));
  }
  const main = (e.currency.trim() || DEFAULT_CURRENCY).toUpperCase();
  const totals = [...sums.entries()]
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((a, b) => Number(b.currency === main) - Number(a.currency === main) || a.currency.localeCompare(b.currency));
  return { totals, incomplete };
}

/** A value for display: at most `digits` decimals (half away from zero), no trailing zeros. */
export function shortAmount(value: string, digits = 4): string {
  const rounded = multiply(value, '1', digits);
  return rounded === null ? value : plain(rounded);
}

/** The editor after an import: the file's lines, the header as it was on screen. */
export function withImportedLines(current: BomEditor, imported: Bom): BomEditor {
  const lines = editorFromBom(imported).lines;
  return {
    currency: current.currency,
    ex_works_price: current.ex_works_price,
    fob_price: current.fob_price,
    operations: current.operations,
    only_minimal_operations: current.only_minimal_operations,
    lines,
  };
}

/**
 * A refused import's problems split into the summary (`bom.import_problems`, "the file has N
 * problems") and the list to show, one per row and column.
 */
export function importProblemList(problems: Problem[]): { summary: Problem | null; items: Problem[] } {
  if (problems[0]?.code === 'bom.import_problems') return { summary: problems[0], items: problems.slice(1) };
  return { summary: null, items: problems };
}

// ---- supplier declarations -----------------------------------------------------------------

/** Within this many days of its last valid day a declaration counts as ending soon. */
export const ENDING_DAYS = 30;

export type Validity = 'not_yet' | 'valid' | 'ending' | 'expired';

/**
 * A declaration's standing on `today`: not valid yet, valid, ending within `soon` days (its
 * last valid day counts as valid), or ended. `days_left` runs to the last valid day.
 */
export function validityOn(
  d: Pick<SupplierDeclaration, 'valid_from' | 'valid_until'>,
  today: string,
  soon = ENDING_DAYS,
): { status: Validity; days_left: number } {
  const days_left = daysBetween(today, d.valid_until);
  if (days_left < 0) return { status: 'expired', days_left };
  if (daysBetween(today, d.valid_from) > 0) return { status: 'not_yet', days_left };
  if (days_left <= soon) return { status: 'ending', days_left };
  return { status: 'valid', days_left };
}

/** How many BOM lines (and of how many products) rely on each supplier declaration, by id. */
export function declarationUse(boms: Bom[]): Record<number, { lines: number; products: number }> {
  const out: Record<number, { lines: number; products: number }> = {};
  for (const b of boms) {
    const seen = new Set<number>();
    for (const l of b.lines) {
      if (l.origin.kind !== 'declared') continue;
      const id = l.origin.supplier_declaration_id;
      const u = (out[id] ??= { lines: 0, products: 0 });
      u.lines += 1;
      if (!seen.has(id)) {
        seen.add(id);
        u.products += 1;
      }
    }
  }
  return out;
}

/** Declarations for a line's choice list: the line's supplier's first, then by supplier, newest first. */
export function declarationsForPick(list: SupplierDeclaration[], supplier: string): SupplierDeclaration[] {
  const s = supplier.trim().toLowerCase();
  const mine = (d: SupplierDeclaration) => (s !== '' && d.supplier.trim().toLowerCase() === s ? 0 : 1);
  return [...list].sort(
    (a, b) =>
      mine(a) - mine(b) ||
      a.supplier.localeCompare(b.supplier) ||
      b.valid_until.localeCompare(a.valid_until) ||
      a.id - b.id,
  );
}
