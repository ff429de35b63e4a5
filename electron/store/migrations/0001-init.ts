// Central schema 1, in its own schema `pos`: stores and tills, every till's raw events (unique by till
// and sequence, which is what makes a re-sent batch harmless), and projections of attempts and refunds:
// each row is the till's own journal row as of the newest event shipped (`as_of_seq`), so the central
// figures are the tills' figures. `business_day` is the row's local date in its till's time zone.
import type { PgMigration } from './migration.ts';

export const pgMigration0001: PgMigration = {
  version: 1,
  name: 'init',
  sql: `
CREATE TABLE pos.stores (
  store_id   text PRIMARY KEY,
  first_seen timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE pos.tills (
  till_id         text PRIMARY KEY,
  store_id        text NOT NULL REFERENCES pos.stores (store_id),
  terminal_no     text NOT NULL,
  time_zone       text NOT NULL,
  last_seq        bigint NOT NULL DEFAULT 0,
  last_shipped_at timestamptz,
  -- the server's clock minus the till's at the last batch: a till whose clock is off shows here
  clock_offset_ms bigint,
  app_version     text
);
CREATE INDEX tills_by_store ON pos.tills (store_id);

CREATE TABLE pos.events (
  till_id     text NOT NULL,
  seq         bigint NOT NULL,
  store_id    text NOT NULL,
  at          bigint NOT NULL,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  type        text NOT NULL,
  cause       text NOT NULL,
  from_state  text,
  to_state    text,
  detail      jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (till_id, seq)
);
CREATE INDEX events_by_entity ON pos.events (till_id, entity_id);

CREATE TABLE pos.attempts (
  till_id         text NOT NULL,
  attempt_id      text NOT NULL,
  store_id        text NOT NULL,
  order_id        text NOT NULL,
  sale_id         text NOT NULL,
  mode            text NOT NULL,
  wallet          text NOT NULL,
  amount_cents    bigint NOT NULL,
  tip_cents       bigint NOT NULL,
  currency        text NOT NULL,
  state           text NOT NULL,
  operator_id     text NOT NULL,
  cashier_id      text,
  terminal_no     text NOT NULL,
  created_at      bigint NOT NULL,
  paid_at         bigint,
  business_day    date NOT NULL,
  needs_attention boolean NOT NULL,
  manual          boolean NOT NULL,
  refunded_cents  bigint NOT NULL,
  as_of_seq       bigint NOT NULL,
  PRIMARY KEY (till_id, attempt_id)
);
-- The day report reads one day of one store (or of the chain) from the index alone.
CREATE INDEX attempts_by_day ON pos.attempts (business_day, store_id, till_id)
  INCLUDE (state, wallet, currency, amount_cents, tip_cents, operator_id, cashier_id, needs_attention);
CREATE INDEX attempts_unresolved ON pos.attempts (store_id, business_day)
  WHERE needs_attention OR state NOT IN ('paid','failed','expired');

CREATE TABLE pos.refunds (
  till_id         text NOT NULL,
  refund_id       text NOT NULL,
  store_id        text NOT NULL,
  attempt_id      text NOT NULL,
  order_id        text NOT NULL,
  amount_cents    bigint NOT NULL,
  currency        text NOT NULL,
  state           text NOT NULL,
  operator_id     text NOT NULL,
  created_at      bigint NOT NULL,
  business_day    date NOT NULL,
  needs_attention boolean NOT NULL,
  as_of_seq       bigint NOT NULL,
  PRIMARY KEY (till_id, refund_id)
);
CREATE INDEX refunds_by_day ON pos.refunds (business_day, store_id, till_id)
  INCLUDE (state, currency, amount_cents, attempt_id);
`,
};
