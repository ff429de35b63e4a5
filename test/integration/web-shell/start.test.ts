// `node electron/web-shell/start.ts --port 0`, spawned for real: the first two stdout lines, a command
// through the printed URL, and a clean exit on SIGTERM.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';

const dir = mkdtempSync(join(tmpdir(), 'till-start-'));
let child: ChildProcess | null = null;
after(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function exited(p: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => p.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('web shell start script', () => {
  it('prints exactly the till and customer URLs first, serves them, and exits cleanly on SIGTERM', {
    timeout: 30_000,
  }, async () => {
    const proc = spawn(
      process.execPath,
      ['electron/web-shell/start.ts', '--port', '0', '--data-dir', join(dir, 'data')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TILL_DATA_DIR: '' },
      },
    );
    child = proc;
    const done = exited(proc);
    let stderr = '';
    proc.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const lines: string[] = [];
    const rl = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
    const stdoutClosed = new Promise<void>((resolve) => rl.once('close', resolve));
    const firstTwo = new Promise<void>((resolve, reject) => {
      rl.on('line', (line) => {
        lines.push(line);
        if (lines.length === 2) resolve();
      });
      proc.once('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    await firstTwo;

    const till = /^till ready at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{20,}))$/.exec(
      lines[0] ?? '',
    );
    assert.ok(till, `first line: ${lines[0]}`);
    const port = Number(till[2]);
    assert.ok(port > 0);
    assert.equal(lines[1], `customer display at http://127.0.0.1:${port}/customer`);

    const res = await fetch(`http://127.0.0.1:${port}/api/command/till.snapshot`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Till-Token': till[3] ?? '' },
      body: '{}',
    });
    const body = (await res.json()) as { ok: boolean; value: { sandbox: boolean } };
    assert.equal(body.ok, true);
    assert.equal(body.value.sandbox, true);

    proc.kill('SIGTERM');
    assert.deepEqual(await done, { code: 0, signal: null });
    await stdoutClosed;
    assert.ok(lines.some((l) => /sandbox — no real money/.test(l)));
    assert.ok(lines.some((l) => /supervisor PIN is 1234 until you change it in settings/.test(l)));
  });

  it('says which port is taken and how to choose another, instead of a bare EADDRINUSE', {
    timeout: 30_000,
  }, async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const proc = spawn(
        process.execPath,
        ['electron/web-shell/start.ts', '--port', String(port), '--data-dir', join(dir, 'data-taken')],
        { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TILL_DATA_DIR: '' } },
      );
      child = proc;
      let stderr = '';
      proc.stderr?.on('data', (c: Buffer) => {
        stderr += c.toString();
      });
      const { code } = await exited(proc);
      assert.equal(code, 1);
      assert.match(stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
      assert.match(stderr, /npm run start:web -- --port N/);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});
