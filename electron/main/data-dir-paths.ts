// `--data-dir`: the till keeps its Chromium profile (and with it Electron's single-instance lock) in
// <data-dir>/shell and its logs in <data-dir>/logs. app.setPath throws for a folder that does not exist
// (docs/api/app.md, setPath), so both are created first, on a first start with a new folder too.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface DataDirPaths {
  profile: string;
  logs: string;
}

export function prepareDataDirPaths(dataDir: string): DataDirPaths {
  const paths = { profile: join(dataDir, 'shell'), logs: join(dataDir, 'logs') };
  mkdirSync(paths.profile, { recursive: true });
  mkdirSync(paths.logs, { recursive: true });
  return paths;
}
