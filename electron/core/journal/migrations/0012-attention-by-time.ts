// Schema 12 (issue 24): the attempts needing attention in time order, by a partial index. Every screen
// update carries the oldest few of them and how many there are; the index of schema 1 found them but not
// in order, so each update read every flagged attempt ever left unacknowledged and sorted them (a soak
// of 36,000 sales: 181 flagged, ~2 ms a read, several reads a sale — each sale cost more than the last).
// With the state in the index, the unresolved among them are found without reading the others' rows.
import type { Migration } from './migration.ts';

export const migration0012: Migration = {
  version: 12,
  name: 'attention-by-time',
  sql: `
DROP INDEX attempts_attention;
CREATE INDEX attempts_attention_by_time ON attempts (created_at, state) WHERE needs_attention = 1;
`,
};
