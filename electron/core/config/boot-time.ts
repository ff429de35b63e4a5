// When this computer last started, in ms since the epoch: a till.lock written before then belongs to a
// process of an earlier boot, whatever its PID now names (after a reboot the PID may be another
// program's). Linux: `btime` in /proc/stat (seconds, fixed for the boot); elsewhere now − os.uptime(),
// which drifts by a second or so between calls (hence the margin in data-dir-lock.ts).
import { readFileSync } from 'node:fs';
import { uptime } from 'node:os';

export function bootTimeMs(
  now: () => number = Date.now,
  readProcStat: () => string = () => readFileSync('/proc/stat', 'utf8'),
  platform: NodeJS.Platform = process.platform,
): number {
  if (platform === 'linux') {
    try {
      const btime = /^btime (\d+)$/m.exec(readProcStat())?.[1];
      if (btime) return Number(btime) * 1000;
    } catch {
      // No /proc (a container without it): uptime below.
    }
  }
  return now() - uptime() * 1000;
}
