import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SerialPort, SerialPortMock } from 'serialport';
import { listPorts } from '../../../electron/core/devices/port-list.ts';
import { AppError } from '../../../shared/result.ts';

// @serialport/binding-mock, as serialport itself loads it (one module instance, typed).
const MockBinding = SerialPortMock.binding;

describe('port listing for the settings screen', () => {
  it('maps what the binding lists to PortInfo, USB devices first, natural order', async () => {
    MockBinding.reset();
    MockBinding.createPort('/dev/ttyS10');
    MockBinding.createPort('/dev/ttyS2');
    MockBinding.createPort('/dev/ttyACM0', { vendorId: '05e0', productId: '1200', manufacturer: 'Zebra' });
    const ports = await listPorts(() => MockBinding.list());
    assert.deepEqual(
      ports.map((p) => p.path),
      ['/dev/ttyACM0', '/dev/ttyS2', '/dev/ttyS10'],
    );
    assert.deepEqual(ports[0], {
      path: '/dev/ttyACM0',
      manufacturer: 'Zebra',
      serialNumber: '3',
      vendorId: '05e0',
      productId: '1200',
    });
    assert.equal(ports[1]?.vendorId, null);
    MockBinding.reset();
  });

  it('says plainly when ports cannot be listed', async () => {
    await assert.rejects(
      listPorts(async () => {
        throw new Error('udevadm not found');
      }),
      (err) =>
        err instanceof AppError && err.code === 'DEVICE_UNAVAILABLE' && /udevadm not found/.test(err.message),
    );
  });

  it("lists this machine's real ports without failing", async () => {
    const ports = await listPorts(() => SerialPort.list());
    assert.ok(Array.isArray(ports));
    for (const p of ports) assert.equal(typeof p.path, 'string');
  });
});
