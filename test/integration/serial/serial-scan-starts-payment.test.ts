// Issue 15 item 5 for a SERIAL scanner: a till core (sandbox, embedded simulator) with its serial
// scanner on a real socat pty pair. A wallet code scanned while the amount screen holds an amount
// starts the passive payment for exactly that amount and tip; with no amount keyed, or nobody signed
// in, the code is refused as before ("no payment waiting"). Every wait is on a pushed event, no sleeps.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import type { SimOrderView } from '../../../electron/core/simulator/engine.ts';
import type { CommandName, ScanLogEntry } from '../../../shared/contract.ts';
import type { ScanRefusedEvent } from '../../../shared/scanning/scan-refusal.ts';
import { signIn } from '../../support/sign-in.ts';
import { type PtyPair, startPtyPair } from './pty-pair.ts';

const WECHAT = '134567890123456789';
const WECHAT_2 = '134567890123456780';
const opts = { timeout: 20_000 };

describe('a serial scanner code on the amount screen', () => {
  let dir = '';
  let pair: PtyPair;
  let till: TillCore;
  const refusals: ScanRefusedEvent[] = [];
  const scanLog: ScanLogEntry[] = [];
  let off = () => {};

  const call = async (name: CommandName, payload: unknown) => {
    const r = await dispatch(till, 'till', name, payload);
    assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
    return r.value;
  };

  /** Resolves when `check` holds, looking again at each event the core pushes. */
  const waitFor = (check: () => boolean) =>
    new Promise<void>((resolve) => {
      if (check()) return resolve();
      const stop = till.subscribe('till', () => {
        if (!check()) return;
        stop();
        resolve();
      });
    });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'serial-scan-pay-'));
    pair = await startPtyPair(dir);
    till = await createTillCore({ dataDir: join(dir, 'data'), secrets: createMemorySecretStore() });
    off = till.subscribe('till', (name, payload) => {
      if (name === 'scan.refused') refusals.push(payload as ScanRefusedEvent);
      if (name === 'scanner.log') scanLog.push(payload as ScanLogEntry);
    });
    await signIn(till);
    await call('settings.update', {
      patch: {
        scanners: {
          serial: { enabled: true, path: pair.a, baudRate: 9600, framing: 'CR', prefix: '', suffix: '' },
          wedge: { enabled: true },
        },
      },
      pin: '1234',
    });
    await waitFor(() => till.snapshot().scanners.some((s) => s.kind === 'serial' && s.state === 'connected'));
  });

  after(async () => {
    off();
    await till?.close();
    await pair?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with no amount keyed, is refused as before', opts, async () => {
    pair.write(`${WECHAT}\r`);
    await waitFor(() => refusals.length === 1);
    assert.equal(refusals[0]?.source, 'serial');
    assert.equal(refusals[0]?.error.reason, 'no-payment-waiting');
    assert.equal(till.snapshot().sale, null, 'no sale started');
  });

  it('with an amount keyed but nobody signed in, is refused as before', opts, async () => {
    await call('sale.draft', { amountCents: 1250, tipCents: 150 });
    await call('staff.signOut', {});
    assert.equal(till.snapshot().staff.cashier, null);
    pair.write(`${WECHAT}\r`);
    await waitFor(() => refusals.length === 2);
    assert.equal(refusals[1]?.source, 'serial');
    assert.equal(refusals[1]?.error.reason, 'no-payment-waiting');
    assert.equal(till.snapshot().sale, null, 'no sale started');
  });

  it('with an amount and tip keyed by a signed-in cashier, pays exactly that', opts, async () => {
    await signIn(till);
    const cashier = till.snapshot().staff.cashier;
    assert.ok(cashier);
    await call('sale.draft', { amountCents: 1250, tipCents: 150 });
    pair.write(`${WECHAT}\r`);
    await waitFor(() => till.snapshot().sale?.attempt?.state === 'paid');
    const sale = till.snapshot().sale;
    assert.equal(refusals.length, 2, JSON.stringify(refusals.slice(2)));
    assert.equal(sale?.amountCents, 1250);
    assert.equal(sale?.tipCents, 150);
    assert.equal(sale?.attempts.length, 1);
    const attempt = sale?.attempt;
    assert.equal(attempt?.mode, 'passive');
    assert.equal(attempt?.wallet, 'WECHATPAY');
    assert.equal(attempt?.cashierId, cashier.staffId, 'the attempt records the cashier');
    assert.equal(attempt?.maskedCode?.slice(-4), WECHAT.slice(-4));
    assert.equal(scanLog.at(-1)?.outcome, 'delivered');
    assert.equal(scanLog.at(-1)?.source, 'serial');

    // What the gateway (the embedded simulator) charged.
    const url = till.sandboxInfo?.simulatorUrl;
    assert.ok(url);
    const res = await fetch(`${url}/_sim/orders/${encodeURIComponent(attempt?.orderId ?? '')}`);
    assert.equal(res.status, 200);
    const order = (await res.json()) as SimOrderView;
    assert.equal(order.mode, 'passive');
    assert.equal(order.amountCents, 1250);
    assert.equal(order.tipCents, 150);
    assert.equal(order.status, 'success');
  });

  it(
    'the same code again goes through the scan rules first: counted once, starts nothing',
    opts,
    async () => {
      await call('sale.new', {});
      await call('sale.draft', { amountCents: 900, tipCents: 0 });
      const logged = scanLog.length;
      pair.write(`${WECHAT}\r`);
      await waitFor(() => scanLog.length > logged);
      assert.equal(scanLog.at(-1)?.outcome, 'duplicate');
      assert.equal(till.snapshot().sale, null, 'no sale started');
      assert.equal(refusals.length, 2);
    },
  );

  it(
    'the amount goes with the sale: after it, and under a sale the page started, the draft is not used',
    opts,
    async () => {
      await call('sale.draft', { amountCents: 900, tipCents: 0 });
      await call('sale.payPassive', { amountCents: 2000, tipCents: 0 }); // "Scan customer code", 20.00
      await call('sale.draft', { amountCents: 3000, tipCents: 0 }); // a stale page's draft under the sale
      pair.write(`${WECHAT_2}\r`);
      await waitFor(() => till.snapshot().sale?.attempt?.state === 'paid');
      assert.equal(till.snapshot().sale?.amountCents, 2000, 'the waiting sale got the code, at its amount');
      await call('sale.new', {});
      const refused = refusals.length;
      pair.write(`${WECHAT.slice(0, 17)}1\r`);
      await waitFor(() => refusals.length > refused);
      assert.equal(
        refusals.at(-1)?.error.reason,
        'no-payment-waiting',
        'the paid sale took its amount with it',
      );
      assert.equal(till.snapshot().sale, null);
    },
  );
});
