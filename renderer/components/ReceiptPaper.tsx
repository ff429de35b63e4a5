import type { ReceiptDoc } from '../../shared/printing/receipt-layout.ts';
import { centerIn } from '../../shared/printing/receipt-layout.ts';
import { QrBox } from './QrBox.tsx';

/**
 * A receipt as it prints: the same laid-out lines the ESC/POS encoder sends, in a fixed-width font on
 * a paper-white strip (the screen printer, and the page a system printer prints).
 */
export function ReceiptPaper({ doc, label }: { doc: ReceiptDoc; label: string }) {
  return (
    <div className="receipt-paper" data-testid="receipt-paper" style={{ width: `${doc.columns + 2}ch` }}>
      {doc.lines.map((line, i) => {
        const key = `${i}`;
        if (line.kind === 'rule') return <hr key={key} />;
        if (line.kind === 'qr')
          return (
            <div key={key} className="receipt-qr" data-receipt-qr={line.payload}>
              <QrBox payload={line.payload} size={132} label={label} />
            </div>
          );
        const width = line.big ? Math.floor(doc.columns / 2) : doc.columns;
        const text = line.align === 'center' ? centerIn(line.text, width) : line.text;
        return (
          <pre key={key} className={`receipt-line${line.bold ? ' bold' : ''}${line.big ? ' big' : ''}`}>
            {text || ' '}
          </pre>
        );
      })}
    </div>
  );
}
