// Replaces a file so that a crash or a power cut leaves either the old or the new contents, never half
// of one: the new bytes go to a temporary file, are flushed to disk, renamed over the old name, and the
// folder is flushed so the rename itself survives a power cut.
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface AtomicWriteOptions {
  /** File mode of the new file (e.g. 0o600 for secrets). */
  mode?: number;
  /** Called once the temporary file is flushed, and once it has replaced the old one (crash harness). */
  reached?: (step: 'temp-written' | 'renamed') => void;
}

export function writeFileAtomic(path: string, data: string, opts: AtomicWriteOptions = {}): void {
  const tmp = `${path}.tmp`;
  // 'w' truncates a .tmp left by a crash; its mode is set before any byte is written to it.
  const fd = openSync(tmp, 'w', opts.mode ?? 0o666);
  try {
    if (opts.mode !== undefined && process.platform !== 'win32') fchmodSync(fd, opts.mode);
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  opts.reached?.('temp-written');
  renameSync(tmp, path);
  syncDir(dirname(path));
  opts.reached?.('renamed');
}

/** Flushes a folder's entries (the rename). Windows cannot open a folder for this; NTFS logs renames. */
function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
