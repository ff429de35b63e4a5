// When the POS API starts, where, and with which key: the flags of both shells and the environment.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { describe, it } from 'node:test';
import { bearerMatches } from '../../../electron/core/pos-api/bearer-key.ts';
import { createRateLimiter } from '../../../electron/core/pos-api/rate-limit.ts';
import { makeSelfSignedCert } from '../../../electron/core/pos-api/self-signed-cert.ts';
import { posApiStart } from '../../../electron/core/pos-api/start-options.ts';
import { parseShellArgs } from '../../../electron/main/shell-args.ts';
import { parseStartArgs } from '../../../electron/web-shell/start-args.ts';

const KEY = 'a-key-of-sixteen-or-more';

describe('POS API start options', () => {
  it('is off unless a port is given, by flag or TILL_POS_API_PORT', () => {
    assert.equal(posApiStart({}, {}), null);
    assert.deepEqual(posApiStart({ port: '0', key: KEY }, {}), { port: 0, host: '127.0.0.1', key: KEY });
    assert.deepEqual(posApiStart({}, { TILL_POS_API_PORT: '9123', TILL_POS_API_KEY: KEY }), {
      port: 9123,
      host: '127.0.0.1',
      key: KEY,
    });
    // The flag wins over the environment; no key given: the one saved in settings (null here).
    assert.deepEqual(posApiStart({ port: '1', host: '0.0.0.0' }, { TILL_POS_API_PORT: '2' }), {
      port: 1,
      host: '0.0.0.0',
      key: null,
    });
  });

  it('refuses a bad port or a short key with a clear message', () => {
    assert.throws(() => posApiStart({ port: '70000' }, {}), /--pos-api-port must be 0 to 65535/);
    assert.throws(() => posApiStart({ port: 'abc' }, {}), /--pos-api-port/);
    assert.throws(() => posApiStart({ port: '0', key: 'short' }, {}), /16 to 256 printable/);
  });

  it('both shells read --pos-api-port, --pos-api-key and --pos-api-host', () => {
    const web = parseStartArgs(['--pos-api-port', '0', '--pos-api-key', KEY, '--pos-api-host', '10.0.0.5']);
    assert.deepEqual([web.posApiPort, web.posApiKey, web.posApiHost], ['0', KEY, '10.0.0.5']);
    const desk = parseShellArgs(['electron', '.', '--pos-api-port=0', '--pos-api-key', KEY], {});
    assert.deepEqual([desk.posApiPort, desk.posApiKey, desk.posApiHost], ['0', KEY, null]);
  });
});

describe('POS API guards', () => {
  it('takes only the exact bearer key', () => {
    assert.equal(bearerMatches(`Bearer ${KEY}`, KEY), true);
    assert.equal(bearerMatches(`Bearer ${KEY}x`, KEY), false);
    assert.equal(bearerMatches(`bearer ${KEY}`, KEY), false);
    assert.equal(bearerMatches(undefined, KEY), false);
    assert.equal(bearerMatches('Bearer ', ''), false);
  });

  it('limits requests per address: a burst, then the steady rate', () => {
    let now = 0;
    const limiter = createRateLimiter({ perSecond: 2, burst: 3, now: () => now });
    assert.deepEqual(
      [1, 2, 3, 4].map(() => limiter.take('a')),
      [true, true, true, false],
    );
    assert.equal(limiter.take('b'), true, 'another address has its own bucket');
    now += 500;
    assert.equal(limiter.take('a'), true);
    assert.equal(limiter.take('a'), false);
  });

  it('makes a self-signed certificate Node verifies, naming the host', () => {
    const c = makeSelfSignedCert(['192.168.1.20', 'till.local']);
    const x = new X509Certificate(c.certPem);
    assert.ok(x.verify(x.publicKey));
    assert.match(x.subjectAltName ?? '', /IP Address:192\.168\.1\.20/);
    assert.match(x.subjectAltName ?? '', /DNS:till\.local/);
    assert.equal(x.fingerprint256, c.fingerprint256);
    assert.match(c.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });
});
