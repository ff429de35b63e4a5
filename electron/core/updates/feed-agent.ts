// An update agent made of the core's own feed reader and verified download: what the CLI does, in
// the agent's shape. Used where electron-updater cannot run (tests of the rules, tools); installing
// is handed to `install`, given the verified file.

import { downloadVerified } from './download-verified.ts';
import type { FeedTarget } from './feed-target.ts';
import type { FeedRead } from './read-feed.ts';
import type { AgentCheck, UpdateAgent } from './update-agent.ts';
import { checkFeed } from './update-check.ts';

export interface FeedAgentOptions {
  currentVersion: string;
  target: FeedTarget;
  downloadDir: string;
  install(file: string): boolean;
}

export function createFeedAgent(o: FeedAgentOptions): UpdateAgent & { downloaded(): string | null } {
  let offered: FeedRead | null = null;
  let file: string | null = null;
  return {
    async check(feed): Promise<AgentCheck> {
      const { tillId, ...where } = feed;
      const outcome = await checkFeed({
        ...where,
        target: o.target,
        currentVersion: o.currentVersion,
        ...(tillId ? { tillId } : {}),
      });
      offered = outcome.kind === 'offer' ? outcome.feed : null;
      if (outcome.kind === 'offer') return { kind: 'offer', version: outcome.version };
      return outcome;
    },
    async download() {
      if (!offered) throw new Error('nothing offered');
      file = await downloadVerified({ file: offered.installer, dir: o.downloadDir });
    },
    setInstallOnQuit() {},
    install: () => (file ? o.install(file) : false),
    installNote: () => null,
    downloaded: () => file,
  };
}
