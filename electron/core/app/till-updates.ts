// Updates in the till core: the update service fed by the till's own state (settings, the start
// flag or environment that overrides the feed, the payments for the install gate, shift close) and
// the three commands Settings → About uses. Without an agent (the browser shell) there is no service
// and no `updates` in the snapshot.

import type { TillSnapshot } from '../../../shared/domain.ts';
import { AppError } from '../../../shared/result.ts';
import { tillActivity } from '../../../shared/updates/till-activity.ts';
import type { UpdateInstallAnswer, UpdateStatus } from '../../../shared/updates/update-status.ts';
import type { Clock } from '../clock.ts';
import type { StoredSettings } from '../config/defaults.ts';
import { readTillId } from '../journal/till-id.ts';
import type { Logger } from '../logging/index.ts';
import type { UpdateAgent } from '../updates/update-agent.ts';
import { createUpdateService, type UpdateService } from '../updates/update-service.ts';
import type { CoreContext } from './core-context.ts';
import type { HandlerGroup } from './handler-types.ts';

export interface TillUpdatesOptions {
  agent: UpdateAgent;
  /** `--update-feed URL` or TILL_UPDATE_FEED: wins over the setting while given. */
  feedOverride?: string;
}

export interface TillUpdates {
  service: UpdateService | null;
  status(): UpdateStatus | undefined;
}

export function createTillUpdates(o: {
  options: TillUpdatesOptions | undefined;
  currentVersion: string;
  clock: Clock;
  logger: Logger;
  settings(): StoredSettings;
  snapshot(): Pick<TillSnapshot, 'sale' | 'attention' | 'background'>;
  changed(): void;
  /** The live journal, whose meta.till_id places this till in staged rollouts. */
  journalFile: string;
}): TillUpdates {
  if (!o.options) return { service: null, status: () => undefined };
  const log = o.logger.child('updates');
  const override = o.options.feedOverride?.trim() ?? '';
  let tillId: string | null = null;
  const service = createUpdateService({
    agent: o.options.agent,
    clock: o.clock,
    currentVersion: o.currentVersion,
    feed: () => {
      const s = o.settings().updates;
      return { feedUrl: override || s.feedUrl, channel: s.channel };
    },
    activity: () => tillActivity(o.snapshot()),
    tillId: () => {
      tillId ??= readTillId(o.journalFile);
      return tillId;
    },
    log: (level, message) => log[level](message),
    onStatus: () => o.changed(),
  });
  return { service, status: () => service.status() };
}

export function updateHandlers(
  ctx: CoreContext,
  updates: TillUpdates,
): HandlerGroup<'updates.status' | 'updates.check' | 'updates.install'> {
  const service = () => {
    if (!updates.service)
      throw new AppError(
        'NOT_ALLOWED',
        'This till updates through its desktop app; the browser till does not.',
      );
    return updates.service;
  };
  return {
    'updates.status': async () => service().status(),
    'updates.check': async () => service().checkNow(),
    'updates.install': async ({ pin }): Promise<UpdateInstallAnswer> => {
      const by = await ctx.staff.approve(pin);
      ctx.logger.info(`staff ${by.staffId} asked to install the update now`);
      const verdict = service().requestInstall('supervisor');
      return {
        started: verdict.ok,
        waitingFor: verdict.ok ? null : verdict.reason,
        status: service().status(),
      };
    },
  };
}
