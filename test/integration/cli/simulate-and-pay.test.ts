// `simulate` as a child process, and the gateway commands against it, configured by flags and env.
import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { SAMPLE_CODES } from '../../../electron/core/simulator/wallet-codes.ts';
import { cleanEnv, REPO_ROOT, runCli } from './run-cli.ts';

const MERCHANT = 'QC00000042';
const KEY = '9F8E7D6C5B4A3921';
let sim: ChildProcessWithoutNullStreams;
let url = '';
let env: Record<string, string>;
const simLines: string[] = [];
const lineWaiters = new Set<() => void>();

/** Resolves once the simulator has printed a line that matches (lines already printed count). */
function simLine(match: (line: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    const check = () => {
      const line = simLines.find(match);
      if (line === undefined) return;
      lineWaiters.delete(check);
      resolve(line);
    };
    lineWaiters.add(check);
    check();
  });
}

before(async () => {
  sim = spawn(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      'electron/cli/index.ts',
      'simulate',
      '--port',
      '0',
      '--merchant-id',
      MERCHANT,
      '--sign-key',
      KEY,
    ],
    { cwd: REPO_ROOT, env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const lines = createInterface({ input: sim.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    sim.once('exit', (code) => reject(new Error(`simulate exited ${code}`)));
  });
  lines.on('line', (line) => {
    simLines.push(line);
    for (const waiter of [...lineWaiters]) waiter();
  });
  const m = /^listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(first);
  assert.ok(m, `first line was ${JSON.stringify(first)}`);
  url = m[1] ?? '';
  env = {
    OTTPAY_URL: url,
    OTTPAY_MERCHANT_ID: MERCHANT,
    OTTPAY_SIGN_KEY: KEY,
    OTTPAY_OPERATOR_ID: '0000000007',
  };
});

after(async () => {
  if (sim.exitCode === null) {
    const exited = new Promise((resolve) => sim.once('exit', resolve));
    sim.kill('SIGTERM');
    await exited;
  }
});

const noKey = (r: { stdout: string; stderr: string }) => {
  assert.ok(!r.stdout.includes(KEY) && !r.stderr.includes(KEY), 'the sign key is never echoed');
};

describe('gateway commands against the simulator', () => {
  test('pay-passive: paid, as JSON on stdout', async () => {
    const r = await runCli(
      ['pay-passive', '--amount', '12.34', '--auth-code', SAMPLE_CODES.WECHATPAY, '--order-id', 'CLI1'],
      { env },
    );
    assert.equal(r.code, 0, r.stderr);
    const state = JSON.parse(r.stdout) as { status: string; orderId: string; totalAmountCents: number };
    assert.deepEqual([state.orderId, state.status, state.totalAmountCents], ['CLI1', 'success', 1234]);
    noKey(r);
  });

  test('pay-passive 99: declined, one line on stderr, exit 1', async () => {
    const r = await runCli(['pay-passive', '--amount', '5.99', '--auth-code', SAMPLE_CODES.ALIPAY], { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^declined \(FAIL\): /);
    assert.equal(r.stdout, '');
    noKey(r);
  });

  test('pay-passive 94 with --wait: unknown outcome resolved by query, never by paying again', async () => {
    const r = await runCli(
      [
        'pay-passive',
        '--amount',
        '5.94',
        '--auth-code',
        SAMPLE_CODES.UNIONPAY,
        '--order-id',
        'CLI94',
        '--wait',
        '5',
      ],
      { env },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { status: string }).status, 'success');
    assert.match(r.stderr, /outcome unknown/);
    // the simulator logs every request before answering it: by its STATUS_QUERY lines, the one PASSIVEPAY is in
    await simLine((l) => l.startsWith('STATUS_QUERY') && l.includes('order=CLI94'));
    assert.equal(simLines.filter((l) => l.startsWith('PASSIVEPAY') && l.includes('order=CLI94')).length, 1);
  });

  test('query: an order the gateway never saw', async () => {
    const r = await runCli(['query', 'NEVER1'], { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^declined \(FAIL, not found\)/);
  });

  test('pay-active: code_url; the customer pays on the wallet page; query says success', async () => {
    const r = await runCli(
      ['pay-active', '--amount', '20', '--tip', '2.50', '--wallet', 'alipay', '--order-id', 'CLIA1'],
      { env },
    );
    assert.equal(r.code, 0, r.stderr);
    const created = JSON.parse(r.stdout) as { orderId: string; codeUrl: string };
    assert.match(created.codeUrl, /^http:\/\/127\.0\.0\.1:\d+\/wallet\/[0-9a-f]+$/);
    const paid = await fetch(`${created.codeUrl}/pay`, { method: 'POST' });
    assert.match(await paid.text(), /Payment successful/);
    const q = await runCli(['query', '--order-id', 'CLIA1'], { env });
    assert.equal(q.code, 0, q.stderr);
    assert.deepEqual([JSON.parse(q.stdout).status, JSON.parse(q.stdout).totalAmountCents], ['success', 2250]);
  });

  test('refund, refund query and the ledger', async () => {
    const r = await runCli(['refund', '--order-id', 'CLI1', '--amount', '2.34', '--refund-id', 'CLIR1'], {
      env,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      refundOrderId: 'CLIR1',
      originalOrderId: 'CLI1',
      amountCents: 234,
      status: 'partial_refunded',
    });
    const q = await runCli(['query', '--refund', '--order-id', 'CLIR1'], { env });
    assert.equal(JSON.parse(q.stdout).status, 'success');
    // The refund query action and per-action versions come from flags (or OTTPAY_REFUND_QUERY/VERSIONS).
    const rq = await runCli(
      [
        'query',
        '--refund',
        '--order-id',
        'CLIR1',
        '--refund-query',
        'REFUND_QUERY',
        '--versions',
        'REFUND_QUERY=1.2',
      ],
      { env },
    );
    assert.equal(rq.code, 0, rq.stderr);
    assert.equal(JSON.parse(rq.stdout).status, 'success');
    await simLine((l) => l.startsWith('REFUND_QUERY') && l.includes('order=CLIR1 v1.2'));
    const badVersions = await runCli(['query', 'CLIR1', '--versions', 'PAY=1'], { env });
    assert.equal(badVersions.code, 2);
    assert.match(badVersions.stderr, /--versions: "PAY=1" is not ACTION=VERSION/);
    const badRefundQuery = await runCli(['query', 'CLIR1'], {
      env: { ...env, OTTPAY_REFUND_QUERY: 'LOOKUP' },
    });
    assert.equal(badRefundQuery.code, 2);
    const tooMuch = await runCli(['refund', '--order-id', 'CLI1', '--amount', '100'], { env });
    assert.equal(tooMuch.code, 1);
    assert.match(tooMuch.stderr, /declined \(FAIL\): .*exceeds/);
    const ledger = (await (await fetch(`${url}/_sim/ledger`)).json()) as { refundedCents: number };
    assert.equal(ledger.refundedCents, 234);
  });

  test('rate: flags override the environment', async () => {
    const r = await runCli(['rate', '--currency', 'usd', '--url', url], {
      env: { ...env, OTTPAY_URL: 'http://127.0.0.1:9' },
    });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { currency: 'USD', cnyPerUnit: 7.1, raw: '710000000' });
  });

  test('wrong key: invalid_request said plainly, key not echoed', async () => {
    const r = await runCli(['query', 'CLI1'], { env: { ...env, OTTPAY_SIGN_KEY: '0000000000000000' } });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^invalid_request \(PARAM_ERROR\).*check the merchant id, sign key/);
    assert.ok(!r.stderr.includes('0000000000000000'));
  });

  test('misuse: exit 2 with a reason', async () => {
    const missing = await runCli(['query', 'X1'], { env: { OTTPAY_URL: url } });
    assert.equal(missing.code, 2);
    assert.match(
      missing.stderr,
      /missing gateway settings: --merchant-id \(OTTPAY_MERCHANT_ID\), --operator-id/,
    );
    const badAmount = await runCli(
      ['pay-passive', '--amount', '12.345', '--auth-code', SAMPLE_CODES.WECHATPAY],
      { env },
    );
    assert.equal(badAmount.code, 2);
    assert.match(badAmount.stderr, /--amount: Amount must be a number with at most two decimals/);
    const unknownWallet = await runCli(['pay-passive', '--amount', '1', '--auth-code', '12345'], { env });
    assert.equal(unknownWallet.code, 2);
    assert.match(unknownWallet.stderr, /--wallet is required/);
    const badFlag = await runCli(['rate', '--nonsense'], { env });
    assert.equal(badFlag.code, 2);
    const help = await runCli(['refund', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /OTTPAY_SIGN_KEY/);
  });

  test('nothing listening: network, nothing sent', async () => {
    const r = await runCli(['pay-passive', '--amount', '1', '--auth-code', SAMPLE_CODES.WECHATPAY], {
      env: { ...env, OTTPAY_URL: 'http://127.0.0.1:9' },
    });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^network: .*nothing was sent/);
  });
});

/** `simulate --port 0 …` as a child process: its first stdout line, and a stop that gives its exit code. */
function startSimulate(args: string[], extraEnv: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'electron/cli/index.ts', 'simulate', '--port', '0', ...args],
    { cwd: REPO_ROOT, env: { ...cleanEnv(), ...extraEnv } },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const first = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    void exited.then((code) => reject(new Error(`simulate exited ${code}`)));
  });
  const stop = () => {
    child.kill('SIGTERM');
    return exited;
  };
  return { first, stop };
}

describe('simulate', () => {
  test('bad flags exit 2; a taken port exits 1 with the reason', async () => {
    const badPort = await runCli(['simulate', '--port', 'abc']);
    assert.equal(badPort.code, 2);
    const keylessMerchant = await runCli(['simulate', '--merchant-id', 'QC00000001']);
    assert.equal(keylessMerchant.code, 2);
    assert.match(keylessMerchant.stderr, /--merchant-id needs a sign key: --sign-key KEY or OTTPAY_SIGN_KEY/);
    const port = new URL(url).port;
    const taken = await runCli(['simulate', '--port', port]);
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /cannot start the simulator: .*EADDRINUSE/);
  });

  test('stops cleanly on SIGTERM', async () => {
    const sim = startSimulate(['--quiet']);
    assert.match(await sim.first, /^listening on http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(await sim.stop(), 0);
  });

  test('--sign-key alone keys the sandbox merchant; a key in the environment leaves plain simulate alone', async () => {
    const ownKey = startSimulate(['--quiet', '--sign-key', KEY]);
    const plain = startSimulate(['--quiet'], { OTTPAY_SIGN_KEY: KEY });
    try {
      const [ownLine, plainLine] = await Promise.all([ownKey.first, plain.first]);
      const keyedUrl = /^listening on (\S+)$/.exec(ownLine)?.[1] ?? '';
      const plainUrl = /^listening on (\S+)$/.exec(plainLine)?.[1] ?? '';
      const asSandbox = {
        OTTPAY_URL: keyedUrl,
        OTTPAY_MERCHANT_ID: 'SB00000001',
        OTTPAY_OPERATOR_ID: '0000000001',
      };
      const withKey = await runCli(['query', 'NEVER2'], { env: { ...asSandbox, OTTPAY_SIGN_KEY: KEY } });
      assert.match(withKey.stderr, /^declined \(FAIL, not found\)/, 'the given key is the merchant’s');
      const withSandboxKey = await runCli(['query', 'NEVER2'], {
        env: { ...asSandbox, OTTPAY_SIGN_KEY: '5A4D0B0C5EED1E55' },
      });
      assert.match(withSandboxKey.stderr, /^invalid_request/, 'the sandbox key no longer opens it');
      const plainSandbox = await runCli(['query', 'NEVER3'], {
        env: { ...asSandbox, OTTPAY_URL: plainUrl, OTTPAY_SIGN_KEY: '5A4D0B0C5EED1E55' },
      });
      assert.match(
        plainSandbox.stderr,
        /^declined \(FAIL, not found\)/,
        'plain simulate keeps the sandbox key',
      );
    } finally {
      await Promise.all([ownKey.stop(), plain.stop()]);
    }
  });
});
