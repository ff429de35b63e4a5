// A till started with the computer waits for the network and the scanner and says so (issue 18 item 4):
// what it is waiting for, from the snapshot, and the words in every language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from '../../../renderer/i18n/en.ts';
import { fr } from '../../../renderer/i18n/fr.ts';
import { zh } from '../../../renderer/i18n/zh.ts';
import { startupWaits } from '../../../renderer/till/startup-wait.ts';
import type { ScannerStatus } from '../../../shared/domain.ts';

const gateway = (state: 'unknown' | 'up' | 'down') => ({ state, message: null, checkedAt: null });
const serial = (state: ScannerStatus['state']): ScannerStatus => ({
  id: 'serial',
  kind: 'serial',
  state,
  detail: null,
});

test('waits for the network until the gateway answers, and for a serial scanner whose port is not there yet', () => {
  assert.deepEqual(startupWaits({ gateway: gateway('unknown'), scanners: [serial('reconnecting')] }), [
    'network',
    'scanner',
  ]);
  assert.deepEqual(startupWaits({ gateway: gateway('down'), scanners: [] }), ['network']);
  assert.deepEqual(startupWaits({ gateway: gateway('up'), scanners: [serial('reconnecting')] }), ['scanner']);
  assert.deepEqual(startupWaits({ gateway: gateway('up'), scanners: [serial('connected')] }), []);
  assert.deepEqual(
    startupWaits({
      gateway: gateway('up'),
      scanners: [{ id: 'wedge', kind: 'wedge', state: 'connected', detail: null }],
    }),
    [],
  );
});

test('the waiting words exist in English, French and Chinese', () => {
  for (const key of [
    'startup.waitingNetwork',
    'startup.waitingScanner',
    'settings.startWithComputer',
  ] as const) {
    for (const table of [en, fr, zh]) assert.ok(table[key].length > 10 || table === zh, key);
    assert.notEqual(fr[key], en[key]);
    assert.notEqual(zh[key], en[key]);
  }
});
