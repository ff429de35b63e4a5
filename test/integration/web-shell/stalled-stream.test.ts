// An event stream whose page stopped reading: its unsent bytes are capped (the till's memory does not
// grow with every event), and the shell's close() does not wait for it. Before, close() ended such a
// stream politely and then waited for server.close(), which waited for bytes that never drained.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { createWebShell, type WebShell } from '../../../electron/web-shell/server.ts';
import { MAX_UNSENT_BYTES } from '../../../electron/web-shell/sse.ts';
import { signIn } from '../../support/sign-in.ts';

let dir: string;
let core: TillCore;
let shell: WebShell;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'till-stalled-stream-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'customer'), { recursive: true });
  writeFileSync(join(renderer, 'customer', 'index.html'), '<!doctype html><title>customer</title>');
  core = await createTillCore({ dataDir: join(dir, 'data'), secrets: createMemorySecretStore() });
  await signIn(core);
  shell = await createWebShell({ core, port: 0, rendererDir: renderer });
});

after(async () => {
  await shell.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A client that sends the stream request and then reads nothing until told to. */
function stalledStream(port: number, path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.pause();
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`, () => resolve(socket));
    });
    socket.once('error', reject);
  });
}

/** Waits for a condition the shell reaches on its own, one turn of the event loop at a time. */
async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise<void>((resolve) => setImmediate(resolve));
}

function ended(socket: Socket): Promise<number> {
  return new Promise((resolve) => {
    let bytes = 0;
    socket.on('data', (c: Buffer) => {
      bytes += c.length;
    });
    socket.once('close', () => resolve(bytes));
    socket.on('error', () => {});
    socket.resume();
  });
}

describe('browser shell: a stream whose page stopped reading', () => {
  it('is dropped once it holds more than the cap of unsent bytes, and close() does not wait for it', {
    timeout: 60_000,
  }, async () => {
    const stalled = await stalledStream(shell.port, '/customer/events');
    await until(() => shell.openStreams === 1);
    // Events until the shell lets the stream go: what the kernel's socket buffers take on loopback
    // (a few MiB), then the cap. Bounded, so a shell that never drops it fails instead of spinning.
    const most = 40 * MAX_UNSENT_BYTES;
    let sent = 0;
    for (let i = 1; shell.openStreams > 0; i++) {
      assert.ok(sent < most, `${sent} bytes of events and the stalled stream is still open`);
      const r = await dispatch(core, 'till', 'sale.draft', { amountCents: i, tipCents: 0 });
      assert.equal(r.ok, true);
      sent += JSON.stringify(core.customerView()).length;
    }
    // Its connection ends once the client reads again: nothing left for close() to wait for.
    assert.ok((await ended(stalled)) > 0);
    await shell.close();
  });
});
