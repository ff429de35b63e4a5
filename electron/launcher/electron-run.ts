// Runs the desktop app and tells a start that failed at once from a till that ran. A binary that is
// there but cannot run here (Ubuntu 24.04 refusing Chromium's sandbox its user namespace, a missing
// library) dies within a second or two with a FATAL line on stderr; the launcher then falls back to
// the browser shell with that line as the reason. A clean exit (a second start handing over to the
// running till) is never a failure, and neither is anything after the start-up window.
import { spawn } from 'node:child_process';

/** How long after its start an Electron that dies counts as one that could not start here. */
export const STARTUP_WINDOW_MS = 10_000;

export type RunOutcome =
  | { kind: 'died-at-start'; reason: string }
  | { kind: 'exited'; code: number }
  | { kind: 'not-started'; reason: string };

/** The last FATAL/error line Electron wrote, or how it ended. */
export function earlyDeathReason(stderr: string, code: number | null, signal: string | null): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const fatal = [...lines].reverse().find((l) => /FATAL|error/i.test(l));
  // Chromium prefixes its log lines with [pid:LEVEL:file(line)]: the message is what follows.
  const message = (fatal ?? lines.at(-1) ?? '').replace(/^\[[^\]]*\]\s*/, '').replace(/\.$/, '');
  const how = signal ? `on signal ${signal}` : `with exit code ${code}`;
  const sandbox = /sandbox/i.test(message)
    ? '; on Ubuntu 23.10 and later install the deb, whose AppArmor profile allows the sandbox (README)'
    : '';
  return `Electron stopped ${how} as it started${message ? `: ${message}` : ''}${sandbox}`;
}

export interface RunOptions {
  command: string;
  args: readonly string[];
  cwd: string;
  /** Milliseconds since some fixed point (injected so the window is testable). */
  now: () => number;
  /** Electron's stderr is passed on as it comes; its tail is kept for the reason. */
  stderr: NodeJS.WritableStream;
}

export function runElectron(options: RunOptions): {
  outcome: Promise<RunOutcome>;
  kill: (signal: NodeJS.Signals) => void;
} {
  const started = options.now();
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    stdio: ['inherit', 'inherit', 'pipe'],
  });
  let tail = '';
  child.stderr.on('data', (chunk: Buffer) => {
    options.stderr.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-8192);
  });
  const outcome = new Promise<RunOutcome>((resolve) => {
    child.on('error', (err) =>
      resolve({ kind: 'not-started', reason: `Electron could not run (${err.message})` }),
    );
    child.on('close', (code, signal) => {
      const failed = signal !== null || (code ?? 1) !== 0;
      if (failed && options.now() - started < STARTUP_WINDOW_MS)
        resolve({ kind: 'died-at-start', reason: earlyDeathReason(tail, code, signal) });
      else resolve({ kind: 'exited', code: code ?? 1 });
    });
  });
  return { outcome, kill: (signal) => child.kill(signal) };
}
