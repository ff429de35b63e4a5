// Fetches the missing Electron binary with Electron's own installer (node_modules/electron/install.js,
// which index.js runs on first use since Electron 42): it honours ELECTRON_MIRROR,
// ELECTRON_CUSTOM_DIR and the other @electron/get variables, checks the zip against the package's
// checksums.json, and writes path.txt last, so an interrupted fetch is simply retried next time.
// Here it is bounded in time and its stack trace becomes one plain reason.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export type FetchResult = { ok: true } | { ok: false; reason: string };

/** 5 minutes: Electron's linux-x64 zip is about 110 MB. TILL_ELECTRON_FETCH_TIMEOUT_S changes it. */
export const DEFAULT_FETCH_TIMEOUT_S = 300;

export function fetchTimeoutSeconds(env: Readonly<Record<string, string | undefined>>): number {
  const given = Number(env.TILL_ELECTRON_FETCH_TIMEOUT_S);
  return Number.isFinite(given) && given > 0 ? given : DEFAULT_FETCH_TIMEOUT_S;
}

/**
 * The installer's environment. ELECTRON_CACHE is electron-builder's name for the download cache;
 * the installer reads `electron_config_cache` (Electron's installation docs), so one names the other
 * unless both are set. The progress bar is left out: its output is kept for the reason, not shown.
 */
export function installerEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  if (env.ELECTRON_CACHE && !env.electron_config_cache) out.electron_config_cache = env.ELECTRON_CACHE;
  out.ELECTRON_GET_NO_PROGRESS = '1';
  return out;
}

/** install.js prints the error's stack: its first line, without the error's class, is the reason. */
export function installFailureReason(output: string, version: string): string {
  const first =
    output
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '' && !l.startsWith('at ')) ?? '';
  const message = first
    .replace(/^[A-Za-z]*Error:\s*/, '')
    .trim()
    .replace(/\.$/, '');
  const hint = /fetch failed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(message)
    ? ': offline, or the download server cannot be reached (ELECTRON_MIRROR names a mirror)'
    : '';
  return `the Electron ${version} binary could not be fetched (${message || 'the installer failed'}${hint})`;
}

export interface FetchOptions {
  electronDir: string;
  version: string;
  env: Readonly<Record<string, string | undefined>>;
  timeoutS: number;
  /** Aborted when `npm start` is asked to stop: the installer is stopped with it. */
  signal?: AbortSignal;
}

export function fetchElectron(options: FetchOptions): Promise<FetchResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(options.electronDir, 'install.js')], {
      cwd: options.electronDir,
      env: installerEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: options.signal,
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-16_384);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, options.timeoutS * 1000);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: `Electron's installer could not run (${err.message})` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut)
        resolve({
          ok: false,
          reason: `the Electron ${options.version} binary could not be fetched within ${options.timeoutS} s`,
        });
      else if (code === 0) resolve({ ok: true });
      else resolve({ ok: false, reason: installFailureReason(output, options.version) });
    });
  });
}
