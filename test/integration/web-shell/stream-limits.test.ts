// Issue 22, finding 6: 1,100 unauthenticated GET /customer/events from the LAN exhausted the till's file
// descriptors and the cashier's commands failed. Streams are now capped per address and in total
// (503 past the cap, at once), sockets per LAN address are capped, and the server has a connection
// limit. Real HTTP on port 0 with the real core; other loopback addresses (127.0.0.x) stand in for
// LAN peers.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type ClientRequest, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { createWebShell, type WebShell } from '../../../electron/web-shell/server.ts';
import {
  CUSTOMER_STREAMS_PER_ADDRESS,
  CUSTOMER_STREAMS_TOTAL,
  MAX_CONNECTIONS,
  SOCKETS_PER_LAN_ADDRESS,
} from '../../../electron/web-shell/stream-limits.ts';
import { signIn } from '../../support/sign-in.ts';
import { command, openSse } from './http-helpers.ts';

let dir: string;
let core: TillCore;
let shell: WebShell;
let port: number;
const open: ClientRequest[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'till-stream-limits-'));
  const renderer = join(dir, 'renderer');
  for (const entry of ['till', 'customer']) {
    mkdirSync(join(renderer, entry), { recursive: true });
    writeFileSync(join(renderer, entry, 'index.html'), `<!doctype html><title>${entry}</title>`);
  }
  core = await createTillCore({ dataDir: join(dir, 'data'), secrets: createMemorySecretStore() });
  await signIn(core);
  shell = await createWebShell({ core, port: 0, rendererDir: renderer });
  port = shell.port;
});

after(async () => {
  closeAll();
  await shell.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

function closeAll(): void {
  for (const r of open.splice(0)) r.destroy();
}

/** GET /customer/events from `from`: resolves with the status once the headers arrive (the stream stays open). */
function customerStream(from = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/customer/events',
      localAddress: from,
      headers: { Host: `127.0.0.1:${port}` },
    });
    open.push(req);
    req.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err);
    });
    req.on('response', (res) => {
      if (res.statusCode !== 200) res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.end();
  });
}

const count = (xs: number[], v: number) => xs.filter((x) => x === v).length;

async function cashierStillWorks(): Promise<void> {
  const r = await command(port, shell.token, 'till.snapshot', {});
  assert.equal(r.status, 200, r.body);
  assert.equal(JSON.parse(r.body).ok, true);
  const till = await openSse(port, `/api/events?token=${shell.token}`);
  try {
    assert.equal(till.status, 200);
    await till.next((e) => e.event === 'till.snapshot');
  } finally {
    till.close();
  }
}

describe('customer display streams are capped', () => {
  it('1,100 streams from one address (the attack in the issue): a few are served, the rest answered 503, the cashier unaffected', async () => {
    const statuses = await Promise.all(Array.from({ length: 1100 }, () => customerStream()));
    assert.equal(count(statuses, 200), CUSTOMER_STREAMS_PER_ADDRESS);
    assert.equal(count(statuses, 503), 1100 - CUSTOMER_STREAMS_PER_ADDRESS);
    await cashierStillWorks();
    closeAll();
  });

  it('streams from many addresses stop at the total cap, and a closed stream frees its place', async () => {
    const from = Array.from({ length: 12 }, (_, i) => `127.0.0.${i + 2}`);
    const statuses = await Promise.all(
      from.flatMap((a) => Array.from({ length: CUSTOMER_STREAMS_PER_ADDRESS }, () => customerStream(a))),
    );
    assert.equal(count(statuses, 200), CUSTOMER_STREAMS_TOTAL);
    assert.equal(count(statuses, 503), from.length * CUSTOMER_STREAMS_PER_ADDRESS - CUSTOMER_STREAMS_TOTAL);
    await cashierStillWorks();
    // The display that was refused gets in once the others go (EventSource retries by itself).
    closeAll();
    await waitForNoCustomerStreams();
    assert.equal(await customerStream('127.0.0.40'), 200);
    closeAll();
  });

  it('sockets from one LAN address beyond the cap are closed; the cashier unaffected', async () => {
    const sockets = await openSockets(SOCKETS_PER_LAN_ADDRESS + 8, '127.0.0.60');
    await closedBy(sockets, 8);
    await cashierStillWorks(); // a full round trip later, the ones kept are still open
    assert.equal(
      sockets.filter((s) => !s.destroyed && s.readyState === 'open').length,
      SOCKETS_PER_LAN_ADDRESS,
    );
    for (const s of sockets) s.destroy();
  });

  it('the server answers no more sockets than its connection limit', async () => {
    const sockets = await openSockets(MAX_CONNECTIONS + 10, '127.0.0.1');
    // Every socket asks; those past server.maxConnections were closed as they were accepted.
    const outcomes = await Promise.all(sockets.map((s) => ask(s)));
    // (≤ and ≥: a keep-alive socket of an earlier request may still hold one of the places)
    assert.ok(count(outcomes, 1) <= MAX_CONNECTIONS, `${count(outcomes, 1)} answered`);
    assert.ok(count(outcomes, 0) >= 10);
    for (const s of sockets) s.destroy();
  });
});

/** Waits until the server has let go of every customer stream this test opened (their sockets closed). */
async function waitForNoCustomerStreams(): Promise<void> {
  // A new stream from a fresh address is admitted once the total is below the cap again.
  for (;;) {
    const status = await customerStream('127.0.0.41');
    closeAll();
    if (status === 200) return;
    await new Promise((r) => setImmediate(r));
  }
}

/** Sends one request on a raw socket: 1 when an HTTP answer comes back, 0 when the socket closes first. */
function ask(s: Socket): Promise<number> {
  return new Promise((resolve) => {
    let got = '';
    s.on('error', () => undefined);
    s.on('data', (c: Buffer) => {
      got += c.toString('latin1');
      if (got.startsWith('HTTP/1.1 ')) resolve(1);
    });
    s.once('close', () => resolve(0));
    if (!s.destroyed) s.write(`GET /api/boot HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  });
}

function openSockets(n: number, from: string): Promise<Socket[]> {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const s = connect({ host: '127.0.0.1', port, localAddress: from });
          s.once('connect', () => resolve(s));
          s.once('error', (err) =>
            (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve(s) : reject(err),
          );
        }),
    ),
  );
}

/** Resolves with how many of the sockets the server closed, once at least `atLeast` have been. */
function closedBy(sockets: Socket[], atLeast: number): Promise<number> {
  return new Promise((resolve) => {
    let closed = 0;
    for (const s of sockets) {
      s.on('error', () => undefined);
      s.resume();
      s.once('close', () => {
        closed++;
        if (closed === atLeast) resolve(closed);
      });
    }
  });
}
