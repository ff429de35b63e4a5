// update check: reads an update feed as a till on this platform would, before IT rolls it out.
// Prints `feed offers VERSION` or `up to date`; with --download DIR fetches this platform's installer,
// checks its sha512 and prints `verified FILE`, or exits 1 naming the mismatch and leaving no file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UPDATE_CHANNELS, type UpdateChannel } from '../../../shared/updates/update-status.ts';
import { downloadVerified } from '../../core/updates/download-verified.ts';
import { hostTarget, type InstallerKind } from '../../core/updates/feed-target.ts';
import { readFeed } from '../../core/updates/read-feed.ts';
import { judgeOffer } from '../../core/updates/update-check.ts';

export const summary = 'read an update feed as this till would: update check --feed URL [--download DIR]';

const USAGE = `usage: npm run --silent cli -- update check --feed URL [--download DIR]
  --feed URL         the update folder (electron-builder's generic provider), or TILL_UPDATE_FEED
  --download DIR     fetch this platform's installer into DIR and check its sha512
  --channel stable|beta   default stable (latest*.yml); beta reads beta*.yml
  --current VERSION  judge the feed as a till at VERSION would (default: this checkout's version)
  --installer deb|AppImage|exe   which installer to take (default: deb on Linux, exe on Windows)`;

const INSTALLERS: readonly InstallerKind[] = ['deb', 'AppImage', 'exe', 'zip'];

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'check') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        feed: { type: 'string' },
        download: { type: 'string' },
        channel: { type: 'string' },
        current: { type: 'string' },
        installer: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const feedUrl = str(values.feed) ?? process.env.TILL_UPDATE_FEED;
  const channel = (str(values.channel) ?? 'stable') as UpdateChannel;
  const installer = str(values.installer) as InstallerKind | undefined;
  if (!feedUrl || !UPDATE_CHANNELS.includes(channel) || (installer && !INSTALLERS.includes(installer))) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const currentVersion = str(values.current) ?? ownVersion();
  try {
    const feed = await readFeed({ feedUrl, channel, target: hostTarget(installer) });
    const outcome = judgeOffer(feed, currentVersion);
    if (outcome.kind === 'offer') {
      process.stdout.write(`feed offers ${outcome.version}\n`);
      if (feed.info.stagingPercentage !== undefined)
        process.stderr.write(`staged rollout: ${feed.info.stagingPercentage}% of tills take it for now\n`);
    } else {
      process.stdout.write('up to date\n');
      if (outcome.kind === 'downgrade-refused')
        process.stderr.write(
          `the feed's ${outcome.feedVersion} is older than ${currentVersion}: a till never installs an older version\n`,
        );
    }
    const dir = str(values.download);
    if (dir) {
      const file = await downloadVerified({ file: feed.installer, dir: resolve(dir) });
      process.stdout.write(`verified ${file}\n`);
    }
    return 0;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 1;
  }
}

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** This checkout's version, from the package.json the till is built from. */
function ownVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
