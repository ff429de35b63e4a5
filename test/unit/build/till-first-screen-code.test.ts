// Issue 24, §3 (start-up): the till page's first screen loads only its own code. The scripts the built
// till page loads before it can paint (its entry and the modules it preloads) leave out the screens it
// does not show first: Settings (which brings zod) and the camera scanner (the ZXing decoder), about
// 0.9 MB the browser would otherwise parse before the first paint. Needs `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist', 'renderer');

/** The scripts the till page fetches before it runs: its module entry and its modulepreload links. */
function firstScripts(): Array<{ href: string; text: string }> {
  const html = readFileSync(join(rendererDir, 'till', 'index.html'), 'utf8');
  const hrefs = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  return hrefs.map((href) => ({ href, text: readFileSync(join(rendererDir, 'till', href), 'utf8') }));
}

it('the till page loads neither zod nor the ZXing decoder before its first screen', () => {
  const scripts = firstScripts();
  assert.ok(scripts.length > 0, 'the page names its scripts');
  for (const { href, text } of scripts) {
    assert.doesNotMatch(text, /ZodError/, `${href} holds zod`);
    assert.doesNotMatch(text, /MultiFormatReader/, `${href} holds the ZXing decoder`);
  }
});

it('the first screen’s scripts are under 0.5 MB together (they were 1 MB)', () => {
  const bytes = firstScripts().reduce((sum, s) => sum + Buffer.byteLength(s.text), 0);
  assert.ok(bytes < 512 * 1024, `${bytes} bytes`);
});
