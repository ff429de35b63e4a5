// `npm start` (after the build): the desktop app when Electron can run here, otherwise one plain line
// saying why and the browser shell instead, whose first lines are `till ready at …` and
// `customer display at …`. Arguments after `npm start --` go to whichever shell starts.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserShellArgs, checkDesktop, fallbackLine } from './desktop-check.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);

function electronDir(): string | null {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

const check = checkDesktop({
  electronDir: electronDir(),
  platform: process.platform,
  env: process.env,
  readFile: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null),
  exists: existsSync,
});

const [command, commandArgs] = check.ok
  ? [check.electronPath, [root, ...args]]
  : [process.execPath, [join(root, 'electron', 'web-shell', 'start.ts'), ...browserShellArgs(args)]];
if (!check.ok) process.stdout.write(`${fallbackLine(check.reason)}\n`);

const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
// Ctrl+C reaches the child through the terminal; a SIGTERM sent to this process is passed on.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
child.on('error', (err) => {
  process.stderr.write(`could not start ${command}: ${err.message}\n`);
  process.exitCode = 1;
});
