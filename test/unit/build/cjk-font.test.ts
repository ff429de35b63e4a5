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
import { RECEIPT_WORDS, WALLET_WORDS } from '../../../shared/printing/receipt-words.ts';

const root = join(import.meta.dirname, '..', '..', '..');

/**
 * The items of `section.key` in a YAML file, as a flow list (`key: [a, b]`) or a block list (`- a`
 * lines, comments between them), without a YAML library.
 */
function yamlList(yml: string, section: string, key: string): string[] {
  const lines = yml.split('\n');
  const start = lines.indexOf(`${section}:`);
  if (start < 0) return [];
  for (let i = start + 1; i < lines.length && !/^\S/.test(lines[i] ?? ''); i++) {
    const found = new RegExp(`^(\\s+)${key}:\\s*(.*)$`).exec(lines[i] ?? '');
    if (!found) continue;
    const [, indent = '', rest = ''] = found;
    const flow = /^\[(.*)\]/.exec(rest);
    if (flow) return (flow[1] ?? '').split(',').map((s) => s.trim().replace(/^['"]|['"]$/g, ''));
    const items: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (line.trim() === '' || /^\s*#/.test(line)) continue;
      const item = /^(\s+)- (.+)$/.exec(line);
      if (!item || (item[1] ?? '').length < indent.length) break;
      items.push((item[2] ?? '').trim().replace(/^['"]|['"]$/g, ''));
    }
    return items;
  }
  return [];
}
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

  it('covers the receipt’s Chinese words too (the screen printer shows a receipt as it prints)', () => {
    const words = [...Object.values(RECEIPT_WORDS.zh), ...Object.values(WALLET_WORDS.zh)].join('');
    const missing = [...words].filter(
      (c) => (c.codePointAt(0) ?? 0) >= 0x2e80 && !points.includes(c.codePointAt(0) ?? 0),
    );
    assert.deepEqual(missing, []);
  });

  it('ships only the slices it needs: well under a megabyte, out of the whole font', () => {
    assert.ok(chosen.length < slices.length / 4, `${chosen.length} of ${slices.length} slices`);
    const bytes = chosen.reduce((n, s) => n + statSync(join(pkgDir, 'files', s.file)).size, 0);
    assert.ok(bytes < 1024 * 1024, `${bytes} bytes`);
  });

  it('the deb recommends a full CJK font', () => {
    const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    const recommends = yamlList(yml, 'deb', 'recommends');
    assert.ok(recommends.includes('fonts-noto-cjk'), recommends.join(', '));
    assert.ok(!yamlList(yml, 'deb', 'depends').includes('fonts-noto-cjk'), 'a recommendation, not a must');
  });
});
