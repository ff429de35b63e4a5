// Starting the POS API: a till restarted while a POS SCAN payment waited for the customer's code
// (nothing sent yet) does not wait for it any more — the POS hears "cancelled", the till is free for the
// next payment; with no key anywhere the API does not start.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { createTillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { posClient } from '../../support/pos-api-client.ts';
import { signIn } from '../../support/sign-in.ts';

const KEY = 'restart-key-0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'pos-api-restart-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('a SCAN payment still waiting when the till stopped is cancelled at the next start', async () => {
  const secrets = createMemorySecretStore();
  const start = () =>
    createTillCore({ dataDir: dir, secrets, posApi: { port: 0, host: '127.0.0.1', key: KEY } });
  const first = await start();
  let id: unknown;
  try {
    await signIn(first);
    const pos = await posClient(first.posApi?.url ?? '', KEY);
    const r = await pos.call('POST', '/v1/payments', {
      idem: 'scan-1',
      body: { amountCents: 700, method: 'SCAN' },
    });
    assert.equal(r.status, 201);
    assert.equal(r.body?.state, 'waiting');
    id = r.body?.id;
  } finally {
    await first.close();
  }
  const second = await start();
  try {
    const pos = await posClient(second.posApi?.url ?? '', KEY);
    const r = await pos.call('GET', `/v1/payments/${String(id)}`);
    assert.equal(r.body?.state, 'cancelled');
    assert.equal(second.snapshot().sale, null);
    await signIn(second);
    const next = await pos.call('POST', '/v1/payments', {
      idem: 'scan-2',
      body: { amountCents: 800, method: 'SCAN' },
    });
    assert.equal(next.status, 201);
  } finally {
    await second.close();
  }
});

it('with no key anywhere the POS API does not start, and the log says why', async () => {
  const other = mkdtempSync(join(tmpdir(), 'pos-api-nokey-'));
  const core = await createTillCore({
    dataDir: other,
    secrets: createMemorySecretStore(),
    posApi: { port: 0, host: '127.0.0.1', key: null },
  });
  try {
    assert.equal(core.posApi, null);
    assert.match(core.logger.recent().join('\n'), /the POS API is not started: it needs a key/);
  } finally {
    await core.close();
    rmSync(other, { recursive: true, force: true });
  }
});

it('a POS API port already taken stops the start with a clear message and leaves the data folder free', async () => {
  const other = mkdtempSync(join(tmpdir(), 'pos-api-taken-'));
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as AddressInfo).port;
  try {
    const secrets = createMemorySecretStore();
    await assert.rejects(
      createTillCore({ dataDir: other, secrets, posApi: { port, host: '127.0.0.1', key: KEY } }),
      /already in use .*--pos-api-port/,
    );
    const again = await createTillCore({ dataDir: other, secrets });
    await again.close();
  } finally {
    taken.close();
    rmSync(other, { recursive: true, force: true });
  }
});
