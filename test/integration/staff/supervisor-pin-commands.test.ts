// Every command behind a supervisor's PIN takes a supervisor's own, current PIN: the central store's
// credentials and closing a locked till too, not the PIN the till had before staff accounts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { createTillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import type { CommandName } from '../../../shared/contract.ts';
import { OWNER_PIN, signIn } from '../../support/sign-in.ts';

it('store credentials and kiosk quit take the owner’s changed PIN and a supervisor’s own, not the old one', {
  timeout: 30_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'supervisor-pin-'));
  const core = await createTillCore({ dataDir: dir, secrets: createMemorySecretStore() });
  const call = (name: CommandName, payload: unknown) => dispatch(core, 'till', name, payload);
  try {
    await signIn(core);
    const changed = await call('settings.changePin', { oldPin: OWNER_PIN, newPin: '4321' });
    assert.ok(changed.ok, JSON.stringify(changed));
    const added = await call('staff.add', {
      name: 'Sam',
      role: 'supervisor',
      pin: '2468',
      operatorId: '7',
      approverPin: '4321',
    });
    assert.ok(added.ok, JSON.stringify(added));

    const old = await call('settings.setStoreCredentials', { password: 'secret', pin: OWNER_PIN });
    assert.ok(!old.ok, 'the PIN from before the change is refused');
    assert.equal(old.error.code, 'NOT_ALLOWED');
    for (const pin of ['4321', '2468']) {
      const set = await call('settings.setStoreCredentials', { password: 'secret', pin });
      assert.ok(set.ok, `${pin}: ${JSON.stringify(set)}`);
      const quit = await call('shell.quit', { pin });
      assert.ok(quit.ok, `${pin}: ${JSON.stringify(quit)}`);
    }
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
