// Staff accounts and register shifts. Every attempt, refund and event records who did it
// (the signed-in cashier), who approved it (a supervisor's own PIN) and in which shift it happened.
// Rows from before keep NULL there: they were taken under the one shared supervisor PIN. A closed
// shift is immutable (its Z report is frozen in the row); later events land in the open shift.
import type { Migration } from './migration.ts';

export const migration0007: Migration = {
  version: 7,
  name: 'staff-and-shifts',
  sql: `
CREATE TABLE staff (
  staff_id    INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  role        TEXT NOT NULL CHECK (role IN ('cashier','supervisor','owner')),
  pin_hash    TEXT NOT NULL,
  operator_id TEXT NOT NULL CHECK (length(operator_id) BETWEEN 1 AND 10 AND operator_id NOT GLOB '*[^0-9]*'),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE TRIGGER staff_no_delete BEFORE DELETE ON staff BEGIN SELECT RAISE(ABORT, 'staff accounts are deactivated, never deleted'); END;

CREATE TABLE shifts (
  shift_id    INTEGER PRIMARY KEY AUTOINCREMENT,
  opened_at   INTEGER NOT NULL,
  opened_by   TEXT NOT NULL,
  closed_at   INTEGER,
  closed_by   TEXT,
  approved_by TEXT,
  z_report    TEXT CHECK (z_report IS NULL OR json_valid(z_report)),
  CHECK ((closed_at IS NULL) = (z_report IS NULL))
) STRICT;
CREATE UNIQUE INDEX shifts_one_open ON shifts ((1)) WHERE closed_at IS NULL;
CREATE TRIGGER shifts_closed_immutable BEFORE UPDATE ON shifts WHEN OLD.closed_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'a closed shift is immutable'); END;
CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts BEGIN SELECT RAISE(ABORT, 'shifts are never deleted'); END;

ALTER TABLE attempts ADD COLUMN cashier_id TEXT;
ALTER TABLE attempts ADD COLUMN shift_id INTEGER REFERENCES shifts (shift_id);
CREATE INDEX attempts_by_shift ON attempts (shift_id, created_at);
CREATE INDEX attempts_by_cashier ON attempts (cashier_id, created_at);

ALTER TABLE refunds ADD COLUMN cashier_id TEXT;
ALTER TABLE refunds ADD COLUMN approver_id TEXT;
ALTER TABLE refunds ADD COLUMN shift_id INTEGER REFERENCES shifts (shift_id);
CREATE INDEX refunds_by_shift ON refunds (shift_id, created_at);

ALTER TABLE events ADD COLUMN staff_id TEXT;
ALTER TABLE events ADD COLUMN approver_id TEXT;
ALTER TABLE events ADD COLUMN shift_id INTEGER;
CREATE INDEX events_by_shift ON events (shift_id, seq);
`,
};
