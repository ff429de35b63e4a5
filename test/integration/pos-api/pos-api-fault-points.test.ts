// The POS API's named crash points: reached in order on a payment, and a failure at the first (the
// payment journaled, no answer written) leaves a retry with the same key the same payment, not a second.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import type { PosFaultPoint } from '../../../electron/core/pos-api/fault-points.ts';
import { posClient } from '../../support/pos-api-client.ts';
import { signIn } from '../../support/sign-in.ts';

const KEY = 'fault-key-0123456789abcdef';
let dir: string;
let core: TillCore;
const reached: PosFaultPoint[] = [];
let failAt: PosFaultPoint | null = null;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pos-api-fault-'));
  core = await createTillCore({
    dataDir: dir,
    secrets: createMemorySecretStore(),
    posApi: { port: 0, host: '127.0.0.1', key: KEY },
    posApiFault: (point) => {
      reached.push(point);
      if (point === failAt) {
        failAt = null;
        throw new Error(`stopped at ${point}`);
      }
    },
  });
  await signIn(core);
});

after(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

it('reaches pos.payment-journaled then pos.payment-answered; a retry after a stop at the first is the same payment', async () => {
  const pos = await posClient(core.posApi?.url ?? '', KEY);
  failAt = 'pos.payment-journaled';
  const body = { amountCents: 1950, method: 'WECHATPAY', reference: 'F-1' };
  const lost = await fetch(`${core.posApi?.url}/v1/payments`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${KEY}`,
      'Idempotency-Key': 'fault-1',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  assert.equal(lost.status, 500, 'the POS got no payment back');
  const sale = core.snapshot().sale;
  assert.equal(sale?.phase, 'in_progress', 'but the payment was journaled and sent');
  const retry = await pos.call('POST', '/v1/payments', { idem: 'fault-1', body });
  assert.equal(retry.status, 200);
  assert.equal(retry.body?.id, sale?.saleId);
  assert.equal(core.snapshot().sale?.attempts.length, 1, 'one attempt: never a second charge');
  // The stopped request never reached its answer; the retry found the journaled payment and answered it.
  assert.deepEqual(reached, ['pos.payment-journaled', 'pos.payment-answered']);
});
