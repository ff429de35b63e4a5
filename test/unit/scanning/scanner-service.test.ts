import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SerialPort, SerialPortMock } from 'serialport';
import { ManualClock } from '../../../electron/core/clock.ts';
import type { BindingLike, PortBindingLike } from '../../../electron/core/devices/eof-safe-binding.ts';
import type { WalletCodeScan } from '../../../electron/core/devices/scan-router.ts';
import { ScannerService, type ScannerSettings } from '../../../electron/core/devices/scanner-service.ts';
import { loadSerialDriver } from '../../../electron/core/devices/serial-driver.ts';
import type { ScannerStatus } from '../../../shared/domain.ts';
import { AppError } from '../../../shared/result.ts';
import { scannerKeys } from '../../support/scanner-keys.ts';

// @serialport/binding-mock, as serialport itself loads it (one module instance, typed).
const MockBinding = SerialPortMock.binding;

const settings = (over: Partial<ScannerSettings['serial']> = {}, wedge = true): ScannerSettings => ({
  serial: {
    enabled: true,
    path: '/dev/mock-svc',
    baudRate: 9600,
    framing: 'CR',
    prefix: '',
    suffix: '',
    ...over,
  },
  wedge: { enabled: wedge },
});

function until(service: ScannerService, test: (s: ScannerStatus[]) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (test(service.statuses())) return resolve();
    const off = service.onStatus((s) => {
      if (test(s)) {
        off();
        resolve();
      }
    });
  });
}

const state = (s: ScannerStatus[], kind: 'serial' | 'wedge') => s.find((x) => x.kind === kind)?.state;

describe('ScannerService', () => {
  it('starts the sources settings enable, routes wedge keys, rebuilds serial on change', {
    timeout: 5000,
  }, async () => {
    MockBinding.reset();
    MockBinding.createPort('/dev/mock-svc');
    MockBinding.createPort('/dev/mock-svc2');
    const clock = new ManualClock(0);
    const service = new ScannerService({
      driver: { loaded: true, SerialPort },
      settings: settings(),
      clock,
      serial: { binding: MockBinding as unknown as BindingLike<PortBindingLike, never> },
      listPorts: () => MockBinding.list(),
    });
    service.start();
    await until(service, (s) => state(s, 'serial') === 'connected' && state(s, 'wedge') === 'connected');

    const got: WalletCodeScan[] = [];
    service.router.waitForWalletCode({ onCode: (s) => got.push(s) });
    service.feedWedgeKeys(scannerKeys('135481333156664496', { enter: false }));
    clock.advance(500); // no terminator: ends by idle time
    assert.equal(got[0]?.code, '135481333156664496');
    assert.equal(got[0]?.source, 'wedge');
    assert.equal(service.diagnostics().lastScanTimings.length, 17);

    const before = service.serial;
    await service.applySettings(settings({}, false));
    assert.equal(service.serial, before, 'serial untouched when its settings did not change');
    assert.equal(state(service.statuses(), 'wedge'), 'disabled');

    await service.applySettings(settings({ path: '/dev/mock-svc2' }, false));
    assert.notEqual(service.serial, before);
    await until(service, (s) => state(s, 'serial') === 'connected');
    assert.equal(service.statuses().filter((s) => s.kind === 'serial').length, 1);

    assert.deepEqual(
      (await service.listPorts()).map((p) => p.path),
      ['/dev/mock-svc', '/dev/mock-svc2'],
    );
    await service.close();
    assert.deepEqual(
      service.statuses().map((s) => s.state),
      ['disabled', 'disabled'],
    );
    MockBinding.reset();
  });

  it('without a serial driver: serial says why, wedge scans still reach a payment', async () => {
    const driver = await loadSerialDriver(async () => {
      throw new Error('Could not locate the bindings file. Tried:\n → build/Release/bindings.node');
    });
    assert.equal(driver.loaded, false);
    const clock = new ManualClock(0);
    const service = new ScannerService({ driver, settings: settings(), clock });
    service.start();
    const serial = service.statuses().find((s) => s.kind === 'serial');
    assert.equal(serial?.state, 'failed');
    assert.equal(
      serial?.detail,
      'serial scanners cannot work here: the serial port driver did not load (Could not locate the bindings file. Tried:)',
    );
    assert.equal(state(service.statuses(), 'wedge'), 'connected');
    await assert.rejects(
      service.listPorts(),
      (err) =>
        err instanceof AppError && err.code === 'DEVICE_UNAVAILABLE' && /did not load/.test(err.message),
    );

    const got: WalletCodeScan[] = [];
    service.router.waitForWalletCode({ onCode: (s) => got.push(s) });
    service.feedWedgeKeys(scannerKeys('135481333156664496', { enter: false }));
    clock.advance(500);
    assert.equal(got[0]?.code, '135481333156664496');

    await service.applySettings(settings({ path: '/dev/other' }));
    assert.equal(state(service.statuses(), 'serial'), 'failed', 'a settings change keeps saying why');
    await service.close();
    assert.equal(state(service.statuses(), 'serial'), 'disabled');
  });

  it('loads the real serialport driver here', async () => {
    const driver = await loadSerialDriver();
    assert.ok(driver.loaded, JSON.stringify(driver));
    assert.equal(typeof driver.SerialPort.list, 'function');
  });
});
