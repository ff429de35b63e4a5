// Which file starts the browser shell: the build's one-file bundle (dist/web-shell/start.cjs, made by
// `npm run build`, which `npm start` runs first) starts in a fraction of the time the TypeScript
// sources take; the sources still serve a launcher run without a build.
import { join } from 'node:path';

export function webShellEntry(root: string, exists: (path: string) => boolean): string {
  const bundle = join(root, 'dist', 'web-shell', 'start.cjs');
  return exists(bundle) ? bundle : join(root, 'electron', 'web-shell', 'start.ts');
}
