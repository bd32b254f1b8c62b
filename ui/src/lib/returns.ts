// Returned goods and their duty-free re-import claims: the form's state and the ReturnDraft the
// Rust side takes, the quantities that may still come back, and the labels of the codes. The Rust
// side decides eligibility; nothing here judges a return.

import { parseDecimal, sum } from './decimal';
import { daysBetween } from './deadlines';
import type { MessageKey } from './i18n';
import type {
  CheckStatus, ClaimState, DeclarationRow, DrawbackStatus, ExportedLine, GoodsCondition, Problem,
  ReimportOutcome, ReturnDraft, ReturnRecord, ReturnReason,
} from './types.gen';

export const REASONS: ReturnReason[] = ['order_cancellation', 'defect', 'wrong_item', 'change_of_mind', 'undeliverable'];
export const CONDITIONS: GoodsCondition[] = ['unused_unaltered', 'repaired', 'processed', 'used_abroad'];
export const DRAWBACKS: DrawbackStatus[] = ['none_claimed', 'received', 'repaid', 'waived_in_writing'];

export const REASON_LABEL: Record<ReturnReason, MessageKey> = {
  order_cancellation: 'ret.reason_order_cancellation',
  defect: 'ret.reason_defect',
  wrong_item: 'ret.reason_wrong_item',
  change_of_mind: 'ret.reason_change_of_mind',
  undeliverable: 'ret.reason_undeliverable',
};

export const CONDITION_LABEL: Record<GoodsCondition, { label: MessageKey; text: MessageKey }> = {
  unused_unaltered: { label: 'ret.cond_unused_unaltered', text: 'ret.cond_unused_unaltered_text' },
  repaired: { label: 'ret.cond_repaired', text: 'ret.cond_repaired_text' },
  processed: { label: 'ret.cond_processed', text: 'ret.cond_processed_text' },
  used_abroad: { label: 'ret.cond_used_abroad', text: 'ret.cond_used_abroad_text' },
};

export const DRAWBACK_LABEL: Record<DrawbackStatus, { label: MessageKey; text: MessageKey }> = {
  none_claimed: { label: 'ret.db_none_claimed', text: 'ret.db_none_claimed_text' },
  received: { label: 'ret.db_received', text: 'ret.db_received_text' },
  repaid: { label: 'ret.db_repaid', text: 'ret.db_repaid_text' },
  waived_in_writing: { label: 'ret.db_waived_in_writing', text: 'ret.db_waived_in_writing_text' },
};

export const CLAIM_LABEL: Record<ClaimState, { label: MessageKey; tone: string; text: MessageKey }> = {
  draft: { label: 'ret.claim_draft', tone: 'draft', text: 'ret.claim_text_draft' },
  filed: { label: 'ret.claim_filed', tone: 'info', text: 'ret.claim_text_filed' },
  granted: { label: 'ret.claim_granted', tone: 'ok', text: 'ret.claim_text_granted' },
  denied: { label: 'ret.claim_denied', tone: 'danger', text: 'ret.claim_text_denied' },
};

export const OUTCOME_LABEL: Record<ReimportOutcome, { label: MessageKey; tone: string }> = {
  eligible: { label: 'ret.outcome_eligible', tone: 'ok' },
  not_eligible: { label: 'ret.outcome_not_eligible', tone: 'danger' },
  missing_information: { label: 'ret.outcome_missing', tone: 'need' },
};

export const CHECK_LABEL: Record<CheckStatus, { label: MessageKey; mark: string }> = {
  met: { label: 'ret.check_met', mark: '✓' },
  not_met: { label: 'ret.check_not_met', mark: '✗' },
  unknown: { label: 'ret.check_unknown', mark: '?' },
};

/** What the form holds while the user types. Quantities and rates are keyed by line number. */
export interface ReturnForm {
  order_id: number | null;
  declaration_id: number | null;
  return_date: string;
  reason: ReturnReason | '';
  carrier: string;
  tracking_no: string;
  condition: GoodsCondition | '';
  drawback_status: DrawbackStatus | '';
  note: string;
  quantities: Record<number, string>;
  rates: Record<number, string>;
}

export function emptyForm(today: string): ReturnForm {
  return {
    order_id: null,
    declaration_id: null,
    return_date: today,
    reason: '',
    carrier: '',
    tracking_no: '',
    condition: '',
    drawback_status: '',
    note: '',
    quantities: {},
    rates: {},
  };
}

/** The form of a stored return, to edit it. */
export function formFromRecord(ret: ReturnRecord): ReturnForm {
  const quantities: Record<number, string> = {};
  const rates: Record<number, string> = {};
  for (const l of ret.lines) {
    quantities[l.line_no] = l.quantity;
    if (l.duty_rate_percent) rates[l.line_no] = l.duty_rate_percent;
  }
  return {
    order_id: ret.order_id,
    declaration_id: ret.declaration_id,
    return_date: ret.return_date,
    reason: ret.reason,
    carrier: ret.carrier,
    tracking_no: ret.tracking_no,
    condition: ret.condition,
    drawback_status: ret.drawback_status,
    note: ret.note,
    quantities,
    rates,
  };
}

/**
 * The line numbers that go into the draft, in the order they are sent: the declaration's lines
 * (in `lines` order) with a quantity typed. `lines[i]` of the draft is `draftLineNos(…)[i]`.
 */
export function draftLineNos(form: ReturnForm, lines: ExportedLine[]): number[] {
  return lines.filter((l) => (form.quantities[l.line_no] ?? '').trim() !== '').map((l) => l.line_no);
}

/** The ReturnDraft for `return_save`: only lines with a quantity; text trimmed. */
export function draftFromForm(form: ReturnForm, lines: ExportedLine[]): ReturnDraft {
  const declId = form.declaration_id ?? 0;
  return {
    order_id: form.order_id,
    declaration_id: declId,
    return_date: form.return_date.trim(),
    reason: form.reason,
    carrier: form.carrier.trim(),
    tracking_no: form.tracking_no.trim(),
    condition: form.condition,
    drawback_status: form.drawback_status,
    note: form.note.trim(),
    lines: draftLineNos(form, lines).map((line_no) => ({
      declaration_id: declId,
      line_no,
      quantity: form.quantities[line_no].trim().replace(/,/g, ''),
      duty_rate_percent: (form.rates[line_no] ?? '').trim().replace(/%$/, '').trim(),
    })),
  };
}

/**
 * Problems about draft lines (`lines[i].…`) keyed by the declaration line they belong to and the
 * part (`quantity`, `duty_rate_percent`); e.g. `{ 3: { quantity: … } }`.
 */
export function lineErrors(
  errors: Record<string, Problem>,
  lineNos: number[],
): Record<number, Record<string, Problem>> {
  const out: Record<number, Record<string, Problem>> = {};
  for (const [field, p] of Object.entries(errors)) {
    const m = /^lines\[(\d+)\]\.(\w+)$/.exec(field);
    if (!m) continue;
    const lineNo = lineNos[Number(m[1])];
    if (lineNo === undefined) continue;
    (out[lineNo] ??= {})[m[2]] ??= p;
  }
  return out;
}

function decimals(text: string): number {
  const d = parseDecimal(text);
  return d ? d.scale : 0;
}

/** Strip a fraction of zeros: `2.500` → `2.5`, `3.000` → `3`. */
function tidy(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** Units of the line that may still come back: exported − returned on other returns (never below 0). */
export function availableOf(line: Pick<ExportedLine, 'exported' | 'returned_by_others'>): string {
  const digits = Math.max(decimals(line.exported), decimals(line.returned_by_others));
  const back = line.returned_by_others.trim();
  const negated = back.startsWith('-') ? back.slice(1) : `-${back || '0'}`;
  const left = sum([line.exported, negated], digits);
  return left.startsWith('-') ? '0' : tidy(left);
}

/** True when `quantity` is a number above what may still come back (a hint; the app decides). */
export function exceedsAvailable(quantity: string, available: string): boolean {
  const q = parseDecimal(quantity);
  const a = parseDecimal(available);
  if (!q || !a) return false;
  const scale = Math.max(q.scale, a.scale);
  const up = (d: { value: bigint; scale: number }) => d.value * 10n ** BigInt(scale - d.scale);
  return up(q) > up(a);
}

/** Total units typed on the form (numbers only). */
export function formUnits(form: ReturnForm): string {
  const values = Object.values(form.quantities).filter((v) => parseDecimal(v) !== null);
  const digits = Math.max(0, ...values.map(decimals));
  return tidy(sum(values, digits));
}

/** Days from `today` to the window's last day (negative once it has passed). */
export function daysLeft(today: string, lastDay: string): number {
  return daysBetween(today, lastDay);
}

/** A window that ends within 30 days (or has ended) is urgent. */
export function isUrgent(days: number): boolean {
  return days <= 30;
}

/** Declarations goods can come back on: accepted or loaded ones. */
export function returnableDeclarations(rows: DeclarationRow[]): DeclarationRow[] {
  return rows.filter((r) => r.state === 'accepted' || r.state === 'loaded');
}

/** `2026-03` of a `YYYY-MM-DD` date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** `2026-03` → { year: 2026, month: 3 }; null unless a real month. */
export function parseMonth(value: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{1,2})$/.exec(value.trim());
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year: Number(m[1]), month };
}

/** The order the returned lines come from when they all come from one; else null. */
export function singleOrder(lineOrders: Record<number, number>, lineNos: number[]): number | null {
  const ids = new Set(lineNos.map((n) => lineOrders[n]).filter((id) => id !== undefined));
  return ids.size === 1 ? [...ids][0] : null;
}
