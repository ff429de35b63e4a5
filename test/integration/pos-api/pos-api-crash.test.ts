// A real till process (the browser shell's start script) with the POS API: it prints `pos api at <url>`,
// answers the POS 201, and is SIGKILLed before the customer pays. Restarted on the same data folder it
// still knows the payment (the key was journaled with the attempt); the customer pays; the POS learns
// `paid` from GET ?wait and from a retry with the same key — never a second charge.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';
import { posClient } from '../../support/pos-api-client.ts';

const KEY = 'crash-test-key-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'pos-api-crash-'));
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Till {
  proc: ChildProcess;
  tillUrl: string;
  token: string;
  posUrl: string;
  simulatorUrl: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the till and reads its stdout until it has said where the POS API and the simulator are. */
function startTill(): Promise<Till> {
  const proc = spawn(
    process.execPath,
    ['electron/web-shell/start.ts', '--port', '0', '--data-dir', join(dir, 'data'), '--pos-api-port', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TILL_DATA_DIR: '', TILL_POS_API_KEY: KEY } },
  );
  children.push(proc);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let stderr = '';
  proc.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve, reject) => {
    const seen: Partial<Till> = { proc, exited };
    const rl = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
    rl.on('line', (line) => {
      const till = /^till ready at (http:\/\/[^/]+)\/\?token=([A-Za-z0-9_-]+)$/.exec(line);
      if (till) [seen.tillUrl, seen.token] = [till[1], till[2]];
      const pos = /^pos api at (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (pos) seen.posUrl = pos[1];
      const sim = /\(simulator at (http:\/\/[^)]+)\)$/.exec(line);
      if (sim) seen.simulatorUrl = sim[1];
      if (seen.tillUrl && seen.posUrl && seen.simulatorUrl) resolve(seen as Till);
    });
    void exited.then(() => reject(new Error(`the till exited early: ${stderr}`)));
  });
}

async function signIn(t: Till): Promise<void> {
  const res = await fetch(`${t.tillUrl}/api/command/staff.signIn`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Till-Token': t.token },
    body: JSON.stringify({ pin: '1234' }),
  });
  assert.equal(((await res.json()) as { ok: boolean }).ok, true);
}

describe('POS API across a SIGKILL', () => {
  it('the POS still learns paid after the till is killed between 201 and the payment', {
    timeout: 90_000,
  }, async () => {
    const first = await startTill();
    await signIn(first);
    const pos = await posClient(first.posUrl, KEY);
    const body = { amountCents: 4200, method: 'ALIPAY', reference: 'ORDER-991' };
    const created = await pos.call('POST', '/v1/payments', { idem: 'order-991-pay', body });
    assert.equal(created.status, 201, JSON.stringify(created));
    assert.equal(created.body?.state, 'waiting');
    const walletPath = new URL(String(created.body?.codeUrl)).pathname;

    first.proc.kill('SIGKILL');
    assert.equal((await first.exited).signal, 'SIGKILL');

    const second = await startTill();
    const pos2 = await posClient(second.posUrl, KEY);
    const known = await pos2.call('GET', `/v1/payments/${created.body?.id}`);
    assert.equal(known.status, 200);
    assert.ok(
      ['waiting', 'checking', 'processing'].includes(String(known.body?.state)),
      JSON.stringify(known.body),
    );
    assert.equal(known.body?.orderId, created.body?.orderId);

    // The customer pays the QR they were shown (the sandbox gateway kept its books across the kill).
    const paidPage = await fetch(`${second.simulatorUrl}${walletPath}/pay`, { method: 'POST' });
    assert.match(await paidPage.text(), /Payment successful/);
    let state = known.body?.state;
    for (let i = 0; i < 6 && state !== 'paid'; i++) {
      state = (await pos2.call('GET', `/v1/payments/${created.body?.id}?wait=10`)).body?.state;
    }
    assert.equal(state, 'paid');
    const retry = await pos2.call('POST', '/v1/payments', { idem: 'order-991-pay', body });
    assert.equal(retry.status, 200);
    assert.equal(retry.body?.id, created.body?.id);
    assert.equal(retry.body?.state, 'paid');
    const ledger = (await (await fetch(`${second.simulatorUrl}/_sim/ledger`)).json()) as {
      chargedCents: number;
    };
    assert.equal(ledger.chargedCents, 4200, 'charged once, exactly the amount');

    second.proc.kill('SIGTERM');
    assert.deepEqual(await second.exited, { code: 0, signal: null });
  });
});
