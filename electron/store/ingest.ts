// Writes one till's batch as one statement: the till and its store, the raw events (a repeat of an
// event already there is skipped: the unique key is till id + sequence), then the projections, each row
// replaced only by a snapshot at least as new as the one it holds. One statement is one transaction, so
// the batch commits whole or not at all, in one round trip. A batch delivered twice, or after a crash
// between the commit and the till's own note of it, changes nothing. A till login writes only its own
// till's rows (row-level security, central migration 3, checked by the server in this same statement):
// a batch naming another till is refused, and so is any batch once the owner revokes the login.
import type { ClientBase } from 'pg';
import { type Batch, batchSchema } from './batch.ts';
import { checkTillLoginOnce, forgetTillLogin, tillLoginError } from './till-login-check.ts';

export interface IngestResult {
  /** Events new to the central side. */
  inserted: number;
  /** Events it already had. */
  duplicates: number;
  lastSeq: number;
}

// One statement for the whole batch (data-modifying CTEs) in the server's implicit transaction: one
// round trip, plus the login's till check on a connection's first batch (till-login-check.ts).
// $1 till, $2 store, $3 terminal, $4 time zone, $5 last seq, $6 till's clock, $7 app version,
// $8 events, $9 attempts, $10 refunds, $12 staff (JSON arrays), $11 the snapshots' event.
const INGEST = `
WITH store AS (
  INSERT INTO pos.stores (store_id) VALUES ($2) ON CONFLICT DO NOTHING),
till AS (
  INSERT INTO pos.tills (till_id, store_id, terminal_no, time_zone, last_seq, last_shipped_at, clock_offset_ms, app_version)
  VALUES ($1, $2, $3, $4, $5, now(), floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint - $6::bigint, $7)
  ON CONFLICT (till_id) DO UPDATE SET store_id = EXCLUDED.store_id, terminal_no = EXCLUDED.terminal_no,
    time_zone = EXCLUDED.time_zone, last_seq = greatest(pos.tills.last_seq, EXCLUDED.last_seq),
    last_shipped_at = now(), clock_offset_ms = EXCLUDED.clock_offset_ms, app_version = EXCLUDED.app_version),
events AS (
  INSERT INTO pos.events (till_id, seq, store_id, at, entity, entity_id, type, cause, from_state, to_state, detail)
  SELECT $1, e.seq, $2, e.at, e.entity, e."entityId", e.type, e.cause, e."fromState", e."toState", e.detail
  FROM jsonb_to_recordset($8::jsonb) AS e(seq bigint, at bigint, entity text, "entityId" text, type text,
    cause text, "fromState" text, "toState" text, detail jsonb)
  ORDER BY e.seq
  ON CONFLICT (till_id, seq) DO NOTHING
  RETURNING 1),
attempts AS (
  INSERT INTO pos.attempts (till_id, attempt_id, store_id, order_id, sale_id, mode, wallet, amount_cents,
    tip_cents, currency, state, operator_id, cashier_id, terminal_no, created_at, paid_at, business_day,
    needs_attention, manual, refunded_cents, as_of_seq)
  SELECT $1, a."attemptId", $2, a."orderId", a."saleId", a.mode, a.wallet, a."amountCents", a."tipCents",
    a.currency, a.state, a."operatorId", a."cashierId", a."terminalNo", a."createdAt", a."paidAt",
    (to_timestamp(a."createdAt" / 1000.0) AT TIME ZONE $4)::date, a."needsAttention", a.manual,
    a."refundedCents", $11
  FROM jsonb_to_recordset($9::jsonb) AS a("attemptId" text, "orderId" text, "saleId" text, mode text,
    wallet text, "amountCents" bigint, "tipCents" bigint, currency text, state text, "operatorId" text,
    "cashierId" text, "terminalNo" text, "createdAt" bigint, "paidAt" bigint, "needsAttention" boolean,
    manual boolean, "refundedCents" bigint)
  ON CONFLICT (till_id, attempt_id) DO UPDATE SET state = EXCLUDED.state, paid_at = EXCLUDED.paid_at,
    needs_attention = EXCLUDED.needs_attention, manual = EXCLUDED.manual,
    refunded_cents = EXCLUDED.refunded_cents, cashier_id = EXCLUDED.cashier_id, as_of_seq = EXCLUDED.as_of_seq
  WHERE pos.attempts.as_of_seq <= EXCLUDED.as_of_seq),
refunds AS (
  INSERT INTO pos.refunds (till_id, refund_id, store_id, attempt_id, order_id, amount_cents, currency, state,
    operator_id, created_at, business_day, needs_attention, as_of_seq, cashier_id, approver_id)
  SELECT $1, r."refundId", $2, r."attemptId", r."orderId", r."amountCents", r.currency, r.state,
    r."operatorId", r."createdAt", (to_timestamp(r."createdAt" / 1000.0) AT TIME ZONE $4)::date,
    r."needsAttention", $11, r."cashierId", r."approverId"
  FROM jsonb_to_recordset($10::jsonb) AS r("refundId" text, "attemptId" text, "orderId" text,
    "amountCents" bigint, currency text, state text, "operatorId" text, "createdAt" bigint,
    "needsAttention" boolean, "cashierId" text, "approverId" text)
  ON CONFLICT (till_id, refund_id) DO UPDATE SET state = EXCLUDED.state,
    needs_attention = EXCLUDED.needs_attention, cashier_id = EXCLUDED.cashier_id,
    approver_id = EXCLUDED.approver_id, as_of_seq = EXCLUDED.as_of_seq
  WHERE pos.refunds.as_of_seq <= EXCLUDED.as_of_seq),
staff AS (
  INSERT INTO pos.staff (till_id, staff_id, name, role, active, as_of_seq)
  SELECT $1, s."staffId", s.name, s.role, s.active, $11
  FROM jsonb_to_recordset($12::jsonb) AS s("staffId" text, name text, role text, active boolean)
  ON CONFLICT (till_id, staff_id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role,
    active = EXCLUDED.active, as_of_seq = EXCLUDED.as_of_seq
  WHERE pos.staff.as_of_seq <= EXCLUDED.as_of_seq)
SELECT count(*)::int AS inserted FROM events`;

export interface IngestHooks {
  /** Runs once the batch's statement is submitted, before its answer: whether it commits is not yet
   * known to the till (a crash test kills the till here; a fault test stops the server). */
  sent?: () => void;
  /** Hears each round trip to the server with its duration (the store-sync benchmark's breakdown). */
  onRoundTrip?: (what: string, ms: number) => void;
}

export async function ingestBatch(
  client: ClientBase,
  input: Batch,
  hooks: IngestHooks = {},
): Promise<IngestResult> {
  const parsed = batchSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`batch refused: ${first?.path.join('.') || '(batch)'}: ${first?.message ?? 'invalid'}`);
  }
  const b = parsed.data;
  const lastSeq = b.events[b.events.length - 1]?.seq ?? 0;
  try {
    await checkTillLoginOnce(client, b.tillId, hooks.onRoundTrip);
    const t = performance.now();
    // Named: the server parses and plans the statement once per connection, not once per batch.
    const pending = client.query({
      name: 'pos_ingest_batch',
      text: INGEST,
      values: [
        b.tillId,
        b.storeId,
        b.terminalNo,
        b.timeZone,
        lastSeq,
        b.sentAt,
        b.appVersion,
        JSON.stringify(b.events),
        JSON.stringify(b.attempts),
        JSON.stringify(b.refunds),
        b.asOfSeq,
        JSON.stringify(b.staff ?? []),
      ],
    });
    hooks.sent?.();
    const res = await pending;
    hooks.onRoundTrip?.('ingest', performance.now() - t);
    const inserted = Number(res.rows[0]?.inserted ?? 0);
    return { inserted, duplicates: b.events.length - inserted, lastSeq };
  } catch (err) {
    // A refusal (a revoked or rebound login) is checked again, for its clear words, on the next batch.
    forgetTillLogin(client);
    throw tillLoginError(err);
  }
}
