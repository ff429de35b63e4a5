// The call-back listener switched on in settings, through the whole core: the embedded gateway posts
// its sealed call-back to the till's own listener, which verifies it, matches it to the attempt and
// records it in the journal; a forged copy is recorded as forged and changes nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import Database from 'better-sqlite3';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { startCallbackServer } from '../../../electron/core/payments/callback-server.ts';
import type { AttemptView, TillSnapshot } from '../../../shared/domain.ts';
import { signIn } from '../../support/sign-in.ts';

let dir: string;
let core: TillCore;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'till-callbacks-'));
  writeFileSync(
    join(dir, 'settings.json'),
    JSON.stringify({ callback: { enabled: true, bindHost: '127.0.0.1', port: 0, publicUrl: '' } }),
  );
  core = await createTillCore({ dataDir: dir, secrets: createMemorySecretStore() });
  await signIn(core);
});

after(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

function simulator(path: string, body?: unknown): Promise<Response> {
  const base = core.sandboxInfo?.simulatorUrl;
  assert.ok(base, 'runs on the embedded sandbox gateway');
  return fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Resolves with the first pushed snapshot for which `test` holds. */
function snapshotWhere(test: (s: TillSnapshot) => boolean): Promise<TillSnapshot> {
  return new Promise((resolve) => {
    const off = core.subscribe('till', (name, payload) => {
      if (name === 'till.snapshot' && test(payload as TillSnapshot)) {
        off();
        resolve(payload as TillSnapshot);
      }
    });
  });
}

type CallbackRow = {
  verdict: string;
  order_id: string | null;
  amount_cents: number | null;
  note: string | null;
};

function journalCallbacks(): CallbackRow[] {
  const db = new Database(join(dir, 'journal-sandbox.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT verdict, order_id, amount_cents, note FROM callbacks ORDER BY callback_id')
      .all() as CallbackRow[];
  } finally {
    db.close();
  }
}

it('receives, verifies and records the gateway call-back of a paid active payment; a forgery is refused', async () => {
  const faults = await simulator('/_sim/faults', { forgedCallbacks: true });
  assert.equal(faults.status, 200, await faults.text());

  const started = await dispatch(core, 'till', 'sale.payActive', {
    amountCents: 4210,
    tipCents: 0,
    wallet: 'ALIPAY',
  });
  assert.ok(started.ok, JSON.stringify(started));
  const attempt = started.value as AttemptView;
  const paid = snapshotWhere((s) => s.sale?.attempt?.state === 'paid');
  const pay = await simulator(`/_sim/orders/${attempt.orderId}/pay`, {});
  assert.equal(pay.status, 200, await pay.text());
  assert.equal((await paid).sale?.attempt?.orderId, attempt.orderId);

  // Both copies reach our listener: the forged one first, then the genuine one.
  let deliveries: Array<{ orderId: string; url: string; copy: string; status: number | null }> = [];
  const deadline = Date.now() + 15_000;
  while (deliveries.filter((d) => d.orderId === attempt.orderId && d.status !== null).length < 2) {
    assert.ok(Date.now() < deadline, `both call-backs delivered: ${JSON.stringify(deliveries)}`);
    deliveries = (await (await simulator('/_sim/callbacks')).json()) as typeof deliveries;
    await new Promise((resolve) => setImmediate(resolve));
  }
  const ours = deliveries.filter((d) => d.orderId === attempt.orderId);
  for (const d of ours) assert.match(d.url, /^http:\/\/127\.0\.0\.1:\d+\/ottpay\/callback$/);
  assert.equal(ours.find((d) => d.copy === 'genuine')?.status, 200);
  assert.notEqual(
    ours.find((d) => d.copy === 'forged')?.status,
    200,
    'a forged call-back is not acknowledged',
  );

  // The genuine call-back is journaled in full; the forged copy only as counted evidence (written at
  // the latest when the till closes): nothing in a body that fails md5 can be trusted.
  const recorded = journalCallbacks();
  assert.deepEqual(
    recorded.map((r) => [r.verdict, r.order_id]),
    [['accepted', attempt.orderId]],
  );
  assert.equal(recorded[0]?.amount_cents, 4210);
  await core.close();
  const db = new Database(join(dir, 'journal-sandbox.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const counters = db.prepare('SELECT kind, remote, count FROM callback_rejections').all();
    assert.deepEqual(counters, [{ kind: 'forged', remote: '127.0.0.1', count: 1 }]);
    const sample = db.prepare('SELECT note FROM callback_rejection_samples').all() as Array<{ note: string }>;
    assert.match(sample[0]?.note ?? '', /md5/i);
  } finally {
    db.close();
  }
});

it('a call-back port already taken says which one and where to choose another', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = (taken.address() as AddressInfo).port;
  try {
    await assert.rejects(
      startCallbackServer({
        host: '127.0.0.1',
        port,
        handle: async () => ({ status: 200, body: { rsp_code: 'SUCCESS', rsp_msg: 'ok' } }),
      }),
      (err: Error) =>
        err.message.startsWith(`port ${port} on 127.0.0.1 is already in use`) &&
        /call-back port in Settings/.test(err.message),
    );
  } finally {
    await new Promise<void>((resolve) => taken.close(() => resolve()));
  }
});
