// What a till on this platform reads from a feed: the channel file's name (electron-updater's
// naming: latest.yml on Windows, latest-linux.yml on Linux x64, latest-linux-arm64.yml on ARM…) and
// which installer in it is its own (the NSIS .exe, the .deb, or the AppImage).
import { channelFileStem, type UpdateChannel } from '../../../shared/updates/update-status.ts';
import { FeedError, type FeedFile } from './feed-info.ts';

export type InstallerKind = 'exe' | 'deb' | 'AppImage' | 'zip';

export interface FeedTarget {
  platform: NodeJS.Platform;
  arch: string;
  /** How this till was installed: picks the file among the feed's installers. */
  installer: InstallerKind;
}

export function channelFileName(
  channel: UpdateChannel,
  target: Pick<FeedTarget, 'platform' | 'arch'>,
): string {
  const stem = channelFileStem(channel);
  if (target.platform === 'win32') return `${stem}.yml`;
  if (target.platform === 'darwin') return `${stem}-mac.yml`;
  return `${stem}-linux${target.arch === 'x64' ? '' : `-${target.arch}`}.yml`;
}

/**
 * The installer a till of this kind takes from the feed: the files with its extension, the one
 * naming this architecture first (as electron-updater picks).
 */
export function pickInstaller(files: readonly FeedFile[], target: FeedTarget): FeedFile {
  const own = files.filter((f) => f.url.toLowerCase().endsWith(`.${target.installer.toLowerCase()}`));
  const picked = own.find((f) => f.url.includes(target.arch)) ?? own[0];
  if (!picked) throw new FeedError(`the feed offers no .${target.installer} installer`);
  return picked;
}

/**
 * How this copy of the till was installed, from what electron-builder leaves beside it: the
 * `package-type` file in resources (deb), the APPIMAGE variable, or the platform's default.
 */
export function installerKindFor(
  platform: NodeJS.Platform,
  packageType: string | null,
  appImage: boolean,
): InstallerKind {
  if (platform === 'win32') return 'exe';
  if (platform === 'darwin') return 'zip';
  if (appImage) return 'AppImage';
  return packageType?.trim() === 'deb' ? 'deb' : 'AppImage';
}

export function hostTarget(installer?: InstallerKind): FeedTarget {
  return {
    platform: process.platform,
    arch: process.arch,
    installer: installer ?? installerKindFor(process.platform, 'deb', Boolean(process.env.APPIMAGE)),
  };
}
