// Issue 15, item 6: Chinese must not render as boxes on a machine without a CJK font. The build
// ships the Noto Sans SC slices that hold every character of the message tables, and the deb asks
// for a full CJK font as a recommendation.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { cjkCodePoints, parseSlices, pickSlices } from '../../../build/scripts/cjk-font.ts';
import { zh } from '../../../renderer/i18n/zh.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const pkgDir = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json'));

describe('the bundled Chinese font', () => {
  const slices = parseSlices(readFileSync(join(pkgDir, '400.css'), 'utf8'));
  const points = cjkCodePoints();
  const chosen = pickSlices(slices, points);

  it('covers every character of the Chinese messages', () => {
    const inZh = new Set([...Object.values(zh).join('')].map((c) => c.codePointAt(0) ?? 0));
    for (const p of inZh) if (p >= 0x2e80) assert.ok(points.includes(p), String.fromCodePoint(p));
    const covered = (p: number) => chosen.some((s) => s.ranges.some(([lo, hi]) => p >= lo && p <= hi));
    assert.deepEqual(
      points.filter((p) => !covered(p)).map((p) => String.fromCodePoint(p)),
      [],
    );
  });

  it('ships only the slices it needs: well under a megabyte, out of the whole font', () => {
    assert.ok(chosen.length < slices.length / 4, `${chosen.length} of ${slices.length} slices`);
    const bytes = chosen.reduce((n, s) => n + statSync(join(pkgDir, 'files', s.file)).size, 0);
    assert.ok(bytes < 1024 * 1024, `${bytes} bytes`);
  });

  it('the deb recommends a full CJK font', () => {
    const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    assert.match(yml, /^deb:[\s\S]*^\s+recommends: \[[^\]]*\bfonts-noto-cjk\b/m);
  });
});
