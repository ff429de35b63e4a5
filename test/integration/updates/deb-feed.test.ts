// The update path end to end on a real feed: two builds of the deb by `npm run dist:deb` (its script,
// over the built dist/) at 0.1.0 and 0.2.0, each folder served over loopback HTTP with the
// latest-linux.yml electron-builder wrote beside it. The app is the real composition root under the
// stand-in 'electron' (boot-main.ts) at version 0.1.5, running electron-updater's DebUpdater (picked
// from the package-type file electron-builder put in the deb's resources). It refuses the older
// feed, throws away a tampered download, downloads and verifies the newer one, holds the install
// while a payment is in flight and installs when it ends: as root the deb is really installed (and
// removed afterwards); otherwise the till names the apt command and installs nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { UpdateInstallAnswer, UpdateStatus } from '../../../shared/updates/update-status.ts';
import { takeSystemPackage } from '../../support/system-package-lock.ts';
import { type ServedFeed, serveFeed } from '../../support/update-feed.ts';
import { type BootedMain, bootMain } from '../../unit/electron/boot-main.ts';
import { REPO_ROOT } from '../cli/run-cli.ts';

const TILL_URL = 'app://till/till/index.html';
const PIN = '1234';
const asRoot = process.getuid?.() === 0;
const INSTALLED_ASAR = '/opt/OTTPay Till/resources/app.asar';

let root = '';
let feed: ServedFeed;
let booted: BootedMain;
let installedByUs = false;
const saved = {
  resourcesPath: (process as { resourcesPath?: string }).resourcesPath,
  cache: process.env.XDG_CACHE_HOME,
};

function distDeb(version: string): string {
  const out = join(root, `build-${version}`);
  const r = spawnSync(
    process.execPath,
    ['build/scripts/deb/dist-deb.ts', '--output', out, `-c.extraMetadata.version=${version}`],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, `dist:deb ${version}: ${r.stdout}\n${r.stderr}`);
  return out;
}

function feedFolder(name: string, build: string, tamper = false): void {
  const dir = join(root, 'feeds', name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(build, 'latest-linux.yml'), join(dir, 'latest-linux.yml'));
  for (const f of readdirSync(build).filter((f) => f.endsWith('.deb'))) {
    const bytes = readFileSync(join(build, f));
    if (tamper) bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff; // same size, other bytes
    writeFileSync(join(dir, f), bytes);
  }
}

const sha = (file: string) => createHash('sha512').update(readFileSync(file)).digest('base64');
const installedVersion = () =>
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax
  spawnSync('dpkg-query', ['-W', '-f=${Version}', 'ottpay-till'], { encoding: 'utf8' }).stdout.trim();
const pendingDir = () => join(root, 'cache', 'ottpay-till-updater', 'pending');
const pendingDebs = () =>
  existsSync(pendingDir()) ? readdirSync(pendingDir()).filter((f) => f.endsWith('.deb')) : [];

/** The customer pays on the sandbox wallet page the QR leads to; the till learns it from the gateway. */
async function customerPays(qrPayload: string | undefined): Promise<void> {
  assert.ok(qrPayload?.startsWith('http://127.0.0.1:'), `a sandbox wallet page: ${qrPayload}`);
  const res = await fetch(`${qrPayload}/pay`, { method: 'POST' });
  await res.body?.cancel();
  assert.ok(res.status < 400, `paid on the wallet page: ${res.status}`);
}

async function call<T>(name: string, payload: unknown): Promise<T> {
  const till = booted.fake.windows[0];
  assert.ok(till);
  const r = await booted.invoke(till.webContents, TILL_URL, name, payload);
  assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
  return r.value as T;
}
const useFeed = (name: string) =>
  call('settings.update', {
    patch: { updates: { feedUrl: `${feed.url}${name}/`, channel: 'stable' } },
    pin: PIN,
  });

let giveBackPackage: () => void = () => {};

before(async () => {
  giveBackPackage = await takeSystemPackage();
  root = mkdtempSync(join(tmpdir(), 'deb-feed-'));
  const older = distDeb('0.1.0');
  const newer = distDeb('0.2.0');
  feedFolder('older', older);
  feedFolder('newer', newer);
  feedFolder('tampered', newer, true);
  feed = await serveFeed(join(root, 'feeds'));
  // As the installed 0.1.x deb: its resources (package-type: deb, app-update.yml) beside the app.
  (process as { resourcesPath?: string }).resourcesPath = join(older, 'linux-unpacked', 'resources');
  process.env.XDG_CACHE_HOME = join(root, 'cache');
  booted = await bootMain({ version: '0.1.5' });
  await call('staff.signIn', { pin: PIN }); // a locked till takes no settings nor payments
});

after(async () => {
  await booted?.dispose();
  await feed?.close();
  (process as { resourcesPath?: string }).resourcesPath = saved.resourcesPath;
  if (saved.cache === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = saved.cache;
  if (installedByUs) spawnSync('dpkg', ['--purge', 'ottpay-till'], { stdio: 'ignore' });
  rmSync(root, { recursive: true, force: true });
  giveBackPackage();
});

test('the feed is what electron-builder wrote: latest-linux.yml naming the deb with its sha512 and size', () => {
  const yml = readFileSync(join(root, 'feeds', 'newer', 'latest-linux.yml'), 'utf8');
  assert.match(
    yml,
    /^version: 0\.2\.0\nfiles:\n {2}- url: ottpay-till_0\.2\.0_amd64\.deb\n {4}sha512: \S{88}\n {4}size: \d+\n/,
  );
  assert.ok(yml.includes(`sha512: ${sha(join(root, 'feeds', 'newer', 'ottpay-till_0.2.0_amd64.deb'))}`));
});

test('an older version on the feed is refused: up to date, nothing downloaded', async () => {
  await useFeed('older');
  const s = await call<UpdateStatus>('updates.check', {});
  assert.equal(s.phase, 'up-to-date', JSON.stringify(s));
  assert.equal(s.lastResult, "up to date: the feed's 0.1.0 is older than 0.1.5 and is not installed");
  assert.deepEqual(pendingDebs(), []);
});

test('a tampered deb fails its sha512 and is thrown away, said in the status', async () => {
  await useFeed('tampered');
  const s = await call<UpdateStatus>('updates.check', {});
  assert.equal(s.phase, 'failed', JSON.stringify(s));
  assert.match(
    s.lastResult ?? '',
    /^download of 0\.2\.0 failed and was thrown away: .*sha512 checksum mismatch/,
  );
  assert.deepEqual(pendingDebs(), [], 'nothing half-downloaded is kept');
});

test('the newer version is found, downloaded and verified by electron-updater', async () => {
  await useFeed('newer');
  const s = await call<UpdateStatus>('updates.check', {});
  assert.equal(s.phase, 'ready', JSON.stringify(s));
  assert.equal(s.offeredVersion, '0.2.0');
  assert.deepEqual(pendingDebs(), ['ottpay-till_0.2.0_amd64.deb']);
  assert.equal(
    sha(join(pendingDir(), 'ottpay-till_0.2.0_amd64.deb')),
    sha(join(root, 'feeds', 'newer', 'ottpay-till_0.2.0_amd64.deb')),
  );
  assert.match(
    s.installNote ?? '',
    asRoot
      ? /^0\.2\.0 installs with dpkg \(the till runs as root\)/
      : /install it with: sudo apt install \S+ottpay-till_0\.2\.0_amd64\.deb$/,
  );
});

test('Install now during a payment waits; the install happens when the payment ends', async () => {
  const versionBefore = installedVersion();
  const attempt = await call<{ state: string; qr: { payload: string } | null }>('sale.payActive', {
    amountCents: 1234,
    tipCents: 0,
    wallet: 'WECHATPAY',
  });
  assert.equal(attempt.state, 'awaiting_customer');
  const answer = await call<UpdateInstallAnswer>('updates.install', { pin: PIN });
  assert.deepEqual(
    [answer.started, answer.waitingFor, answer.status.phase],
    [false, 'payment-in-flight', 'ready'],
  );
  assert.equal(installedVersion(), versionBefore, 'nothing installed while the QR is up');

  if (asRoot) {
    const quit = once(booted.fake.events, 'quit');
    const relaunch = once(booted.fake.events, 'relaunch');
    installedByUs = true;
    await customerPays(attempt.qr?.payload);
    await Promise.all([quit, relaunch]);
    assert.equal(installedVersion(), '0.2.0');
    assert.equal(
      sha(INSTALLED_ASAR),
      sha(join(root, 'build-0.2.0', 'linux-unpacked', 'resources', 'app.asar')),
      'the installed app is the new version’s',
    );
  } else {
    await customerPays(attempt.qr?.payload);
    // Each snapshot the till window gets carries the update status: wait for the attempt's end.
    const contents = booted.fake.windows[0]?.webContents;
    assert.ok(contents);
    let s = await call<UpdateStatus>('updates.status', {});
    while (s.lastResult === '0.2.0 downloaded and verified') {
      await once(contents, 'sent');
      s = await call<UpdateStatus>('updates.status', {});
    }
    assert.equal(s.lastResult, '0.2.0 could not be installed by the till');
    assert.equal(installedVersion(), versionBefore);
  }
});
