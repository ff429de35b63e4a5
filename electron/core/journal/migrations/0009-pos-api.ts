// Schema 9: the local POS API's idempotency records. One row per payment a POS asked for, written in the
// same transaction as its sale (and, for a QR payment, its attempt) — before anything reaches OTTPay —
// so a till killed after answering 201 still knows which sale the POS's key and body belong to.
// Refunds asked over the API keep their key beside the refund they made, in that refund's transaction.
// Refused requests (bad key, bad body, rate-limited) are never written: only what was paid for is.
import type { Migration } from './migration.ts';

export const migration0009: Migration = {
  version: 9,
  name: 'pos-api',
  sql: `
CREATE TABLE pos_payments (
  sale_id      TEXT PRIMARY KEY REFERENCES sales (sale_id),
  idem_key     TEXT NOT NULL UNIQUE CHECK (length(idem_key) BETWEEN 1 AND 64),
  request_hash TEXT NOT NULL,
  method       TEXT NOT NULL CHECK (method IN ('WECHATPAY', 'ALIPAY', 'UNIONPAY', 'SCAN')),
  reference    TEXT CHECK (reference IS NULL OR length(reference) <= 32),
  created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX pos_payments_reference ON pos_payments (reference) WHERE reference IS NOT NULL;

CREATE TABLE pos_refunds (
  idem_key     TEXT PRIMARY KEY CHECK (length(idem_key) BETWEEN 1 AND 64),
  request_hash TEXT NOT NULL,
  sale_id      TEXT NOT NULL REFERENCES pos_payments (sale_id),
  refund_id    TEXT NOT NULL UNIQUE REFERENCES refunds (refund_id),
  created_at   INTEGER NOT NULL
) STRICT;
`,
};
