// Sign-in state on a real staff table and the real PIN throttle, on a manual clock: PIN-only sign-in,
// the idle lock and what restarts it, supervisors' approvals by role, and the till's lockout shared by
// sign-in and approvals.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { createMemoryLockoutStore } from '../../../electron/core/config/pin-lockout-store.ts';
import { createPinThrottle } from '../../../electron/core/config/pin-throttle.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import { createStaffDirectory, type StaffDirectory } from '../../../electron/core/staff/directory.ts';
import { createStaffSession, type StaffSession } from '../../../electron/core/staff/session.ts';
import { AppError } from '../../../shared/result.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staff-session-'));
const handle = openJournal({ path: path.join(dir, 'journal.sqlite') });
after(() => {
  handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const reason = (r: string) => (err: unknown) => err instanceof AppError && err.reason === r;

describe('staff session', () => {
  const clock = new ManualClock();
  let directory: StaffDirectory;
  let session: StaffSession;
  const changes: string[] = [];
  let idleMinutes = 5;

  before(async () => {
    directory = createStaffDirectory(handle.db, () => clock.now());
    await directory.add({ name: 'Ana', role: 'cashier', pin: '1111', operatorId: '101' });
    await directory.add({ name: 'Sue', role: 'supervisor', pin: '3333', operatorId: '103' });
    session = createStaffSession({
      directory,
      throttle: createPinThrottle({ store: createMemoryLockoutStore(), now: () => clock.now() }),
      clock,
      idleLockMs: () => idleMinutes * 60_000,
      onChange: (who, why) => changes.push(`${why}:${who?.name ?? '-'}`),
    });
  });

  it('signs in by PIN alone and locks after the idle time; a command restarts it', async () => {
    assert.throws(() => session.require(), reason('sign-in-needed'));
    assert.equal((await session.signIn('1111')).name, 'Ana');
    clock.advance(4 * 60_000);
    session.touch();
    clock.advance(4 * 60_000);
    assert.equal(session.cashier()?.name, 'Ana', 'the command restarted the idle time');
    clock.advance(60_000);
    assert.equal(session.cashier(), null);
    assert.deepEqual(changes, ['sign-in:Ana', 'idle:-']);
  });

  it('never locks by itself when the idle time is 0', async () => {
    idleMinutes = 0;
    await session.signIn('3333');
    clock.advance(24 * 60 * 60_000);
    assert.equal(session.cashier()?.name, 'Sue');
    assert.equal(clock.pendingTimers, 0);
    session.signOut();
    idleMinutes = 5;
  });

  it("approves with a supervisor's own PIN only", async () => {
    await session.signIn('1111');
    await assert.rejects(session.approve('1111'), reason('role-needed'));
    assert.equal((await session.approve('3333')).name, 'Sue');
    await assert.rejects(session.approve('3333', 'owner'), reason('role-needed'));
    assert.equal(session.cashier()?.name, 'Ana', 'an approval does not switch the cashier');
  });

  it('locks every PIN look-up of the till after five wrong ones', async () => {
    for (let i = 0; i < 4; i++) await assert.rejects(session.signIn('9999'), reason('pin-wrong'));
    await assert.rejects(session.approve('9998'), reason('pin-locked'));
    await assert.rejects(session.signIn('1111'), reason('pin-wait'), 'even the right PIN waits');
    clock.advance(61_000);
    assert.equal((await session.signIn('1111')).name, 'Ana');
  });

  it('keeps PINs unique and follows a deactivated account out', async () => {
    await assert.rejects(
      directory.add({ name: 'X', role: 'cashier', pin: '3333', operatorId: '1' }),
      reason('pin-taken'),
    );
    await assert.rejects(directory.changePin('1', '3333'), reason('pin-taken'));
    const ana = session.require();
    directory.setActive(ana.staffId, false);
    session.refresh();
    assert.equal(session.cashier(), null);
    assert.equal(await directory.findByPin('1111'), null);
  });
});
