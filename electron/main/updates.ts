// electron-updater as the till's update agent (Electron only; the rules are the core's update
// service). The updater class follows how this copy was installed — the deb (electron-builder's
// `package-type` file in resources), an AppImage (APPIMAGE), the NSIS installer on Windows — and is
// fed at run time with setFeedURL (generic provider, the channel's latest*/beta* file). It never
// downloads or installs on its own: the service asks for each step, and quitting installs only while
// the install gate says the till is idle. Staged rollouts use the till's own id.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppUpdater } from 'electron-updater';
import { inRollout } from '../../shared/updates/staging.ts';
import { compareVersions, parseVersion } from '../../shared/updates/version-order.ts';
import type { Logger } from '../core/logging/index.ts';
import { debInstallNote, debInstallRoute, POLKIT_RULE_FILE } from '../core/updates/deb-install-route.ts';
import { type InstallerKind, installerKindFor } from '../core/updates/feed-target.ts';
import type { AgentCheck, UpdateAgent } from '../core/updates/update-agent.ts';

export interface ElectronAgentOptions {
  platform: NodeJS.Platform;
  /** process.resourcesPath: where electron-builder leaves package-type and app-update.yml. */
  resourcesPath: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  logger: Logger;
}

export function installerKindHere(
  o: Pick<ElectronAgentOptions, 'platform' | 'resourcesPath' | 'env'>,
): InstallerKind {
  let packageType: string | null = null;
  try {
    if (o.resourcesPath) packageType = readFileSync(join(o.resourcesPath, 'package-type'), 'utf8');
  } catch {
    packageType = null;
  }
  return installerKindFor(o.platform, packageType, Boolean(o.env.APPIMAGE));
}

// electron-updater is loaded when the service first needs it (its first check), not with main's bundle:
// evaluating it was about a third of the bundle's load, which the till window waited for at start-up.
async function updaterFor(kind: InstallerKind): Promise<AppUpdater> {
  const { AppImageUpdater, DebUpdater, MacUpdater, NsisUpdater } = await import('electron-updater');
  switch (kind) {
    case 'deb':
      return new DebUpdater();
    case 'exe':
      return new NsisUpdater();
    case 'zip':
      return new MacUpdater();
    case 'AppImage':
      return new AppImageUpdater();
  }
}

export function createElectronUpdateAgent(o: ElectronAgentOptions): UpdateAgent & { kind: InstallerKind } {
  const kind = installerKindHere(o);
  const log = o.logger;
  let offered: string | null = null;
  let tillId: string | null = null;
  let downloadedFile: string | null = null;
  let installOnQuit = true;
  /** The updater once made (nothing can have been downloaded before: install() needs it only then). */
  let made: AppUpdater | null = null;
  let making: Promise<AppUpdater> | null = null;
  const updaterRef = () => {
    making ??= updaterFor(kind).then((u) => {
      configure(u);
      made = u;
      return u;
    });
    return making;
  };
  const configure = (updater: AppUpdater) => {
    updater.logger = {
      info: (m?: unknown) => log.info(`electron-updater: ${String(m)}`),
      warn: (m?: unknown) => log.warn(`electron-updater: ${String(m)}`),
      error: (m?: unknown) => log.error(`electron-updater: ${String(m)}`),
    };
    // The service decides when to download and install; a downgrade is never taken.
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = installOnQuit;
    updater.allowDowngrade = false;
    updater.allowPrerelease = false;
    updater.isUserWithinRollout = (info) => {
      const id = tillId;
      const pct = info.stagingPercentage;
      return id
        ? inRollout(id, pct === undefined ? undefined : Number(pct))
        : pct === undefined || pct >= 100;
    };
    // An 'error' event with no listener would throw; the service reports the failed step itself.
    updater.on('error', (err: Error) => log.warn(`electron-updater error: ${err.message}`));
    updater.on('update-downloaded', (event: { downloadedFile: string }) => {
      downloadedFile = event.downloadedFile;
    });
  };

  const debRoute = () =>
    debInstallRoute({
      uid: process.getuid?.() ?? null,
      pkexec: existsSync('/usr/bin/pkexec'),
      polkitRule: existsSync(POLKIT_RULE_FILE),
      file: downloadedFile ?? '',
    });

  return {
    kind,
    async check(feed): Promise<AgentCheck> {
      tillId = feed.tillId;
      const updater = await updaterRef();
      updater.setFeedURL({
        provider: 'generic',
        url: feed.feedUrl,
        channel: feed.channel === 'stable' ? 'latest' : 'beta',
      });
      // Not packed (npm start): electron-updater would skip the check; a feed that is set is used.
      updater.forceDevUpdateConfig = true;
      const result = await updater.checkForUpdates();
      if (!result) throw new Error(`electron-updater does not update this kind of install (${kind})`);
      const version = result.updateInfo.version;
      if (result.isUpdateAvailable) {
        offered = version;
        return { kind: 'offer', version };
      }
      offered = null;
      const current = parseVersion(updater.currentVersion.version);
      const feedVersion = parseVersion(version);
      const order = current && feedVersion ? compareVersions(feedVersion, current) : 0;
      if (order < 0) return { kind: 'downgrade-refused', feedVersion: version };
      if (order > 0)
        return {
          kind: 'not-yet',
          version,
          stagingPercentage: Number(result.updateInfo.stagingPercentage ?? 100),
        };
      return { kind: 'up-to-date', feedVersion: version };
    },
    async download() {
      if (!offered) throw new Error('nothing offered');
      // electron-updater checks the sha512 while downloading and keeps nothing that does not match.
      await (await updaterRef()).downloadUpdate();
    },
    setInstallOnQuit(allowed) {
      installOnQuit = allowed && !(kind === 'deb' && debRoute().kind === 'notice');
      if (made) made.autoInstallOnAppQuit = installOnQuit;
    },
    install() {
      if (kind === 'deb' && debRoute().kind === 'notice') return false;
      const updater = made;
      if (!updater) return false; // never checked, so nothing downloaded to install
      // Silent (no installer window over the till), and the till starts again in the new version.
      // A failed install is dispatched as an 'error' at once, and then the app does not quit.
      let failed = false;
      const onError = () => {
        failed = true;
      };
      updater.once('error', onError);
      updater.quitAndInstall(true, true);
      updater.off('error', onError);
      return !failed;
    },
    installNote() {
      if (!offered) return null;
      if (kind === 'deb') return debInstallNote(debRoute(), offered);
      if (kind === 'exe')
        return `${offered} installs per user (no administrator prompt) at the next idle moment`;
      if (kind === 'AppImage') return `${offered} replaces the AppImage in place at the next idle moment`;
      return null;
    },
  };
}

/**
 * The core's update options for this process; none (and a log line) when the agent cannot be made. The
 * updater itself is made at the first check: if it cannot be, that check fails and the service says so.
 */
export function electronUpdates(feedOverride: string | null, logger: Logger) {
  try {
    const agent = createElectronUpdateAgent({
      platform: process.platform,
      resourcesPath: process.resourcesPath,
      env: process.env,
      logger: logger.child('updates'),
    });
    return { agent, ...(feedOverride ? { feedOverride } : {}) };
  } catch (err) {
    logger.error(`updates are off: ${(err as Error).message}`);
    return undefined;
  }
}
