// The receipt page a system printer prints: the laid-out receipt lines in a fixed-width font and the
// QR as SVG, in one self-contained HTML document (no script, no outside resource).

import { QRCodeSVG } from 'qrcode.react';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { centerIn, type ReceiptDoc } from '../../shared/printing/receipt-layout.ts';

const STYLE = `@page { margin: 0; }
body { margin: 0; padding: 4mm 2mm; font: 11px/1.35 "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; color: #000; }
pre { margin: 0; font: inherit; white-space: pre; }
.bold { font-weight: 700; } .big { font-size: 200%; line-height: 1.2; }
hr { border: 0; border-top: 1px dashed #000; margin: 0.3em 0; }
.qr { display: flex; justify-content: center; margin: 0.4em 0; }`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function receiptPageHtml(doc: ReceiptDoc): string {
  const body = doc.lines
    .map((line) => {
      if (line.kind === 'rule') return '<hr>';
      if (line.kind === 'qr') {
        const svg = renderToStaticMarkup(
          createElement(QRCodeSVG, { value: line.payload, size: 120, level: 'M', marginSize: 4 }),
        );
        return `<div class="qr">${svg}</div>`;
      }
      const width = line.big ? Math.floor(doc.columns / 2) : doc.columns;
      const text = line.align === 'center' ? centerIn(line.text, width) : line.text;
      const cls = [line.bold ? 'bold' : '', line.big ? 'big' : ''].filter(Boolean).join(' ');
      return `<pre${cls ? ` class="${cls}"` : ''}>${escapeHtml(text) || ' '}</pre>`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><style>${STYLE}</style></head><body>${body}</body></html>`;
}
