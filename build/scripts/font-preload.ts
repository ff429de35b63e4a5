// The Chinese font slices are fetched only once a page asks for them, and the customer page waits for
// them before its first render (renderer/i18n/cjk-font.ts): after the script has been fetched, parsed
// and run. Preload links in the built HTML start those fetches with the page's own, so the slices are
// there (or nearly) when the page first asks. Only pages whose stylesheets declare the font get them,
// and only the slices those stylesheets name. The till page paints without them: it loads only the
// slices its Chinese screens show, when they show them (renderer/i18n/cjk-font-gate.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { CJK_FONT_FAMILY } from './cjk-font.ts';

/** The woff2 files of the app's CJK @font-face rules in one stylesheet, relative to that stylesheet. */
export function cjkFontFiles(css: string): string[] {
  const files: string[] = [];
  for (const block of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const body = block[1] ?? '';
    if (!body.includes(CJK_FONT_FAMILY)) continue;
    for (const url of body.matchAll(/url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/g)) files.push(url[1] ?? '');
  }
  return files;
}

/**
 * `html` with a preload link before </head> for every CJK slice its stylesheets name; `readCss` reads a
 * stylesheet by the href the page links it with. A page with no such stylesheet comes back unchanged.
 */
export function withFontPreloads(html: string, readCss: (href: string) => string): string {
  const hrefs: string[] = [];
  for (const link of html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)) {
    const href = /\bhref="([^"]+)"/.exec(link[0])?.[1];
    if (!href) continue;
    for (const file of cjkFontFiles(readCss(href))) {
      const fontHref = posix.normalize(posix.join(posix.dirname(href), file));
      if (!hrefs.includes(fontHref)) hrefs.push(fontHref);
    }
  }
  if (hrefs.length === 0) return html;
  // crossorigin: fonts are fetched in CORS mode, and a preload is used only by a request of the same mode.
  const links = hrefs
    .map((href) => `    <link rel="preload" as="font" type="font/woff2" crossorigin href="${href}">\n`)
    .join('');
  return html.replace('</head>', `${links}  </head>`);
}

/** The pages that wait for every slice before they render: the till page is not one of them. */
export const FONT_PRELOAD_ENTRIES = ['customer'] as const;

/** Adds the preloads to every entry's index.html under the built renderer folder. */
export function addFontPreloads(rendererDir: string, entries: readonly string[]): void {
  for (const entry of entries) {
    const file = join(rendererDir, entry, 'index.html');
    const html = readFileSync(file, 'utf8');
    const next = withFontPreloads(html, (href) => readFileSync(join(rendererDir, entry, href), 'utf8'));
    if (next !== html) writeFileSync(file, next);
  }
}
