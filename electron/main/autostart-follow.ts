// Keeps the login item / autostart entry (autostart.ts) in step with the "Start with the computer"
// setting: applied once the core has started, and again whenever the setting changes.
import { homedir } from 'node:os';
import type { PublicSettings } from '../../shared/domain.ts';
import type { TillCore } from '../core/app/till-core.ts';
import type { Logger } from '../core/logging/logger.ts';
import { applyAutostart, autostartCommand, autostartWanted, type LoginItemApp } from './autostart.ts';

export function followAutostartSetting(
  core: Pick<TillCore, 'snapshot' | 'subscribe'>,
  opts: {
    app: LoginItemApp & { isPackaged: boolean; getAppPath(): string };
    kiosk: boolean;
    dataDir: string | null;
    logger: Logger;
  },
): () => void {
  let last: boolean | null = null;
  const apply = (setting: PublicSettings['startWithComputer']) => {
    const wanted = autostartWanted(setting, opts.kiosk);
    if (wanted === last) return;
    last = wanted;
    try {
      const change = applyAutostart(wanted, {
        platform: process.platform,
        command: autostartCommand({
          execPath: process.execPath,
          appImage: process.env.APPIMAGE,
          packaged: opts.app.isPackaged,
          appPath: opts.app.getAppPath(),
          kiosk: opts.kiosk,
          dataDir: opts.dataDir,
          platform: process.platform,
        }),
        app: opts.app,
        env: process.env,
        home: homedir(),
      });
      if (change !== 'unchanged')
        opts.logger.info(`start with the computer: ${wanted ? 'on' : 'off'} (${change})`);
    } catch (err) {
      last = null; // try again on the next change
      opts.logger.error('start with the computer could not be set', { err });
    }
  };
  apply(core.snapshot().settings.startWithComputer);
  return core.subscribe('till', (name, payload) => {
    if (name === 'till.snapshot') apply((payload as { settings: PublicSettings }).settings.startWithComputer);
  });
}
