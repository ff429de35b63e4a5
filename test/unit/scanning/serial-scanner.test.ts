// SerialScanner against @serialport/binding-mock, with a ManualClock for the reconnect backoff.
// (The real thing — a pty pair from socat, a vanishing port — is in test/integration/serial/.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SerialPort, SerialPortMock } from 'serialport';
import { ManualClock } from '../../../electron/core/clock.ts';
import type { BindingLike, PortBindingLike } from '../../../electron/core/devices/eof-safe-binding.ts';
import { describeOpenError, SerialScanner } from '../../../electron/core/devices/serial-scanner.ts';
import { recordScanner } from '../../support/scanner-recorder.ts';

// @serialport/binding-mock, as serialport itself loads it (one module instance, typed).
const MockBinding = SerialPortMock.binding;
type MockPortBinding = Awaited<ReturnType<typeof MockBinding.open>>;

const CODE = '135481333156664496';
const opts = { timeout: 5000 };

/**
 * MockBinding, remembering the ports it opened and able to "unplug" the newest one. `afterRead` runs
 * once the stream has handled a completed read (the scanner has framed the bytes by then).
 */
function mockBinding() {
  const opened: MockPortBinding[] = [];
  let unplug: ((err: Error) => void) | null = null;
  const hooks = { afterRead: () => {} };
  const binding = {
    list: () => MockBinding.list(),
    open: async (options: Parameters<typeof MockBinding.open>[0]) => {
      const port = await MockBinding.open(options);
      opened.push(port);
      const gone = new Promise<never>((_, reject) => {
        unplug = reject;
      });
      gone.catch(() => {});
      const read = port.read.bind(port);
      // Reads fail like a vanished USB device once unplug() is called.
      port.read = async (buffer: Buffer, offset: number, length: number) => {
        const result = await Promise.race([read(buffer, offset, length), gone]);
        setImmediate(() => hooks.afterRead());
        return result;
      };
      return port;
    },
  };
  return {
    binding: binding as unknown as BindingLike<PortBindingLike, never>,
    opened,
    hooks,
    unplug: () =>
      unplug?.(
        Object.assign(new Error('device reports readiness to read but returned no data'), {
          disconnect: true,
        }),
      ),
  };
}

describe('SerialScanner with binding-mock', () => {
  it('opens the port, reports connected, frames codes from data', opts, async () => {
    MockBinding.reset();
    MockBinding.createPort('/dev/mock-a');
    const m = mockBinding();
    const clock = new ManualClock();
    const scanner = new SerialScanner({
      serialPort: SerialPort,
      path: '/dev/mock-a',
      baudRate: 9600,
      framing: 'CR',
      clock,
      binding: m.binding,
    });
    const c = recordScanner(scanner);
    scanner.start();
    await c.until(() => c.last()?.state === 'connected');
    assert.equal(c.last()?.detail, '/dev/mock-a at 9600 baud');
    m.opened[0]?.emitData(Buffer.from(`${CODE.slice(0, 5)}`));
    m.opened[0]?.emitData(Buffer.from(`${CODE.slice(5)}\r4006381333931\r`));
    await c.until(() => c.scans.length === 2);
    assert.deepEqual(
      c.scans.map((s) => [s.raw, s.source, s.sourceId]),
      [
        [CODE, 'serial', 'serial'],
        ['4006381333931', 'serial', 'serial'],
      ],
    );
    await scanner.stop();
    assert.equal(c.last()?.state, 'disabled');
  });

  it('framing none: a code ends after the inter-byte timeout on the injected clock', opts, async () => {
    MockBinding.reset();
    MockBinding.createPort('/dev/mock-b');
    const m = mockBinding();
    const clock = new ManualClock();
    const scanner = new SerialScanner({
      serialPort: SerialPort,
      path: '/dev/mock-b',
      baudRate: 115200,
      framing: 'none',
      idleMs: 40,
      clock,
      binding: m.binding,
    });
    const c = recordScanner(scanner);
    m.hooks.afterRead = c.check;
    scanner.start();
    await c.until(() => c.last()?.state === 'connected');
    m.opened[0]?.emitData(Buffer.from(CODE));
    await c.until(() => clock.pendingTimers > 0);
    assert.equal(c.scans.length, 0);
    clock.advance(40);
    assert.deepEqual(
      c.scans.map((s) => s.raw),
      [CODE],
    );
    await scanner.stop();
  });

  it('a missing port is retried with doubling, capped delays until it appears', opts, async () => {
    MockBinding.reset();
    const m = mockBinding();
    const clock = new ManualClock();
    const scanner = new SerialScanner({
      serialPort: SerialPort,
      path: '/dev/mock-later',
      baudRate: 9600,
      framing: 'CR',
      clock,
      binding: m.binding,
      backoff: { initialMs: 100, maxMs: 400 },
    });
    const c = recordScanner(scanner);
    scanner.start();
    const delays: string[] = [];
    for (const wait of [100, 200, 400, 400]) {
      await c.until(() => c.last()?.state === 'reconnecting' && clock.pendingTimers === 1);
      delays.push(c.last()?.detail ?? '');
      await clock.advanceAsync(wait);
    }
    assert.deepEqual(
      delays.map((d) => d.replace(/.* — /, '')),
      ['retrying in 100 ms', 'retrying in 200 ms', 'retrying in 400 ms', 'retrying in 400 ms'],
    );
    assert.match(delays[0] ?? '', /^\/dev\/mock-later not found \(scanner unplugged\?\)/);
    await c.until(() => c.last()?.state === 'reconnecting' && clock.pendingTimers === 1);
    MockBinding.createPort('/dev/mock-later');
    await clock.advanceAsync(400);
    await c.until(() => c.last()?.state === 'connected');
    await scanner.stop();
  });

  it('an unplugged port is noticed, reopened, and scans flow again', opts, async () => {
    MockBinding.reset();
    MockBinding.createPort('/dev/mock-c');
    const m = mockBinding();
    const clock = new ManualClock();
    const scanner = new SerialScanner({
      serialPort: SerialPort,
      path: '/dev/mock-c',
      baudRate: 9600,
      framing: 'LF',
      clock,
      binding: m.binding,
      backoff: { initialMs: 50, maxMs: 1000 },
    });
    const c = recordScanner(scanner);
    m.hooks.afterRead = c.check;
    scanner.start();
    await c.until(() => c.last()?.state === 'connected');
    m.opened[0]?.emitData(Buffer.from('1354')); // a partial code when the cable is pulled
    await c.until(() => clock.pendingTimers > 0);
    m.unplug();
    await c.until(() => c.last()?.state === 'reconnecting');
    assert.match(c.last()?.detail ?? '', /\/dev\/mock-c disconnected .* retrying in 50 ms/);
    assert.deepEqual(
      c.problems.map((p) => p.message),
      ['a partial code was lost when the port closed'],
    );
    await clock.advanceAsync(50);
    await c.until(() => c.last()?.state === 'connected');
    m.opened[1]?.emitData(Buffer.from(`${CODE}\n`));
    await c.until(() => c.scans.length === 1);
    assert.equal(c.scans[0]?.raw, CODE);
    await scanner.stop();
  });

  it('no permission: failed, with the dialout fix on Linux, still retried slowly', opts, async () => {
    const clock = new ManualClock();
    let attempts = 0;
    const denied = {
      list: async () => [],
      open: async () => {
        attempts++;
        throw new Error('Error: Permission denied, cannot open /dev/ttyACM0');
      },
    } as unknown as BindingLike<PortBindingLike, never>;
    const scanner = new SerialScanner({
      serialPort: SerialPort,
      path: '/dev/ttyACM0',
      baudRate: 9600,
      framing: 'CR',
      clock,
      binding: denied,
      platform: 'linux',
      backoff: { initialMs: 100, maxMs: 3000 },
    });
    const c = recordScanner(scanner);
    scanner.start();
    await c.until(() => c.last()?.state === 'failed');
    assert.equal(
      c.last()?.detail,
      "no permission to open /dev/ttyACM0: add this user to the 'dialout' group (sudo usermod -aG dialout $USER), then log out and in — retrying in 3 s",
    );
    await clock.advanceAsync(3000);
    await c.until(() => attempts === 2 && clock.pendingTimers === 1);
    await scanner.stop();
    assert.equal(clock.pendingTimers, 0);
  });

  it('no port chosen: failed with a plain reason, nothing retried', opts, async () => {
    const clock = new ManualClock();
    const scanner = new SerialScanner({
      serialPort: SerialPort,
      path: '',
      baudRate: 9600,
      framing: 'CR',
      clock,
    });
    const c = recordScanner(scanner);
    scanner.start();
    assert.deepEqual(c.last(), {
      id: 'serial',
      kind: 'serial',
      state: 'failed',
      detail: 'no serial port chosen — pick one in Settings',
    });
    assert.equal(clock.pendingTimers, 0);
    await scanner.stop();
  });

  it('describes open errors in words the cashier can act on', () => {
    assert.equal(
      describeOpenError(new Error('Error: Resource busy, cannot open /dev/x'), '/dev/x', 'linux').reason,
      '/dev/x is in use by another program',
    );
    assert.equal(
      describeOpenError(new Error('Access denied'), 'COM3', 'win32').reason,
      'COM3 is in use by another program',
    );
    assert.equal(describeOpenError(new Error('Permission denied'), '/dev/cu.usb', 'darwin').state, 'failed');
    assert.equal(describeOpenError(new Error('odd'), '/dev/x', 'linux').reason, 'cannot open /dev/x: odd');
  });
});
