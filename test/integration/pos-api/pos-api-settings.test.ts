// The POS API's key from Settings (write-only: saved, never shown or logged, applies to the next request)
// and refunds over the API once a supervisor allows them: journaled like a till refund, with the API as
// the approver, idempotent on their own key.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { SANDBOX_JOURNAL_FILE } from '../../../electron/core/app/payment-stack.ts';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { POS_API_APPROVER } from '../../../electron/core/pos-api/pos-payments.ts';
import { posClient } from '../../support/pos-api-client.ts';
import { OWNER_PIN, signIn } from '../../support/sign-in.ts';

const OLD_KEY = 'saved-key-0123456789abcdef';
const NEW_KEY = 'brand-new-key-9876543210fedcba';
let dir: string;
let core: TillCore;
const secrets = createMemorySecretStore({ posApiKey: OLD_KEY });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pos-api-settings-'));
  core = await createTillCore({ dataDir: dir, secrets, posApi: { port: 0, host: '127.0.0.1', key: null } });
  await signIn(core);
});

after(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('POS API settings', () => {
  it('takes the key saved in settings, and a new one from the next request on; never shows or logs it', async () => {
    const url = core.posApi?.url ?? '';
    const status = (key: string) =>
      fetch(`${url}/v1/openapi.json`, { headers: { Authorization: `Bearer ${key}` } }).then((r) => r.status);
    assert.equal(await status(OLD_KEY), 200);
    const r = await dispatch(core, 'till', 'settings.setPosApiKey', { posApiKey: NEW_KEY, pin: OWNER_PIN });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(await status(OLD_KEY), 401);
    assert.equal(await status(NEW_KEY), 200);
    assert.equal(await secrets.get('posApiKey'), NEW_KEY);
    const snap = core.snapshot();
    assert.deepEqual(snap.posApi, { url, fingerprint256: null, keySet: true });
    const diagnostics = await dispatch(core, 'till', 'diagnostics.get', {});
    assert.ok(diagnostics.ok);
    for (const text of [JSON.stringify(snap), core.logger.recent().join('\n'), JSON.stringify(diagnostics)]) {
      assert.ok(!text.includes(NEW_KEY) && !text.includes(OLD_KEY));
    }
    const wrongPin = await dispatch(core, 'till', 'settings.setPosApiKey', {
      posApiKey: OLD_KEY,
      pin: '9999',
    });
    assert.equal(wrongPin.ok, false);
    assert.equal(await secrets.get('posApiKey'), NEW_KEY);
  });

  it('refunds over the API once allowed: journaled with the API as approver, the same key answers the same refund', async () => {
    const pos = await posClient(core.posApi?.url ?? '', NEW_KEY);
    const created = await pos.call('POST', '/v1/payments', {
      idem: 'refund-me',
      body: { amountCents: 2500, method: 'UNIONPAY', reference: 'RF-1' },
    });
    assert.equal(created.status, 201, JSON.stringify(created));
    await fetch(`${String(created.body?.codeUrl)}/pay`, { method: 'POST' });
    let state = created.body?.state;
    for (let i = 0; i < 6 && state !== 'paid'; i++)
      state = (await pos.call('GET', `/v1/payments/${created.body?.id}?wait=10`)).body?.state;
    assert.equal(state, 'paid');
    const id = String(created.body?.id);

    const off = await pos.call('POST', `/v1/payments/${id}/refunds`, {
      idem: 'rf-1',
      body: { amountCents: 1000 },
    });
    assert.deepEqual(off, { status: 403, body: { error: 'refunds-disabled' } });
    const allow = await dispatch(core, 'till', 'settings.update', {
      patch: { posApi: { refunds: true } },
      pin: OWNER_PIN,
    });
    assert.ok(allow.ok, JSON.stringify(allow));

    const refund = await pos.call('POST', `/v1/payments/${id}/refunds`, {
      idem: 'rf-1',
      body: { amountCents: 1000 },
    });
    assert.equal(refund.status, 201, JSON.stringify(refund));
    assert.equal(refund.body?.paymentId, id);
    const again = await pos.call('POST', `/v1/payments/${id}/refunds`, {
      idem: 'rf-1',
      body: { amountCents: 1000 },
    });
    assert.equal(again.status, 200);
    assert.equal(again.body?.id, refund.body?.id);
    const reused = await pos.call('POST', `/v1/payments/${id}/refunds`, {
      idem: 'rf-1',
      body: { amountCents: 999 },
    });
    assert.deepEqual(reused, { status: 409, body: { error: 'idempotency-key-reused' } });
    const tooMuch = await pos.call('POST', `/v1/payments/${id}/refunds`, {
      idem: 'rf-2',
      body: { amountCents: 1501 },
    });
    assert.equal(tooMuch.status, 409);
    assert.equal(tooMuch.body?.error, 'refund-refused');

    const db = new Database(join(dir, SANDBOX_JOURNAL_FILE), { readonly: true });
    try {
      const row = db.prepare('SELECT approver_id AS approver, amount_cents AS cents FROM refunds').all();
      assert.deepEqual(row, [{ approver: POS_API_APPROVER, cents: 1000 }]);
      const keys = db.prepare('SELECT idem_key AS k FROM pos_refunds').all();
      assert.deepEqual(keys, [{ k: 'rf-1' }]);
    } finally {
      db.close();
    }
  });
});
