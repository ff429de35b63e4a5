// What the QR on a receipt encodes: our order id behind a fixed prefix of letters. A wallet payment
// code is all digits (or UnionPay's EMV text starting "hQVDUFY"), so a receipt code can never be taken
// for one, and the history screen can tell a receipt from anything else scanned.

export const RECEIPT_CODE_PREFIX = 'OTR';
const RECEIPT_CODE = /^OTR([0-9A-Za-z]{1,20})$/i;

export function receiptCode(orderId: string): string {
  return `${RECEIPT_CODE_PREFIX}${orderId}`;
}

/** The order id a scanned receipt code names, or null when the text is not a receipt code. */
export function orderIdFromReceiptCode(text: string): string | null {
  const m = RECEIPT_CODE.exec(text.trim());
  return m?.[1] ?? null;
}
