// Shift rows (migration staff-and-shifts) in the payments journal, and the figures a shift report is made of. Every
// figure comes from the journal's rows tagged with the shift: attempts and refunds by where they were
// started, overrides, acknowledgements and late events by the shift their event landed in.
import type { Db } from '../journal/open-journal.ts';

export interface ShiftRow {
  shiftId: number;
  openedAt: number;
  openedBy: string;
  closedAt: number | null;
  closedBy: string | null;
  approvedBy: string | null;
  zReport: string | null;
}

export interface PaidGroup {
  key: string | null;
  count: number;
  grossCents: number;
  tipCents: number;
}

export interface RefundGroup {
  key: string | null;
  count: number;
  cents: number;
}

export interface EventLine {
  seq: number;
  at: number;
  entity: string;
  entityId: string;
  type: string;
  cause: string;
  staffId: string | null;
  approverId: string | null;
  orderId: string | null;
  detail: string;
}

const SHIFT = `shift_id AS shiftId, opened_at AS openedAt, opened_by AS openedBy, closed_at AS closedAt,
  closed_by AS closedBy, approved_by AS approvedBy, z_report AS zReport`;

export function createShiftsRepo(db: Db) {
  const open = db.prepare(`SELECT ${SHIFT} FROM shifts WHERE closed_at IS NULL`);
  const byId = db.prepare(`SELECT ${SHIFT} FROM shifts WHERE shift_id = ?`);
  const recent = db.prepare(`SELECT ${SHIFT} FROM shifts ORDER BY shift_id DESC LIMIT ?`);
  const insert = db.prepare('INSERT INTO shifts (opened_at, opened_by) VALUES (?, ?)');
  const close = db.prepare(`UPDATE shifts SET closed_at = @closedAt, closed_by = @closedBy,
    approved_by = @approvedBy, z_report = @zReport WHERE shift_id = @shiftId AND closed_at IS NULL`);
  const paid = (by: string) =>
    db.prepare(`SELECT ${by} AS key, count(*) AS count, sum(amount_cents + tip_cents) AS grossCents,
      sum(tip_cents) AS tipCents FROM attempts WHERE shift_id = ? AND currency = ? AND state = 'paid'
      GROUP BY ${by} ORDER BY ${by}`);
  const refunded = (by: string) =>
    db.prepare(`SELECT ${by} AS key, count(*) AS count, sum(r.amount_cents) AS cents
      FROM refunds r JOIN attempts a ON a.attempt_id = r.attempt_id
      WHERE r.shift_id = ? AND r.currency = ? AND r.state = 'refunded' GROUP BY ${by} ORDER BY ${by}`);
  const paidByWallet = paid('wallet');
  const paidByCashier = paid('cashier_id');
  const refundedByWallet = refunded('a.wallet');
  const refundedByCashier = refunded('r.cashier_id');
  const unresolvedAttempts =
    db.prepare(`SELECT order_id AS orderId, state, amount_cents + tip_cents AS amountCents
    FROM attempts WHERE shift_id = ? AND state NOT IN ('paid','failed','expired') ORDER BY created_at`);
  const unresolvedRefunds = db.prepare(`SELECT order_id AS orderId, state, amount_cents AS amountCents
    FROM refunds WHERE shift_id = ? AND state IN ('created','submitted','unknown') ORDER BY created_at`);
  const orderOf = `COALESCE((SELECT order_id FROM attempts WHERE attempt_id = e.entity_id),
    (SELECT order_id FROM refunds WHERE refund_id = e.entity_id))`;
  const EVENT = `e.seq, e.at, e.entity, e.entity_id AS entityId, e.type, e.cause, e.staff_id AS staffId,
    e.approver_id AS approverId, ${orderOf} AS orderId, e.detail`;
  const overrides = db.prepare(`SELECT ${EVENT} FROM events e WHERE e.shift_id = ? AND e.cause = 'override'
    ORDER BY e.seq`);
  // An event about an attempt (or a refund of one) taken in another, earlier shift.
  const late = db.prepare(`SELECT ${EVENT} FROM events e
    LEFT JOIN attempts a ON a.attempt_id = e.entity_id
    LEFT JOIN refunds r ON r.refund_id = e.entity_id
    LEFT JOIN attempts ra ON ra.attempt_id = r.attempt_id
    WHERE e.shift_id = ? AND e.entity IN ('attempt','refund')
      AND COALESCE(a.shift_id, ra.shift_id) IS NOT NULL AND COALESCE(a.shift_id, ra.shift_id) <> e.shift_id
      AND e.type NOT IN ('attempt.facts','refund.facts')
    ORDER BY e.seq`);
  const shiftAttempts = db.prepare(
    'SELECT attempt_id AS id FROM attempts WHERE shift_id = ? ORDER BY created_at',
  );
  const shiftRefunds = db.prepare(
    'SELECT refund_id AS id FROM refunds WHERE shift_id = ? ORDER BY created_at',
  );

  return {
    open: () => (open.get() as ShiftRow | undefined) ?? null,
    get: (shiftId: number) => (byId.get(shiftId) as ShiftRow | undefined) ?? null,
    recent: (limit: number) => recent.all(limit) as ShiftRow[],
    insert: (openedAt: number, openedBy: string): number =>
      Number(insert.run(openedAt, openedBy).lastInsertRowid),
    close(row: {
      shiftId: number;
      closedAt: number;
      closedBy: string;
      approvedBy: string | null;
      zReport: string;
    }) {
      if (close.run(row).changes !== 1) throw new Error(`shift ${row.shiftId} is not open`);
    },
    paidByWallet: (shiftId: number, currency: string) => paidByWallet.all(shiftId, currency) as PaidGroup[],
    paidByCashier: (shiftId: number, currency: string) => paidByCashier.all(shiftId, currency) as PaidGroup[],
    refundedByWallet: (shiftId: number, currency: string) =>
      refundedByWallet.all(shiftId, currency) as RefundGroup[],
    refundedByCashier: (shiftId: number, currency: string) =>
      refundedByCashier.all(shiftId, currency) as RefundGroup[],
    unresolved(shiftId: number) {
      type U = { orderId: string; state: string; amountCents: number };
      return [
        ...(unresolvedAttempts.all(shiftId) as U[]).map((u) => ({ ...u, kind: 'attempt' as const })),
        ...(unresolvedRefunds.all(shiftId) as U[]).map((u) => ({ ...u, kind: 'refund' as const })),
      ];
    },
    overrides: (shiftId: number) => overrides.all(shiftId) as EventLine[],
    late: (shiftId: number) => late.all(shiftId) as EventLine[],
    attemptIds: (shiftId: number) => (shiftAttempts.all(shiftId) as Array<{ id: string }>).map((r) => r.id),
    refundIds: (shiftId: number) => (shiftRefunds.all(shiftId) as Array<{ id: string }>).map((r) => r.id),
  };
}

export type ShiftsRepo = ReturnType<typeof createShiftsRepo>;
