// The notes of the daily reconciliation's differences, under keys: the core writes the English text
// into the report (and its CSV); the till page finds the key and values again and words them in the
// operator's language.
import { type TemplateParams, templates } from '../text-templates.ts';

export const RECONCILE_NOTE_TEMPLATES = {
  couldNotCheck: 'Could not be checked: {error}',
  paidNoOrder: 'Paid in the journal, but the gateway has no such order',
  unresolvedNoOrder: 'Still unresolved in the journal; the gateway has no such order yet',
  paidAtGatewayOnly: 'Paid at the gateway, not paid in the journal: money taken off the books',
  paidInJournalOnly: 'Paid in the journal, not paid at the gateway',
  unresolved: 'Still unresolved: the gateway has not given a final answer',
  amountDiffers: 'Amount differs: gateway {gateway}, journal {journal}',
  refundedDiffers: 'Refunded amount differs: gateway {gateway}, journal {journal}',
  resolvedNow: 'Resolved now from the gateway',
  refundCouldNotCheck: 'Refund could not be checked: {error}',
  refundedNoOrder: 'Refunded in the journal, unknown to the gateway',
  refundAtGatewayOnly: 'Refund done at the gateway, not in the journal',
  refundInJournalOnly: 'Refund done in the journal, not at the gateway',
  refundUnresolved: 'Refund still unresolved',
  unknownCallback: 'The gateway sent a call-back for an order this journal does not have',
} as const;

export type ReconcileNoteKey = keyof typeof RECONCILE_NOTE_TEMPLATES;

const NOTES = templates(RECONCILE_NOTE_TEMPLATES);

export function reconcileNote(key: ReconcileNoteKey, params: TemplateParams = {}): string {
  return NOTES.text(key, params);
}

export function parseReconcileNote(text: string): { key: ReconcileNoteKey; params: TemplateParams } | null {
  return NOTES.parse(text);
}
