// Schema 3: the event log also keeps PIN guesses (entity 'pin', the lockout key as entity_id): wrong
// ones, lockouts, refusals while locked, for the owner to see. SQLite cannot widen a CHECK in place,
// so the table is rebuilt with the same rows, sequence, indexes and append-only triggers (DROP TABLE
// fires no DELETE trigger).
import type { Migration } from './migration.ts';

export const migration0003: Migration = {
  version: 3,
  name: 'pin-events',
  sql: `
CREATE TABLE events_v3 (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  at         INTEGER NOT NULL,
  entity     TEXT NOT NULL CHECK (entity IN ('sale','attempt','refund','callback','pin')),
  entity_id  TEXT NOT NULL,
  type       TEXT NOT NULL,
  cause      TEXT NOT NULL CHECK (cause IN ('command','gateway','query','callback','timeout','override','recovery')),
  from_state TEXT,
  to_state   TEXT,
  detail     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
INSERT INTO events_v3 (seq, at, entity, entity_id, type, cause, from_state, to_state, detail)
  SELECT seq, at, entity, entity_id, type, cause, from_state, to_state, detail FROM events ORDER BY seq;
DROP TABLE events;
ALTER TABLE events_v3 RENAME TO events;
CREATE INDEX events_by_entity ON events (entity_id, seq);
CREATE INDEX events_by_time ON events (at);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
`,
};
