// A real pseudo-terminal pair from socat: the scanner opens one end (`a`), the test writes to the
// other (`b`) as the scanner hardware would. Ready when socat says so on stderr — no sleeps.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface PtyPair {
  /** The end the scanner opens. */
  a: string;
  /** The end the test writes to. */
  b: string;
  write(data: string | Uint8Array): void;
  /** Kills socat (the port vanishes) and waits for it to exit. */
  stop(): Promise<void>;
}

export function startPtyPair(dir: string, names = { a: 'a', b: 'b' }): Promise<PtyPair> {
  const a = join(dir, names.a);
  const b = join(dir, names.b);
  const child: ChildProcess = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let stderr = '';
    let ptys = 0;
    const onData = (chunk: Buffer) => {
      stderr += chunk.toString();
      ptys = (stderr.match(/PTY is /g) ?? []).length;
      if (ptys >= 2 && /starting data transfer loop/.test(stderr)) {
        child.stderr?.off('data', onData);
        child.stderr?.resume();
        resolve({
          a,
          b,
          write(data) {
            const fd = openSync(b, 'w');
            try {
              if (typeof data === 'string') writeSync(fd, data);
              else writeSync(fd, data);
            } finally {
              closeSync(fd);
            }
          },
          async stop() {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => {
      if (ptys < 2) reject(new Error(`socat exited (${code}) before both ptys were ready: ${stderr.trim()}`));
    });
  });
}
