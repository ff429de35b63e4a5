// The till's side of shipping, over its own journal: the events after the last acknowledged one (at most
// `limit`, in sequence order) with the current rows of the attempts and refunds they touch and the staff
// directory, all read in one transaction; the acknowledgement per central database; and how much is still waiting.

import type { AttemptSnapshot, RefundSnapshot, ShippedEvent, StaffEntry } from '../../store/batch.ts';
import type { Db } from '../journal/open-journal.ts';
import type { EventRow } from '../journal/rows.ts';

export interface OutboxRead {
  events: ShippedEvent[];
  attempts: AttemptSnapshot[];
  refunds: RefundSnapshot[];
  /** The whole staff directory (id, name, role, active; never a PIN hash): empty before staff accounts. */
  staff: StaffEntry[];
  /** The journal's newest event when read: the snapshots are at least this new. */
  asOfSeq: number;
}

export interface Pending {
  count: number;
  /** The till's clock when the oldest unshipped event was written, or null when nothing waits. */
  oldestAt: number | null;
}

type RawEvent = Omit<EventRow, 'detail'> & { detail: string };

export function createOutbox(db: Db) {
  const tillIdRow = db.prepare(`SELECT value FROM meta WHERE key = 'till_id'`);
  const ackRow = db.prepare('SELECT acked_seq AS seq, acked_at AS at FROM sync_acks WHERE target = ?');
  const setAck = db.prepare(`INSERT INTO sync_acks (target, acked_seq, acked_at) VALUES (?, ?, ?)
    ON CONFLICT (target) DO UPDATE SET acked_seq = max(acked_seq, excluded.acked_seq), acked_at = excluded.acked_at`);
  const after =
    db.prepare(`SELECT seq, at, entity, entity_id AS entityId, type, cause, from_state AS fromState,
    to_state AS toState, detail FROM events WHERE seq > ? ORDER BY seq LIMIT ?`);
  const newest = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events');
  // Both by the primary key, whatever the journal's size (no count over the waiting rows): sequences
  // have no gaps (AUTOINCREMENT, rows never deleted), so the newest minus the acknowledged is the count.
  const oldest = db.prepare('SELECT at FROM events WHERE seq > ? ORDER BY seq LIMIT 1');
  const attempts = db.prepare(`SELECT * FROM attempts WHERE attempt_id IN (SELECT value FROM json_each(?))
    OR attempt_id IN (SELECT attempt_id FROM refunds WHERE refund_id IN (SELECT value FROM json_each(?)))`);
  const refunds = db.prepare('SELECT * FROM refunds WHERE refund_id IN (SELECT value FROM json_each(?))');
  // The named columns only: the PIN hash never leaves the till. No table yet on an older journal.
  const hasStaff = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'staff'`).get();
  const staff = hasStaff
    ? db.prepare('SELECT staff_id AS staffId, name, role, active FROM staff ORDER BY staff_id')
    : null;

  const readTx = db.transaction((afterSeq: number, limit: number): OutboxRead => {
    const events = (after.all(afterSeq, limit) as RawEvent[]).map(
      (r): ShippedEvent => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }),
    );
    const ids = (entity: string) =>
      JSON.stringify([...new Set(events.filter((e) => e.entity === entity).map((e) => e.entityId))]);
    const refundIds = ids('refund');
    return {
      events,
      attempts: (attempts.all(ids('attempt'), refundIds) as Array<Record<string, unknown>>).map(
        attemptSnapshot,
      ),
      refunds: (refunds.all(refundIds) as Array<Record<string, unknown>>).map(refundSnapshot),
      staff: ((staff?.all() ?? []) as Array<Record<string, unknown>>).map(
        (r): StaffEntry => ({
          staffId: str(r.staffId),
          name: str(r.name),
          role: str(r.role) as StaffEntry['role'],
          active: r.active === 1,
        }),
      ),
      asOfSeq: (newest.get() as { seq: number }).seq,
    };
  });

  return {
    tillId(): string {
      const row = tillIdRow.get() as { value: string } | undefined;
      if (!row) throw new Error('the journal has no till id (schema too old?)');
      return row.value;
    },
    acked(target: string): number {
      return (ackRow.get(target) as { seq: number } | undefined)?.seq ?? 0;
    },
    /** When the last acknowledgement was recorded (the till's clock), or null. */
    ackedAt(target: string): number | null {
      return (ackRow.get(target) as { at: number } | undefined)?.at ?? null;
    },
    ack(target: string, seq: number, at: number): void {
      setAck.run(target, seq, at);
    },
    read(afterSeq: number, limit: number): OutboxRead {
      return readTx(afterSeq, limit);
    },
    pending(afterSeq: number): Pending {
      const row = oldest.get(afterSeq) as { at: number } | undefined;
      if (!row) return { count: 0, oldestAt: null };
      return { count: (newest.get() as { seq: number }).seq - afterSeq, oldestAt: row.at };
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

const str = (v: unknown): string => String(v);
const num = (v: unknown): number => Number(v);

function attemptSnapshot(r: Record<string, unknown>): AttemptSnapshot {
  return {
    attemptId: str(r.attempt_id),
    orderId: str(r.order_id),
    saleId: str(r.sale_id),
    mode: str(r.mode),
    wallet: str(r.wallet),
    amountCents: num(r.amount_cents),
    tipCents: num(r.tip_cents),
    currency: str(r.currency),
    state: str(r.state),
    operatorId: str(r.operator_id),
    // Staff accounts add a cashier to each attempt; until then the operator id stands for the cashier.
    cashierId: r.cashier_id == null ? null : str(r.cashier_id),
    terminalNo: str(r.terminal_no),
    createdAt: num(r.created_at),
    paidAt: r.paid_at == null ? null : num(r.paid_at),
    needsAttention: r.needs_attention === 1,
    manual: r.manual === 1,
    refundedCents: num(r.refunded_cents),
  };
}

function refundSnapshot(r: Record<string, unknown>): RefundSnapshot {
  return {
    refundId: str(r.refund_id),
    attemptId: str(r.attempt_id),
    orderId: str(r.order_id),
    amountCents: num(r.amount_cents),
    currency: str(r.currency),
    state: str(r.state),
    operatorId: str(r.operator_id),
    createdAt: num(r.created_at),
    needsAttention: r.needs_attention === 1,
    cashierId: r.cashier_id == null ? null : str(r.cashier_id),
    approverId: r.approver_id == null ? null : str(r.approver_id),
  };
}
