// `npm start` (after the build): the desktop app when Electron can run here, otherwise one plain line
// saying why and the browser shell instead, whose first lines are `till ready at …` and
// `customer display at …`. A missing Electron binary is first fetched by Electron's own installer
// (electron-fetch.ts), said in one line; a binary that dies as it starts also ends in the browser
// shell (electron-run.ts). Arguments after `npm start --` go to whichever shell starts.
// TILL_ELECTRON_PACKAGE_DIR names another `electron` package folder than node_modules/electron (a
// shared install; the tests use a copy without its binary).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { desktopArgs } from './desktop-args.ts';
import { browserShellArgs, checkDesktop, type DesktopCheck, fallbackLine } from './desktop-check.ts';
import { fetchElectron, fetchTimeoutSeconds } from './electron-fetch.ts';
import { runElectron } from './electron-run.ts';
import { webShellEntry } from './web-shell-entry.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const env = process.env;

function electronDir(): string | null {
  if (env.TILL_ELECTRON_PACKAGE_DIR) return resolve(env.TILL_ELECTRON_PACKAGE_DIR);
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function check(dir: string | null): DesktopCheck {
  return checkDesktop({
    electronDir: dir,
    platform: process.platform,
    env,
    readFile: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null),
    exists: existsSync,
  });
}

/** Signals that arrive while a shell runs go to it; a stop asked for is never a failed start. */
let stopRequested = false;
let forward: ((signal: NodeJS.Signals) => void) | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    stopRequested = true;
    forward?.(signal);
  });

function startBrowserShell(reason: string): void {
  if (stopRequested) return;
  process.stdout.write(`${fallbackLine(reason)}\n`);
  const child = spawn(process.execPath, [webShellEntry(root, existsSync), ...browserShellArgs(args)], {
    cwd: root,
    stdio: 'inherit',
  });
  forward = (signal) => child.kill(signal);
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  child.on('error', (err) => {
    process.stderr.write(`could not start the browser shell: ${err.message}\n`);
    process.exitCode = 1;
  });
}

async function main(): Promise<void> {
  const dir = electronDir();
  let found = check(dir);
  if (!found.ok && found.fetch && dir !== null) {
    const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string })
      .version;
    const timeoutS = fetchTimeoutSeconds(env);
    process.stdout.write(
      `Fetching the Electron ${version} binary for the desktop app (first start only; at most ${timeoutS} s)…\n`,
    );
    const stop = new AbortController();
    forward = () => stop.abort();
    const fetched = await fetchElectron({ electronDir: dir, version, env, timeoutS, signal: stop.signal });
    forward = null;
    found = fetched.ok ? check(dir) : { ok: false, reason: fetched.reason, fetch: false };
  }
  if (!found.ok) return startBrowserShell(found.reason);
  if (stopRequested) return;

  const run = runElectron({
    command: found.electronPath,
    args: desktopArgs(root, args, env, process.platform),
    cwd: root,
    now: () => performance.now(),
    stderr: process.stderr,
  });
  forward = run.kill;
  const outcome = await run.outcome;
  forward = null;
  if (outcome.kind === 'exited' || stopRequested)
    process.exitCode = outcome.kind === 'exited' ? outcome.code : 0;
  else startBrowserShell(outcome.reason);
}

await main();
