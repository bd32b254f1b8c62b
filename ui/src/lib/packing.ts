// The carton editor of the shipment screen, kept out of the component so that it can be tested:
// the editor's state (cartons × lines grid of typed quantities), converting saved or proposed
// cartons into it and back into the drafts the Rust side checks, live packed totals per line,
// mapping the app's field errors (`cartons[1].items[0].quantity`) back to the cell that caused
// them, and reading the tracking numbers typed into the loading dialog.
//
// The Rust side stores and checks the packing; nothing here decides whether it is complete.

import { parseDecimal } from './decimal';
import type { CartonDraft, CartonItemDraft, PackLine, Problem } from './types.gen';

/** `<declaration_id>-<line_no>`: identifies a shipment line (and its `data-line`). */
export function lineKey(l: { declaration_id: number; line_no: number }): string {
  return `${l.declaration_id}-${l.line_no}`;
}

/** One carton as edited: its size and weight as typed, and units per line (by line key). */
export interface EditorCarton {
  length_cm: string;
  width_cm: string;
  height_cm: string;
  gross_kg: string;
  /** Typed units per line key; '' when the line is not in this carton. */
  qty: Record<string, string>;
}

/** The dimension and weight inputs of a carton, in the order they are shown. */
export const CARTON_FIELDS = ['length_cm', 'width_cm', 'height_cm', 'gross_kg'] as const;
export type CartonField = (typeof CARTON_FIELDS)[number];

/** A carton as stored (`Carton`) or proposed (`CartonDraft`): the same shape for the editor. */
export interface CartonLike {
  length_cm: string;
  width_cm: string;
  height_cm: string;
  gross_kg: string;
  items: { declaration_id: number; line_no: number; quantity: string }[];
}

interface Dec {
  value: bigint;
  scale: number;
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.value * 10n ** BigInt(scale - a.scale), b.value * 10n ** BigInt(scale - b.scale), scale];
}

function add(a: Dec, b: Dec): Dec {
  const [x, y, scale] = align(a, b);
  return { value: x + y, scale };
}

function subtract(a: Dec, b: Dec): Dec {
  const [x, y, scale] = align(a, b);
  return { value: x - y, scale };
}

/** The shortest text of an exact decimal: `12.50` → `12.5`, `3.000` → `3`, `-0` → `0`. */
function decText(d: Dec): string {
  let { value, scale } = d;
  while (scale > 0 && value % 10n === 0n) {
    value /= 10n;
    scale -= 1;
  }
  const neg = value < 0n;
  const abs = (neg ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? abs : `${abs.slice(0, -scale)}.${abs.slice(-scale)}`;
  return neg ? `-${text}` : text;
}

const ZERO: Dec = { value: 0n, scale: 0 };

/** A decimal without the noise of trailing zeros (`12.50` → `12.5`); other text unchanged. */
export function plain(value: string): string {
  const d = parseDecimal(value);
  return d ? decText(d) : value;
}

/** A typed number as sent: trimmed, without thousands separators or inner spaces. */
export function cleanNumber(input: string): string {
  return input.replace(/[,\s]/g, '');
}

/** Whether a quantity cell holds something the app accepts: empty, or a number of 0 or more. */
export function isQuantityText(input: string): boolean {
  const s = cleanNumber(input);
  if (s === '') return true;
  const d = parseDecimal(s);
  return !!d && d.value >= 0n;
}

function isZero(input: string): boolean {
  const d = parseDecimal(cleanNumber(input));
  return !!d && d.value === 0n;
}

/** An empty carton for the lines, optionally with the size of another one. */
export function emptyCarton(lines: PackLine[], size?: Partial<Pick<EditorCarton, 'length_cm' | 'width_cm' | 'height_cm'>>): EditorCarton {
  const qty: Record<string, string> = {};
  for (const l of lines) qty[lineKey(l)] = '';
  return {
    length_cm: size?.length_cm ?? '',
    width_cm: size?.width_cm ?? '',
    height_cm: size?.height_cm ?? '',
    gross_kg: '',
    qty,
  };
}

/** `carton` with the length, width and height of `previous` (its contents and weight kept). */
export function withSizeOf(carton: EditorCarton, previous: EditorCarton): EditorCarton {
  return {
    ...carton,
    length_cm: previous.length_cm,
    width_cm: previous.width_cm,
    height_cm: previous.height_cm,
    qty: { ...carton.qty },
  };
}

/**
 * Saved cartons or an auto-pack proposal as editor state: one cell per line and carton, units
 * of a line listed twice in a carton added up, figures shown without trailing zeros.
 */
export function editorFromCartons(cartons: CartonLike[], lines: PackLine[]): EditorCarton[] {
  return cartons.map((c) => {
    const carton = emptyCarton(lines);
    carton.length_cm = plain(c.length_cm);
    carton.width_cm = plain(c.width_cm);
    carton.height_cm = plain(c.height_cm);
    carton.gross_kg = plain(c.gross_kg);
    for (const item of c.items) {
      const key = lineKey(item);
      const before = carton.qty[key] ?? '';
      const prev = before === '' ? null : parseDecimal(before);
      const next = parseDecimal(item.quantity);
      carton.qty[key] = prev && next ? decText(add(prev, next)) : plain(item.quantity);
    }
    return carton;
  });
}

/**
 * The editor as the drafts `shipment_pack` takes: every carton in order; its items in the order
 * of the lines, only cells with something typed (a zero is left out, as the app drops it).
 */
export function toDrafts(editor: EditorCarton[], lines: PackLine[]): CartonDraft[] {
  return editor.map((c) => {
    const items: CartonItemDraft[] = [];
    for (const l of lines) {
      const raw = cleanNumber(c.qty[lineKey(l)] ?? '');
      if (raw === '' || isZero(raw)) continue;
      items.push({ declaration_id: l.declaration_id, line_no: l.line_no, quantity: raw });
    }
    return {
      length_cm: cleanNumber(c.length_cm),
      width_cm: cleanNumber(c.width_cm),
      height_cm: cleanNumber(c.height_cm),
      gross_kg: cleanNumber(c.gross_kg),
      items,
    };
  });
}

/** Whether two editor states would save the same packing. */
export function samePacking(a: EditorCarton[], b: EditorCarton[], lines: PackLine[]): boolean {
  return JSON.stringify(toDrafts(a, lines)) === JSON.stringify(toDrafts(b, lines));
}

/** Units packed per line key over all cartons, as typed now (cells that are not numbers skipped). */
export function packedTotals(editor: EditorCarton[], lines: PackLine[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of lines) {
    const key = lineKey(l);
    let total = ZERO;
    for (const c of editor) {
      const raw = cleanNumber(c.qty[key] ?? '');
      if (raw === '') continue;
      const d = parseDecimal(raw);
      if (d && d.value >= 0n) total = add(total, d);
    }
    out[key] = decText(total);
  }
  return out;
}

/** packed − declared as text (`-3`, `2`, `0`); null when either is not a number. */
export function difference(declared: string, packed: string): string | null {
  const a = parseDecimal(declared);
  const b = parseDecimal(packed);
  if (!a || !b) return null;
  return decText(subtract(b, a));
}

/** Carton numbers (1-based) holding units of the line now. */
export function cartonsOfLine(editor: EditorCarton[], key: string): number[] {
  const out: number[] = [];
  editor.forEach((c, i) => {
    const raw = cleanNumber(c.qty[key] ?? '');
    const d = raw === '' ? null : parseDecimal(raw);
    if (d && d.value > 0n) out.push(i + 1);
  });
  return out;
}

/** The editor cell a field error belongs to. */
export type CellRef =
  | { carton: number; part: CartonField }
  | { carton: number; part: 'qty'; line: string };

/** A stable name for a cell: `c0.length_cm`, `c1.q.12-3`. */
export function cellId(ref: CellRef): string {
  return ref.part === 'qty' ? `c${ref.carton}.q.${ref.line}` : `c${ref.carton}.${ref.part}`;
}

/**
 * The cell of a field the app named, e.g. `cartons[1].gross_kg` or
 * `cartons[0].items[2].quantity` — items are indexed as in `sent`, the drafts that were saved.
 */
export function cellOfField(field: string, sent: CartonDraft[]): CellRef | null {
  const m = /^cartons\[(\d+)\]\.(?:(length_cm|width_cm|height_cm|gross_kg)|items\[(\d+)\]\.quantity)$/.exec(field);
  if (!m) return null;
  const carton = Number(m[1]);
  if (m[2]) return { carton, part: m[2] as CartonField };
  const item = sent[carton]?.items[Number(m[3])];
  return item ? { carton, part: 'qty', line: lineKey(item) } : null;
}

/** The problems that name an editor cell, by `cellId` (the first problem per cell wins). */
export function cellErrors(problems: Problem[], sent: CartonDraft[]): Record<string, Problem> {
  const out: Record<string, Problem> = {};
  for (const p of problems) {
    if (!p.field) continue;
    const ref = cellOfField(p.field, sent);
    if (!ref) continue;
    const id = cellId(ref);
    if (!out[id]) out[id] = p;
  }
  return out;
}

/** The line a problem is about, from its `declaration_id` and `line_no` params. */
export function problemLine(p: Problem): string | null {
  const d = p.params?.declaration_id;
  const n = p.params?.line_no;
  return d && n ? `${d}-${n}` : null;
}

/** The unit volumes typed in the auto-pack dialog, as sent: only lines with a value, in line order. */
export function unitVolumes(typed: Record<string, string>, lines: PackLine[]): CartonItemDraft[] {
  const out: CartonItemDraft[] = [];
  for (const l of lines) {
    const raw = cleanNumber(typed[lineKey(l)] ?? '');
    if (raw !== '') out.push({ declaration_id: l.declaration_id, line_no: l.line_no, quantity: raw });
  }
  return out;
}

/** Field errors of an auto-pack request by input: `unit_volumes[i]` becomes `volume:<line key>`. */
export function autopackErrors(problems: Problem[], sent: CartonItemDraft[]): Record<string, Problem> {
  const out: Record<string, Problem> = {};
  for (const p of problems) {
    let key: string | null = null;
    const m = p.field ? /^unit_volumes\[(\d+)\]/.exec(p.field) : null;
    if (m) {
      const v = sent[Number(m[1])];
      key = v ? `volume:${lineKey(v)}` : null;
    } else if (p.field) {
      key = p.field;
    } else {
      const line = problemLine(p);
      key = line ? `line:${line}` : null;
    }
    if (key && !out[key]) out[key] = p;
  }
  return out;
}

/** Tracking numbers typed one per line or separated by commas: trimmed, empty ones and repeats dropped. */
export function parseTracking(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,\n\r;]+/)) {
    const s = part.trim();
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}
