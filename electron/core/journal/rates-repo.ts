// Exchange rates as the gateway answered EX_RATE_QUERY: CNY per unit, with the time they were asked.
import type { Currency } from '../../../shared/money.ts';
import type { Db } from './open-journal.ts';

export interface RateRow {
  currency: Currency;
  cnyPerUnit: number;
  raw: string;
  fetchedAt: number;
}

export function createRatesRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO exchange_rates (currency, cny_per_unit, raw, fetched_at) VALUES (?, ?, ?, ?)',
  );
  const latest = db.prepare(`SELECT currency, cny_per_unit AS cnyPerUnit, raw, fetched_at AS fetchedAt
    FROM exchange_rates WHERE currency = ? ORDER BY fetched_at DESC, rate_id DESC LIMIT 1`);
  return {
    add(row: RateRow): void {
      insert.run(row.currency, row.cnyPerUnit, row.raw, row.fetchedAt);
    },
    latest(currency: Currency): RateRow | null {
      return (latest.get(currency) as RateRow | undefined) ?? null;
    },
  };
}

export type RatesRepo = ReturnType<typeof createRatesRepo>;
