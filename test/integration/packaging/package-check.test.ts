// The packaging check end to end: electron-builder packs the Linux `dir` target against the stand-in
// Electron, and the check inspects app.asar. A failure here means an installer would be broken.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { it } from 'node:test';

it('npm run package:check packs a complete app and nothing that should stay out', () => {
  // dist/ as `npm test` built it: rebuilding would empty it under the tests running beside this one.
  const r = spawnSync(process.execPath, ['build/scripts/package-check.ts', '--no-build'], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  assert.equal(r.status, 0, `package:check failed:\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /^package:check ok:/m);
});
