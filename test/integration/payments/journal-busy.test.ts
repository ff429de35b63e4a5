// The journal under contention, with a second real process holding its write lock: a short hold is
// waited out (BEGIN IMMEDIATE honours the busy timeout), a hold past the timeout gives STORAGE
// "journal-busy" for active and passive pay alike (never INTERNAL), and nothing reaches OTTPay.
// Before the fix: DEFERRED transactions failed at once (active: STORAGE in 2 ms, passive: INTERNAL).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';
import { toErrorData } from '../../../shared/result.ts';
import { makeRig, type Rig } from './harness.ts';

const rigs: Rig[] = [];
const holders: ChildProcess[] = [];
after(async () => {
  for (const h of holders) if (h.exitCode === null) h.kill('SIGKILL');
  for (const r of rigs) await r.close();
});

/** Starts the lock holder and resolves once it holds the lock; `released` resolves when it let go. */
async function holdLock(file: string, hold: number | 'stdin') {
  const child = spawn(process.execPath, ['test/support/hold-write-lock.ts', file, String(hold)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  holders.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const seen = (word: string) =>
    new Promise<void>((resolve, reject) => {
      lines.on('line', (l) => l === word && resolve());
      child.once('exit', (code) => reject(new Error(`lock holder exited (${code}) before "${word}"`)));
    });
  const released = seen('released');
  released.catch(() => {});
  await seen('locked');
  return { released, release: () => child.stdin?.write('go\n') };
}

const journalFile = (rig: Rig) => path.join(rig.dir, 'till.db');
const orders = (rig: Rig) => rig.sim.control.orders().length;

describe('journal write lock held by another process', () => {
  it('a short hold is waited out: active pay goes through', { timeout: 30_000 }, async () => {
    const rig = await makeRig();
    rigs.push(rig);
    const holder = await holdLock(journalFile(rig), 300);
    const attempt = await rig.engine.payActive({ amountCents: 1234, tipCents: 0, wallet: 'ALIPAY' });
    assert.equal(attempt.amountCents, 1234);
    await holder.released;
    assert.equal(orders(rig), 1);
  });

  it('a short hold is waited out: passive pay begins', { timeout: 30_000 }, async () => {
    const rig = await makeRig();
    rigs.push(rig);
    const holder = await holdLock(journalFile(rig), 300);
    const sale = await rig.engine.beginPassive({ amountCents: 500, tipCents: 0 });
    assert.equal(sale.amountCents, 500);
    await holder.released;
  });

  it('a hold past the busy timeout: STORAGE journal-busy for active and passive pay, nothing sent', {
    timeout: 30_000,
  }, async () => {
    const rig = await makeRig({ busyTimeoutMs: 150 });
    rigs.push(rig);
    const holder = await holdLock(journalFile(rig), 'stdin');
    const refusals = [
      await rig.engine.payActive({ amountCents: 1234, tipCents: 0, wallet: 'ALIPAY' }).then(
        () => null,
        (err: unknown) => toErrorData(err),
      ),
      await rig.engine.beginPassive({ amountCents: 500, tipCents: 0 }).then(
        () => null,
        (err: unknown) => toErrorData(err),
      ),
    ];
    for (const r of refusals) {
      assert.equal(r?.code, 'STORAGE');
      assert.equal(r?.reason, 'journal-busy');
      assert.match(r?.message ?? '', /journal is busy/);
    }
    assert.equal(orders(rig), 0, 'a request reached OTTPay without a journal row');
    holder.release();
    await holder.released;
    const attempt = await rig.engine.payActive({ amountCents: 1234, tipCents: 0, wallet: 'ALIPAY' });
    assert.equal(attempt.amountCents, 1234);
    assert.equal(orders(rig), 1);
  });
});
