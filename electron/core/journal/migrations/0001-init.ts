// Schema 1: the append-only event log and the small projection tables built beside it.
// Integer cents with the currency on every row that holds an amount; epoch-ms times; no secrets (a wallet
// code is kept masked plus a keyed hash for the single-use check; the sign key never comes here).
import type { Migration } from './migration.ts';

const ATTEMPT_STATES = `('created','submitted','awaiting_customer','unknown','cancelling','paid','failed','expired')`;
const REFUND_STATES = `('created','submitted','unknown','refunded','failed')`;
const WALLETS = `('WECHATPAY','ALIPAY','UNIONPAY')`;
const CURRENCIES = `('CAD','USD')`;
const ORDER_ID_CHECK = (col: string) =>
  `length(${col}) BETWEEN 1 AND 20 AND ${col} NOT GLOB '*[^0-9A-Za-z]*'`;

export const migration0001: Migration = {
  version: 1,
  name: 'init',
  sql: `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Every state change with its cause. Never updated, never deleted (the triggers below refuse it).
CREATE TABLE events (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  at         INTEGER NOT NULL,
  entity     TEXT NOT NULL CHECK (entity IN ('sale','attempt','refund','callback')),
  entity_id  TEXT NOT NULL,
  type       TEXT NOT NULL,
  cause      TEXT NOT NULL CHECK (cause IN ('command','gateway','query','callback','timeout','override','recovery')),
  from_state TEXT,
  to_state   TEXT,
  detail     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
CREATE INDEX events_by_entity ON events (entity_id, seq);
CREATE INDEX events_by_time ON events (at);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

CREATE TABLE sales (
  sale_id      TEXT PRIMARY KEY,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  tip_cents    INTEGER NOT NULL CHECK (tip_cents >= 0),
  currency     TEXT NOT NULL CHECK (currency IN ${CURRENCIES}),
  operator_id  TEXT NOT NULL,
  terminal_no  TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  closed_at    INTEGER
) STRICT;
CREATE INDEX sales_open ON sales (created_at) WHERE closed_at IS NULL;

CREATE TABLE attempts (
  attempt_id      TEXT PRIMARY KEY,
  order_id        TEXT NOT NULL UNIQUE CHECK (${ORDER_ID_CHECK('order_id')}),
  sale_id         TEXT NOT NULL REFERENCES sales (sale_id),
  mode            TEXT NOT NULL CHECK (mode IN ('active','passive')),
  wallet          TEXT NOT NULL CHECK (wallet IN ${WALLETS}),
  amount_cents    INTEGER NOT NULL CHECK (amount_cents > 0),
  tip_cents       INTEGER NOT NULL CHECK (tip_cents >= 0),
  currency        TEXT NOT NULL CHECK (currency IN ${CURRENCIES}),
  state           TEXT NOT NULL CHECK (state IN ${ATTEMPT_STATES}),
  gateway_seen    INTEGER NOT NULL DEFAULT 0 CHECK (gateway_seen IN (0,1)),
  reason          TEXT,
  qr_payload      TEXT,
  qr_expires_at   INTEGER,
  wallet_txn_id   TEXT,
  code_masked     TEXT,
  code_hash       TEXT UNIQUE,
  operator_id     TEXT NOT NULL,
  terminal_no     TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  submitted_at    INTEGER,
  paid_at         INTEGER,
  cancel_cause    TEXT CHECK (cancel_cause IN ('cashier','qr_expired')),
  needs_attention INTEGER NOT NULL DEFAULT 0 CHECK (needs_attention IN (0,1)),
  manual          INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0,1)),
  refunded_cents  INTEGER NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0),
  CHECK (mode = 'passive' OR code_hash IS NULL)
) STRICT;
-- Rule 4 in the schema itself: one live attempt per sale.
CREATE UNIQUE INDEX attempts_one_live_per_sale ON attempts (sale_id)
  WHERE state NOT IN ('paid','failed','expired');
CREATE INDEX attempts_by_sale ON attempts (sale_id, created_at);
CREATE INDEX attempts_by_time ON attempts (created_at);
CREATE INDEX attempts_live ON attempts (state) WHERE state NOT IN ('paid','failed','expired');
CREATE INDEX attempts_attention ON attempts (needs_attention) WHERE needs_attention = 1;
CREATE INDEX attempts_by_txn ON attempts (wallet_txn_id) WHERE wallet_txn_id IS NOT NULL;
CREATE INDEX attempts_by_amount ON attempts (amount_cents, created_at);

CREATE TABLE refunds (
  refund_id       TEXT PRIMARY KEY,
  order_id        TEXT NOT NULL UNIQUE CHECK (${ORDER_ID_CHECK('order_id')}),
  attempt_id      TEXT NOT NULL REFERENCES attempts (attempt_id),
  amount_cents    INTEGER NOT NULL CHECK (amount_cents > 0),
  currency        TEXT NOT NULL CHECK (currency IN ${CURRENCIES}),
  state           TEXT NOT NULL CHECK (state IN ${REFUND_STATES}),
  gateway_seen    INTEGER NOT NULL DEFAULT 0 CHECK (gateway_seen IN (0,1)),
  reason          TEXT,
  operator_id     TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  submitted_at    INTEGER,
  needs_attention INTEGER NOT NULL DEFAULT 0 CHECK (needs_attention IN (0,1))
) STRICT;
CREATE INDEX refunds_by_attempt ON refunds (attempt_id, created_at);
CREATE INDEX refunds_by_time ON refunds (created_at);
CREATE INDEX refunds_live ON refunds (state) WHERE state IN ('created','submitted','unknown');

-- Every call-back received, accepted or not (forged and mismatched ones are kept as evidence).
CREATE TABLE callbacks (
  callback_id  INTEGER PRIMARY KEY AUTOINCREMENT,
  received_at  INTEGER NOT NULL,
  verdict      TEXT NOT NULL CHECK (verdict IN ('accepted','duplicate','forged','mismatch','unknown_order')),
  order_id     TEXT,
  attempt_id   TEXT,
  amount_cents INTEGER,
  remote       TEXT,
  body_sha256  TEXT NOT NULL,
  note         TEXT
) STRICT;
CREATE INDEX callbacks_by_order ON callbacks (order_id);
CREATE INDEX callbacks_by_time ON callbacks (received_at);
`,
};
