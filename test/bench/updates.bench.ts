// Updates: the cost of one check (fetch latest-linux.yml over loopback HTTP + parse + judge) against
// the floor of fetching the same file, and of downloading + verifying a 100 MB installer (streamed
// sha512, written to a part file, renamed) against the floor of reading and hashing that file from disk.
// `npm run bench -- updates [--mb 100] [--checks 200] [--rounds 3]`.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { downloadVerified } from '../../electron/core/updates/download-verified.ts';
import { checkFeed } from '../../electron/core/updates/update-check.ts';
import { serveFeed, sha512Of, writeChannelFile } from '../support/update-feed.ts';
import { fmt, msSince, percentile, spread } from './bench-support.ts';

const { values } = parseArgs({
  options: { mb: { type: 'string' }, checks: { type: 'string' }, rounds: { type: 'string' } },
  strict: false,
});
const MB = Number(values.mb ?? 100);
const CHECKS = Number(values.checks ?? 200);
const ROUNDS = Number(values.rounds ?? 3);

const dir = mkdtempSync(join(tmpdir(), 'updates-bench-'));
const deb = join(dir, 'feed', 'ottpay-till_9.0.0_amd64.deb');
try {
  // The installer: MB of random bytes, written once in 1 MiB pieces.
  mkdirSync(join(dir, 'feed'));
  const fd = openSync(deb, 'w');
  for (let i = 0; i < MB; i++) writeSync(fd, randomBytes(1 << 20));
  closeSync(fd);
  writeChannelFile(join(dir, 'feed'), 'latest-linux.yml', { version: '9.0.0', entries: [{ file: deb }] });
  const feed = await serveFeed(dir);
  const feedUrl = `${feed.url}feed/`;
  const target = { platform: 'linux' as const, arch: 'x64', installer: 'deb' as const };

  // A check against the floor of the plain GET of the same file, interleaved.
  const floorGet: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < CHECKS; i++) {
    let t = process.hrtime.bigint();
    await (await fetch(`${feedUrl}latest-linux.yml`)).text();
    floorGet.push(msSince(t));
    t = process.hrtime.bigint();
    const outcome = await checkFeed({ feedUrl, channel: 'stable', target, currentVersion: '0.1.0' });
    check.push(msSince(t));
    if (outcome.kind !== 'offer') throw new Error('the bench feed must offer 9.0.0');
  }
  const p50f = percentile(floorGet, 50);
  const p50c = percentile(check, 50);
  console.log(`check (fetch + parse + judge), ${CHECKS} runs: ${spread(check)}`);
  console.log(`  floor (GET of the same latest-linux.yml): p50 ${fmt(p50f)} ms — ratio ${fmt(p50c / p50f)}×`);

  // Verify a MB download against reading + hashing the file from disk.
  const expected = sha512Of(deb);
  const floor: number[] = [];
  const copyFloor: number[] = [];
  const verify: number[] = [];
  const buf = Buffer.allocUnsafe(1 << 20);
  for (let r = 0; r < ROUNDS; r++) {
    let t = process.hrtime.bigint();
    const hash = createHash('sha512');
    const rfd = openSync(deb, 'r');
    for (let n = readSync(rfd, buf); n > 0; n = readSync(rfd, buf)) hash.update(buf.subarray(0, n));
    closeSync(rfd);
    if (hash.digest('base64') !== expected) throw new Error('floor hash differs');
    floor.push(msSince(t));
    // A second floor: the same read + hash, also writing the copy (the download writes the file too).
    t = process.hrtime.bigint();
    const copy = createHash('sha512');
    const src = openSync(deb, 'r');
    const dst = openSync(join(dir, 'copy'), 'w');
    for (let n = readSync(src, buf); n > 0; n = readSync(src, buf)) {
      copy.update(buf.subarray(0, n));
      writeSync(dst, buf, 0, n);
    }
    closeSync(src);
    closeSync(dst);
    copy.digest('base64');
    copyFloor.push(msSince(t));
    rmSync(join(dir, 'copy'));
    const out = join(dir, `out-${r}`);
    t = process.hrtime.bigint();
    await downloadVerified({
      file: { url: 'x', sha512: expected, href: `${feedUrl}ottpay-till_9.0.0_amd64.deb` },
      dir: out,
    });
    verify.push(msSince(t));
    rmSync(out, { recursive: true, force: true });
  }
  const mf = percentile(floor, 50);
  const mv = percentile(verify, 50);
  console.log(
    `download + verify ${MB} MB over loopback, ${ROUNDS} rounds: median ${fmt(mv)} ms (${fmt((MB / mv) * 1000)} MB/s)`,
  );
  const mc = percentile(copyFloor, 50);
  console.log(
    `  floor with the write (read + sha512 + write a copy): median ${fmt(mc)} ms (${fmt((MB / mc) * 1000)} MB/s) — ratio ${fmt(mv / mc)}×`,
  );
  console.log(
    `  floor (read + sha512 of the same file): median ${fmt(mf)} ms (${fmt((MB / mf) * 1000)} MB/s) — ratio ${fmt(mv / mf)}×`,
  );
  await feed.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
