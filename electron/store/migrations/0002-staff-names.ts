// Central schema 2: each till's staff directory (names for the per-cashier report; staff ids are the
// till's own, so the key is till and staff id; never a PIN hash), and who took and who approved a refund.
import type { PgMigration } from './migration.ts';

export const pgMigration0002: PgMigration = {
  version: 2,
  name: 'staff-names',
  sql: `
CREATE TABLE pos.staff (
  till_id   text NOT NULL,
  staff_id  text NOT NULL,
  name      text NOT NULL,
  role      text NOT NULL,
  active    boolean NOT NULL,
  as_of_seq bigint NOT NULL,
  PRIMARY KEY (till_id, staff_id)
);

ALTER TABLE pos.refunds ADD COLUMN cashier_id text, ADD COLUMN approver_id text;
`,
};
