// Schema 5: wallet codes can no longer be narrowed down from the journal file alone. Masks keep only the
// last 4 characters (they kept the first 4 too), in the attempts and in the events that carry them, and
// the HMAC key of the code hashes leaves `meta` (the till copied it to the secret store before opening:
// config/code-hash-key.ts). secure_delete zeroes the freed bytes instead of leaving them in free pages.
// The event log is append-only; this one privacy rewrite lifts its update trigger and puts it back.
import type { Migration } from './migration.ts';

const LAST4 = (expr: string) =>
  `CASE WHEN length(${expr}) <= 8 THEN ${expr} ELSE '****' || substr(${expr}, -4) END`;

export const migration0005: Migration = {
  version: 5,
  name: 'wallet-code-privacy',
  // The pre-migration backup would otherwise keep the old masks and the key side by side.
  alsoOnBackup: true,
  sql: `
PRAGMA secure_delete = ON;
UPDATE attempts SET code_masked = ${LAST4('code_masked')} WHERE code_masked IS NOT NULL;
DROP TRIGGER events_no_update;
UPDATE events SET detail = json_set(detail, '$.code', ${LAST4("json_extract(detail, '$.code')")})
 WHERE json_type(detail, '$.code') = 'text';
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
DELETE FROM meta WHERE key = 'code_hash_key';
`,
};
