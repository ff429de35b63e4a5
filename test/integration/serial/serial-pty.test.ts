// SerialScanner against real pseudo-terminal pairs made by socat: every framing, codes split across
// reads, garbage, an oversized line, and the port vanishing and coming back. Real timers, small
// backoff; every assertion waits on an event (scan, problem, status), never on a sleep.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SerialPort } from 'serialport';
import {
  type BindingLike,
  eofSafeBinding,
  type PortBindingLike,
} from '../../../electron/core/devices/eof-safe-binding.ts';
import type { Framing } from '../../../electron/core/devices/serial-framer.ts';
import { SerialScanner } from '../../../electron/core/devices/serial-scanner.ts';
import { recordScanner } from '../../support/scanner-recorder.ts';
import { type PtyPair, startPtyPair } from './pty-pair.ts';

const CODE = '135481333156664496';
const EAN = '4006381333931';
const opts = { timeout: 10_000 };

/**
 * The platform binding (with the scanner's end-of-file-safe reads), telling the test when a read has
 * been handled, so a code can be split across two reads for sure.
 */
function observedBinding() {
  const inner = eofSafeBinding(SerialPort.binding as unknown as BindingLike<PortBindingLike, unknown>);
  const readers: Array<() => void> = [];
  const binding = {
    list: () => inner.list(),
    open: async (options: unknown) => {
      const port = await inner.open(options);
      return new Proxy(port, {
        get(target, prop) {
          if (prop === 'read') {
            return async (buffer: Buffer, offset: number, length: number) => {
              const r = await target.read(buffer, offset, length);
              setImmediate(() => {
                for (const fn of readers.splice(0)) fn();
              });
              return r;
            };
          }
          const v: unknown = Reflect.get(target, prop, target);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
    },
  };
  /** Resolves after the next read has been handed to the stream and handled. */
  const nextRead = () => new Promise<void>((resolve) => readers.push(resolve));
  return { binding: binding as unknown as BindingLike<PortBindingLike, never>, nextRead };
}

/** Every scanner made here, stopped after the suite even if a test timed out (an open port keeps the process alive). */
const opened = new Set<SerialScanner>();
after(async () => {
  await Promise.all([...opened].map((s) => s.stop()));
});

async function openScanner(
  pair: PtyPair,
  framing: Framing,
  extra: { prefix?: string; suffix?: string } = {},
) {
  const observed = observedBinding();
  const scanner = new SerialScanner({
    serialPort: SerialPort,
    path: pair.a,
    baudRate: 9600,
    framing,
    idleMs: 40,
    backoff: { initialMs: 20, maxMs: 200 },
    binding: observed.binding,
    ...extra,
  });
  opened.add(scanner);
  const w = recordScanner(scanner);
  scanner.start();
  await w.until(() => w.statuses.at(-1)?.state === 'connected');
  return { scanner, ...w, nextRead: observed.nextRead };
}

describe('serial scanner on a real pty pair', () => {
  let dir = '';
  let pair: PtyPair;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'serial-pty-'));
    pair = await startPtyPair(dir);
  });

  after(async () => {
    await pair?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const ENDINGS: Array<[Framing, string]> = [
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['none', ''],
  ];
  for (const [framing, end] of ENDINGS) {
    it(`framing ${framing}: codes arrive whole, also split across two reads`, opts, async () => {
      const s = await openScanner(pair, framing);
      try {
        pair.write(`${CODE}${end}`);
        await s.until(() => s.scans.length === 1);
        const whole = `${EAN}${end}`;
        const read = s.nextRead();
        pair.write(whole.slice(0, 5));
        await read; // the first half has been read on its own
        pair.write(whole.slice(5));
        await s.until(() => s.scans.length === 2);
        assert.deepEqual(
          s.scans.map((x) => x.raw),
          [CODE, EAN],
        );
        assert.deepEqual(s.problems, []);
      } finally {
        await s.scanner.stop();
      }
    });
  }

  it('strips the configured prefix and suffix', opts, async () => {
    const s = await openScanner(pair, 'CR', { prefix: ']Q1', suffix: '#' });
    try {
      pair.write(`]Q1${CODE}#\r`);
      await s.until(() => s.scans.length === 1);
      assert.equal(s.scans[0]?.raw, CODE);
    } finally {
      await s.scanner.stop();
    }
  });

  it('garbage bytes and control characters: a clear problem each, then codes still work', opts, async () => {
    const s = await openScanner(pair, 'CR');
    try {
      pair.write(new Uint8Array([0x00, 0xff, 0x13, 0x88, 0xfe, 0x01, 0x9b, 0x0d]));
      pair.write('1354\u00078133\r');
      pair.write(`${CODE}\r`);
      await s.until(() => s.scans.length === 1);
      assert.deepEqual(
        s.problems.map((p) => p.message),
        [
          'unreadable data discarded (7 bytes of control or binary characters) — check the baud rate',
          'unreadable data discarded (9 bytes of control or binary characters) — check the baud rate',
        ],
      );
      assert.equal(s.scans[0]?.raw, CODE);
      assert.equal(s.statuses.at(-1)?.state, 'connected');
    } finally {
      await s.scanner.stop();
    }
  });

  it(
    '10 kB without a terminator: "line too long, discarded", bounded, and the next code gets through',
    opts,
    async () => {
      const s = await openScanner(pair, 'CR');
      try {
        pair.write('9'.repeat(10 * 1024));
        pair.write(`\r${CODE}\r`);
        await s.until(() => s.scans.length === 1);
        assert.deepEqual(
          s.problems.map((p) => p.message),
          ['line too long (over 1024 bytes), discarded'],
        );
        assert.deepEqual(
          s.scans.map((x) => x.raw),
          [CODE],
        );
      } finally {
        await s.scanner.stop();
      }
    },
  );
});

describe('serial scanner when the port vanishes and comes back', () => {
  it('reports reconnecting, reopens the same path when it returns, and scans again', opts, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serial-vanish-'));
    let pair: PtyPair | null = await startPtyPair(dir);
    const scanner = new SerialScanner({
      serialPort: SerialPort,
      path: pair.a,
      baudRate: 9600,
      framing: 'CR',
      backoff: { initialMs: 20, maxMs: 200 },
    });
    opened.add(scanner);
    const w = recordScanner(scanner);
    try {
      scanner.start();
      await w.until(() => w.statuses.at(-1)?.state === 'connected');
      pair.write(`${CODE}\r`);
      await w.until(() => w.scans.length === 1);

      await pair.stop(); // the scanner is unplugged
      pair = null;
      await w.until(() => w.statuses.at(-1)?.state === 'reconnecting');
      assert.match(w.statuses.at(-1)?.detail ?? '', /disconnected|not found/);

      pair = await startPtyPair(dir); // plugged back in: same path, a new device behind it
      await w.until(() => w.statuses.at(-1)?.state === 'connected');
      pair.write(`${EAN}\r`);
      await w.until(() => w.scans.length === 2);
      assert.deepEqual(
        w.scans.map((s) => s.raw),
        [CODE, EAN],
      );
      const states = w.statuses.map((s) => s.state);
      assert.ok(states.indexOf('reconnecting') > states.indexOf('connected'));
      assert.equal(states.at(-1), 'connected');
    } finally {
      await scanner.stop();
      await pair?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
