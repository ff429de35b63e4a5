// The transports against real things: a TCP listener on loopback standing in for a port-9100 printer
// (answering DLE EOT status like one), a socat pty pair for a serial printer, and a plain file and a
// fifo refused as a Linux /dev/usb/lp device. Each receipt is decoded back from the bytes that arrived.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SerialPort } from 'serialport';
import { createDevicePrinter } from '../../../electron/core/printing/device-printer.ts';
import { encodeReceipt } from '../../../electron/core/printing/escpos.ts';
import { openPrinter } from '../../../electron/core/printing/open-printer.ts';
import { PrintError } from '../../../electron/core/printing/printer.ts';
import { layoutReceipt } from '../../../shared/printing/receipt-layout.ts';
import { decodeEscpos } from '../../support/escpos-decode.ts';
import { type FakeNetworkPrinter, startFakeNetworkPrinter } from '../../support/fake-network-printer.ts';
import { startPtyPair } from '../serial/pty-pair.ts';

const dir = mkdtempSync(join(tmpdir(), 'printers-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function receiptBytes(): Promise<Uint8Array> {
  return encodeReceipt(
    layoutReceipt(
      {
        body: { kind: 'test', at: Date.UTC(2026, 10, 30, 12) },
        copy: 'merchant',
        language: 'zh',
        shop: { name: 'Café 光明', address: '', phone: '' },
        operatorId: '7',
        terminalNo: 'T2',
        sandbox: false,
        reprint: false,
      },
      48,
    ),
    { chinese: 'gb18030' },
  );
}

describe('network printer (raw TCP)', () => {
  let fake: FakeNetworkPrinter;
  before(async () => {
    fake = await startFakeNetworkPrinter();
  });
  after(() => fake.close());

  it('delivers the receipt after a good status answer', async () => {
    fake.status = 'ok';
    const bytes = await receiptBytes();
    const job = fake.nextJob();
    await openPrinter(fake.target).print(bytes);
    const got = await job;
    assert.deepEqual(new Uint8Array(got), bytes);
    const d = decodeEscpos(got);
    assert.ok(
      d.lines.some((l) => l.includes('测试页')),
      d.lines.join('\n'),
    );
    assert.ok(d.lines.some((l) => l.includes('Café 光明')));
  });

  it('refuses to print when the printer says paper out or cover open, and sends nothing', async () => {
    for (const [status, kind] of [
      ['paper_out', 'paper_out'],
      ['cover_open', 'cover_open'],
    ] as const) {
      fake.status = status;
      const before = fake.jobs.length;
      await assert.rejects(
        openPrinter(fake.target).print(await receiptBytes()),
        (e: unknown) => e instanceof PrintError && e.kind === kind,
      );
      assert.equal(fake.jobs.length, before);
    }
  });

  it('says unreachable when nothing listens', async () => {
    const closed = await startFakeNetworkPrinter();
    const target = closed.target;
    await closed.close();
    await assert.rejects(
      openPrinter(target).print(await receiptBytes()),
      (e: unknown) => e instanceof PrintError && e.kind === 'unreachable',
    );
  });
});

describe('serial printer (socat pty pair)', () => {
  it('writes the receipt through serialport', async () => {
    const pair = await startPtyPair(dir);
    const reader = new SerialPort({ path: pair.b, baudRate: 9600, autoOpen: false });
    try {
      await new Promise<void>((resolve, reject) => reader.open((err) => (err ? reject(err) : resolve())));
      const bytes = await receiptBytes();
      const chunks: Buffer[] = [];
      const all = new Promise<Buffer>((resolve) => {
        reader.on('data', (c: Buffer) => {
          chunks.push(c);
          const got = Buffer.concat(chunks);
          if (got.length >= bytes.length) resolve(got);
        });
      });
      // The pty itself (/dev/pts/N): socat's link lives outside /dev, which is no serial port name.
      await openPrinter(`serial:${realpathSync(pair.a)}`).print(bytes);
      const got = await all;
      assert.deepEqual(new Uint8Array(got), bytes);
      assert.ok(decodeEscpos(got).lines.some((l) => l.includes('测试页')));
    } finally {
      await new Promise<void>((resolve) => (reader.isOpen ? reader.close(() => resolve()) : resolve()));
      await pair.stop();
    }
  });
});

describe('USB printer device (/dev/usb/lp*)', () => {
  it('refuses a regular file and a fifo: only a character device is a printer (issue 22)', async () => {
    const path = join(dir, 'lp0');
    writeFileSync(path, '');
    const fifo = join(dir, 'lp-fifo');
    execFileSync('mkfifo', [fifo]);
    const bytes = await receiptBytes();
    for (const p of [path, fifo, `/dev/usb/../..${path}`])
      await assert.rejects(createDevicePrinter(p).print(bytes), (e: unknown) => e instanceof PrintError);
    assert.equal(readFileSync(path).length, 0);
  });

  it('says offline when the device is not there (printer unplugged)', async () => {
    await assert.rejects(
      createDevicePrinter('/dev/usb/lp987').print(await receiptBytes()),
      (e: unknown) => e instanceof PrintError && e.kind === 'offline',
    );
  });
});
