// Schema 6: print jobs (each receipt to print, journaled before it is sent, retried until printed or
// given up) and the exchange rates the gateway answered (CNY per unit, with the time they were asked).
import type { Migration } from './migration.ts';

export const migration0006: Migration = {
  version: 6,
  name: 'receipts-and-rates',
  sql: `
CREATE TABLE print_jobs (
  job_id      INTEGER PRIMARY KEY AUTOINCREMENT,
  kind        TEXT NOT NULL CHECK (kind IN ('sale','refund','test')),
  -- The attempt (sale) or refund the receipt is of; NULL for a test page.
  ref_id      TEXT,
  copy        TEXT NOT NULL CHECK (copy IN ('customer','merchant')),
  reprint     INTEGER NOT NULL DEFAULT 0 CHECK (reprint IN (0,1)),
  printer     TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('queued','printed','failed')),
  tries       INTEGER NOT NULL DEFAULT 0 CHECK (tries >= 0),
  last_error  TEXT,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  next_try_at INTEGER,
  printed_at  INTEGER,
  CHECK (kind = 'test' OR ref_id IS NOT NULL)
) STRICT;
CREATE INDEX print_jobs_queued ON print_jobs (next_try_at) WHERE state = 'queued';
CREATE INDEX print_jobs_by_ref ON print_jobs (ref_id, job_id);

CREATE TABLE exchange_rates (
  rate_id      INTEGER PRIMARY KEY AUTOINCREMENT,
  currency     TEXT NOT NULL CHECK (currency IN ('CAD','USD')),
  cny_per_unit REAL NOT NULL CHECK (cny_per_unit > 0),
  raw          TEXT NOT NULL,
  fetched_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX exchange_rates_latest ON exchange_rates (currency, fetched_at);
`,
};
