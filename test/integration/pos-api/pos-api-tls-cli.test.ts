// The POS API on a network address speaks only TLS, with the till's own certificate whose SHA-256 the
// POS pins; plain HTTP gets no answer there. The example client (`cli -- pos pay`) pins it, prints the
// QR link, and waits until the customer has paid.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { POS_TLS_FILE } from '../../../electron/core/pos-api/tls-files.ts';
import { signIn } from '../../support/sign-in.ts';
import { REPO_ROOT } from '../cli/run-cli.ts';

const KEY = 'tls-test-key-0123456789abcdef';
let dir: string;
let core: TillCore;
let port: number;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pos-api-tls-'));
  core = await createTillCore({
    dataDir: dir,
    secrets: createMemorySecretStore(),
    posApi: { port: 0, host: '0.0.0.0', key: KEY },
  });
  await signIn(core);
  const m = /^https:\/\/0\.0\.0\.0:(\d+)$/.exec(core.posApi?.url ?? '');
  assert.ok(m, core.posApi?.url);
  port = Number(m[1]);
});

after(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI, streaming its stdout lines to `onLine`. */
function cli(args: string[], onLine: (line: string) => void = () => {}) {
  return new Promise<{ code: number | null; out: string[]; err: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', 'electron/cli/index.ts', ...args],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const out: string[] = [];
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      out.push(line);
      onLine(line);
    });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('POS API over TLS', () => {
  it('keeps its certificate in the data folder (0600) and shows the fingerprint', () => {
    const file = join(dir, POS_TLS_FILE);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { fingerprint256: string };
    assert.equal(stored.fingerprint256, core.posApi?.fingerprint256);
    assert.match(core.posApi?.fingerprint256 ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('gives plain HTTP no answer on a network address', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/v1/openapi.json', headers: { Authorization: `Bearer ${KEY}` } },
        (res) => resolve(`answered ${res.statusCode}`),
      );
      req.on('error', (e) => resolve(`refused: ${(e as NodeJS.ErrnoException).code ?? e.message}`));
      req.end();
    });
    assert.match(outcome, /^refused/);
  });

  it('the CLI refuses a till whose certificate is not the pinned one, before sending the key', async () => {
    const r = await cli([
      'pos',
      'pay',
      '--url',
      `https://127.0.0.1:${port}`,
      '--key',
      KEY,
      '--amount',
      '1.00',
      '--method',
      'ALIPAY',
      '--fingerprint',
      'AA:BB',
    ]);
    assert.equal(r.code, 1);
    assert.match(r.err, /not the pinned one/);
    assert.equal(core.snapshot().sale, null);
  });

  it('the CLI pays: prints the QR link, the customer pays it, it prints paid and exits 0', {
    timeout: 60_000,
  }, async () => {
    let paying: Promise<Response> | null = null;
    const r = await cli(
      [
        'pos',
        'pay',
        '--url',
        `https://127.0.0.1:${port}`,
        '--key',
        KEY,
        '--amount',
        '12.34',
        '--method',
        'WECHATPAY',
        '--reference',
        'CLI-1',
        '--fingerprint',
        core.posApi?.fingerprint256 ?? '',
      ],
      (line) => {
        const qr = /^qr (http\S+)$/.exec(line);
        if (qr) paying = fetch(`${qr[1]}/pay`, { method: 'POST' });
      },
    );
    assert.ok(paying, r.out.join('\n') + r.err);
    assert.equal(r.code, 0, r.out.join('\n') + r.err);
    assert.match(r.out[0] ?? '', /^payment \w+ \(idempotency key cli-[\w-]+\)$/);
    assert.ok(r.out.includes('state waiting'));
    assert.match(r.out.at(-1) ?? '', /^paid \S+/);
    assert.equal(core.snapshot().sale?.phase, 'paid');
    assert.deepEqual(core.snapshot().sale?.pos, { reference: 'CLI-1' });
  });

  it('the CLI says what the till refused: a wrong key', async () => {
    const r = await cli([
      'pos',
      'pay',
      '--url',
      `https://127.0.0.1:${port}`,
      '--key',
      'wrong-key-0123456789',
      '--amount',
      '1',
      '--method',
      'SCAN',
      '--fingerprint',
      core.posApi?.fingerprint256 ?? '',
    ]);
    assert.equal(r.code, 1);
    assert.match(r.err, /refused the key \(401\)/);
  });
});
