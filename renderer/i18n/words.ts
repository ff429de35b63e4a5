// Wording helpers for values the core or shared code produce as data: an amount that does not parse,
// a count (with the language's plural rules), the reconciliation table's cells, the scanner test.
import type { Language } from '../../shared/domain.ts';
import type { AmountParse, Currency } from '../../shared/money.ts';
import { parseReconcileNote } from '../../shared/payments/reconcile-notes.ts';
import { en, type MessageKey } from './en.ts';
import { localeOf, money, type Translate } from './t.ts';

type Failed = Extract<AmountParse, { ok: false }>;

export function amountProblemText(tr: Translate, lang: Language, currency: Currency, parsed: Failed): string {
  if (parsed.problem === 'overLimit') {
    return tr('amountProblem.overLimit', { limit: money(lang, parsed.limitCents ?? 0, currency) });
  }
  return tr(`amountProblem.${parsed.problem}`);
}

export type PluralBase =
  | 'attention.banner'
  | 'report.checked'
  | 'report.differences'
  | 'shift.differences'
  | 'sync.header.shipping'
  | 'sync.pending';

/** "1 payment", "2 payments": the language's own plural rule picks the message. */
export function plural(
  tr: Translate,
  lang: Language,
  base: PluralBase,
  count: number,
  params: Record<string, string | number> = {},
): string {
  const one = new Intl.PluralRules(localeOf(lang)).select(count) === 'one';
  return tr(`${base}.${one ? 'one' : 'other'}`, { ...params, count });
}

/** A message key built from a value (a state, a status), if the tables have one. */
function keyFor(prefix: string, value: string): MessageKey | null {
  const key = `${prefix}.${value}`;
  return key in en ? (key as MessageKey) : null;
}

/** The journal's side of a reconciliation row: a state, a change of state, or a refund's state. */
export function journalCellText(tr: Translate, cell: string): string {
  if (cell === 'no such order') return tr('reconcile.noSuchOrder');
  const refund = /^refund (\w+)$/.exec(cell)?.[1];
  const refundKey = refund ? keyFor('refundState', refund) : null;
  if (refundKey) return tr('reconcile.refundState', { state: tr(refundKey) });
  const keys = cell.split(' → ').map((part) => keyFor('state', part));
  if (keys.every((k) => k !== null)) return keys.map((k) => tr(k)).join(' → ');
  return cell;
}

/** The gateway's side: an OTTPay order status, or what happened when it was asked. */
export function gatewayCellText(tr: Translate, cell: string): string {
  if (cell === 'no such order') return tr('reconcile.noSuchOrder');
  if (cell === 'no answer') return tr('reconcile.noAnswer');
  if (cell === 'sent a call-back') return tr('reconcile.sentCallback');
  const key = keyFor('gatewayStatus', cell);
  return key ? tr(key) : cell;
}

export function reconcileNoteText(tr: Translate, note: string): string {
  const found = parseReconcileNote(note);
  return found ? tr(`reconcileNote.${found.key}`, found.params) : note;
}

/** A journal event's type (`attempt.gateway_paid`) in words; a type this page does not know shows as it is. */
export function journalEventText(tr: Translate, type: string): string {
  const key = `journalEvent.${type}`;
  return isJournalEventKey(key) ? tr(key) : type;
}

function isJournalEventKey(key: string): key is MessageKey & `journalEvent.${string}` {
  return Object.hasOwn(en, key);
}

/** A scanner's status detail, as the core words it in English; unknown details show as they are. */
export function scannerDetailText(tr: Translate, detail: string): string {
  if (detail === 'listening for scans typed as keys') return tr('scannerDetail.wedgeListening');
  if (detail === 'no serial port chosen — pick one in Settings') return tr('scannerDetail.noPort');
  const at = /^(.+) at (\d+) baud$/.exec(detail);
  if (at) return tr('scannerDetail.portAt', { path: at[1] ?? '', baud: at[2] ?? '' });
  return detail;
}
