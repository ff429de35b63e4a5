// Migration 0005 on a journal written by today's schema with real rows: the mask that kept the first 4
// and last 4 digits and the HMAC key beside it let `134567890123456789` be recovered from the journal
// file alone (12,346 HMACs once narrowed). After the upgrade the file holds neither: masks keep the last
// 4 only (attempts and events), the key is in the secret store, and codes used before the upgrade are
// still refused because the key moved rather than changed.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { loadCodeHashKey } from '../../../electron/core/config/code-hash-key.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { createAttemptsRepo } from '../../../electron/core/journal/attempts-repo.ts';
import { createEventsRepo } from '../../../electron/core/journal/events-repo.ts';
import { migration0005 } from '../../../electron/core/journal/migrations/0005-wallet-code-privacy.ts';
import { MIGRATIONS } from '../../../electron/core/journal/migrations/index.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import type { AttemptRow } from '../../../electron/core/journal/rows.ts';
import { createSalesRepo } from '../../../electron/core/journal/sales-repo.ts';
import { hashWalletCode } from '../../../electron/core/payments/wallet-code.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-0005-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const CODE = '134567890123456789';
const OLD_KEY = 'ab'.repeat(32);
const OLD_MASK = '1345**********6789';

function attempt(id: string, codeMasked: string | null, codeHash: string | null): AttemptRow {
  return {
    attemptId: id,
    orderId: id,
    saleId: 'S1',
    mode: codeHash ? 'passive' : 'active',
    wallet: 'ALIPAY',
    amountCents: 1000,
    tipCents: 0,
    currency: 'CAD',
    state: 'paid',
    gatewaySeen: true,
    reason: null,
    qrPayload: null,
    qrExpiresAt: null,
    walletTxnId: null,
    codeMasked,
    codeHash,
    operatorId: '1',
    terminalNo: 'T1',
    createdAt: 1,
    updatedAt: 1,
    submittedAt: 1,
    paidAt: 1,
    cancelCause: null,
    needsAttention: false,
    manual: false,
    refundedCents: 0,
  };
}

it('keeps only the last 4 digits, moves the hash key out of the journal, and still knows used codes', async () => {
  const file = path.join(dir, 'journal.sqlite');
  const old = openJournal({
    path: file,
    migrations: MIGRATIONS.filter((m) => m.version < migration0005.version),
  });
  const oldHash = createHmac('sha256', Buffer.from(OLD_KEY, 'hex')).update(CODE).digest('hex');
  old.db.transaction(() => {
    old.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('code_hash_key', OLD_KEY);
    createSalesRepo(old.db).insert({
      saleId: 'S1',
      amountCents: 1000,
      tipCents: 0,
      currency: 'CAD',
      operatorId: '1',
      terminalNo: 'T1',
      createdAt: 1,
      updatedAt: 1,
      closedAt: null,
    });
    const attempts = createAttemptsRepo(old.db);
    attempts.insert(attempt('A1', OLD_MASK, oldHash));
    attempts.insert(attempt('A2', null, null));
    const events = createEventsRepo(old.db);
    events.append({
      at: 1,
      entity: 'attempt',
      entityId: 'A1',
      type: 'attempt.created',
      cause: 'command',
      detail: { orderId: 'A1', code: OLD_MASK, amountCents: 1000 },
    });
    events.append({ at: 2, entity: 'attempt', entityId: 'A2', type: 'attempt.created', cause: 'command' });
  })();
  old.close();

  // What the till does on start: take the key over, then open (and migrate) the journal.
  const secrets = createMemorySecretStore();
  const key = await loadCodeHashKey({ secrets, name: 'codeHashKey', journalPath: file });
  assert.equal(await secrets.get('codeHashKey'), OLD_KEY);
  const migrated = openJournal({ path: file });
  try {
    const db = migrated.db;
    assert.ok(Number(db.pragma('user_version', { simple: true })) >= migration0005.version);
    const masks = db.prepare('SELECT attempt_id, code_masked FROM attempts ORDER BY attempt_id').all();
    assert.deepEqual(masks, [
      { attempt_id: 'A1', code_masked: '****6789' },
      { attempt_id: 'A2', code_masked: null },
    ]);
    const details = createEventsRepo(db)
      .forEntity('A1')
      .map((e) => e.detail);
    assert.deepEqual(details, [{ orderId: 'A1', code: '****6789', amountCents: 1000 }]);
    assert.deepEqual(db.prepare("SELECT * FROM meta WHERE key = 'code_hash_key'").all(), []);
    assert.throws(() => db.exec("UPDATE events SET type = 'x'"), /append-only/);
    // A code used before the upgrade is still recognised with the moved key.
    assert.equal(createAttemptsRepo(db).isCodeHashUsed(hashWalletCode(key, CODE)), true);
  } finally {
    migrated.close();
  }
  // The file alone (and its WAL, and the copy taken before migrating) no longer holds the key or the
  // first digits.
  assert.ok(migrated.backupPath && fs.existsSync(migrated.backupPath));
  for (const f of [file, `${file}-wal`, migrated.backupPath ?? '']) {
    if (!fs.existsSync(f)) continue;
    const bytes = fs.readFileSync(f);
    assert.equal(bytes.includes(Buffer.from(OLD_KEY)), false, `${path.basename(f)} holds the key`);
    assert.equal(bytes.includes(Buffer.from('1345**')), false, `${path.basename(f)} holds the old mask`);
  }
});

it('a new journal gets a random key in the secret store, and the same one next time', async () => {
  const secrets = createMemorySecretStore();
  const journalPath = path.join(dir, 'fresh.sqlite');
  const first = await loadCodeHashKey({ secrets, name: 'sandboxCodeHashKey', journalPath });
  const again = await loadCodeHashKey({ secrets, name: 'sandboxCodeHashKey', journalPath });
  assert.equal(first.length, 32);
  assert.deepEqual(again, first);
  assert.equal(await secrets.has('codeHashKey'), false);
});
