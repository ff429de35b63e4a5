// Payment attempts: the projection table, written only together with an event (see journal.ts).
import type { Wallet } from '../../../shared/domain.ts';
import { hasColumn } from './has-column.ts';
import type { Db } from './open-journal.ts';
import { type AttemptRow, type JournalActor, NO_ACTOR } from './rows.ts';

const BASE_COLUMNS = `attempt_id AS attemptId, order_id AS orderId, sale_id AS saleId, mode, wallet,
  amount_cents AS amountCents, tip_cents AS tipCents, currency, state, gateway_seen AS gatewaySeen, reason,
  qr_payload AS qrPayload, qr_expires_at AS qrExpiresAt, wallet_txn_id AS walletTxnId,
  code_masked AS codeMasked, code_hash AS codeHash, operator_id AS operatorId, terminal_no AS terminalNo,
  created_at AS createdAt, updated_at AS updatedAt, submitted_at AS submittedAt, paid_at AS paidAt,
  cancel_cause AS cancelCause, needs_attention AS needsAttention, manual, refunded_cents AS refundedCents`;
const STAFF_COLUMNS = ', cashier_id AS cashierId, shift_id AS shiftId';

const LIVE = `state NOT IN ('paid','failed','expired')`;

type RawAttempt = Omit<AttemptRow, 'gatewaySeen' | 'needsAttention' | 'manual'> & {
  gatewaySeen: number;
  needsAttention: number;
  manual: number;
};

function fromRaw(raw: RawAttempt | undefined): AttemptRow | null {
  if (!raw) return null;
  return {
    ...raw,
    gatewaySeen: raw.gatewaySeen === 1,
    needsAttention: raw.needsAttention === 1,
    manual: raw.manual === 1,
  };
}

/** created_at, then order_id (ASCII: the same order as SQLite's BINARY collation). */
function byCreation(a: RawAttempt, b: RawAttempt): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0;
}

function toParams(row: AttemptRow) {
  return {
    ...row,
    cashierId: row.cashierId ?? null,
    shiftId: row.shiftId ?? null,
    gatewaySeen: row.gatewaySeen ? 1 : 0,
    needsAttention: row.needsAttention ? 1 : 0,
    manual: row.manual ? 1 : 0,
  };
}

export interface AttemptSearch {
  /** Order id, sale id or wallet transaction number: a prefix. */
  text?: string | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
  wallet?: Wallet | undefined;
  amountCents?: number | undefined;
  cashierId?: string | undefined;
  shiftId?: number | undefined;
  limit: number;
}

export function createAttemptsRepo(db: Db, actor: () => JournalActor = () => NO_ACTOR) {
  const staff = hasColumn(db, 'attempts', 'cashier_id');
  const COLUMNS = BASE_COLUMNS + (staff ? STAFF_COLUMNS : '');
  const insert =
    db.prepare(`INSERT INTO attempts (attempt_id, order_id, sale_id, mode, wallet, amount_cents, tip_cents,
    currency, state, gateway_seen, reason, qr_payload, qr_expires_at, wallet_txn_id, code_masked, code_hash, operator_id,
    terminal_no, created_at, updated_at, submitted_at, paid_at, cancel_cause, needs_attention, manual, refunded_cents
    ${staff ? ', cashier_id, shift_id' : ''})
    VALUES (@attemptId, @orderId, @saleId, @mode, @wallet, @amountCents, @tipCents, @currency, @state, @gatewaySeen,
    @reason, @qrPayload, @qrExpiresAt, @walletTxnId, @codeMasked, @codeHash, @operatorId, @terminalNo, @createdAt,
    @updatedAt, @submittedAt, @paidAt, @cancelCause, @needsAttention, @manual, @refundedCents
    ${staff ? ', @cashierId, @shiftId' : ''})`);
  const update =
    db.prepare(`UPDATE attempts SET state = @state, gateway_seen = @gatewaySeen, reason = @reason,
    qr_payload = @qrPayload, qr_expires_at = @qrExpiresAt, wallet_txn_id = @walletTxnId, updated_at = @updatedAt,
    submitted_at = @submittedAt, paid_at = @paidAt, cancel_cause = @cancelCause, needs_attention = @needsAttention,
    manual = @manual, refunded_cents = @refundedCents WHERE attempt_id = @attemptId`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM attempts WHERE attempt_id = ?`);
  const byOrder = db.prepare(`SELECT ${COLUMNS} FROM attempts WHERE order_id = ?`);
  // No ORDER BY: with one, this build of SQLite (STAT4) re-prepares the statement at every new sale id
  // bound to it (~5x the cost of the read), and it runs several times per charge. A sale has a handful
  // of attempts: they are put in order here.
  const bySale = db.prepare(`SELECT ${COLUMNS} FROM attempts WHERE sale_id = ?`);
  // `+created_at`: sorted after the read, so SQLite reads the few live rows by attempts_live instead of
  // walking every attempt ever made in time order (it ran on each screen update: a sale cost more than
  // the one before).
  const live = db.prepare(`SELECT ${COLUMNS} FROM attempts WHERE ${LIVE} ORDER BY +created_at`);
  // Walked in time order by attempts_attention_by_time (schema 12): the oldest few cost the same
  // however many are flagged.
  const attention = db.prepare(
    `SELECT ${COLUMNS} FROM attempts WHERE needs_attention = 1 ORDER BY created_at LIMIT ?`,
  );
  // The state is in that index too: the unresolved flagged are picked out without reading the rest.
  const attentionLive = db.prepare(
    `SELECT ${COLUMNS} FROM attempts WHERE needs_attention = 1 AND ${LIVE} ORDER BY created_at`,
  );
  const attentionCount = db.prepare('SELECT count(*) AS n FROM attempts WHERE needs_attention = 1');
  const codeUsed = db.prepare('SELECT 1 FROM attempts WHERE code_hash = ?');
  const inRange = db.prepare(
    `SELECT ${COLUMNS} FROM attempts WHERE created_at >= ? AND created_at < ? ORDER BY created_at, order_id`,
  );
  const failedSince = db.prepare(
    `SELECT ${COLUMNS} FROM attempts WHERE created_at >= ? AND state = 'failed' AND updated_at >= ?`,
  );
  const newestOrderId = db.prepare('SELECT max(order_id) AS id FROM attempts WHERE terminal_no = ?');

  return {
    insert(row: AttemptRow): void {
      const who = actor();
      insert.run(
        toParams({ ...row, cashierId: row.cashierId ?? who.cashierId, shiftId: row.shiftId ?? who.shiftId }),
      );
    },
    update(row: AttemptRow): void {
      const info = update.run(toParams(row));
      if (info.changes !== 1) throw new Error(`attempt ${row.attemptId} is not in the journal`);
    },
    get(attemptId: string): AttemptRow | null {
      return fromRaw(byId.get(attemptId) as RawAttempt | undefined);
    },
    getByOrderId(orderId: string): AttemptRow | null {
      return fromRaw(byOrder.get(orderId) as RawAttempt | undefined);
    },
    /** The sale's attempts, oldest first (by creation time, then order id). */
    forSale(saleId: string): AttemptRow[] {
      return (bySale.all(saleId) as RawAttempt[]).sort(byCreation).map((r) => fromRaw(r) as AttemptRow);
    },
    live(): AttemptRow[] {
      return (live.all() as RawAttempt[]).map((r) => fromRaw(r) as AttemptRow);
    },
    /** Flagged attempts, oldest first: all of them, or the oldest `limit`. */
    needingAttention(limit = -1): AttemptRow[] {
      return (attention.all(limit) as RawAttempt[]).map((r) => fromRaw(r) as AttemptRow);
    },
    /** Flagged attempts still unresolved (not paid, failed or expired), oldest first. */
    liveNeedingAttention(): AttemptRow[] {
      return (attentionLive.all() as RawAttempt[]).map((r) => fromRaw(r) as AttemptRow);
    },
    countNeedingAttention(): number {
      return (attentionCount.get() as { n: number }).n;
    },
    isCodeHashUsed(hash: string): boolean {
      return codeUsed.get(hash) !== undefined;
    },
    createdBetween(fromMs: number, toMs: number): AttemptRow[] {
      return (inRange.all(fromMs, toMs) as RawAttempt[]).map((r) => fromRaw(r) as AttemptRow);
    },
    /** Attempts created since createdFrom that failed since failedFrom (through the creation-time index). */
    failedSince(createdFrom: number, failedFrom: number): AttemptRow[] {
      return (failedSince.all(createdFrom, failedFrom) as RawAttempt[]).map((r) => fromRaw(r) as AttemptRow);
    },
    newestOrderId(terminalNo: string): string | null {
      return (newestOrderId.get(terminalNo) as { id: string | null }).id;
    },
    search(q: AttemptSearch): AttemptRow[] {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: Math.max(1, Math.min(q.limit, 500)) };
      const text = q.text?.trim();
      if (text) {
        // GLOB is case-sensitive and can use the indexes for a prefix; ids are upper case, terminals either.
        const glob = `${text.replace(/[*?[\]]/g, '')}*`;
        params.glob = glob;
        params.globUpper = glob.toUpperCase();
        where.push(`(order_id GLOB @glob OR order_id GLOB @globUpper OR sale_id GLOB @glob OR sale_id GLOB @globUpper
          OR wallet_txn_id GLOB @glob
          OR sale_id IN (SELECT sale_id FROM pos_payments WHERE reference GLOB @glob OR reference GLOB @globUpper))`);
      }
      if (q.fromMs !== undefined) {
        where.push('created_at >= @fromMs');
        params.fromMs = q.fromMs;
      }
      if (q.toMs !== undefined) {
        where.push('created_at < @toMs');
        params.toMs = q.toMs;
      }
      if (q.wallet !== undefined) {
        where.push('wallet = @wallet');
        params.wallet = q.wallet;
      }
      if (q.amountCents !== undefined) {
        where.push('amount_cents = @amountCents');
        params.amountCents = q.amountCents;
      }
      if (q.cashierId !== undefined) {
        where.push('cashier_id = @cashierId');
        params.cashierId = q.cashierId;
      }
      if (q.shiftId !== undefined) {
        where.push('shift_id = @shiftId');
        params.shiftId = q.shiftId;
      }
      const sql = `SELECT ${COLUMNS} FROM attempts ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, order_id DESC LIMIT @limit`;
      return (db.prepare(sql).all(params) as RawAttempt[]).map((r) => fromRaw(r) as AttemptRow);
    },
  };
}

export type AttemptsRepo = ReturnType<typeof createAttemptsRepo>;
