// Schema 2: call-backs keep the currency of their amount, like every other row with an amount. The
// currency is the matched attempt's, else the till's at the time; rows from before stay as they
// were, except those whose attempt is known, which take that attempt's currency.
import type { Migration } from './migration.ts';

export const migration0002: Migration = {
  version: 2,
  name: 'callback-currency',
  sql: `
ALTER TABLE callbacks ADD COLUMN currency TEXT CHECK (currency IS NULL OR currency IN ('CAD','USD'));
UPDATE callbacks
   SET currency = (SELECT a.currency FROM attempts a WHERE a.attempt_id = callbacks.attempt_id)
 WHERE attempt_id IS NOT NULL AND amount_cents IS NOT NULL;
`,
};
