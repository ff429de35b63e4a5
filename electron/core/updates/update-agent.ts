// What fetches, verifies and installs an update, behind one small interface: in the Electron shell
// electron-updater (electron/main/updates.ts); in tests and tools anything else that keeps the same
// promises. The update service decides when; the agent only does.
import type { UpdateChannel } from '../../../shared/updates/update-status.ts';

export type AgentCheck =
  | { kind: 'offer'; version: string }
  | { kind: 'up-to-date'; feedVersion: string }
  | { kind: 'downgrade-refused'; feedVersion: string }
  | { kind: 'not-yet'; version: string; stagingPercentage: number };

export interface UpdateAgent {
  /** Reads the feed; never downloads. */
  check(feed: { feedUrl: string; channel: UpdateChannel; tillId: string | null }): Promise<AgentCheck>;
  /** Downloads the offered version and verifies it; rejects (keeping nothing) when it does not verify. */
  download(): Promise<void>;
  /** Whether quitting may install the downloaded update (the service keeps this in step with the gate). */
  setInstallOnQuit(allowed: boolean): void;
  /** Installs the downloaded update now (the app quits and restarts); false when it could not start. */
  install(): boolean;
  /** How the install happens on this platform, or what a person must do (deb without root or a policy). */
  installNote(): string | null;
}
