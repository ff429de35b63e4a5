// Receipt settings at the boundary: the printer address must fit the kind of printer chosen, with a
// message naming the field; the settings form sends only what changed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../../electron/core/config/defaults.ts';
import { draftOf, patchOf } from '../../../renderer/till/screens/settings/settings-draft.ts';
import { parseCommandRequest } from '../../../shared/contract.ts';
import { parsePrinterTarget } from '../../../shared/printing/printer-target.ts';

const receipts = (printer: string, target: string) => ({
  printer,
  target,
  paper: '80mm',
  chinese: 'gb18030',
  afterPaid: 'customer',
});

describe('receipt settings', () => {
  it('accepts each kind of printer with its own address', () => {
    for (const [printer, target] of [
      ['network', 'tcp://192.168.1.50:9100'],
      ['serial', 'serial:/dev/ttyUSB0'],
      ['usb', '/dev/usb/lp0'],
      ['system', 'EPSON TM-T20III'],
      ['screen', ''],
      ['none', ''],
    ]) {
      const r = parseCommandRequest('settings.update', {
        pin: '1234',
        patch: { receipts: receipts(printer ?? '', target ?? '') },
      });
      assert.ok(r.ok, `${printer}: ${r.ok ? '' : r.message}`);
    }
  });

  it('refuses an address that does not fit, naming the field', () => {
    const r = parseCommandRequest('settings.update', {
      pin: '1234',
      patch: { receipts: receipts('network', '/dev/usb/lp0') },
    });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /patch\.receipts\.target: a network printer is named like tcp:\/\//);
    const bad = parseCommandRequest('settings.update', {
      pin: '1234',
      patch: { receipts: receipts('network', 'tcp://h:99999') },
    });
    assert.match(bad.ok ? '' : bad.message, /out of range/);
  });

  it('parses printer targets', () => {
    assert.deepEqual(parsePrinterTarget('tcp://10.0.0.9'), { kind: 'tcp', host: '10.0.0.9', port: 9100 });
    assert.deepEqual(parsePrinterTarget('serial:/dev/ttyS0@19200'), {
      kind: 'serial',
      path: '/dev/ttyS0',
      baudRate: 19200,
    });
    assert.deepEqual(parsePrinterTarget('/dev/usb/lp1'), { kind: 'device', path: '/dev/usb/lp1' });
    assert.throws(() => parsePrinterTarget('lpt1'), /not a printer/);
  });

  it('the settings form sends the shop and printer only when changed', () => {
    const s = { ...defaultSettings(), signKeySet: false };
    assert.deepEqual(patchOf(s, draftOf(s)), { patch: {} });
    const d = {
      ...draftOf(s),
      shopName: ' Café ',
      printer: 'network' as const,
      printerTarget: 'tcp://10.0.0.9:9100',
    };
    const built = patchOf(s, d);
    assert.ok('patch' in built);
    assert.deepEqual(built.patch.shop, { name: 'Café', address: '', phone: '' });
    assert.equal(built.patch.receipts?.target, 'tcp://10.0.0.9:9100');
  });
});
