import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsText } from '../../../electron/main/diagnostics.ts';
import { menuTemplate } from '../../../electron/main/menu.ts';

test('diagnostics: versions, settings and log lines, with every secret scrubbed', () => {
  const text = diagnosticsText({
    appVersion: '0.1.0',
    versions: { electron: '45.4.1', chrome: '140.0', node: '22.20.0' },
    platform: 'linux',
    arch: 'x64',
    packaged: true,
    at: Date.UTC(2026, 0, 15, 12),
    settings: { merchantId: 'QC00005496', signKeySet: true } as never,
    secureStorage: 'available',
    coreText: 'journal ok; last key 0123456789ABCDEF',
    logLines: ['{"msg":"scan 281234567890123456"}', 'pin=1234 accepted'],
  });
  assert.match(text, /OTTPay Till 0\.1\.0 — diagnostics 2026-01-15T12:00:00\.000Z/);
  assert.match(text, /electron 45\.4\.1/);
  assert.match(text, /packaged build/);
  assert.match(text, /"signKeySet": true/);
  assert.match(text, /QC00005496/);
  assert.match(text, /2812\*+3456/);
  assert.doesNotMatch(text, /0123456789ABCDEF|281234567890123456|pin=1234/);
});

test('packaged menus have no reload or DevTools; every menu has Copy diagnostics', () => {
  const roles = (packaged: boolean) =>
    JSON.stringify(menuTemplate({ packaged, onCopyDiagnostics: () => {} }), (_k, v) =>
      typeof v === 'function' ? 'fn' : v,
    );
  assert.doesNotMatch(roles(true), /toggleDevTools|reload/);
  assert.match(roles(false), /toggleDevTools/);
  assert.match(roles(true), /Copy diagnostics/);
});
