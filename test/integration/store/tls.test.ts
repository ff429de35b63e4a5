// TLS to the central database through the URL's sslmode, against a real PostgreSQL that takes TCP
// connections over TLS only: verify-full with the server's CA ships; disable is refused by the server;
// verify-full without the CA refuses the self-signed certificate. The till says why each time.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestPostgres, type TestPostgres } from '../../support/postgres.ts';
import { prng } from '../../support/prng.ts';
import { makeSales, shipUntilCaughtUp, watchAgent } from '../../support/store-sync.ts';
import { makeRig, type Rig } from '../payments/harness.ts';

let server: TestPostgres;
let rig: Rig;

before(async () => {
  server = await startTestPostgres({ ssl: true });
  await server.createDatabase('tls');
  rig = await makeRig();
  await makeSales(rig, 3, prng(41));
});
after(async () => {
  await rig?.close();
  server?.dispose();
});

async function firstError(url: string): Promise<string> {
  const w = watchAgent({ db: rig.handle.db, url, storeId: 's1' });
  try {
    return (await w.until((s) => s.state === 'retrying', 'retrying')).lastError ?? '';
  } finally {
    await w.agent.stop();
  }
}

describe('sslmode', () => {
  it('verify-full with the server’s CA ships', async () => {
    const url = `${server.url('tls')}?sslmode=verify-full&sslrootcert=${encodeURIComponent(server.caFile ?? '')}`;
    const s = await shipUntilCaughtUp(rig, { url, storeId: 's1' });
    assert.equal(s.lastError, null);
  });

  it('disable is refused by a server that takes TLS only', async () => {
    assert.match(await firstError(`${server.url('tls')}?sslmode=disable`), /no encryption/);
  });

  it('verify-full without the CA refuses the server’s certificate', async () => {
    assert.match(await firstError(`${server.url('tls')}?sslmode=verify-full`), /self.signed certificate/);
  });
});

describe('client certificate', () => {
  let certServer: TestPostgres;
  before(async () => {
    certServer = await startTestPostgres({ clientCert: true });
    await certServer.createDatabase('certs');
  });
  after(() => certServer?.dispose());

  it('logs in with the certificate (sslcert path) and its key from the secret store, no password', async () => {
    const cert = certServer.clientCert;
    assert.ok(cert && certServer.caFile);
    const url =
      `${certServer.url('certs')}?sslmode=verify-full&sslrootcert=${encodeURIComponent(certServer.caFile)}` +
      `&sslcert=${encodeURIComponent(cert.crtFile)}`;
    const s = await shipUntilCaughtUp(rig, {
      url,
      storeId: 's1',
      secrets: { password: null, clientKey: cert.keyPem },
    });
    assert.equal(s.lastError, null);
    assert.equal(s.passwordSet, false);
    assert.match(await firstErrorOn(url), /connection requires a valid client certificate/);
  });
});

/** Without the key the same URL is refused (the server asks for a certificate the till cannot prove). */
async function firstErrorOn(url: string): Promise<string> {
  const w = watchAgent({
    db: rig.handle.db,
    url,
    storeId: 's1',
    secrets: {},
  });
  try {
    return (await w.until((s) => s.state === 'retrying', 'retrying')).lastError ?? '';
  } finally {
    await w.agent.stop();
  }
}
