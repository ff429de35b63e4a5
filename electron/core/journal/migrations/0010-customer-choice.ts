// Schema 10 (issue 21): what the customer chose on a touch customer display, kept with the attempt it
// was charged with — the tip they picked (and the preset, if any) and the language they read it in.
// One row per attempt at most; an attempt the customer chose nothing for has none.
import type { Migration } from './migration.ts';

export const migration0010: Migration = {
  version: 10,
  name: 'customer-choice',
  sql: `
CREATE TABLE customer_choices (
  attempt_id  TEXT PRIMARY KEY REFERENCES attempts (attempt_id),
  tip_cents   INTEGER CHECK (tip_cents IS NULL OR tip_cents >= 0),
  tip_percent INTEGER CHECK (tip_percent IS NULL OR tip_percent BETWEEN 1 AND 100),
  language    TEXT CHECK (language IS NULL OR language IN ('en', 'fr', 'zh')),
  chosen_at   INTEGER NOT NULL
) STRICT;
`,
};
