// Issue 22, finding 7: deactivate Sam, give his PIN to a new cashier, reactivate Sam: one PIN, two
// people. PINs are now unique across every account, active or not; two active accounts that still
// share a PIN (made before the fix) sign neither in until a supervisor resets one; and only an owner
// deactivates (or reactivates) a supervisor.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { hashPin } from '../../../electron/core/config/pin-hash.ts';
import { openStaffStore } from '../../../electron/core/staff/staff-store.ts';
import type { StaffView } from '../../../shared/staff.ts';
import { OWNER_PIN } from '../../support/sign-in.ts';
import { openTill, startTill } from '../../support/till-calls.ts';

const SAM_PIN = '4242';

it('a deactivated account keeps its PIN: nobody new gets it, and reactivating gives no duplicate', {
  timeout: 60_000,
}, async () => {
  const till = await startTill('pin-reuse-');
  try {
    await till.value('staff.signIn', { pin: OWNER_PIN });
    const sam = await till.value<StaffView>('staff.add', {
      name: 'Sam',
      role: 'cashier',
      pin: SAM_PIN,
      operatorId: '4',
      approverPin: OWNER_PIN,
    });
    await till.value('staff.setActive', { staffId: sam.staffId, active: false, approverPin: OWNER_PIN });
    const add = (pin: string) =>
      till.reasonOf('staff.add', {
        name: 'New',
        role: 'cashier',
        pin,
        operatorId: '5',
        approverPin: OWNER_PIN,
      });
    assert.equal(await add(SAM_PIN), 'pin-taken', "the deactivated Sam's PIN was given to a new cashier");
    assert.equal(await add('4343'), 'ok');
    const newcomer = (await till.value<StaffView[]>('staff.list', {})).find((s) => s.name === 'New');
    assert.ok(newcomer);
    assert.equal(
      await till.reasonOf('staff.setPin', {
        staffId: newcomer.staffId,
        pin: SAM_PIN,
        approverPin: OWNER_PIN,
      }),
      'pin-taken',
    );
    await till.value('staff.setActive', { staffId: sam.staffId, active: true, approverPin: OWNER_PIN });
    await till.value('staff.signOut', {});
    assert.equal((await till.value<StaffView>('staff.signIn', { pin: SAM_PIN })).staffId, sam.staffId);
    assert.equal((await till.value<StaffView>('staff.signIn', { pin: '4343' })).staffId, newcomer.staffId);
  } finally {
    await till.close();
  }
});

it('two active accounts left sharing a PIN from before: neither signs in until one is reset', {
  timeout: 60_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pin-shared-'));
  try {
    const first = await openTill(dir);
    await first.value('staff.signIn', { pin: OWNER_PIN });
    const sam = await first.value<StaffView>('staff.add', {
      name: 'Sam',
      role: 'cashier',
      pin: SAM_PIN,
      operatorId: '4',
      approverPin: OWNER_PIN,
    });
    await first.close();
    // What the old code let happen: a second active account with Sam's PIN.
    const store = openStaffStore(dir, Date.now);
    const twin = store.directory.addHashed({
      name: 'Twin',
      role: 'cashier',
      operatorId: '6',
      pinHash: await hashPin(SAM_PIN),
    });
    store.close();
    const till = await openTill(dir);
    try {
      assert.equal(await till.reasonOf('staff.signIn', { pin: SAM_PIN }), 'pin-shared');
      await till.value('staff.signIn', { pin: OWNER_PIN });
      await till.value('staff.setPin', { staffId: twin.staffId, pin: '6161', approverPin: OWNER_PIN });
      await till.value('staff.signOut', {});
      assert.equal((await till.value<StaffView>('staff.signIn', { pin: SAM_PIN })).staffId, sam.staffId);
      assert.equal((await till.value<StaffView>('staff.signIn', { pin: '6161' })).staffId, twin.staffId);
    } finally {
      await till.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('only an owner deactivates or reactivates a supervisor; a supervisor still manages cashiers', {
  timeout: 60_000,
}, async () => {
  const till = await startTill('supervisor-deactivation-');
  try {
    await till.value('staff.signIn', { pin: OWNER_PIN });
    const add = (name: string, role: string, pin: string) =>
      till.value<StaffView>('staff.add', { name, role, pin, operatorId: '7', approverPin: OWNER_PIN });
    const sue = await add('Sue', 'supervisor', '2468');
    const kim = await add('Kim', 'supervisor', '1357');
    const ana = await add('Ana', 'cashier', '8080');
    await till.value('staff.signIn', { pin: '2468' });
    const setActive = (s: StaffView, active: boolean, approverPin: string) =>
      till.reasonOf('staff.setActive', { staffId: s.staffId, active, approverPin });
    assert.equal(await setActive(kim, false, '2468'), 'role-needed', 'a supervisor removed another');
    assert.equal(await setActive(sue, false, '2468'), 'role-needed');
    assert.equal(await setActive(ana, false, '2468'), 'ok');
    assert.equal(await setActive(ana, true, '2468'), 'ok');
    assert.equal(await setActive(kim, false, OWNER_PIN), 'ok');
    assert.equal(await setActive(kim, true, '2468'), 'role-needed');
    assert.equal(await setActive(kim, true, OWNER_PIN), 'ok');
  } finally {
    await till.close();
  }
});
