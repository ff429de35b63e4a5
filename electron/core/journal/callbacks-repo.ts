// Every verified call-back received, whatever its verdict (rejected ones are counted in rejections-repo).
import type { Db } from './open-journal.ts';
import type { CallbackRow } from './rows.ts';

const COLUMNS = `callback_id AS callbackId, received_at AS receivedAt, verdict, order_id AS orderId,
  attempt_id AS attemptId, amount_cents AS amountCents, currency, remote, body_sha256 AS bodySha256, note`;

export function createCallbacksRepo(db: Db) {
  const insert =
    db.prepare(`INSERT INTO callbacks (received_at, verdict, order_id, attempt_id, amount_cents, currency,
    remote, body_sha256, note) VALUES (@receivedAt, @verdict, @orderId, @attemptId, @amountCents, @currency,
    @remote, @bodySha256, @note)`);
  const forOrder = db.prepare(`SELECT ${COLUMNS} FROM callbacks WHERE order_id = ? ORDER BY callback_id`);
  const byBody = db.prepare('SELECT 1 FROM callbacks WHERE body_sha256 = ? LIMIT 1');
  const inRange = db.prepare(`SELECT ${COLUMNS} FROM callbacks WHERE received_at >= ? AND received_at < ?
    ORDER BY callback_id`);

  return {
    insert(row: Omit<CallbackRow, 'callbackId'>): number {
      return Number(insert.run(row).lastInsertRowid);
    },
    /** True when a call-back with exactly this body was already recorded (a replay). */
    hasBody(bodySha256: string): boolean {
      return byBody.get(bodySha256) !== undefined;
    },
    forOrder(orderId: string): CallbackRow[] {
      return forOrder.all(orderId) as CallbackRow[];
    },
    receivedBetween(fromMs: number, toMs: number): CallbackRow[] {
      return inRange.all(fromMs, toMs) as CallbackRow[];
    },
  };
}

export type CallbacksRepo = ReturnType<typeof createCallbacksRepo>;
