// The built till and customer pages preload the Chinese font slices their stylesheets declare, so the
// slices load with the page instead of after its script has run (the pages wait for them to render).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { CJK_FONT_FAMILY } from '../../../build/scripts/cjk-font.ts';
import { cjkFontFiles, withFontPreloads } from '../../../build/scripts/font-preload.ts';

const face = (file: string, family = CJK_FONT_FAMILY) =>
  `@font-face{font-family:${family};font-weight:400;src:url(./${file})format("woff2");unicode-range:U+4E00}`;

const page = (...sheets: string[]) =>
  `<!doctype html>\n<html>\n  <head>\n    <title>t</title>\n${sheets
    .map((href) => `    <link rel="stylesheet" crossorigin href="${href}">\n`)
    .join('')}  </head>\n  <body></body>\n</html>\n`;

it('finds the woff2 files of the app font only', () => {
  const css = `${face('a-1.woff2')}.x{color:red}${face('b-2.woff2')}${face('other.woff2', 'Other Sans')}`;
  assert.deepEqual(cjkFontFiles(css), ['./a-1.woff2', './b-2.woff2']);
});

it('adds one crossorigin font preload per slice, resolved from the stylesheet, before </head>', () => {
  const sheets: Record<string, string> = {
    '../assets/base.css': 'body{margin:0}',
    '../assets/access.css': `${face('noto-101.woff2')}${face('noto-119.woff2')}`,
    '../assets/again.css': face('noto-101.woff2'),
  };
  const html = withFontPreloads(
    page('../assets/base.css', '../assets/access.css', '../assets/again.css'),
    (href) => sheets[href] ?? '',
  );
  const preloads = [...html.matchAll(/<link rel="preload"[^>]*>/g)].map((m) => m[0]);
  assert.deepEqual(preloads, [
    '<link rel="preload" as="font" type="font/woff2" crossorigin href="../assets/noto-101.woff2">',
    '<link rel="preload" as="font" type="font/woff2" crossorigin href="../assets/noto-119.woff2">',
  ]);
  assert.ok(html.indexOf('noto-119.woff2') < html.indexOf('</head>'));
});

it('leaves a page without the font (the store report page) unchanged', () => {
  const html = page('../assets/store.css');
  assert.equal(
    withFontPreloads(html, () => 'table{width:100%}'),
    html,
  );
});
