// One shift per day (a setting): the first sign-in of a new local day closes the earlier day's shift
// (with its reconciliation) and opens the day's own; with the setting off the shift runs on.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { ManualClock } from '../../../electron/core/clock.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import type { CommandName } from '../../../shared/contract.ts';
import type { ShiftReport } from '../../../shared/staff.ts';

async function value<T>(till: TillCore, name: CommandName, payload: unknown): Promise<T> {
  const r = await dispatch(till, 'till', name, payload);
  assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
  return r.value as T;
}

async function closeOnClock(till: TillCore, clock: ManualClock): Promise<void> {
  // Work in flight may wait on the manual clock (retry backoff): keep time moving until closed.
  let closed = false;
  const closing = till.close().then(() => {
    closed = true;
  });
  while (!closed) await clock.advanceAsync(1_000);
  await closing;
}

it('rolls the shift over at the first sign-in of a new day only when set to', {
  timeout: 30_000,
}, async () => {
  const clock = new ManualClock(Date.UTC(2026, 0, 15, 17, 0, 0));
  const dir = mkdtempSync(join(tmpdir(), 'shift-per-day-'));
  const till = await createTillCore({ dataDir: dir, secrets: createMemorySecretStore(), clock });
  try {
    await value(till, 'staff.signIn', { pin: '1234' });
    const first = till.snapshot().staff.shiftId;
    await value(till, 'sale.payPassive', { amountCents: 800, tipCents: 0 });
    await value(till, 'sale.submitScan', { code: '134567890123456789', source: 'manual' });
    await value(till, 'sale.new', {});
    await value(till, 'staff.signOut', {});

    clock.advance(24 * 60 * 60_000);
    await value(till, 'staff.signIn', { pin: '1234' });
    assert.equal(till.snapshot().staff.shiftId, first, 'one shift per sign-in is the default: it runs on');
    await value(till, 'settings.update', { patch: { shiftPerDay: true }, pin: '1234' });
    await value(till, 'staff.signOut', {});
    clock.advance(24 * 60 * 60_000);

    await value(till, 'staff.signIn', { pin: '1234' });
    const second = till.snapshot().staff.shiftId;
    assert.ok(second !== null && second !== first);
    const z = await value<ShiftReport>(till, 'shift.report', { shiftId: first });
    assert.equal(z.kind, 'Z');
    assert.equal(z.grossCents, 800);
    assert.deepEqual(z.reconciliation?.differences, []);
    assert.equal((await value<ShiftReport>(till, 'shift.current', {}))?.count, 0);

    // A close leaves the cashier signed in; the next payment opens the next shift.
    await value(till, 'shift.close', { pin: '1234', acknowledgeUnresolved: false });
    assert.equal(till.snapshot().staff.shiftId, null);
    assert.ok(till.snapshot().staff.cashier);
    await value(till, 'sale.payPassive', { amountCents: 300, tipCents: 0 });
    const third = till.snapshot().staff.shiftId;
    assert.ok(third !== null && third !== second);
  } finally {
    await closeOnClock(till, clock);
    rmSync(dir, { recursive: true, force: true });
  }
});
