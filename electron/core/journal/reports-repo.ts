// Aggregates for the daily report, computed in SQLite over the indexed time columns.
import type { Statement } from 'better-sqlite3';
import type { Db } from './open-journal.ts';

export interface WalletTotals {
  wallet: string;
  count: number;
  grossCents: number;
  tipCents: number;
}

export function createReportsRepo(db: Db) {
  const paidByWallet =
    db.prepare(`SELECT wallet, count(*) AS count, sum(amount_cents + tip_cents) AS grossCents,
    sum(tip_cents) AS tipCents FROM attempts WHERE created_at >= ? AND created_at < ? AND currency = ? AND state = 'paid'
    GROUP BY wallet ORDER BY wallet`);
  const paidByOperator = db.prepare(`SELECT operator_id AS operatorId, count(*) AS count,
    sum(amount_cents + tip_cents) AS grossCents FROM attempts WHERE created_at >= ? AND created_at < ? AND currency = ?
    AND state = 'paid' GROUP BY operator_id ORDER BY operator_id`);
  // Prepared on first use: journals of older schema steps (in their tests) have no cashier column.
  let paidByCashier: Statement<[number, number, string]> | null = null;
  const refundedByWallet =
    db.prepare(`SELECT a.wallet AS wallet, count(*) AS count, sum(r.amount_cents) AS cents
    FROM refunds r JOIN attempts a ON a.attempt_id = r.attempt_id
    WHERE r.created_at >= ? AND r.created_at < ? AND r.currency = ? AND r.state = 'refunded' GROUP BY a.wallet`);
  const manual =
    db.prepare(`SELECT attempt_id AS attemptId FROM attempts WHERE created_at >= ? AND created_at < ?
    AND manual = 1 ORDER BY created_at`);

  return {
    paidByWallet(fromMs: number, toMs: number, currency: string): WalletTotals[] {
      return paidByWallet.all(fromMs, toMs, currency) as WalletTotals[];
    },
    paidByOperator(fromMs: number, toMs: number, currency: string) {
      return paidByOperator.all(fromMs, toMs, currency) as Array<{
        operatorId: string;
        count: number;
        grossCents: number;
      }>;
    },
    paidByCashier(fromMs: number, toMs: number, currency: string) {
      paidByCashier ??= db.prepare(`SELECT cashier_id AS cashierId, count(*) AS count,
        sum(amount_cents + tip_cents) AS grossCents FROM attempts WHERE created_at >= ? AND created_at < ?
        AND currency = ? AND state = 'paid' GROUP BY cashier_id ORDER BY cashier_id`);
      return paidByCashier.all(fromMs, toMs, currency) as Array<{
        cashierId: string | null;
        count: number;
        grossCents: number;
      }>;
    },
    refundedByWallet(fromMs: number, toMs: number, currency: string) {
      return refundedByWallet.all(fromMs, toMs, currency) as Array<{
        wallet: string;
        count: number;
        cents: number;
      }>;
    },
    manualAttemptIds(fromMs: number, toMs: number): string[] {
      return (manual.all(fromMs, toMs) as Array<{ attemptId: string }>).map((r) => r.attemptId);
    },
  };
}

export type ReportsRepo = ReturnType<typeof createReportsRepo>;
