// The till's update rules around an agent (electron-updater in the shell): check at start and every
// few hours (backing off while the feed is down), download in the background, and install only when
// the gate says the till is idle — at shift close, on quit, or when a supervisor asks. An install
// asked for while money is in the air waits and happens when the payment ends. Everything Settings →
// About shows is kept here.
import { CHECK_INTERVAL_MS, nextCheckDelay } from '../../../shared/updates/check-schedule.ts';
import {
  type InstallVerdict,
  mayInstallNow,
  type TillActivity,
} from '../../../shared/updates/install-gate.ts';
import type { UpdateChannel, UpdateStatus } from '../../../shared/updates/update-status.ts';
import type { Clock, TimerHandle } from '../clock.ts';
import type { AgentCheck, UpdateAgent } from './update-agent.ts';

export type InstallTrigger = 'shift-close' | 'supervisor' | 'quit';

export interface UpdateServiceOptions {
  agent: UpdateAgent;
  clock: Clock;
  currentVersion: string;
  /** The feed in effect: the start flag or environment first, else the setting. */
  feed(): { feedUrl: string; channel: UpdateChannel };
  activity(): TillActivity;
  /** meta.till_id: the till's place in a staged rollout. */
  tillId?(): string | null;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  onStatus?(status: UpdateStatus): void;
}

export interface UpdateService {
  status(): UpdateStatus;
  start(): void;
  checkNow(): Promise<UpdateStatus>;
  /** Installs now when the till is idle; otherwise remembers the request and installs when it is. */
  requestInstall(trigger: InstallTrigger): InstallVerdict | { ok: false; reason: 'nothing-ready' };
  /** Payments or the sale changed: a waiting install may go, and quitting may (not) install. */
  activityChanged(): void;
  stop(): void;
}

export function createUpdateService(o: UpdateServiceOptions): UpdateService {
  let phase: UpdateStatus['phase'] = 'idle';
  let offeredVersion: string | null = null;
  let lastCheckAt: number | null = null;
  let lastResult: string | null = null;
  let failures = 0;
  let timer: TimerHandle | null = null;
  let running: Promise<UpdateStatus> | null = null;
  let pendingInstall: InstallTrigger | null = null;
  let stopped = false;

  const status = (): UpdateStatus => {
    const { feedUrl, channel } = o.feed();
    return {
      phase: feedUrl === '' ? 'off' : phase,
      currentVersion: o.currentVersion,
      channel,
      feedUrl,
      offeredVersion,
      lastCheckAt,
      lastResult,
      installNote: phase === 'ready' ? o.agent.installNote() : null,
    };
  };
  const changed = () => o.onStatus?.(status());

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer !== null) o.clock.clearTimeout(timer);
    timer = o.clock.setTimeout(() => {
      timer = null;
      void checkNow();
    }, ms);
  };

  async function runCheck(): Promise<UpdateStatus> {
    const feed = o.feed();
    if (feed.feedUrl === '') return status();
    // A downloaded update stays ready; the feed is asked again only after it is installed.
    if (phase === 'ready' || phase === 'installing') return status();
    phase = 'checking';
    changed();
    let outcome: AgentCheck;
    try {
      outcome = await o.agent.check({ ...feed, tillId: o.tillId?.() ?? null });
    } catch (err) {
      failures++;
      phase = 'failed';
      lastCheckAt = o.clock.now();
      lastResult = `check failed: ${messageOf(err)}`;
      o.log(
        'warn',
        `update ${lastResult} (next try in ${Math.round(nextCheckDelay(failures) / 60_000)} min)`,
      );
      schedule(nextCheckDelay(failures));
      changed();
      return status();
    }
    failures = 0;
    lastCheckAt = o.clock.now();
    schedule(CHECK_INTERVAL_MS);
    if (outcome.kind !== 'offer') {
      phase = 'up-to-date';
      offeredVersion = null;
      lastResult = describe(outcome, o.currentVersion);
      o.log('info', `update check: ${lastResult}`);
      changed();
      return status();
    }
    phase = 'downloading';
    offeredVersion = outcome.version;
    lastResult = `downloading ${outcome.version}`;
    o.log('info', `update check: the feed offers ${outcome.version}; downloading`);
    changed();
    try {
      await o.agent.download();
    } catch (err) {
      phase = 'failed';
      lastResult = `download of ${outcome.version} failed and was thrown away: ${messageOf(err)}`;
      o.log('error', `update ${lastResult}`);
      changed();
      return status();
    }
    phase = 'ready';
    lastResult = `${outcome.version} downloaded and verified`;
    o.log(
      'info',
      `update ${lastResult}; installs at the next idle moment (shift close, quit, or Install now)`,
    );
    const note = o.agent.installNote();
    if (note) o.log('warn', `update: ${note}`);
    activityChanged();
    changed();
    return status();
  }

  function checkNow(): Promise<UpdateStatus> {
    running ??= runCheck().finally(() => {
      running = null;
    });
    return running;
  }

  function install(trigger: InstallTrigger): void {
    pendingInstall = null;
    phase = 'installing';
    lastResult = `installing ${offeredVersion} (${trigger})`;
    o.log('info', `update: ${lastResult}`);
    changed();
    if (!o.agent.install()) {
      phase = 'ready';
      lastResult = `${offeredVersion} could not be installed by the till`;
      o.log('error', `update: ${lastResult}`);
      changed();
    }
  }

  function activityChanged(): void {
    if (phase !== 'ready') return;
    const verdict = mayInstallNow(o.activity());
    o.agent.setInstallOnQuit(verdict.ok);
    if (verdict.ok && pendingInstall) install(pendingInstall);
  }

  return {
    status,
    start() {
      stopped = false;
      schedule(0);
    },
    checkNow,
    requestInstall(trigger) {
      if (phase !== 'ready') return { ok: false, reason: 'nothing-ready' };
      const verdict = mayInstallNow(o.activity());
      if (verdict.ok) install(trigger);
      else {
        pendingInstall = trigger;
        o.log('info', `update: install (${trigger}) waits: ${verdict.reason}`);
        o.agent.setInstallOnQuit(false);
      }
      return verdict;
    },
    activityChanged,
    stop() {
      stopped = true;
      if (timer !== null) o.clock.clearTimeout(timer);
      timer = null;
    },
  };
}

function describe(outcome: Exclude<AgentCheck, { kind: 'offer' }>, current: string): string {
  switch (outcome.kind) {
    case 'up-to-date':
      return `up to date (${current})`;
    case 'downgrade-refused':
      return `up to date: the feed's ${outcome.feedVersion} is older than ${current} and is not installed`;
    case 'not-yet':
      return `${outcome.version} is rolling out to ${outcome.stagingPercentage}% of tills; this till is not among them yet`;
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
