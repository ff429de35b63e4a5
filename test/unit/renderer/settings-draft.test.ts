// The settings form's draft ↔ patch: only what changed is sent, and the core's refusal names a field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../../electron/core/config/defaults.ts';
import { draftOf, patchOf, refusedField } from '../../../renderer/till/screens/settings/settings-draft.ts';
import { parseCommandRequest } from '../../../shared/contract.ts';
import type { PublicSettings } from '../../../shared/domain.ts';

const current = (): PublicSettings => ({ ...defaultSettings(), signKeySet: false });

function patch(edit: (d: ReturnType<typeof draftOf>) => void) {
  const draft = draftOf(current());
  edit(draft);
  const built = patchOf(current(), draft);
  assert.ok('patch' in built, 'the draft reads');
  return built.patch;
}

describe('settings draft', () => {
  it('an untouched form sends an empty patch', () => {
    assert.deepEqual(
      patch(() => {}),
      {},
    );
  });

  it('sends tip presets without empty slots and wallets in their usual order', () => {
    const p = patch((d) => {
      d.tipPresets = ['5', '', '20', ''];
      d.wallets = ['UNIONPAY', 'WECHATPAY'];
    });
    assert.deepEqual(p, { tipPresetsPercent: [5, 20], wallets: ['WECHATPAY', 'UNIONPAY'] });
  });

  it('sends the idle lock and one-shift-per-day settings; the core refuses an idle lock over 4 hours', () => {
    const p = patch((d) => {
      d.idleLockMinutes = '0';
      d.shiftPerDay = true;
    });
    assert.deepEqual(p, { idleLockMinutes: 0, shiftPerDay: true });
    const tooLong = parseCommandRequest('settings.update', { patch: { idleLockMinutes: 241 }, pin: '1234' });
    assert.ok(!tooLong.ok && /idleLockMinutes/.test(tooLong.message));
  });

  it('sends the whole scanners object when one serial field changes', () => {
    const p = patch((d) => {
      d.serialBaudRate = 115200;
      d.serialFraming = 'CRLF';
    });
    assert.deepEqual(p.scanners?.serial, {
      ...defaultSettings().scanners.serial,
      baudRate: 115200,
      framing: 'CRLF',
    });
    assert.deepEqual(p.scanners?.wedge, { enabled: true });
    assert.equal(parseCommandRequest('settings.update', { patch: p, pin: '1234' }).ok, true);
  });

  it('names the field the core refused, with the core’s own reason', () => {
    const p = patch((d) => {
      d.merchantId = 'abc';
    });
    const refused = parseCommandRequest('settings.update', { patch: p, pin: '1234' });
    assert.equal(refused.ok, false);
    const message = refused.ok ? '' : refused.message;
    assert.deepEqual(refusedField(message), {
      path: 'merchantId',
      reason: 'merchant id looks like QC00005496',
    });
    assert.equal(
      refusedField('invalid settings.update request — patch.scanners.serial.prefix: Too big')?.path,
      'scanners.serial.prefix',
    );
    assert.equal(refusedField('Wrong PIN'), null);
  });

  it('an empty QR expiry goes to the core, which refuses it', () => {
    const p = patch((d) => {
      d.qrExpirySeconds = '';
    });
    const refused = parseCommandRequest('settings.update', {
      patch: JSON.parse(JSON.stringify(p)),
      pin: '1234',
    });
    assert.equal(refused.ok, false);
    assert.equal(refusedField(refused.ok ? '' : refused.message)?.path, 'qrExpirySeconds');
  });
});
