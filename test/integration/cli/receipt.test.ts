// `cli receipt` on a data folder with a journaled paid payment and a refund: plain text, ESC/POS to a
// file, ESC/POS to a network printer (a TCP listener on loopback), the merchant copy, and clear errors.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeEscpos } from '../../support/escpos-decode.ts';
import { startFakeNetworkPrinter } from '../../support/fake-network-printer.ts';
import { writePaidJournal } from '../../support/paid-journal.ts';
import { runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cli-receipt-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('receipt command', () => {
  let orderId = '';
  let refundOrderId = '';
  before(() => {
    const f = writePaidJournal(dir, { refundCents: 500 });
    orderId = f.orderId;
    refundOrderId = f.refundOrderId ?? '';
  });

  it('prints the latest payment as plain text lines', async () => {
    const r = await runCli(['receipt', '--data-dir', dir, '--latest', '--text']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Café Lumière/);
    assert.match(r.stdout, new RegExp(`Order +${orderId}`));
    assert.match(r.stdout, /Wallet txn +4200001234567890123/);
    assert.match(r.stdout, /Total +CAD 12\.90/);
    assert.match(r.stdout, /CNY +¥ 67\.06/);
    assert.match(r.stdout, /Rate +1 CAD = 5\.1987 CNY/);
    assert.match(r.stdout, /SANDBOX — NOT A PAYMENT/);
    assert.match(r.stdout, new RegExp(`\\[QR OTR${orderId}\\]`));
  });

  it('writes ESC/POS bytes of the merchant copy to a file', async () => {
    const out = join(dir, 'r.bin');
    const r = await runCli([
      'receipt',
      '--data-dir',
      dir,
      '--order',
      orderId,
      '--copy',
      'merchant',
      '--out',
      out,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const d = decodeEscpos(readFileSync(out));
    assert.ok(
      d.lines.some((l) => l.includes('MERCHANT COPY')),
      d.lines.join('\n'),
    );
    assert.deepEqual(d.qr, [`OTR${orderId}`]);
  });

  it('sends the refund receipt to a network printer', async () => {
    const printer = await startFakeNetworkPrinter();
    try {
      const job = printer.nextJob();
      const r = await runCli([
        'receipt',
        '--data-dir',
        dir,
        '--order',
        refundOrderId,
        '--to',
        printer.target,
      ]);
      assert.equal(r.code, 0, r.stderr);
      const d = decodeEscpos(await job);
      assert.ok(
        d.lines.some((l) => /Original order +/.test(l) && l.includes(orderId)),
        d.lines.join('\n'),
      );
      assert.ok(d.lines.some((l) => /Remaining +CAD 7\.90/.test(l)));
    } finally {
      await printer.close();
    }
  });

  it('refuses bad usage and unknown orders clearly', async () => {
    const both = await runCli(['receipt', '--data-dir', dir, '--latest', '--text', '--out', join(dir, 'x')]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /one of --out FILE, --to PRINTER or --text/);
    const unknown = await runCli(['receipt', '--data-dir', dir, '--order', 'NOPE', '--text']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /order NOPE is not in the journal/);
    const badTarget = await runCli(['receipt', '--data-dir', dir, '--latest', '--to', 'lpt1']);
    assert.equal(badTarget.code, 1);
    assert.match(badTarget.stderr, /not a printer/);
  });
});
