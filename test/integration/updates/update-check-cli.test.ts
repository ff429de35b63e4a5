// `update check` as IT runs it before a rollout, against a feed folder served over loopback HTTP with
// the channel file electron-builder writes. The installers here are stand-in bytes; the deb feed test
// (deb-feed.test.ts) uses two real builds.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkFeed } from '../../../electron/core/updates/update-check.ts';
import { type ServedFeed, serveFeed, sha512Of, writeChannelFile } from '../../support/update-feed.ts';
import { runCli } from '../cli/run-cli.ts';

let dir = '';
let feed: ServedFeed;
const DEB = 'ottpay-till_0.2.0_amd64.deb';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'update-feed-'));
  mkdirSync(join(dir, 'feed'));
  mkdirSync(join(dir, 'tampered'));
  writeFileSync(join(dir, 'feed', DEB), randomBytes(300_000));
  writeFileSync(join(dir, 'feed', 'OTTPay Till-0.2.0.AppImage'), randomBytes(1000));
  writeChannelFile(join(dir, 'feed'), 'latest-linux.yml', {
    version: '0.2.0',
    entries: [{ file: join(dir, 'feed', DEB) }, { file: join(dir, 'feed', 'OTTPay Till-0.2.0.AppImage') }],
  });
  writeFileSync(join(dir, 'feed', 'latest.yml'), 'version: 0.2.0\npath: OTTPay Till-Setup-0.2.0.exe\n');
  // The feed promises one file and serves another of the same size.
  writeFileSync(join(dir, 'tampered', DEB), randomBytes(300_000));
  writeChannelFile(join(dir, 'tampered'), 'latest-linux.yml', {
    version: '0.2.0',
    entries: [{ file: join(dir, 'tampered', DEB), sha512: sha512Of(join(dir, 'feed', DEB)) }],
  });
  feed = await serveFeed(dir);
});

after(async () => {
  await feed.close();
  rmSync(dir, { recursive: true, force: true });
});

const url = (sub: string) => `${feed.url}${sub}`;

describe('update check (Linux: latest-linux.yml, the deb)', () => {
  test('a newer version: `feed offers VERSION`, read from latest-linux.yml', async () => {
    const before = feed.requests.length;
    const r = await runCli(['update', 'check', '--feed', url('feed'), '--current', '0.1.0']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'feed offers 0.2.0\n');
    assert.deepEqual(feed.requests.slice(before), ['/feed/latest-linux.yml']);
  });

  test('the same or an older version: `up to date`, the older one named as refused', async () => {
    const same = await runCli(['update', 'check', '--feed', url('feed'), '--current', '0.2.0']);
    assert.equal(same.code, 0, same.stderr);
    assert.equal(same.stdout, 'up to date\n');
    const newer = await runCli(['update', 'check', '--feed', url('feed/'), '--current', '0.3.0']);
    assert.equal(newer.stdout, 'up to date\n');
    assert.match(newer.stderr, /0\.2\.0 is older than 0\.3\.0: a till never installs an older version/);
  });

  test('--download: fetches the deb, checks its sha512, prints `verified FILE`', async () => {
    const out = join(dir, 'out-ok');
    const r = await runCli([
      'update',
      'check',
      '--feed',
      url('feed'),
      '--current',
      '0.1.0',
      '--download',
      out,
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `feed offers 0.2.0\nverified ${join(out, DEB)}\n`);
    assert.deepEqual(readdirSync(out), [DEB]);
    assert.equal(sha512Of(join(out, DEB)), sha512Of(join(dir, 'feed', DEB)));
  });

  test('a tampered file: exit 1 naming the sha512 mismatch, and no file left behind', async () => {
    const out = join(dir, 'out-bad');
    const r = await runCli([
      'update',
      'check',
      '--feed',
      url('tampered'),
      '--current',
      '0.1.0',
      '--download',
      out,
    ]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, 'feed offers 0.2.0\n');
    assert.match(
      r.stderr,
      new RegExp(`^sha512 mismatch for ${DEB}: the feed says \\S+, the download has \\S+\\n$`),
    );
    assert.deepEqual(readdirSync(out), [], 'neither the file nor a part file');
  });

  test('a feed that is not there: exit 1 saying what answered; TILL_UPDATE_FEED stands in for --feed', async () => {
    const r = await runCli(['update', 'check', '--feed', url('nothing-here')]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /the feed answered 404 for http:\/\/127\.0\.0\.1:\d+\/nothing-here\/latest-linux\.yml/,
    );
    const env = await runCli(['update', 'check', '--current', '0.1.0'], {
      env: { TILL_UPDATE_FEED: url('feed') },
    });
    assert.equal(env.stdout, 'feed offers 0.2.0\n');
    const usage = await runCli(['update', 'check'], { env: { TILL_UPDATE_FEED: '' } });
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--feed URL/);
  });
});

test('--installer exe reads the feed as a Windows till takes it (the feed here names no checksum: refused)', async () => {
  const r = await runCli([
    'update',
    'check',
    '--feed',
    url('feed'),
    '--current',
    '0.1.0',
    '--installer',
    'exe',
  ]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, process.platform === 'linux' ? /no \.exe installer/ : /names no installer/);
});

test('staged rollout: a till outside the percentage is told "not yet", one inside gets the offer', async () => {
  writeChannelFile(join(dir, 'feed'), 'beta-linux.yml', {
    version: '0.3.0-beta.1',
    entries: [{ file: join(dir, 'feed', DEB) }],
    stagingPercentage: 10,
  });
  const common = {
    feedUrl: url('feed'),
    channel: 'beta' as const,
    target: { platform: 'linux' as const, arch: 'x64', installer: 'deb' as const },
    currentVersion: '0.2.0',
  };
  const early = await checkFeed({ ...common, tillId: `${'1'.repeat(24)}0a3d70a3` });
  assert.equal(early.kind, 'offer');
  const late = await checkFeed({ ...common, tillId: `${'1'.repeat(24)}e6666666` });
  assert.deepEqual(late, { kind: 'not-yet', version: '0.3.0-beta.1', stagingPercentage: 10 });
});
