// Chinese on a machine with no CJK font: the renderer ships the few Noto Sans SC subsets (OFL-1.1,
// from the @fontsource/noto-sans-sc package, which cuts the font into unicode-range slices) that the
// app's own Chinese needs. Before the renderer is built, this picks every 400-weight slice holding a
// character of the message tables or the receipt words, copies its woff2 into renderer/fonts/ and
// writes the @font-face rules the till and customer pages import. The browser then fetches a slice
// only when a page shows one of its characters, and never where a system CJK font is named first.
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { zh } from '../../renderer/i18n/zh.ts';
import { RECEIPT_WORDS, WALLET_WORDS } from '../../shared/printing/receipt-words.ts';

export const CJK_FONT_FAMILY = 'Till Noto Sans SC';
/** First code point of the CJK blocks (radicals); full-width punctuation and ideographs follow. */
const CJK_START = 0x2e80;

export interface FontSlice {
  file: string;
  ranges: Array<[number, number]>;
}

/**
 * The app's own text: the message tables, and the receipt's words (the screen printer and the
 * receipt page show a receipt as it prints, in the customer's or the operator's language).
 */
export const APP_TABLES: ReadonlyArray<Record<string, string>> = [
  en,
  fr,
  zh,
  ...Object.values(RECEIPT_WORDS),
  ...Object.values(WALLET_WORDS),
];

/** Code points of the app's text that no Latin font covers (CJK, full-width punctuation). */
export function cjkCodePoints(tables: ReadonlyArray<Record<string, string>> = APP_TABLES): number[] {
  const points = new Set<number>();
  for (const table of tables) {
    for (const text of Object.values(table)) {
      for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 0;
        if (cp >= CJK_START) points.add(cp);
      }
    }
  }
  return [...points].sort((a, b) => a - b);
}

/** The @font-face slices of a Fontsource CSS file: each woff2 file with its unicode-range. */
export function parseSlices(css: string): FontSlice[] {
  const slices: FontSlice[] = [];
  for (const block of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const body = block[1] ?? '';
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
      const start = Number.parseInt(lo ?? '', 16);
      return [start, hi === undefined ? start : Number.parseInt(hi, 16)];
    });
    slices.push({ file, ranges });
  }
  return slices;
}

export function pickSlices(slices: FontSlice[], points: number[]): FontSlice[] {
  return slices.filter((s) => points.some((p) => s.ranges.some(([lo, hi]) => p >= lo && p <= hi)));
}

function rangeText(ranges: Array<[number, number]>): string {
  const hex = (n: number) => n.toString(16);
  return ranges.map(([lo, hi]) => (lo === hi ? `U+${hex(lo)}` : `U+${hex(lo)}-${hex(hi)}`)).join(',');
}

/** Writes renderer/fonts/ (not committed: made by every build). Returns what it shipped. */
export function writeCjkFont(root: string): { slices: number; bytes: number; characters: number } {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
  const slices = parseSlices(readFileSync(join(pkgDir, '400.css'), 'utf8'));
  const points = cjkCodePoints();
  const chosen = pickSlices(slices, points);
  const uncovered = points.filter(
    (p) => !chosen.some((s) => s.ranges.some(([lo, hi]) => p >= lo && p <= hi)),
  );
  if (uncovered.length > 0) {
    const chars = uncovered.map((p) => String.fromCodePoint(p)).join('');
    throw new Error(`Noto Sans SC has no slice for: ${chars}`);
  }
  const out = join(root, 'renderer', 'fonts');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let bytes = 0;
  const rules = chosen.map((s) => {
    // Only the CJK part of each slice: Latin text keeps the system's font.
    const cjk = s.ranges
      .filter(([, hi]) => hi >= CJK_START)
      .map(([lo, hi]): [number, number] => [Math.max(lo, CJK_START), hi]);
    copyFileSync(join(pkgDir, 'files', s.file), join(out, s.file));
    bytes += statSync(join(out, s.file)).size;
    return [
      '@font-face {',
      `  font-family: "${CJK_FONT_FAMILY}";`,
      '  font-style: normal;',
      '  font-weight: 400;',
      '  font-display: swap;',
      `  src: url("./${s.file}") format("woff2");`,
      `  unicode-range: ${rangeText(cjk)};`,
      '}',
    ].join('\n');
  });
  const license = '/* Noto Sans SC, SIL Open Font License 1.1: slices from @fontsource/noto-sans-sc. */';
  writeFileSync(join(out, 'noto-sans-sc.css'), `${license}\n${rules.join('\n')}\n`);
  return { slices: chosen.length, bytes, characters: points.length };
}
