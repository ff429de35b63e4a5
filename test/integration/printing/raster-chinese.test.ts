// Chinese on a printer without a Chinese font: each line the code page cannot hold is drawn by a real
// Chromium canvas (the same page-side source Electron runs) and sent as a raster image; the Latin
// lines stay text, and no Chinese-mode bytes are sent.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  DRAW_LINE_SOURCE,
  type DrawnLine,
  LINE_HEIGHT_DOTS,
} from '../../../electron/core/printing/draw-line-source.ts';
import { encodeReceipt } from '../../../electron/core/printing/escpos.ts';
import { layoutReceipt } from '../../../shared/printing/receipt-layout.ts';
import { hasWide } from '../../../shared/printing/text-width.ts';
import { launchBrowser } from '../../e2e/harness.ts';
import { decodeEscpos } from '../../support/escpos-decode.ts';

let browser: Browser;
let page: Page;
before(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
after(() => browser.close());

it('prints Chinese lines as raster images when the printer has no Chinese font', async () => {
  const doc = layoutReceipt(
    {
      body: { kind: 'test', at: Date.UTC(2026, 10, 30, 12) },
      copy: 'merchant',
      language: 'zh',
      shop: { name: 'Maison 光明', address: '', phone: '' },
      operatorId: '7',
      terminalNo: '1',
      sandbox: false,
      reprint: false,
    },
    48,
  );
  const drawn: string[] = [];
  const bytes = await encodeReceipt(doc, {
    chinese: 'raster',
    rasterise: async (text, { bold, widthDots }) => {
      drawn.push(text);
      const r = (await page.evaluate(
        `(${DRAW_LINE_SOURCE})(${JSON.stringify(text)}, ${bold}, ${widthDots})`,
      )) as DrawnLine;
      return { width: r.width, height: r.height, data: Uint8ClampedArray.from(r.data) };
    },
  });
  const d = decodeEscpos(bytes);
  const wideLines = doc.lines.filter((l) => l.kind === 'text' && hasWide(l.text));
  assert.ok(wideLines.length >= 4, 'the Chinese receipt has Chinese lines');
  assert.equal(d.images.length, wideLines.length);
  assert.equal(drawn.length, wideLines.length);
  assert.ok(drawn.some((t) => t.includes('测试页')));
  for (const img of d.images) {
    assert.equal(img.height, LINE_HEIGHT_DOTS);
    assert.ok(img.rows.join('').includes('#'), 'the line is drawn in black');
  }
  assert.ok(!Buffer.from(bytes).includes(Buffer.from([0x1c, 0x26])), 'no Chinese-mode bytes');
  assert.ok(d.lines.includes('-'.repeat(48)), 'rules stay text');
});
