import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import {
  createSafeStorageSecretStore,
  NO_KEYRING_MESSAGE,
  NO_SECURE_STORAGE_MESSAGE,
  type SafeStorageLike,
  secureStorageProblem,
} from '../../../electron/main/secret-store-safe-storage.ts';
import { AppError } from '../../../shared/result.ts';

// Electron's safeStorage cannot run under Node: this stand-in of its async API encrypts with a
// per-"machine" byte so that a file from another machine does not decrypt, like the OS keys it wraps,
// and tags its output as Chromium does on Linux ('v11' keyring, 'v10' the hard-coded fallback key).
function fakeSafeStorage(
  opts: {
    available?: boolean;
    backend?: string;
    machine?: number;
    tag?: 'v10' | 'v11';
    rotated?: boolean;
  } = {},
): SafeStorageLike & { encrypts: number } {
  const k = opts.machine ?? 0x5a;
  const tag = Buffer.from(opts.tag ?? 'v11', 'latin1');
  const fake = {
    encrypts: 0,
    isAsyncEncryptionAvailable: async () => opts.available ?? true,
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (text: string) => {
      fake.encrypts++;
      return Buffer.concat([tag, Buffer.from([k]), Buffer.from(text, 'utf8').map((b) => b ^ k)]);
    },
    decryptStringAsync: async (buf: Buffer) => {
      if (buf[3] !== k)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.');
      const result = Buffer.from(buf.subarray(4).map((b) => b ^ k)).toString('utf8');
      return { shouldReEncrypt: opts.rotated ?? false, result };
    },
  };
  return fake;
}

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'safe-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('secrets round-trip encrypted: the file holds neither the key nor the PIN hash, mode 0600', async () => {
  const path = join(dir, 'secrets.safe.json');
  const store = createSafeStorageSecretStore(path, fakeSafeStorage(), 'linux');
  assert.equal(await store.has('signKey'), false);
  assert.equal(await store.get('signKey'), null);
  await store.set('signKey', '0123456789ABCDEF');
  await store.set('pinHash', 'scrypt$salt$hash');
  assert.equal(await store.get('signKey'), '0123456789ABCDEF');
  assert.equal(await store.get('pinHash'), 'scrypt$salt$hash');
  assert.equal(await store.has('pinHash'), true);
  const raw = readFileSync(path, 'utf8');
  assert.doesNotMatch(raw, /0123456789ABCDEF|scrypt/);
  if (process.platform !== 'win32') assert.equal(statSync(path).mode & 0o777, 0o600);
});

test('no secure storage: setting fails with a clear STORAGE message, nothing is written in clear', async () => {
  const path = join(dir, 'secrets.safe.json');
  for (const safe of [fakeSafeStorage({ available: false }), fakeSafeStorage({ backend: 'basic_text' })]) {
    assert.equal(await secureStorageProblem(safe, 'linux'), NO_KEYRING_MESSAGE);
    const store = createSafeStorageSecretStore(path, safe, 'linux');
    await assert.rejects(store.set('signKey', '0123456789ABCDEF'), (err: unknown) => {
      assert.ok(err instanceof AppError);
      assert.equal(err.code, 'STORAGE');
      assert.match(
        err.message,
        /Install the gnome-keyring and libsecret-1-0 packages \(sudo apt install gnome-keyring libsecret-1-0\)/,
      );
      assert.equal(err.reason, 'no-keyring', 'worded in the operator language by the renderer');
      return true;
    });
  }
  assert.throws(() => readFileSync(path));
  // basic_text only matters on Linux; elsewhere availability is the whole answer.
  assert.equal(await secureStorageProblem(fakeSafeStorage({ backend: 'basic_text' }), 'win32'), null);
  assert.equal(
    await secureStorageProblem(fakeSafeStorage({ available: false }), 'win32'),
    NO_SECURE_STORAGE_MESSAGE,
  );
});

test("Linux: the async API's hard-coded fallback key ('v10', no Secret Service) is refused like no keyring", async () => {
  const path = join(dir, 'secrets.safe.json');
  const store = createSafeStorageSecretStore(path, fakeSafeStorage({ tag: 'v10' }), 'linux');
  await assert.rejects(store.set('signKey', '0123456789ABCDEF'), (err: unknown) => {
    assert.ok(err instanceof AppError);
    assert.equal(err.reason, 'no-keyring');
    return true;
  });
  assert.throws(() => readFileSync(path), 'nothing written');
});

test('a rotated OS key: the secret is read and stored again under the new key', async () => {
  const path = join(dir, 'secrets.safe.json');
  await createSafeStorageSecretStore(path, fakeSafeStorage(), 'linux').set('signKey', '0123456789ABCDEF');
  const rotated = fakeSafeStorage({ rotated: true });
  assert.equal(await createSafeStorageSecretStore(path, rotated, 'linux').get('signKey'), '0123456789ABCDEF');
  assert.equal(rotated.encrypts, 1, 're-encrypted once');
});

test('a file from another machine or a damaged file: a STORAGE error that echoes nothing', async () => {
  const path = join(dir, 'secrets.safe.json');
  await createSafeStorageSecretStore(path, fakeSafeStorage({ machine: 1 }), 'linux').set(
    'signKey',
    '0123456789ABCDEF',
  );
  const here = createSafeStorageSecretStore(path, fakeSafeStorage({ machine: 2 }), 'linux');
  await assert.rejects(here.get('signKey'), /cannot be decrypted on this computer/);
  writeFileSync(path, '{"signKey": "0123456789ABCDEF"');
  await assert.rejects(here.get('signKey'), (err: unknown) => {
    assert.ok(err instanceof AppError);
    assert.doesNotMatch(err.message, /0123456789ABCDEF/);
    return true;
  });
});
