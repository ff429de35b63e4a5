// Refunds: each against one paid attempt, with its own order id.
import { hasColumn } from './has-column.ts';
import type { Db } from './open-journal.ts';
import { type JournalActor, NO_ACTOR, type RefundRow } from './rows.ts';

const BASE_COLUMNS = `refund_id AS refundId, order_id AS orderId, attempt_id AS attemptId, amount_cents AS amountCents,
  currency, state, gateway_seen AS gatewaySeen, reason, operator_id AS operatorId, created_at AS createdAt,
  updated_at AS updatedAt, submitted_at AS submittedAt, needs_attention AS needsAttention`;
const STAFF_COLUMNS = ', cashier_id AS cashierId, approver_id AS approverId, shift_id AS shiftId';

type RawRefund = Omit<RefundRow, 'gatewaySeen' | 'needsAttention'> & {
  gatewaySeen: number;
  needsAttention: number;
};

function fromRaw(raw: RawRefund | undefined): RefundRow | null {
  if (!raw) return null;
  return { ...raw, gatewaySeen: raw.gatewaySeen === 1, needsAttention: raw.needsAttention === 1 };
}

function toParams(row: RefundRow) {
  return {
    ...row,
    gatewaySeen: row.gatewaySeen ? 1 : 0,
    needsAttention: row.needsAttention ? 1 : 0,
    cashierId: row.cashierId ?? null,
    approverId: row.approverId ?? null,
    shiftId: row.shiftId ?? null,
  };
}

export function createRefundsRepo(db: Db, actor: () => JournalActor = () => NO_ACTOR) {
  const staff = hasColumn(db, 'refunds', 'cashier_id');
  const COLUMNS = BASE_COLUMNS + (staff ? STAFF_COLUMNS : '');
  const insert =
    db.prepare(`INSERT INTO refunds (refund_id, order_id, attempt_id, amount_cents, currency, state,
    gateway_seen, reason, operator_id, created_at, updated_at, submitted_at, needs_attention
    ${staff ? ', cashier_id, approver_id, shift_id' : ''}) VALUES (@refundId, @orderId, @attemptId, @amountCents, @currency,
    @state, @gatewaySeen, @reason, @operatorId, @createdAt, @updatedAt, @submittedAt, @needsAttention
    ${staff ? ', @cashierId, @approverId, @shiftId' : ''})`);
  const update = db.prepare(`UPDATE refunds SET state = @state, gateway_seen = @gatewaySeen, reason = @reason,
    updated_at = @updatedAt, submitted_at = @submittedAt, needs_attention = @needsAttention WHERE refund_id = @refundId`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM refunds WHERE refund_id = ?`);
  const byAttempt = db.prepare(
    `SELECT ${COLUMNS} FROM refunds WHERE attempt_id = ? ORDER BY created_at, order_id`,
  );
  const live = db.prepare(
    `SELECT ${COLUMNS} FROM refunds WHERE state IN ('created','submitted','unknown') ORDER BY created_at`,
  );
  // Refunds are few beside attempts, and this is read at start-up only: a scan is cheap.
  const failedSince = db.prepare(`SELECT ${COLUMNS} FROM refunds WHERE state = 'failed' AND updated_at >= ?`);
  const attention = db.prepare(
    // `+created_at`: read by refunds_attention (schema 11), then sorted, not by walking refunds_by_time.
    `SELECT ${COLUMNS} FROM refunds WHERE needs_attention = 1 ORDER BY +created_at`,
  );
  const committed = db.prepare(
    `SELECT coalesce(sum(amount_cents), 0) AS total FROM refunds WHERE attempt_id = ? AND state <> 'failed'`,
  );
  const refunded = db.prepare(
    `SELECT coalesce(sum(amount_cents), 0) AS total FROM refunds WHERE attempt_id = ? AND state = 'refunded'`,
  );
  const inRange = db.prepare(
    `SELECT ${COLUMNS} FROM refunds WHERE created_at >= ? AND created_at < ? ORDER BY created_at, order_id`,
  );

  return {
    insert(row: RefundRow): void {
      const who = actor();
      insert.run(
        toParams({
          ...row,
          cashierId: row.cashierId ?? who.cashierId,
          approverId: row.approverId ?? who.approverId,
          shiftId: row.shiftId ?? who.shiftId,
        }),
      );
    },
    update(row: RefundRow): void {
      if (update.run(toParams(row)).changes !== 1)
        throw new Error(`refund ${row.refundId} is not in the journal`);
    },
    get(refundId: string): RefundRow | null {
      return fromRaw(byId.get(refundId) as RawRefund | undefined);
    },
    forAttempt(attemptId: string): RefundRow[] {
      return (byAttempt.all(attemptId) as RawRefund[]).map((r) => fromRaw(r) as RefundRow);
    },
    live(): RefundRow[] {
      return (live.all() as RawRefund[]).map((r) => fromRaw(r) as RefundRow);
    },
    /** Refunds that failed since failedFrom. */
    failedSince(failedFrom: number): RefundRow[] {
      return (failedSince.all(failedFrom) as RawRefund[]).map((r) => fromRaw(r) as RefundRow);
    },
    needingAttention(): RefundRow[] {
      return (attention.all() as RawRefund[]).map((r) => fromRaw(r) as RefundRow);
    },
    /** Refunded plus in flight: what a new refund must stay within. */
    committedCents(attemptId: string): number {
      return (committed.get(attemptId) as { total: number }).total;
    },
    refundedCents(attemptId: string): number {
      return (refunded.get(attemptId) as { total: number }).total;
    },
    createdBetween(fromMs: number, toMs: number): RefundRow[] {
      return (inRange.all(fromMs, toMs) as RawRefund[]).map((r) => fromRaw(r) as RefundRow);
    },
  };
}

export type RefundsRepo = ReturnType<typeof createRefundsRepo>;
