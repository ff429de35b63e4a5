import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { defaultSettings } from '../../../electron/core/config/defaults.ts';
import { createFileSecretStore } from '../../../electron/core/config/secret-store.ts';
import { createSettingsStore, SETTINGS_FILE } from '../../../electron/core/config/settings-store.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'till-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

describe('settings store', () => {
  it('starts from the documented defaults when there is no file', () => {
    const store = createSettingsStore(dir, () => NOW);
    const s = store.get();
    assert.equal(store.loadIssue, null);
    assert.equal(s.currency, 'CAD');
    assert.equal(s.maxAmountCents, 500_000);
    assert.deepEqual(s.tipPresetsPercent, [10, 15, 18]);
    assert.deepEqual(s.wallets, ['WECHATPAY', 'ALIPAY', 'UNIONPAY']);
    assert.equal(s.qrExpirySeconds, 120);
    assert.equal(s.callback.enabled, false);
    assert.equal(s.customerDisplay, 'second-screen', 'full screen on a second display when there is one');
    assert.equal(s.merchantId, '');
  });

  it('saves an update and loads it again', () => {
    createSettingsStore(dir, () => NOW).update({ merchantId: 'QC00005496', tipPresetsPercent: [5] });
    const again = createSettingsStore(dir, () => NOW);
    assert.equal(again.get().merchantId, 'QC00005496');
    assert.deepEqual(again.get().tipPresetsPercent, [5]);
    assert.equal(again.loadIssue, null);
  });

  it('keeps a file that is not JSON aside and starts from defaults', () => {
    writeFileSync(join(dir, SETTINGS_FILE), '{ not json');
    const store = createSettingsStore(dir, () => NOW);
    assert.match(store.loadIssue ?? '', /not valid JSON/);
    assert.deepEqual(store.get(), defaultSettings());
    const aside = readdirSync(dir).filter((f) => f.startsWith(`${SETTINGS_FILE}.bad-`));
    assert.equal(aside.length, 1);
    assert.equal(readFileSync(join(dir, aside[0] ?? ''), 'utf8'), '{ not json');
  });

  it('names the invalid field and does not lose the file', () => {
    const bad = {
      ...defaultSettings(),
      scanners: {
        ...defaultSettings().scanners,
        serial: { ...defaultSettings().scanners.serial, baudRate: 12 },
      },
    };
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify(bad));
    const store = createSettingsStore(dir, () => NOW);
    assert.match(store.loadIssue ?? '', /field scanners\.serial\.baudRate/);
    assert.match(store.loadIssue ?? '', /settings\.json\.bad-2026-01-15T12-00-00-000Z/);
    assert.equal(store.get().scanners.serial.baudRate, defaultSettings().scanners.serial.baudRate);
    assert.deepEqual(
      JSON.parse(readFileSync(join(dir, 'settings.json.bad-2026-01-15T12-00-00-000Z'), 'utf8')),
      bad,
    );
  });

  it('refuses unknown fields and a bad merchant id', () => {
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ ...defaultSettings(), merchantId: 'nope' }));
    assert.match(
      createSettingsStore(dir, () => NOW).loadIssue ?? '',
      /field merchantId: merchant id looks like/,
    );
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ ...defaultSettings(), signKey: 'x' }));
    assert.match(createSettingsStore(dir, () => NOW + 1).loadIssue ?? '', /signKey/);
  });

  it('fills fields missing from an older file with defaults', () => {
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ merchantId: 'QC00005496' }));
    const store = createSettingsStore(dir, () => NOW);
    assert.equal(store.loadIssue, null);
    assert.equal(store.get().merchantId, 'QC00005496');
    assert.equal(store.get().currency, 'CAD');
  });
});

describe('file secret store', () => {
  it('keeps secrets in a file only its owner can read', async () => {
    const path = join(dir, 'secrets.json');
    const store = createFileSecretStore(path);
    assert.equal(await store.has('signKey'), false);
    assert.equal(await store.get('signKey'), null);
    await store.set('signKey', '0123456789ABCDEF');
    await store.set('pinHash', 'h');
    assert.equal(await createFileSecretStore(path).get('signKey'), '0123456789ABCDEF');
    assert.equal(await store.has('pinHash'), true);
    assert.equal(statSync(path).mode & 0o777, 0o600);
  });
});
