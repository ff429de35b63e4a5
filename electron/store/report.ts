// The day report in SQL, over the projections' day indexes: one day of one store or of the chain.
import type { ClientBase } from 'pg';
import {
  type CashierDayLine,
  type ChainDayReport,
  type StoreDay,
  type TillDayLine,
  totalsByCurrency,
  type WalletDayLine,
} from '../../shared/store-report.ts';
import { centralSchemaVersion } from './migrate.ts';

/** The database has never been set up for tills (a wrong database name, usually). */
export class NoCentralSchemaError extends Error {}

const UNRESOLVED = `(needs_attention OR state NOT IN ('paid','failed','expired'))`;

const BY_TILL = `
WITH a AS (
  SELECT store_id, till_id, currency,
    count(*) FILTER (WHERE state = 'paid') AS paid_count,
    coalesce(sum(amount_cents + tip_cents) FILTER (WHERE state = 'paid'), 0) AS gross,
    coalesce(sum(tip_cents) FILTER (WHERE state = 'paid'), 0) AS tips,
    count(*) FILTER (WHERE ${UNRESOLVED}) AS unresolved
  FROM pos.attempts WHERE business_day = $1 AND ($2::text IS NULL OR store_id = $2)
  GROUP BY store_id, till_id, currency),
r AS (
  SELECT store_id, till_id, currency, count(*) AS n, sum(amount_cents) AS cents
  FROM pos.refunds WHERE business_day = $1 AND state = 'refunded' AND ($2::text IS NULL OR store_id = $2)
  GROUP BY store_id, till_id, currency),
k AS (
  SELECT coalesce(a.store_id, r.store_id) AS store_id, coalesce(a.till_id, r.till_id) AS till_id,
    coalesce(a.currency, r.currency) AS currency, coalesce(a.paid_count, 0) AS paid_count,
    coalesce(a.gross, 0) AS gross, coalesce(a.tips, 0) AS tips, coalesce(r.n, 0) AS refund_count,
    coalesce(r.cents, 0) AS refunded, coalesce(a.unresolved, 0) AS unresolved
  FROM a FULL JOIN r ON r.store_id = a.store_id AND r.till_id = a.till_id AND r.currency = a.currency)
SELECT coalesce(k.store_id, t.store_id) AS "storeId", t.till_id AS "tillId", t.terminal_no AS "terminalNo",
  k.currency, coalesce(k.paid_count, 0)::int AS "paidCount", coalesce(k.gross, 0)::bigint AS "grossCents",
  coalesce(k.tips, 0)::bigint AS "tipCents", coalesce(k.refund_count, 0)::int AS "refundCount",
  coalesce(k.refunded, 0)::bigint AS "refundedCents", coalesce(k.unresolved, 0)::int AS unresolved,
  t.last_shipped_at AS "lastShippedAt", t.clock_offset_ms AS "clockOffsetMs"
FROM pos.tills t LEFT JOIN k ON k.till_id = t.till_id
WHERE k.till_id IS NOT NULL OR $2::text IS NULL OR t.store_id = $2
ORDER BY 1, t.terminal_no, t.till_id, k.currency`;

const BY_WALLET = `
WITH a AS (
  SELECT store_id, wallet, currency, count(*) AS n, sum(amount_cents + tip_cents) AS gross
  FROM pos.attempts WHERE business_day = $1 AND state = 'paid' AND ($2::text IS NULL OR store_id = $2)
  GROUP BY 1, 2, 3),
r AS (
  SELECT r.store_id, a.wallet, r.currency, sum(r.amount_cents) AS cents
  FROM pos.refunds r JOIN pos.attempts a ON a.till_id = r.till_id AND a.attempt_id = r.attempt_id
  WHERE r.business_day = $1 AND r.state = 'refunded' AND ($2::text IS NULL OR r.store_id = $2)
  GROUP BY 1, 2, 3)
SELECT coalesce(a.store_id, r.store_id) AS "storeId", coalesce(a.wallet, r.wallet) AS wallet,
  coalesce(a.currency, r.currency) AS currency, coalesce(a.n, 0)::int AS "paidCount",
  coalesce(a.gross, 0)::bigint AS "grossCents", coalesce(r.cents, 0)::bigint AS "refundedCents"
FROM a FULL JOIN r ON r.store_id = a.store_id AND r.wallet = a.wallet AND r.currency = a.currency
ORDER BY 1, 2, 3`;

// A staff account's id is its till's own (every till numbers its staff from 1), so a cashier line is
// per till; an OTTPay operator id (rows from before staff accounts) is the shop's, so it is per store.
// The name is the till's own staff directory's (schema 2); an operator id has none.
const byCashier = (named: boolean) => `
SELECT a.store_id AS "storeId", CASE WHEN a.cashier_id IS NULL THEN NULL ELSE a.till_id END AS "tillId",
  CASE WHEN a.cashier_id IS NULL THEN NULL ELSE a.terminal_no END AS "terminalNo",
  coalesce(a.cashier_id, a.operator_id) AS "cashierId", ${named ? 's.name' : 'NULL::text'} AS name, a.currency,
  count(*)::int AS "paidCount", sum(a.amount_cents + a.tip_cents)::bigint AS "grossCents",
  sum(a.tip_cents)::bigint AS "tipCents"
FROM pos.attempts a
${named ? 'LEFT JOIN pos.staff s ON a.cashier_id IS NOT NULL AND s.till_id = a.till_id AND s.staff_id = a.cashier_id' : ''}
WHERE a.business_day = $1 AND a.state = 'paid' AND ($2::text IS NULL OR a.store_id = $2)
GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 6`;

/** bigint comes back from node-postgres as a string: cents are well inside 2^53. */
const n = (v: unknown): number => Number(v);

export async function chainDayReport(
  client: ClientBase,
  day: string,
  storeId: string | null = null,
): Promise<ChainDayReport> {
  const version = await centralSchemaVersion(client);
  if (version === 0)
    throw new NoCentralSchemaError(
      'this database holds no till data yet: no till has shipped to it and `store migrate` was not run',
    );
  const params = [day, storeId];
  const tills = (await client.query(BY_TILL, params)).rows.map(
    (r): TillDayLine => ({
      storeId: String(r.storeId),
      tillId: String(r.tillId),
      terminalNo: String(r.terminalNo),
      currency: r.currency === null ? null : String(r.currency),
      paidCount: n(r.paidCount),
      grossCents: n(r.grossCents),
      tipCents: n(r.tipCents),
      refundCount: n(r.refundCount),
      refundedCents: n(r.refundedCents),
      netCents: n(r.grossCents) - n(r.refundedCents),
      unresolved: n(r.unresolved),
      lastShippedAt: r.lastShippedAt ? new Date(r.lastShippedAt as Date).toISOString() : null,
      clockOffsetMs: r.clockOffsetMs === null ? null : n(r.clockOffsetMs),
    }),
  );
  const byWallet = (await client.query(BY_WALLET, params)).rows.map(
    (r): WalletDayLine => ({
      storeId: String(r.storeId),
      wallet: String(r.wallet),
      currency: String(r.currency),
      paidCount: n(r.paidCount),
      grossCents: n(r.grossCents),
      refundedCents: n(r.refundedCents),
      netCents: n(r.grossCents) - n(r.refundedCents),
    }),
  );
  const cashiers = (await client.query(byCashier(version >= 2), params)).rows.map(
    (r): CashierDayLine => ({
      storeId: String(r.storeId),
      tillId: r.tillId === null ? null : String(r.tillId),
      terminalNo: r.terminalNo === null ? null : String(r.terminalNo),
      cashierId: String(r.cashierId),
      name: r.name === null ? null : String(r.name),
      currency: String(r.currency),
      paidCount: n(r.paidCount),
      grossCents: n(r.grossCents),
      tipCents: n(r.tipCents),
    }),
  );
  const storeIds = [...new Set(tills.map((t) => t.storeId))];
  const stores = storeIds.map((id): StoreDay => {
    const lines = tills.filter((t) => t.storeId === id);
    return { storeId: id, totals: totalsByCurrency(lines), tills: lines };
  });
  return { day, storeId, stores, byWallet, byCashier: cashiers, chain: totalsByCurrency(tills) };
}
