// Paid → the receipt's last byte at a network printer on loopback: the print job journaled, the
// receipt built from the journal and laid out, encoded to ESC/POS, a TCP connection opened, the
// printer's status asked (DLE EOT, answered at once), the bytes written, until the listener has
// counted every byte. Floor, measured in the same run: writing the same bytes to an already open
// socket to the same listener until it has counted them.
import fs from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SANDBOX_JOURNAL_FILE } from '../../electron/core/app/payment-stack.ts';
import { systemClock } from '../../electron/core/clock.ts';
import { createJournal } from '../../electron/core/journal/journal.ts';
import { openJournal } from '../../electron/core/journal/open-journal.ts';
import { encodeReceipt } from '../../electron/core/printing/escpos.ts';
import { createPrintService } from '../../electron/core/printing/print-service.ts';
import type { ReceiptSettings } from '../../shared/domain.ts';
import { COLUMNS } from '../../shared/printing/receipt-layout.ts';
import { writePaidJournal } from '../support/paid-journal.ts';
import { percentile } from './bench-support.ts';

const N = Number(process.env.BENCH_N ?? 200);
const dir = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'receipt-bench-'));

function stats(xs: number[]): string {
  const at = (p: number) => percentile(xs, p).toFixed(3);
  return `median ${at(50)} ms, p95 ${at(95)} ms over ${xs.length}`;
}

/** A port-9100 listener that answers status requests and reports when `expected` bytes arrived. */
async function listener() {
  let expected = 0;
  let done: (() => void) | null = null;
  const server = createServer((socket: Socket) => {
    let got = 0;
    socket.on('data', (chunk: Buffer) => {
      let data = chunk;
      while (got === 0 && data.length >= 3 && data[0] === 0x10 && data[1] === 0x04) {
        socket.write(Uint8Array.of(0x12));
        data = data.subarray(3);
      }
      got += data.length;
      if (got >= expected && done) {
        got -= expected;
        const d = done;
        done = null;
        d();
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    port,
    expect(bytes: number): Promise<void> {
      expected = bytes;
      return new Promise((resolve) => {
        done = resolve;
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

try {
  const fixture = writePaidJournal(dir);
  const handle = openJournal({ path: path.join(dir, SANDBOX_JOURNAL_FILE) });
  const journal = createJournal(handle.db);
  const printer = await listener();
  const settings: ReceiptSettings = {
    printer: 'network',
    target: `tcp://127.0.0.1:${printer.port}`,
    paper: '80mm',
    chinese: 'gb18030',
    afterPaid: 'customer',
  };
  const context = {
    shop: { name: 'Café Lumière', address: '123 rue Saint-Denis, Montréal', phone: '514-555-0199' },
    sandbox: true,
    languages: { customer: 'en' as const, operator: 'en' as const },
  };
  const service = createPrintService({
    journal: () => journal,
    settings: () => settings,
    context: () => context,
    operator: () => ({ operatorId: '1', terminalNo: '1' }),
    clock: systemClock,
    showOnScreen: () => {},
    changed: () => {},
    log: () => {},
  });
  const bytes = await encodeReceipt(service.layout('sale', fixture.attemptId, 'customer', false), {
    chinese: 'gb18030',
  });

  const paid: number[] = [];
  for (let i = 0; i < N; i++) {
    const arrived = printer.expect(bytes.length);
    const t = process.hrtime.bigint();
    service.enqueue('sale', fixture.attemptId, ['customer'], false);
    await arrived;
    paid.push(Number(process.hrtime.bigint() - t) / 1e6);
    await service.idle();
  }

  // Where the time goes: building and encoding the receipt alone.
  const build: number[] = [];
  for (let i = 0; i < N; i++) {
    const t = process.hrtime.bigint();
    await encodeReceipt(service.layout('sale', fixture.attemptId, 'customer', false), { chinese: 'gb18030' });
    build.push(Number(process.hrtime.bigint() - t) / 1e6);
  }

  const socket = connect({ host: '127.0.0.1', port: printer.port });
  socket.setNoDelay(true);
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const floor: number[] = [];
  for (let i = 0; i < N; i++) {
    const arrived = printer.expect(bytes.length);
    const t = process.hrtime.bigint();
    socket.write(bytes);
    await arrived;
    floor.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  socket.destroy();
  service.stop();
  await printer.close();
  handle.close();

  const med = (xs: number[]) => percentile(xs, 50);
  console.log(`receipt: ${bytes.length} bytes of ESC/POS (${COLUMNS['80mm']} columns)`);
  console.log(`floor: same bytes, open socket:   ${stats(floor)}`);
  console.log(`paid → last byte at the printer:   ${stats(paid)}`);
  console.log(`  of which receipt built+encoded: ${stats(build)}`);
  console.log(`ratio paid→printed / floor:        ${(med(paid) / med(floor)).toFixed(1)}x`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
