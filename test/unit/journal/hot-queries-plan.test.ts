// The journal reads a screen update or a receipt runs (several per sale) must read the rows they
// return, never walk the journal's history: the soak found the live attempts and the due print jobs
// read by scanning every attempt / every print job ever made, so each sale cost more than the last.
// Checked on SQLite's own plan of the statements the repositories prepare.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createJournal } from '../../../electron/core/journal/journal.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hot-queries-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every SQL text the journal's repositories prepare, as they prepare it. */
function preparedByJournal(): { sql: string[]; plan: (sql: string) => string[]; close: () => void } {
  const handle = openJournal({ path: path.join(dir, 'journal.sqlite') });
  const sql: string[] = [];
  const prepare = handle.db.prepare.bind(handle.db);
  handle.db.prepare = ((text: string) => {
    sql.push(text);
    return prepare(text);
  }) as typeof handle.db.prepare;
  createJournal(handle.db);
  handle.db.prepare = prepare;
  // Partial indexes hold only the rows their WHERE names (live, queued): scanning one is reading those.
  const partial = new Set(
    (
      handle.db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'`)
        .all() as Array<{ name: string }>
    ).map((r) => r.name),
  );
  const plan = (text: string) => {
    const params = (text.match(/\?/g) ?? []).map(() => 0);
    const rows = handle.db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as Array<{ detail: string }>;
    // A full walk: SCAN of the table itself, or of an index that holds every row.
    return rows
      .map((r) => r.detail)
      .filter((d) => {
        const m = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(d);
        return m !== null && !(m[2] && partial.has(m[2]));
      });
  };
  return { sql, plan, close: () => handle.close() };
}

describe('the journal reads each sale runs', () => {
  const journal = preparedByJournal();
  after(() => journal.close());
  const find = (re: RegExp) => {
    const text = journal.sql.find((s) => re.test(s));
    assert.ok(text, `no prepared statement matches ${re}`);
    return text;
  };

  for (const [name, re] of [
    ['the live attempts (each screen update)', /FROM attempts WHERE state NOT IN/],
    ['the attempts needing attention (each screen update)', /FROM attempts WHERE needs_attention = 1/],
    ['a sale’s attempts (each screen update)', /FROM attempts WHERE sale_id = \?/],
    ['the refunds needing attention (each screen update)', /FROM refunds WHERE needs_attention = 1/],
    ['the live refunds (each screen update)', /FROM refunds WHERE state IN/],
    ['the print jobs due (each receipt)', /FROM print_jobs WHERE state = 'queued' AND next_try_at <= \?/],
    ['the next print job due (each receipt)', /FROM print_jobs WHERE state = 'queued'`?$/],
  ] as const) {
    it(`${name} reads by an index, not every row ever written`, () => {
      const text = find(re);
      assert.deepEqual(journal.plan(text), [], `full walk in the plan of: ${text.replace(/\s+/g, ' ')}`);
    });
  }
});
