// The facade with its real stacks (journal in a temp folder, embedded simulator): PIN-guarded commands,
// settings persistence, secrets kept out of every answer, and the switch from sandbox to live.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startScannerStack } from '../../../electron/core/app/scanner-stack.ts';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { type Clock, ManualClock, systemClock } from '../../../electron/core/clock.ts';
import { MAX_PIN_ATTEMPTS, PIN_FAILURE_DECAY_MS } from '../../../electron/core/config/pin-throttle.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { loadSerialDriver } from '../../../electron/core/devices/serial-driver.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { createSimulator, type Simulator } from '../../../electron/core/simulator/index.ts';
import type { CommandName } from '../../../shared/contract.ts';
import type { AttemptView, CustomerView, TillSnapshot } from '../../../shared/domain.ts';
import { reasonText } from '../../../shared/payments/attempt-reasons.ts';
import type { ScanRefusedEvent } from '../../../shared/scanning/scan-refusal.ts';
import { scannerKeys } from '../../support/scanner-keys.ts';
import { signIn } from '../../support/sign-in.ts';

const LIVE_KEY = '00112233AABBCCDD';
const MERCHANT = 'QC00005496';

let dir: string;
let core: TillCore;
let liveGateway: Simulator;
const secrets = createMemorySecretStore();
/** The till's clock: real time plus what the test skips, so the till's wrong PINs (which a right PIN
 *  no longer forgives, issue 22) wear off between cases without waiting. */
let skipped = 0;
const tillClock: Clock = { ...systemClock, now: () => Date.now() + skipped };
function forgetWrongPins(): void {
  skipped += MAX_PIN_ATTEMPTS * PIN_FAILURE_DECAY_MS;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'till-core-'));
  // A file that does not validate: the till must start anyway and keep the file.
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ currency: 'EUR' }));
  core = await createTillCore({ dataDir: dir, secrets, clock: tillClock });
  await signIn(core);
  liveGateway = await createSimulator({ merchants: [{ merchantId: MERCHANT, signKey: LIVE_KEY }] });
});

after(async () => {
  await core.close();
  await liveGateway.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(name: CommandName | string, payload: unknown) {
  return dispatch(core, 'till', name, payload);
}
async function value<T>(name: CommandName, payload: unknown): Promise<T> {
  const r = await run(name, payload);
  assert.ok(r.ok, JSON.stringify(r));
  return r.value as T;
}

describe('till core', () => {
  it('starts from defaults in sandbox when the settings file is invalid, and keeps that file', async () => {
    const snap = await value<TillSnapshot>('till.snapshot', {});
    assert.equal(snap.sandbox, true);
    assert.equal(snap.settings.currency, 'CAD');
    assert.ok(core.sandboxInfo?.simulatorUrl.startsWith('http://127.0.0.1:'));
    assert.equal(readdirSync(dir).filter((f) => f.startsWith('settings.json.bad-')).length, 1);
    const diag = await value<{ text: string }>('diagnostics.get', {});
    assert.match(diag.text, /settings file was not used \(field currency: /);
  });

  it('changes settings only with the supervisor PIN, persists them and pushes a snapshot', async () => {
    const wrong = await run('settings.update', { patch: { tipPresetsPercent: [5, 10] }, pin: '0000' });
    assert.ok(!wrong.ok && wrong.error.code === 'NOT_ALLOWED');
    const pushed = new Promise<TillSnapshot>((resolve) => {
      const off = core.subscribe('till', (name, payload) => {
        if (name === 'till.snapshot') {
          off();
          resolve(payload as TillSnapshot);
        }
      });
    });
    const next = await value<{ tipPresetsPercent: number[] }>('settings.update', {
      patch: { tipPresetsPercent: [5, 10] },
      pin: '1234',
    });
    assert.deepEqual(next.tipPresetsPercent, [5, 10]);
    assert.deepEqual((await pushed).settings.tipPresetsPercent, [5, 10]);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).tipPresetsPercent, [5, 10]);
  });

  it('keeps per-action gateway versions and the refund query action, refusing a malformed version', async () => {
    const bad = await run('settings.update', {
      patch: { gatewayVersions: { ACTIVEPAY: 'one' } },
      pin: '1234',
    });
    assert.ok(
      !bad.ok && /gatewayVersions\.ACTIVEPAY: a version looks like 1\.0/.test(bad.error.message),
      JSON.stringify(bad),
    );
    const next = await value<{ gatewayVersions: object; refundQueryAction: string }>('settings.update', {
      patch: { gatewayVersions: { ACTIVEPAY: '1.1' }, refundQueryAction: 'REFUND_QUERY' },
      pin: '1234',
    });
    assert.deepEqual(next.gatewayVersions, { ACTIVEPAY: '1.1' });
    const stored = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
    assert.deepEqual(
      [stored.gatewayVersions, stored.refundQueryAction],
      [{ ACTIVEPAY: '1.1' }, 'REFUND_QUERY'],
    );
    assert.equal(core.snapshot().settings.refundQueryAction, 'REFUND_QUERY');
  });

  it('changes the PIN only with the old one', async () => {
    const wrong = await run('settings.changePin', { oldPin: '1111', newPin: '24680' });
    assert.ok(!wrong.ok && wrong.error.code === 'NOT_ALLOWED');
    assert.equal(await value('settings.changePin', { oldPin: '1234', newPin: '24680' }), null);
    const old = await run('settings.update', { patch: { soundsOn: false }, pin: '1234' });
    assert.ok(!old.ok && old.error.code === 'NOT_ALLOWED');
  });

  it('needs the PIN for a refund and an override', async () => {
    forgetWrongPins();
    await value('sale.payPassive', { amountCents: 2500, tipCents: 0 });
    const paid = await value<AttemptView>('sale.submitScan', {
      code: '284567890123456789',
      source: 'manual',
    });
    assert.equal(paid.state, 'paid');
    await value('sale.new', {});
    const refused = await run('refund.create', { attemptId: paid.attemptId, amountCents: 500, pin: '1234' });
    assert.ok(!refused.ok && refused.error.code === 'NOT_ALLOWED');
    const refund = await value<{ amountCents: number; state: string }>('refund.create', {
      attemptId: paid.attemptId,
      amountCents: 500,
      pin: '24680',
    });
    assert.equal(refund.amountCents, 500);
    assert.equal((await value<unknown[]>('refund.list', { attemptId: paid.attemptId })).length, 1);
    const override = await run('override.markFailed', {
      attemptId: paid.attemptId,
      reason: 'test',
      pin: '1234',
    });
    assert.ok(!override.ok && override.error.code === 'NOT_ALLOWED');
    const noPin = await run('attention.acknowledge', { attemptId: paid.attemptId, reason: 'x', pin: '1234' });
    assert.ok(!noPin.ok && noPin.error.code === 'NOT_ALLOWED');
    const acknowledged = await value<AttemptView>('attention.acknowledge', {
      attemptId: paid.attemptId,
      reason: 'checked with the customer',
      pin: '24680',
    });
    assert.equal(acknowledged.needsAttention, false);
    assert.equal(acknowledged.state, 'paid');
  });

  it('keeps the sign key write-only and switches to live once a merchant and key are set', {
    timeout: 20_000,
  }, async () => {
    const keyed = await value<{ signKeySet: boolean }>('settings.setSignKey', {
      signKey: LIVE_KEY,
      pin: '24680',
    });
    assert.equal(keyed.signKeySet, true);
    assert.equal(core.snapshot().sandbox, true, 'a key without a merchant id is not live');

    // A sale is waiting for a wallet code: the gateway is not swapped under it.
    await value('sale.payPassive', { amountCents: 1000, tipCents: 0 });
    await value('settings.update', {
      patch: { merchantId: MERCHANT, operatorId: '42', gatewayUrl: liveGateway.url },
      pin: '24680',
    });
    assert.equal(core.snapshot().sandbox, true, 'still sandbox while the sale waits');
    const wentLive = new Promise<void>((resolve) => {
      const off = core.subscribe('till', (name, payload) => {
        if (name === 'till.snapshot' && !(payload as TillSnapshot).sandbox) {
          off();
          resolve();
        }
      });
    });
    await value('sale.cancel', {});
    await wentLive;
    const snap = await value<TillSnapshot>('till.snapshot', {});
    assert.equal(snap.sandbox, false);
    assert.equal(core.sandboxInfo, null);
    assert.equal(core.customerView().sandbox, false);

    // The live journal is a different file: the sandbox payments are not in its history.
    assert.deepEqual(await value<AttemptView[]>('history.search', {}), []);
    assert.ok(
      readdirSync(dir).includes('journal.sqlite') && readdirSync(dir).includes('journal-sandbox.sqlite'),
    );

    const attempt = await value<AttemptView>('sale.payActive', {
      amountCents: 1500,
      tipCents: 0,
      wallet: 'UNIONPAY',
    });
    assert.ok(liveGateway.control.order(attempt.orderId), 'the order went to the configured gateway');
    await value('sale.cancel', {});

    const everything = [
      JSON.stringify(core.snapshot()),
      JSON.stringify(core.customerView()),
      (await value<{ text: string }>('diagnostics.get', {})).text,
      readFileSync(join(dir, 'settings.json'), 'utf8'),
      ...core.logger.recent(),
    ].join('\n');
    assert.ok(!everything.includes(LIVE_KEY));
    assert.equal(await secrets.get('signKey'), LIVE_KEY);
  });
});

describe('till core on a manual clock', () => {
  it('tells the customer "cancelled" when a payment is set aside, until the next amount or 8 s', {
    timeout: 20_000,
  }, async () => {
    const clock = new ManualClock();
    const manualDir = mkdtempSync(join(tmpdir(), 'till-core-aside-'));
    const till = await createTillCore({ dataDir: manualDir, secrets: createMemorySecretStore(), clock });
    try {
      await signIn(till);
      const pay = await dispatch(till, 'till', 'sale.payActive', {
        amountCents: 2000,
        tipCents: 0,
        wallet: 'ALIPAY',
      });
      assert.ok(pay.ok, JSON.stringify(pay));
      assert.equal(till.customerView().phase, 'qr');
      assert.ok((await dispatch(till, 'till', 'sale.setAside', {})).ok);
      assert.equal(till.snapshot().sale, null, 'the next sale can start at once');
      assert.equal(till.snapshot().background.length, 1, 'the payment is still being checked');
      assert.equal(till.customerView().phase, 'cancelled');
      assert.ok((await dispatch(till, 'till', 'sale.draft', { amountCents: 0, tipCents: 0 })).ok);
      assert.equal(till.customerView().phase, 'cancelled', 'an empty amount screen does not end it');
      clock.advance(8_001);
      assert.equal(till.customerView().phase, 'idle');
      assert.ok((await dispatch(till, 'till', 'sale.draft', { amountCents: 1234, tipCents: 100 })).ok);
      assert.deepEqual([till.customerView().phase, till.customerView().amountCents], ['entering', 1334]);
    } finally {
      await closeOnManualClock(till, clock);
      rmSync(manualDir, { recursive: true, force: true });
    }
  });

  it('withdraws the QR from the customer display when it expires', { timeout: 20_000 }, async () => {
    const clock = new ManualClock();
    const manualDir = mkdtempSync(join(tmpdir(), 'till-core-clock-'));
    const till = await createTillCore({ dataDir: manualDir, secrets: createMemorySecretStore(), clock });
    await signIn(till);
    try {
      const views: CustomerView[] = [];
      till.subscribe('customer', (_name, payload) => views.push(payload as CustomerView));
      const r = await dispatch(till, 'till', 'sale.payActive', {
        amountCents: 2000,
        tipCents: 0,
        wallet: 'ALIPAY',
      });
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(till.customerView().phase, 'qr');
      const expiresAt = till.customerView().expiresAt ?? 0;
      assert.equal(expiresAt, clock.now() + 120_000);
      clock.advance(expiresAt - clock.now() + 1);
      assert.notEqual(till.customerView().phase, 'qr');
      // An expired QR is over for the customer (the till keeps checking it in the background).
      assert.equal(views.at(-1)?.phase, 'cancelled');
      assert.equal(views.at(-1)?.qrPayload, null);
    } finally {
      await closeOnManualClock(till, clock);
      rmSync(manualDir, { recursive: true, force: true });
    }
  });
});

describe('till core whose serial driver cannot load', () => {
  it('starts, says why serial is out, and still takes a wallet code', { timeout: 20_000 }, async () => {
    const brokenDir = mkdtempSync(join(tmpdir(), 'till-core-noserial-'));
    const broken = () =>
      loadSerialDriver(async () => {
        throw new Error('bindings.node: invalid ELF header');
      });
    const till = await createTillCore({
      dataDir: brokenDir,
      secrets: createMemorySecretStore(),
      stacks: { startScanners: (input) => startScannerStack(input, broken) },
    });
    await signIn(till);
    try {
      const call = (name: CommandName, payload: unknown) => dispatch(till, 'till', name, payload);
      const enabled = await call('settings.update', {
        patch: {
          scanners: {
            serial: {
              enabled: true,
              path: '/dev/ttyUSB0',
              baudRate: 9600,
              framing: 'CR',
              prefix: '',
              suffix: '',
            },
            wedge: { enabled: true },
          },
        },
        pin: '1234',
      });
      assert.ok(enabled.ok, JSON.stringify(enabled));
      const serial = till.snapshot().scanners.find((s) => s.kind === 'serial');
      assert.equal(serial?.state, 'failed');
      assert.match(
        serial?.detail ?? '',
        /serial port driver did not load \(bindings\.node: invalid ELF header\)/,
      );
      const ports = await call('scanner.listPorts', {});
      assert.ok(!ports.ok && ports.error.code === 'DEVICE_UNAVAILABLE', JSON.stringify(ports));
      assert.ok(till.logger.recent().some((l) => l.includes('serial scanning is unavailable')));

      assert.ok((await call('sale.payPassive', { amountCents: 1250, tipCents: 0 })).ok);
      const paid = await call('sale.submitScan', { code: '134567890123456789', source: 'manual' });
      assert.ok(paid.ok, JSON.stringify(paid));
      assert.equal((paid.value as AttemptView).amountCents, 1250);
      assert.equal((paid.value as AttemptView).state, 'paid', 'the sandbox pays a wallet code at once');
    } finally {
      await till.close();
      rmSync(brokenDir, { recursive: true, force: true });
    }
  });
});

describe('till core: the operator names the wallet of a code the patterns do not know', () => {
  it('sends a plausible unknown-prefix code as the picked wallet, refuses it unpicked', {
    timeout: 20_000,
  }, async () => {
    const pickDir = mkdtempSync(join(tmpdir(), 'till-core-pick-'));
    const till = await createTillCore({ dataDir: pickDir, secrets: createMemorySecretStore() });
    await signIn(till);
    const call = (name: CommandName, payload: unknown) => dispatch(till, 'till', name, payload);
    const unknownPrefix = '771234567890123456'; // 18 digits, no wallet's prefix
    try {
      const early = await call('sale.pickScanWallet', { wallet: 'ALIPAY' });
      assert.ok(!early.ok && early.error.code === 'CONFLICT', 'only while a code is awaited');

      assert.ok((await call('sale.payPassive', { amountCents: 1500, tipCents: 0 })).ok);
      const unpicked = await call('sale.submitScan', { code: unknownPrefix, source: 'manual' });
      assert.ok(!unpicked.ok && unpicked.error.reason === 'not-a-payment-code', JSON.stringify(unpicked));

      const picked = await call('sale.pickScanWallet', { wallet: 'ALIPAY' });
      assert.ok(picked.ok, JSON.stringify(picked));
      assert.equal(till.snapshot().scanWallet, 'ALIPAY');
      const sent = await call('sale.submitScan', { code: unknownPrefix, source: 'manual' });
      assert.ok(sent.ok, JSON.stringify(sent));
      const attempt = sent.value as AttemptView;
      assert.equal(attempt.wallet, 'ALIPAY');
      // The sandbox, like a wallet, refuses a code it does not issue: the till sent it and says why.
      assert.equal(attempt.state, 'failed');
      assert.equal(attempt.reason, reasonText('authCodeInvalid'));
      assert.equal(till.snapshot().scanWallet, null, 'the pick ends with the wait');

      await call('sale.new', {});
      await call('settings.update', { patch: { wallets: ['WECHATPAY'] }, pin: '1234' });
      assert.ok((await call('sale.payPassive', { amountCents: 1500, tipCents: 0 })).ok);
      const disabled = await call('sale.pickScanWallet', { wallet: 'ALIPAY' });
      assert.ok(!disabled.ok && disabled.error.code === 'VALIDATION', JSON.stringify(disabled));
      await call('sale.cancel', {});
    } finally {
      await till.close();
      rmSync(pickDir, { recursive: true, force: true });
    }
  });
});

describe('till core: a scanner code the payments engine refuses', () => {
  it('is announced to the till page with its reason, and the next code is still taken', {
    timeout: 20_000,
  }, async () => {
    const refusedDir = mkdtempSync(join(tmpdir(), 'till-core-refused-'));
    const till = await createTillCore({ dataDir: refusedDir, secrets: createMemorySecretStore() });
    await signIn(till);
    const call = (name: CommandName, payload: unknown) => dispatch(till, 'till', name, payload);
    // Key presses as Electron's main process feeds them: 5 ms apart, Enter last.
    const scan = (code: string) => till.feedWedgeKeys(scannerKeys(code));
    const refusals: ScanRefusedEvent[] = [];
    const off = till.subscribe('till', (name, payload) => {
      if (name === 'scan.refused') refusals.push(payload as ScanRefusedEvent);
    });
    try {
      assert.ok((await call('settings.update', { patch: { wallets: ['WECHATPAY'] }, pin: '1234' })).ok);
      assert.ok((await call('sale.payPassive', { amountCents: 1200, tipCents: 0 })).ok);
      scan('284567890123456789'); // an Alipay code, and Alipay is not offered here
      await waitFor(till, () => refusals.length === 1);
      assert.equal(refusals[0]?.error.reason, 'wallet-not-enabled');
      assert.deepEqual(refusals[0]?.error.params, { wallet: 'ALIPAY' });
      assert.equal(refusals[0]?.source, 'wedge');

      scan('134567890123456789'); // WeChat Pay: the wait was armed again
      await waitFor(till, () => till.snapshot().sale?.attempt?.state === 'paid');
      assert.equal(refusals.length, 1);
    } finally {
      off();
      await till.close();
      rmSync(refusedDir, { recursive: true, force: true });
    }
  });
});

/** Resolves when `check` holds, looking again at each event the core pushes (no sleep). */
function waitFor(till: TillCore, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const off = till.subscribe('till', () => {
      if (!check()) return;
      off();
      resolve();
    });
  });
}

/** Work in flight may wait on the manual clock (retry backoff): keep time moving until closed. */
async function closeOnManualClock(till: TillCore, clock: ManualClock): Promise<void> {
  let closed = false;
  const closing = till.close().then(() => {
    closed = true;
  });
  while (!closed) await clock.advanceAsync(1_000);
  await closing;
}
