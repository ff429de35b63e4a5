// What Settings → About shows about updates, and what the cashier's quiet notice reads from. Pure
// data: the core's update service fills it, the renderer words it in the operator's language.
import { z } from 'zod';

export const UPDATE_CHANNELS = ['stable', 'beta'] as const;
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

/** The update settings: where the feed is (empty: no updates) and which channel this till follows. */
export const updateSettingsSchema = z
  .object({
    feedUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
    channel: z.enum(UPDATE_CHANNELS),
  })
  .strict();
export type UpdateSettings = z.infer<typeof updateSettingsSchema>;

export type UpdatePhase =
  /** No feed set: the till never asks. */
  | 'off'
  | 'idle'
  | 'checking'
  | 'up-to-date'
  | 'downloading'
  /** Downloaded and verified: installs at the next idle moment the rules allow. */
  | 'ready'
  | 'installing'
  | 'failed';

export interface UpdateStatus {
  phase: UpdatePhase;
  currentVersion: string;
  channel: UpdateChannel;
  /** Where the feed is (the setting, or the start flag / environment that overrides it). */
  feedUrl: string;
  /** The version the feed offers this till, when newer. */
  offeredVersion: string | null;
  lastCheckAt: number | null;
  /** What the last check or download said, in plain words for support (English, as in the log). */
  lastResult: string | null;
  /** How the install will happen on this platform, and what a person must do if the till cannot. */
  installNote: string | null;
}

/** The channel's feed file prefix in electron-builder's naming: stable is "latest". */
export function channelFileStem(channel: UpdateChannel): string {
  return channel === 'stable' ? 'latest' : 'beta';
}

/** The answer to a supervisor's "Install now". */
export interface UpdateInstallAnswer {
  /** True when the install started (the till restarts into the new version). */
  started: boolean;
  /** Why it waits (it then installs as soon as the till is idle), or why nothing happened. */
  waitingFor: 'payment-in-flight' | 'payment-unresolved' | 'sale-open' | 'nothing-ready' | null;
  status: UpdateStatus;
}
