// Updates inside the till core (sandbox gateway, real journal, a real feed on loopback; the core's own
// feed agent stands in for electron-updater): the snapshot carries the status, the start option's
// feed wins over the setting, Install now needs a supervisor's PIN, and closing a shift installs the
// downloaded update — but not while a payment is in flight: then it installs once the customer pays.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { createFeedAgent } from '../../../electron/core/updates/feed-agent.ts';
import type { CommandName } from '../../../shared/contract.ts';
import type { AttemptView, TillSnapshot } from '../../../shared/domain.ts';
import type { UpdateStatus } from '../../../shared/updates/update-status.ts';
import { OWNER_PIN, signIn } from '../../support/sign-in.ts';
import { type ServedFeed, serveFeed, writeChannelFile } from '../../support/update-feed.ts';

const DEB = 'ottpay-till_0.2.0_amd64.deb';
let dir = '';
let feed: ServedFeed;
let core: TillCore;
const installed: string[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'core-updates-'));
  mkdirSync(join(dir, 'feed'));
  writeFileSync(join(dir, 'feed', DEB), randomBytes(50_000));
  writeChannelFile(join(dir, 'feed'), 'latest-linux.yml', {
    version: '0.2.0',
    entries: [{ file: join(dir, 'feed', DEB) }],
  });
  feed = await serveFeed(dir);
  core = await createTillCore({
    dataDir: join(dir, 'data'),
    secrets: createMemorySecretStore(),
    appVersion: '0.1.0',
    updates: {
      agent: createFeedAgent({
        currentVersion: '0.1.0',
        target: { platform: 'linux', arch: 'x64', installer: 'deb' },
        downloadDir: join(dir, 'downloads'),
        install: (file) => {
          installed.push(file);
          return true;
        },
      }),
      feedOverride: `${feed.url}feed/`,
    },
  });
  await signIn(core);
});

after(async () => {
  await core.close();
  await feed.close();
  rmSync(dir, { recursive: true, force: true });
});

async function value<T>(name: CommandName, payload: unknown): Promise<T> {
  const r = await dispatch(core, 'till', name, payload);
  assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
  return r.value as T;
}

/** Resolves when a snapshot the till pushes satisfies `test`. */
function snapshotWhere(test: (s: TillSnapshot) => boolean): Promise<TillSnapshot> {
  return new Promise((resolve) => {
    const off = core.subscribe('till', (name, payload) => {
      if (name === 'till.snapshot' && test(payload as TillSnapshot)) {
        off();
        resolve(payload as TillSnapshot);
      }
    });
  });
}

test('the start option’s feed wins over the setting; the snapshot carries the status', async () => {
  await value('settings.update', {
    patch: { updates: { feedUrl: 'https://elsewhere.example/feed/', channel: 'stable' } },
    pin: OWNER_PIN,
  });
  const s = await value<UpdateStatus>('updates.status', {});
  assert.equal(s.feedUrl, `${feed.url}feed/`);
  assert.equal(s.currentVersion, '0.1.0');
  assert.equal(core.snapshot().updates?.feedUrl, `${feed.url}feed/`);
});

test('Install now needs a supervisor’s PIN', async () => {
  const wrong = await dispatch(core, 'till', 'updates.install', { pin: '0000' });
  assert.equal(!wrong.ok && wrong.error.code, 'NOT_ALLOWED');
  assert.deepEqual(installed, []);
});

test('shift close during a payment holds the install; it goes when the customer has paid', async () => {
  const ready = await value<UpdateStatus>('updates.check', {});
  assert.equal(ready.phase, 'ready', JSON.stringify(ready));
  const attempt = await value<AttemptView>('sale.payActive', {
    amountCents: 1500,
    tipCents: 0,
    wallet: 'ALIPAY',
  });
  assert.equal(attempt.state, 'awaiting_customer');
  await value('shift.close', { pin: OWNER_PIN, acknowledgeUnresolved: true });
  assert.deepEqual(installed, [], 'not while the QR is up');
  assert.equal(core.snapshot().updates?.phase, 'ready');

  const installing = snapshotWhere((s) => s.updates?.phase === 'installing');
  const res = await fetch(`${attempt.qr?.payload}/pay`, { method: 'POST' });
  await res.body?.cancel();
  const s = await installing;
  assert.equal(s.sale?.phase, 'paid', 'the payment ended first');
  assert.deepEqual(installed, [join(dir, 'downloads', DEB)]);
});
