// The central database's URL: libpq's sslmode names mapped to node-postgres TLS options, the password
// taken from the secret store over the URL, settings refusing a URL with a password in it, and every
// shown form of a URL without its password.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactText } from '../../../electron/core/logging/index.ts';
import { pgClientConfig, pgTarget, redactPgUrl, scrub } from '../../../electron/store/pg-config.ts';
import { pgUrlProblem, storeSyncSettingsSchema, storeUrlProblem } from '../../../shared/store-sync.ts';

describe('central database URL', () => {
  it('maps sslmode to TLS options: off by default, encrypted without checks for require, verified above', () => {
    assert.equal(pgClientConfig('postgresql://till@db/chain').ssl, undefined);
    const require = pgClientConfig('postgresql://till@db/chain?sslmode=require').ssl;
    assert.deepEqual(require, { rejectUnauthorized: false });
    const full = pgClientConfig('postgresql://till@db/chain?sslmode=verify-full', { clientKey: 'KEY' }).ssl;
    assert.deepEqual(full, { rejectUnauthorized: true, key: 'KEY' });
    const ca = pgClientConfig('postgresql://till@db/chain?sslmode=verify-ca').ssl as {
      checkServerIdentity?: unknown;
    };
    assert.equal(typeof ca.checkServerIdentity, 'function');
    assert.throws(
      () => pgClientConfig('postgresql://till@db/chain?sslmode=prefer'),
      /sslmode must be one of/,
    );
  });

  it('takes host, port, database and user from the URL and the password from the secret store first', () => {
    const c = pgClientConfig('postgresql://till:inurl@db.shop:6543/chain', { password: 'stored' });
    assert.deepEqual(
      { host: c.host, port: c.port, database: c.database, user: c.user, password: c.password },
      { host: 'db.shop', port: 6543, database: 'chain', user: 'till', password: 'stored' },
    );
    assert.equal(pgTarget('postgresql://till:inurl@db.shop:6543/chain'), 'db.shop:6543/chain');
  });

  it('never shows a password: redacted URLs, scrubbed messages, log lines', () => {
    assert.equal(redactPgUrl('postgresql://till:s3cret@db/chain'), 'postgresql://till:***@db/chain');
    assert.equal(scrub('auth failed for s3cret', ['s3cret']), 'auth failed for ***');
    assert.doesNotMatch(redactText('connecting to postgresql://till:s3cret@db/chain'), /s3cret/);
  });

  it('settings refuse a URL with a password, a store id without a URL, and an unknown sslmode', () => {
    assert.match(storeUrlProblem('postgresql://till:pw@db/chain') ?? '', /password field/);
    assert.equal(storeUrlProblem('postgresql://till@db:5432/chain?sslmode=verify-full'), null);
    assert.match(pgUrlProblem('mysql://db/x') ?? '', /must start with postgresql/);
    const lone = storeSyncSettingsSchema.safeParse({ url: '', storeId: 'north', staleMinutes: 15 });
    assert.ok(!lone.success);
    const ok = storeSyncSettingsSchema.safeParse({
      url: 'postgresql://till@db/chain',
      storeId: 'north',
      staleMinutes: 15,
    });
    assert.ok(ok.success);
  });
});
