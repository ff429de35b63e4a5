// Which file `npm start`'s fallback runs: the build's bundle of the browser shell when it is there (the
// same file `npm run start:web` runs), the TypeScript sources when the launcher runs without a build.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { WEB_SHELL_ENTRY } from '../../../build/scripts/web-shell-bundle.ts';
import { webShellEntry } from '../../../electron/launcher/web-shell-entry.ts';
import packageJson from '../../../package.json' with { type: 'json' };

const root = join('/', 'srv', 'till');

it('runs the built bundle when the build made it', () => {
  const seen: string[] = [];
  const entry = webShellEntry(root, (p) => {
    seen.push(p);
    return true;
  });
  assert.equal(entry, join(root, WEB_SHELL_ENTRY));
  assert.deepEqual(seen, [join(root, WEB_SHELL_ENTRY)]);
});

it('falls back to the TypeScript sources without a build', () => {
  assert.equal(
    webShellEntry(root, () => false),
    join(root, 'electron', 'web-shell', 'start.ts'),
  );
});

it('npm run start:web runs the same bundle after building it', () => {
  assert.equal(packageJson.scripts['start:web'], `npm run build && node ${WEB_SHELL_ENTRY}`);
});
