// Schema 4: call-backs that fail verification (or replay a body already recorded) are kept as bounded
// evidence instead of one row each: counters per kind and remote address with first and last seen, and
// a capped sample of recent ones. Anyone on the network can send them, so one row per request would let
// a flood fill the disk. Verified call-backs stay in `callbacks` in full, looked up by body hash.
import type { Migration } from './migration.ts';

export const migration0004: Migration = {
  version: 4,
  name: 'callback-rejections',
  sql: `
CREATE TABLE callback_rejections (
  kind       TEXT NOT NULL CHECK (kind IN ('forged','replay','unconfigured')),
  remote     TEXT NOT NULL,
  count      INTEGER NOT NULL CHECK (count > 0),
  first_seen INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL,
  PRIMARY KEY (kind, remote)
) STRICT, WITHOUT ROWID;

CREATE TABLE callback_rejection_samples (
  sample_id   INTEGER PRIMARY KEY AUTOINCREMENT,
  received_at INTEGER NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('forged','replay','unconfigured')),
  remote      TEXT NOT NULL,
  body_sha256 TEXT NOT NULL,
  body_bytes  INTEGER NOT NULL,
  note        TEXT
) STRICT;

CREATE INDEX callbacks_by_body ON callbacks (body_sha256);
`,
};
