// Reads the channel file from a generic feed (a plain HTTP(S) folder) as a till on this platform
// would: the folder URL gains a trailing slash, the channel file is fetched with a timeout, and the
// installer's URL is resolved against the folder (electron-builder writes bare file names).
import type { UpdateChannel } from '../../../shared/updates/update-status.ts';
import { FeedError, type FeedFile, type FeedInfo, parseFeedInfo } from './feed-info.ts';
import { channelFileName, type FeedTarget, pickInstaller } from './feed-target.ts';

export interface FeedRead {
  info: FeedInfo;
  /** The channel file that was read, e.g. latest-linux.yml. */
  fileName: string;
  /** This till's installer from the feed, with its absolute URL. */
  installer: FeedFile & { href: string };
}

export interface ReadFeedOptions {
  feedUrl: string;
  channel: UpdateChannel;
  target: FeedTarget;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function feedBase(feedUrl: string): URL {
  let base: URL;
  try {
    base = new URL(feedUrl);
  } catch {
    throw new FeedError(`the feed URL is not a URL: ${feedUrl}`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:')
    throw new FeedError(`the feed URL must be http or https: ${feedUrl}`);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  return base;
}

export async function readFeed(o: ReadFeedOptions): Promise<FeedRead> {
  const base = feedBase(o.feedUrl);
  const fileName = channelFileName(o.channel, o.target);
  const url = new URL(fileName, base);
  let res: Response;
  try {
    res = await (o.fetch ?? fetch)(url, {
      signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
      headers: { 'cache-control': 'no-cache' },
    });
  } catch (err) {
    throw new FeedError(`the feed could not be reached at ${url.href}: ${reason(err)}`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FeedError(`the feed answered ${res.status} for ${url.href}`);
  }
  const text = await res.text();
  const info = parseFeedInfo(text, fileName);
  const picked = pickInstaller(info.files, o.target);
  return { info, fileName, installer: { ...picked, href: new URL(picked.url, base).href } };
}

function reason(err: unknown): string {
  const e = err as { cause?: { code?: string; message?: string }; message?: string; name?: string };
  if (e?.name === 'TimeoutError') return 'no answer in time';
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}
