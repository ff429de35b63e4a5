// Log files in the app's log folder: till.log, rotated to till.1.log … till.N.log when it would pass
// maxBytes, the oldest dropped. Writes are synchronous appends: ordered, and on disk before a crash.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LogSink } from './logger.ts';

export interface RotatingFileSinkOptions {
  dir: string;
  /** File stem: `till` gives till.log, till.1.log, … */
  name?: string;
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  maxFiles?: number;
  /** How many recent lines to keep in memory for diagnostics. */
  recentLimit?: number;
}

export interface RotatingFileSink extends LogSink {
  readonly path: string;
  /** The newest lines written in this run (for "copy diagnostics"). */
  recent(count?: number): string[];
  /** Every log file, current first. */
  files(): string[];
}

export function rotatedName(dir: string, name: string, index: number): string {
  return join(dir, index === 0 ? `${name}.log` : `${name}.${index}.log`);
}

export function createRotatingFileSink(options: RotatingFileSinkOptions): RotatingFileSink {
  const name = options.name ?? 'till';
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxFiles = options.maxFiles ?? 5;
  const recentLimit = options.recentLimit ?? 200;
  const path = rotatedName(options.dir, name, 0);
  mkdirSync(options.dir, { recursive: true });
  let size = existsSync(path) ? statSync(path).size : 0;
  const recentLines: string[] = [];

  const rotate = () => {
    rmSync(rotatedName(options.dir, name, maxFiles), { force: true });
    for (let i = maxFiles - 1; i >= 0; i--) {
      const from = rotatedName(options.dir, name, i);
      if (existsSync(from)) renameSync(from, rotatedName(options.dir, name, i + 1));
    }
    size = 0;
  };

  return {
    path,
    write(line) {
      const text = `${line}\n`;
      const bytes = Buffer.byteLength(text);
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(path, text, { mode: 0o600 });
      size += bytes;
      recentLines.push(line);
      if (recentLines.length > recentLimit) recentLines.splice(0, recentLines.length - recentLimit);
    },
    recent(count = recentLimit) {
      return recentLines.slice(-count);
    },
    files() {
      const out: string[] = [];
      for (let i = 0; i <= maxFiles; i++) {
        const p = rotatedName(options.dir, name, i);
        if (existsSync(p)) out.push(p);
      }
      return out;
    },
  };
}

/** The last `count` lines across the files on disk (a previous run's lines too). */
export function tailLogFiles(files: readonly string[], count: number): string[] {
  const lines: string[] = [];
  for (const file of files) {
    if (lines.length >= count) break;
    const fileLines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0);
    lines.unshift(...fileLines.slice(-(count - lines.length)));
  }
  return lines;
}
