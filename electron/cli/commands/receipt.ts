// receipt: the receipt of a journaled payment (or refund), as ESC/POS bytes to a file or a printer, or
// as plain text lines. Reads the data folder's settings for the shop's name, paper width and Chinese mode.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COLUMNS, layoutReceipt, receiptText } from '../../../shared/printing/receipt-layout.ts';
import { loadSettingsFile, SETTINGS_FILE } from '../../core/config/settings-store.ts';
import { encodeReceipt } from '../../core/printing/escpos.ts';
import { findReceipt } from '../../core/printing/find-receipt.ts';
import { openPrinter } from '../../core/printing/open-printer.ts';
import { refundReceipt, saleReceipt } from '../../core/printing/receipt-source.ts';

export const summary = 'print the receipt of a journaled payment (--data-dir DIR --order ID | --latest)';

const USAGE = `usage: npm run --silent cli -- receipt --data-dir DIR (--order ID | --latest) [--copy customer|merchant]
         (--out FILE | --to tcp://HOST:PORT | --to serial:PATH | --text)
Writes the receipt of a paid payment (or of a refund, by the refund's order id) as ESC/POS bytes to a
file or a printer, or as plain text lines on stdout.`;

class UsageError extends Error {}

export async function run(args: string[]): Promise<number> {
  try {
    return await receipt(args);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(err instanceof UsageError ? `${message}\n${USAGE}\n` : `receipt: ${message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}

async function receipt(args: string[]): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(args).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dataDir = values['data-dir'];
  if (!dataDir) throw new UsageError('--data-dir is required');
  if ((values.order === undefined) === (values.latest !== true))
    throw new UsageError('give one of --order ID or --latest');
  const outputs = [values.out !== undefined, values.to !== undefined, values.text === true].filter(
    Boolean,
  ).length;
  if (outputs !== 1) throw new UsageError('give one of --out FILE, --to PRINTER or --text');
  const copy = values.copy ?? 'customer';
  if (copy !== 'customer' && copy !== 'merchant') throw new UsageError('--copy is customer or merchant');

  const settings = loadSettingsFile(join(dataDir, SETTINGS_FILE), Date.now()).settings;
  const found = findReceipt(
    dataDir,
    values.order !== undefined ? { orderId: values.order } : { latest: true },
  );
  try {
    const ctx = {
      shop: settings.shop,
      sandbox: found.sandbox,
      languages: { customer: settings.customerLanguage, operator: settings.operatorLanguage },
    };
    const req = { copy, reprint: false } as const;
    const r =
      found.kind === 'sale'
        ? saleReceipt(found.journal, found.refId, ctx, req)
        : refundReceipt(found.journal, found.refId, ctx, req);
    const doc = layoutReceipt(r, COLUMNS[settings.receipts.paper]);
    if (values.text) {
      process.stdout.write(`${receiptText(doc).join('\n')}\n`);
      return 0;
    }
    const bytes = await encodeReceipt(doc, { chinese: settings.receipts.chinese });
    if (values.out !== undefined) writeFileSync(values.out, bytes);
    else await openPrinter(values.to ?? '').print(bytes);
    process.stderr.write(
      `receipt of ${found.kind === 'sale' ? 'order' : 'refund'} written: ${bytes.length} bytes\n`,
    );
    return 0;
  } finally {
    found.close();
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      order: { type: 'string' },
      latest: { type: 'boolean' },
      copy: { type: 'string' },
      out: { type: 'string' },
      to: { type: 'string' },
      text: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
