import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandLanHosts } from '../../../electron/web-shell/request-guard.ts';
import { parseStartArgs } from '../../../electron/web-shell/start-args.ts';

describe('web shell flags', () => {
  it('reads --port, --data-dir and --customer-host, ignoring npm separators', () => {
    assert.deepEqual(parseStartArgs([]), {
      port: 8787,
      dataDir: null,
      customerHost: null,
      storePg: null,
      storeId: null,
      posApiPort: null,
      posApiKey: null,
      posApiHost: null,
    });
    assert.deepEqual(
      parseStartArgs(['--', '--port', '0', '--', '--data-dir', 'd', '--customer-host', 'tab.local']),
      {
        port: 0,
        dataDir: 'd',
        customerHost: 'tab.local',
        storePg: null,
        storeId: null,
        posApiPort: null,
        posApiKey: null,
        posApiHost: null,
      },
    );
  });

  it('reads --store-pg and --store-id for the central store database', () => {
    const args = parseStartArgs([
      '--store-pg',
      'postgresql://till@db.shop:5432/chain',
      '--store-id',
      'north',
    ]);
    assert.equal(args.storePg, 'postgresql://till@db.shop:5432/chain');
    assert.equal(args.storeId, 'north');
  });

  it('refuses unknown flags, missing values and bad ports', () => {
    assert.throws(() => parseStartArgs(['--prot', '1']), /unknown option --prot/);
    assert.throws(() => parseStartArgs(['--port']), /--port needs a value/);
    assert.throws(() => parseStartArgs(['--port', '70000']), /0 to 65535/);
    assert.throws(() => parseStartArgs(['--port', 'x']), /0 to 65535/);
  });

  it('expands 0.0.0.0 to this computer’s LAN addresses and keeps a named host', () => {
    assert.deepEqual(expandLanHosts(null), []);
    assert.deepEqual(expandLanHosts(' '), []);
    assert.deepEqual(expandLanHosts('tab.local'), ['tab.local']);
    assert.deepEqual(expandLanHosts('fe80::1'), ['[fe80::1]']);
    for (const a of expandLanHosts('0.0.0.0')) assert.match(a, /^\d+\.\d+\.\d+\.\d+$/);
    assert.ok(!expandLanHosts('0.0.0.0').includes('127.0.0.1'));
  });
});
