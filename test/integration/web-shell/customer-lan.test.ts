// The "Browser (LAN)" customer display setting, followed by both shells: choosing it starts a server
// for the tablet, choosing anything else stops it, and the till's own routes stay behind the token.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { createTillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { followCustomerLanSetting } from '../../../electron/web-shell/customer-lan.ts';
import { signIn } from '../../support/sign-in.ts';
import { rawRequest } from './http-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'till-customer-lan-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('serves the customer display while the setting says Browser (LAN), and only then', async () => {
  const renderer = join(dir, 'renderer');
  for (const entry of ['till', 'customer']) {
    mkdirSync(join(renderer, entry), { recursive: true });
    writeFileSync(join(renderer, entry, 'index.html'), `<!doctype html><title>${entry} page</title>`);
  }
  const core = await createTillCore({ dataDir: join(dir, 'data'), secrets: createMemorySecretStore() });
  await signIn(core);
  const reports: string[] = [];
  const lan = followCustomerLanSetting(core, {
    rendererDir: renderer,
    port: 0,
    report: (l) => reports.push(l),
  });
  const display = (customerDisplay: string) =>
    dispatch(core, 'till', 'settings.update', { patch: { customerDisplay }, pin: '1234' });
  try {
    await lan.settled();
    assert.equal(lan.port(), null, 'a new till shows the customer display on a second screen, not the LAN');

    assert.ok((await display('browser')).ok);
    await lan.settled();
    const port = lan.port();
    assert.ok(port !== null && port > 0);
    const page = await rawRequest(port, 'GET', '/customer');
    assert.equal(page.status, 200);
    assert.match(page.body, /customer page/);
    const tillCommand = await rawRequest(port, 'POST', '/api/command/till.snapshot', {
      'Content-Type': 'application/json',
    });
    assert.equal(tillCommand.status, 401, 'no till command without the token nobody is given');
    assert.ok(
      reports.some((r) =>
        /^customer display on the LAN (at http:\/\/\S+:\d+\/customer|: this computer has no LAN address)$/.test(
          r,
        ),
      ),
      reports.join('\n'),
    );

    assert.ok((await display('off')).ok);
    await lan.settled();
    assert.equal(lan.port(), null);
    // A fresh connection (an HTTP agent might reuse the old, now closed, socket): nobody listens.
    await assert.rejects(
      new Promise<void>((resolve, reject) => connect(port, '127.0.0.1', () => resolve()).on('error', reject)),
      /ECONNREFUSED/,
    );
    assert.equal(reports.at(-1), 'customer display no longer on the LAN');
  } finally {
    await lan.close();
    await core.close();
  }
});
