// Schema 8: what the sync agent has shipped. One row per central database (host:port/database, no
// credentials): the newest event sequence that database acknowledged. Written only after the central
// commit, so a crash between the two re-sends a batch the central side then ignores. The till's id
// for the central side is made here once, kept in meta, and never changes with settings.
import type { Migration } from './migration.ts';

export const migration0008: Migration = {
  version: 8,
  name: 'sync-acks',
  sql: `
CREATE TABLE sync_acks (
  target    TEXT PRIMARY KEY,
  acked_seq INTEGER NOT NULL CHECK (acked_seq >= 0),
  acked_at  INTEGER NOT NULL
) STRICT;
INSERT INTO meta (key, value) VALUES ('till_id', lower(hex(randomblob(16))))
  ON CONFLICT (key) DO NOTHING;
`,
};
