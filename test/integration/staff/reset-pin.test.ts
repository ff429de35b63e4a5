// Resetting a forgotten PIN (staff.setPin) through the till core: a supervisor resets a cashier's PIN,
// the cashier then signs in with the new PIN and not the old; a cashier cannot reset, a supervisor
// cannot reset the owner's, a PIN another account holds is refused, and the reset is journaled
// without the PIN.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import Database from 'better-sqlite3';
import { createTillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { SANDBOX_JOURNAL_FILE } from '../../../electron/core/journal/journal-files.ts';
import type { CommandName } from '../../../shared/contract.ts';
import type { StaffView } from '../../../shared/staff.ts';
import { OWNER_PIN, signIn } from '../../support/sign-in.ts';

it('a supervisor resets a cashier’s PIN; cashiers and supervisors cannot reset above them', {
  timeout: 30_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reset-pin-'));
  const core = await createTillCore({ dataDir: dir, secrets: createMemorySecretStore() });
  const call = (name: CommandName, payload: unknown) => dispatch(core, 'till', name, payload);
  async function value<T>(name: CommandName, payload: unknown): Promise<T> {
    const r = await call(name, payload);
    assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
    return r.value as T;
  }
  async function refused(name: CommandName, payload: unknown, reason: string): Promise<void> {
    const r = await call(name, payload);
    assert.ok(!r.ok, `${name} should be refused`);
    assert.equal((r.error as { reason?: string }).reason, reason, JSON.stringify(r.error));
  }
  try {
    await signIn(core);
    const owner = (await value<StaffView[]>('staff.list', {})).find((s) => s.role === 'owner') as StaffView;
    const sam = await value<StaffView>('staff.add', {
      name: 'Sam',
      role: 'supervisor',
      pin: '2222',
      operatorId: '7',
      approverPin: OWNER_PIN,
    });
    const ana = await value<StaffView>('staff.add', {
      name: 'Ana',
      role: 'cashier',
      pin: '3333',
      operatorId: '8',
      approverPin: '2222',
    });
    const bo = await value<StaffView>('staff.add', {
      name: 'Bo',
      role: 'cashier',
      pin: '4444',
      operatorId: '9',
      approverPin: '2222',
    });

    // A supervisor resets a cashier's PIN: the new one signs her in, the old one no longer does.
    await value('staff.setPin', { staffId: ana.staffId, pin: '3939', approverPin: '2222' });
    await value('staff.signOut', {});
    await refused('staff.signIn', { pin: '3333' }, 'pin-wrong');
    assert.equal((await value<StaffView>('staff.signIn', { pin: '3939' })).staffId, ana.staffId);

    // A cashier's PIN approves no reset, not even of another cashier.
    await refused('staff.setPin', { staffId: bo.staffId, pin: '4545', approverPin: '3939' }, 'role-needed');
    // A supervisor cannot reset the owner's PIN, nor another supervisor's; their own, yes.
    await refused(
      'staff.setPin',
      { staffId: owner.staffId, pin: '1212', approverPin: '2222' },
      'role-needed',
    );
    const kim = await value<StaffView>('staff.add', {
      name: 'Kim',
      role: 'supervisor',
      pin: '5656',
      operatorId: '10',
      approverPin: OWNER_PIN,
    });
    await refused('staff.setPin', { staffId: kim.staffId, pin: '5757', approverPin: '2222' }, 'role-needed');
    await value('staff.setPin', { staffId: sam.staffId, pin: '2323', approverPin: '2222' });
    // The owner resets a supervisor's.
    await value('staff.setPin', { staffId: kim.staffId, pin: '5757', approverPin: OWNER_PIN });
    // A PIN another account holds is refused (PINs are unique per till), and nothing changed.
    await refused('staff.setPin', { staffId: bo.staffId, pin: '3939', approverPin: '2323' }, 'pin-taken');
    await value('staff.signOut', {});
    assert.equal((await value<StaffView>('staff.signIn', { pin: '4444' })).staffId, bo.staffId);
    assert.equal((await value<StaffView>('staff.signIn', { pin: '2323' })).staffId, sam.staffId);
    assert.equal((await value<StaffView>('staff.signIn', { pin: '5757' })).staffId, kim.staffId);

    // Each reset is journaled, with whose PIN and who approved, never the PIN itself.
    const db = new Database(join(dir, SANDBOX_JOURNAL_FILE), { readonly: true });
    try {
      const resets = db
        .prepare(
          "SELECT entity_id AS id, approver_id AS by, detail FROM events WHERE type = 'pin.reset' ORDER BY seq",
        )
        .all() as Array<{ id: string; by: number | string; detail: string }>;
      assert.deepEqual(
        resets.map((r) => [r.id, String(r.by)]),
        [
          [`staff:${ana.staffId}`, sam.staffId],
          [`staff:${sam.staffId}`, sam.staffId],
          [`staff:${kim.staffId}`, owner.staffId],
        ],
      );
      for (const r of resets) assert.doesNotMatch(r.detail, /3939|2323|5757/);
    } finally {
      db.close();
    }
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
