// The plain-words reasons the core gives an attempt (why it failed, why it is being checked), each
// under a key. The core writes the English text into the journal; a renderer finds the key and its
// values again with parseReason() and words it in the operator's language, so a journal written in
// English reads in French or Chinese on screen. Text that matches no template is shown as it is.

import { type TemplateParams, templates } from '../text-templates.ts';

export const REASON_TEMPLATES = {
  unknown: 'No clear answer from the gateway: checking the order with the gateway. Do not charge again.',
  notSent: 'The payment gateway could not be reached: nothing was charged.',
  failed: 'The payment failed at the wallet (declined, or cancelled by the customer).',
  closed: 'The order closed unpaid.',
  notFound: 'The gateway never received this order: nothing was charged.',
  cancelled: 'Cancelled: checking with the gateway that the customer did not pay.',
  qrExpired: 'The QR code expired: checking with the gateway that the customer did not pay.',
  qrUnusable:
    'The gateway sent a QR code too long to show: checking with the gateway that the customer did not pay. Do not charge again.',
  restartedWithQr:
    'The till restarted while the QR code was shown: checking with the gateway whether the customer paid.',
  paidAfterCancel:
    'Paid after it was cancelled, once the till had moved on: hand over the goods or refund the customer.',
  paidTwice: 'This sale was paid more than once: refund the extra payment.',
  pwdIncorrect: 'Wrong payment password: nothing was charged. The customer may try again with a new code.',
  authCodeInvalid: 'The wallet code is not valid: nothing was charged. Ask the customer for a fresh code.',
  declinedByWallet: 'Declined by the wallet: nothing was charged.',
  declinedByGateway: 'Declined by the gateway: nothing was charged.',
  declinedByGatewayCode: 'Declined by the gateway ({code}): nothing was charged.',
  invalidRequest:
    "The gateway refused the request as invalid: nothing was charged. Check the till's settings.",
  invalidRequestCode:
    "The gateway refused the request as invalid ({code}): nothing was charged. Check the till's settings.",
  paidOtherAmount: 'Paid, but the gateway reports {charged} charged, not {expected}',
  markedPaidConfirmed: 'Marked paid by a supervisor (the gateway confirms the charge): {note}',
  markedPaid: 'Marked paid by a supervisor: {note}',
  markedFailed: 'Marked failed by a supervisor: {note}',
  // A refund's reasons, as the core writes them (refunds.ts): worded on screen like the others.
  refundDeclinedByWallet: 'Declined by the wallet: no money was returned.',
  refundDeclinedByGateway: 'Declined by the gateway: no money was returned.',
  refundDeclinedByGatewayCode: 'Declined by the gateway ({code}): no money was returned.',
  refundNotSent: 'The payment gateway could not be reached: no money was returned.',
  refundUnknown: 'No clear answer from the gateway: checking the refund. Do not refund again.',
  refundUnconfirmed: 'The gateway has the refund but has not confirmed it yet.',
} as const;

export type ReasonKey = keyof typeof REASON_TEMPLATES;
export type ReasonParams = TemplateParams;

const REASONS = templates(REASON_TEMPLATES);

export function reasonText(key: ReasonKey, params: ReasonParams = {}): string {
  return REASONS.text(key, params);
}

/** The key and values a reason text was made from, or null for text no template made. */
export function parseReason(text: string): { key: ReasonKey; params: ReasonParams } | null {
  return REASONS.parse(text);
}
