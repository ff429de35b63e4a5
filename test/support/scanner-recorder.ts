// Records what a SerialScanner emits and lets a test wait for a condition on it: the wait is
// re-checked on every event, so tests synchronise on what happened, never on time.
import type { Scan, ScanProblem } from '../../electron/core/devices/scan-source.ts';
import type { SerialScanner } from '../../electron/core/devices/serial-scanner.ts';
import type { ScannerStatus } from '../../shared/domain.ts';

export function recordScanner(scanner: SerialScanner) {
  const statuses: ScannerStatus[] = [];
  const scans: Scan[] = [];
  const problems: ScanProblem[] = [];
  const waiters: Array<{ test: () => boolean; resolve: () => void }> = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (w.test()) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  scanner.on('status', (s) => {
    statuses.push(s);
    check();
  });
  scanner.on('scan', (s) => {
    scans.push(s);
    check();
  });
  scanner.on('problem', (p) => {
    problems.push(p);
    check();
  });
  /** Resolves once the condition holds (checked now and on every event). */
  const until = (test: () => boolean) =>
    new Promise<void>((resolve) => {
      if (test()) resolve();
      else waiters.push({ test, resolve });
    });
  const last = () => statuses.at(-1);
  return { statuses, scans, problems, until, last, check };
}
