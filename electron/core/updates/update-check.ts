// One check of the feed, with the till's rules: an offer counts only when it is newer than this
// version (a feed offering an older or the same version is "up to date": a till never downgrades
// itself), and only when this till is inside the staged rollout.

import { inRollout } from '../../../shared/updates/staging.ts';
import { compareVersions, parseVersion } from '../../../shared/updates/version-order.ts';
import { type FeedRead, type ReadFeedOptions, readFeed } from './read-feed.ts';

export type CheckOutcome =
  | { kind: 'offer'; version: string; feed: FeedRead }
  | { kind: 'up-to-date'; feedVersion: string }
  /** The feed's version is older than this one: refused, never installed. */
  | { kind: 'downgrade-refused'; feedVersion: string }
  /** Newer, but this till is outside the staged rollout for now. */
  | { kind: 'not-yet'; version: string; stagingPercentage: number };

export interface CheckOptions extends ReadFeedOptions {
  currentVersion: string;
  /** meta.till_id; absent (the CLI) means "as a till inside the rollout". */
  tillId?: string;
}

export async function checkFeed(o: CheckOptions): Promise<CheckOutcome> {
  const feed = await readFeed(o);
  return judgeOffer(feed, o.currentVersion, o.tillId);
}

export function judgeOffer(feed: FeedRead, currentVersion: string, tillId?: string): CheckOutcome {
  const current = parseVersion(currentVersion);
  const offered = parseVersion(feed.info.version);
  if (!current) throw new Error(`this till's version is not a semantic version: ${currentVersion}`);
  if (!offered) throw new Error(`the feed's version is not a semantic version: ${feed.info.version}`);
  const order = compareVersions(offered, current);
  if (order === 0) return { kind: 'up-to-date', feedVersion: feed.info.version };
  if (order < 0) return { kind: 'downgrade-refused', feedVersion: feed.info.version };
  const pct = feed.info.stagingPercentage;
  if (tillId !== undefined && pct !== undefined && !inRollout(tillId, pct))
    return { kind: 'not-yet', version: feed.info.version, stagingPercentage: pct };
  return { kind: 'offer', version: feed.info.version, feed };
}
