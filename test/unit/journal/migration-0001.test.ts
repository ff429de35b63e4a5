import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { migration0001 } from '../../../electron/core/journal/migrations/0001-init.ts';
import { type JournalHandle, openJournal } from '../../../electron/core/journal/open-journal.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-0001-'));
let j: JournalHandle;
before(() => {
  j = openJournal({ path: path.join(dir, 'till.db'), migrations: [migration0001] });
  j.db.exec(`INSERT INTO sales VALUES ('S1', 100, 0, 'CAD', '0000000001', 'T1', 1, 1, NULL);
             INSERT INTO sales VALUES ('S2', 100, 0, 'CAD', '0000000001', 'T1', 1, 1, NULL);`);
});
after(() => {
  j.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function attempt(id: string, sale: string, state: string, extra: Record<string, unknown> = {}) {
  const row = {
    attempt_id: id,
    order_id: id,
    sale_id: sale,
    mode: 'active',
    wallet: 'ALIPAY',
    amount_cents: 100,
    tip_cents: 0,
    currency: 'CAD',
    state,
    operator_id: '1',
    terminal_no: 'T1',
    created_at: 1,
    updated_at: 1,
    ...extra,
  };
  const cols = Object.keys(row);
  j.db
    .prepare(`INSERT INTO attempts (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`)
    .run(row);
}

describe('migration 0001 (init)', () => {
  it('creates the event log, projections and call-back table at schema 1', () => {
    const names = (
      j.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{
        name: string;
      }>
    ).map((r) => r.name);
    for (const t of ['attempts', 'callbacks', 'events', 'meta', 'refunds', 'sales'])
      assert.ok(names.includes(t), t);
    assert.equal(j.db.pragma('user_version', { simple: true }), 1);
  });

  it('makes the event log append-only', () => {
    j.db
      .prepare(
        "INSERT INTO events (at, entity, entity_id, type, cause) VALUES (1, 'sale', 'S1', 'sale.created', 'command')",
      )
      .run();
    assert.throws(() => j.db.exec('UPDATE events SET type = 1'), /append-only/);
    assert.throws(() => j.db.exec('DELETE FROM events'), /append-only/);
  });

  it('allows one live attempt per sale, and any number of finished ones', () => {
    attempt('A1', 'S1', 'failed');
    attempt('A2', 'S1', 'awaiting_customer');
    assert.throws(() => attempt('A3', 'S1', 'unknown'), /UNIQUE/);
    attempt('A4', 'S2', 'submitted');
    j.db.exec("UPDATE attempts SET state = 'paid' WHERE attempt_id = 'A2'");
    attempt('A5', 'S1', 'expired');
  });

  it('checks order ids, amounts, states, wallets, currency and foreign keys', () => {
    assert.throws(() => attempt('B1', 'S2', 'failed', { order_id: 'bad-id' }), /CHECK/);
    assert.throws(() => attempt('B2', 'S2', 'failed', { order_id: 'X'.repeat(21) }), /CHECK/);
    assert.throws(() => attempt('B3', 'S2', 'failed', { amount_cents: 0 }), /CHECK/);
    assert.throws(() => attempt('B4', 'S2', 'failed', { amount_cents: 1.5 }), /CHECK|cannot store/);
    assert.throws(() => attempt('B5', 'S2', 'lost'), /CHECK/);
    assert.throws(() => attempt('B6', 'S2', 'failed', { wallet: 'VISA' }), /CHECK/);
    assert.throws(() => attempt('B7', 'S2', 'failed', { currency: 'EUR' }), /CHECK/);
    assert.throws(() => attempt('B8', 'NOSALE', 'failed'), /FOREIGN KEY/);
  });

  it('keeps a wallet code hash single-use', () => {
    attempt('C1', 'S2', 'failed', { mode: 'passive', code_hash: 'h1', code_masked: '1345**6789' });
    assert.throws(() => attempt('C2', 'S2', 'failed', { mode: 'passive', code_hash: 'h1' }), /UNIQUE/);
  });
});
