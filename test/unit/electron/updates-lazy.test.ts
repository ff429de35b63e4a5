// Issue 24, §3 (start-up): main makes its update agent before the till window opens, but electron-updater
// (about a third of main's bundle to evaluate) is loaded only at the agent's first check. Until then the
// agent answers without it: no install (nothing can have been downloaded), and it takes the quit setting.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { createLogger } from '../../../electron/core/logging/logger.ts';
import { createElectronUpdateAgent } from '../../../electron/main/updates.ts';

const require = createRequire(import.meta.url);
const updaterLoaded = () => Object.keys(require.cache).some((file) => file.includes('electron-updater'));

test('the update agent is made, asked and told without loading electron-updater', () => {
  const lines: string[] = [];
  const agent = createElectronUpdateAgent({
    platform: 'linux',
    resourcesPath: undefined,
    env: { APPIMAGE: '/opt/till.AppImage' },
    logger: createLogger({ sink: { write: (line: string) => lines.push(line) } }),
  });
  assert.equal(agent.kind, 'AppImage');
  agent.setInstallOnQuit(false);
  assert.equal(agent.install(), false, 'nothing downloaded, nothing to install');
  assert.equal(updaterLoaded(), false, 'electron-updater not loaded before the first check');
});

test('before anything is offered the agent has no install note (it said "null installs…")', () => {
  const logger = createLogger({ sink: { write: () => {} } });
  for (const [platform, env] of [
    ['linux', { APPIMAGE: '/opt/till.AppImage' }],
    ['win32', {}],
  ] as const) {
    const agent = createElectronUpdateAgent({ platform, resourcesPath: undefined, env, logger });
    assert.equal(agent.installNote(), null, `${agent.kind}: ${agent.installNote()}`);
  }
});
