// SIGTERM stops `start.ts` in bounded time whatever its clients do: pages reading their event streams,
// a page that stopped reading, commands answered while it stops, and a command whose body never
// finishes arriving. Before, the shell waited for server.close(), which waits for every connection:
// the stalled request (and a stream that cannot drain) held the process for minutes.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';
import { command, openSse } from './http-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'till-stop-'));
let child: ChildProcess | null = null;
after(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function exited(p: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => p.once('exit', (code, signal) => resolve({ code, signal })));
}

/** A raw connection that sends `head` (and maybe part of a body) and then reads nothing. */
function stalled(port: number, head: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.pause();
      socket.write(head, () => resolve(socket));
    });
    socket.once('error', reject);
  });
}

function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    socket.on('error', () => {});
    socket.once('close', () => resolve());
    socket.resume();
  });
}

describe('web shell stop', () => {
  it('exits on SIGTERM with streams open, a stalled stream, commands in flight and a stalled upload', {
    timeout: 30_000,
  }, async () => {
    const proc = spawn(
      process.execPath,
      ['electron/web-shell/start.ts', '--port', '0', '--data-dir', join(dir, 'data')],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TILL_DATA_DIR: '' } },
    );
    child = proc;
    const done = exited(proc);
    let stderr = '';
    proc.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const rl = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
    const first = await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve);
      proc.once('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    const m = /^till ready at http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+)$/.exec(first);
    assert.ok(m, first);
    const port = Number(m[1]);
    const token = m[2] ?? '';

    const till = await openSse(port, `/api/events?token=${token}`);
    const customer = await openSse(port, '/customer/events');
    await till.next((e) => e.event === 'till.snapshot');
    await customer.next((e) => e.event === 'customer.view');
    const stalledStream = await stalled(
      port,
      `GET /customer/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`,
    );
    // Headers and half a body: the shell is inside the command, reading a body that never completes.
    const upload = await stalled(
      port,
      `POST /api/command/till.snapshot HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
        `Content-Type: application/json\r\nX-Till-Token: ${token}\r\nContent-Length: 100\r\n\r\n{"a":`,
    );
    const uploadClosed = closed(upload);
    const stalledClosed = closed(stalledStream);
    // Commands racing the signal: each is answered (200, or 503 once the shell is closing) or its
    // connection is refused or cut — none is left hanging.
    const inFlight = Array.from({ length: 8 }, () =>
      command(port, token, 'till.snapshot', {}).then(
        (r) => r.status,
        (err: NodeJS.ErrnoException) => err.code ?? 'error',
      ),
    );
    proc.kill('SIGTERM');

    assert.deepEqual(await done, { code: 0, signal: null });
    await uploadClosed;
    await stalledClosed;
    for (const outcome of await Promise.all(inFlight))
      assert.ok([200, 503, 'ECONNREFUSED', 'ECONNRESET'].includes(outcome), String(outcome));
    assert.match(stderr, /SIGTERM: closing the till/);
    till.close();
    customer.close();
  });
});
