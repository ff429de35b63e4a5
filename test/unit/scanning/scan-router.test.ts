import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { FakeScanSource } from '../../../electron/core/devices/fake-scan-source.ts';
import {
  type ProductScan,
  ScanRouter,
  type WalletCodeScan,
} from '../../../electron/core/devices/scan-router.ts';
import type { ScanLogEntry } from '../../../shared/contract.ts';
import type { ScannerStatus } from '../../../shared/domain.ts';

const WECHAT = '135481333156664496';
const ALIPAY = '290093808409708416788463';
const EAN13 = '4006381333931';

function setup(used: Set<string> = new Set()) {
  const clock = new ManualClock();
  const router = new ScanRouter({ clock, isCodeUsed: (c) => used.has(c), dedupeWindowMs: 3000, logLimit: 5 });
  const serial = new FakeScanSource({ kind: 'serial', clock });
  const wedge = new FakeScanSource({ kind: 'wedge', clock });
  router.attach(serial);
  router.attach(wedge);
  serial.start();
  wedge.start();
  const codes: WalletCodeScan[] = [];
  const refusals: string[] = [];
  const products: ProductScan[] = [];
  const log: ScanLogEntry[] = [];
  router.onProduct((p) => products.push(p));
  router.onLog((e) => log.push(e));
  const wait = () =>
    router.waitForWalletCode({ onCode: (s) => codes.push(s), onRefused: (m) => refusals.push(m) });
  return { clock, router, serial, wedge, codes, refusals, products, log, wait, used };
}

describe('scan router: a passive payment waiting for a code', () => {
  it('gets the wallet code, once: the wait ends with the first code delivered', () => {
    const t = setup();
    t.wait();
    t.serial.scan(`${WECHAT}\r\n`);
    t.wedge.scan(ALIPAY);
    assert.equal(t.codes.length, 1);
    assert.deepEqual(t.codes[0], {
      code: WECHAT,
      wallet: 'WECHATPAY',
      labelledBy: 'pattern',
      source: 'serial',
      sourceId: 'fake-serial',
      at: t.clock.now(),
    });
    assert.equal(t.router.waiting, false);
    assert.equal(t.log.at(-1)?.note?.startsWith('a wallet payment code, but no payment is waiting'), true);
  });

  it('refuses a product barcode and garbage with a reason, and keeps waiting', () => {
    const t = setup();
    t.wait();
    t.serial.scan(EAN13);
    t.serial.scan('hello');
    assert.equal(t.products.length, 0, 'a product scanned during payment is not added anywhere');
    assert.equal(t.codes.length, 0);
    assert.equal(t.refusals.length, 2);
    assert.match(t.refusals[0] ?? '', /product barcode, not a payment code/);
    assert.equal(t.router.waiting, true);
    t.wedge.scan(WECHAT);
    assert.equal(t.codes.length, 1);
  });

  it('refuses a code any journal attempt has used', () => {
    const t = setup(new Set([WECHAT]));
    t.wait();
    const r = t.router.route(WECHAT, 'manual');
    assert.equal(r.outcome, 'refused');
    assert.equal(r.outcome === 'refused' && r.reason, 'used');
    assert.match(t.refusals[0] ?? '', /already used/);
    assert.equal(t.codes.length, 0);
    assert.equal(t.router.waiting, true);
  });

  it('refuses the code when the journal check itself fails (never sends unchecked)', () => {
    const clock = new ManualClock();
    const router = new ScanRouter({
      clock,
      isCodeUsed: () => {
        throw new Error('database is locked');
      },
    });
    const got: WalletCodeScan[] = [];
    router.waitForWalletCode({ onCode: (s) => got.push(s) });
    const r = router.route(WECHAT, 'wedge');
    assert.equal(r.outcome === 'refused' && r.reason, 'check-failed');
    assert.equal(got.length, 0);
  });

  it('cancelling the wait sends later wallet codes nowhere', () => {
    const t = setup();
    const cancel = t.wait();
    cancel();
    const r = t.router.route(WECHAT, 'serial');
    assert.equal(r.outcome === 'refused' && r.reason, 'no-payment-waiting');
    assert.equal(t.codes.length, 0);
  });

  it('labels an unknown prefix with the wallet the operator picked', () => {
    const t = setup();
    const got: WalletCodeScan[] = [];
    t.router.waitForWalletCode({ wallet: 'ALIPAY', onCode: (s) => got.push(s) });
    t.router.route(`88${'1'.repeat(16)}`, 'manual');
    assert.equal(got[0]?.wallet, 'ALIPAY');
    assert.equal(got[0]?.labelledBy, 'operator');
  });
});

describe('scan router: the idle taker (a serial code on the amount screen starts a payment)', () => {
  function idle(t: ReturnType<typeof setup>, readyFor: ReadonlyArray<string>) {
    const asked: string[] = [];
    const taken: WalletCodeScan[] = [];
    t.router.takeIdleWalletCodes({
      ready: (source) => {
        asked.push(source);
        return readyFor.includes(source);
      },
      onCode: (s) => taken.push(s),
    });
    return { asked, taken };
  }

  it('takes a wallet code from a source it is ready for while no payment waits', () => {
    const t = setup();
    const i = idle(t, ['serial']);
    t.wedge.scan(WECHAT);
    assert.equal(i.taken.length, 0, 'not ready for the wedge: refused as no payment waiting');
    assert.equal(t.log.at(-1)?.outcome, 'no-payment-waiting');
    t.serial.scan(WECHAT);
    assert.deepEqual(
      i.taken.map((s) => [s.code, s.source, s.wallet]),
      [[WECHAT, 'serial', 'WECHATPAY']],
    );
    assert.equal(t.log.at(-1)?.outcome, 'delivered');
    t.serial.scan(WECHAT);
    assert.equal(i.taken.length, 1, 'the same code again within the window counts once');
    assert.equal(t.log.at(-1)?.outcome, 'duplicate');
  });

  it('is not asked while a payment waits, nor for products, garbage or used codes', () => {
    const t = setup(new Set([WECHAT]));
    const i = idle(t, ['serial']);
    t.serial.scan(EAN13);
    t.serial.scan('hello');
    assert.equal(t.products.length, 1, 'a product still goes to the product listeners');
    t.serial.scan(WECHAT);
    assert.equal(i.taken.length, 0);
    assert.equal(t.log.at(-1)?.outcome, 'used');
    t.wait();
    t.serial.scan(ALIPAY);
    assert.equal(t.codes.length, 1, 'a waiting payment gets the code');
    assert.deepEqual(i.asked, ['serial'], 'asked once: for the wallet code, before the used check');
  });

  it('when not ready, the code is refused as no payment waiting', () => {
    const t = setup();
    const i = idle(t, []);
    t.serial.scan(WECHAT);
    assert.equal(i.taken.length, 0);
    assert.equal(t.log.at(-1)?.outcome, 'no-payment-waiting');
  });
});

describe('scan router: the same code twice within a few seconds counts once', () => {
  it('a second read of a delivered code within the window is a duplicate, after it the journal decides', () => {
    const t = setup();
    t.wait();
    t.serial.scan(WECHAT);
    t.used.add(WECHAT); // the engine journaled an attempt with it
    t.wait(); // e.g. the engine waits again after a decline
    t.clock.advance(1500);
    const dup = t.router.route(WECHAT, 'serial');
    assert.equal(dup.outcome, 'duplicate');
    assert.equal(t.refusals.length, 0, 'a duplicate is silent for the payment');
    t.clock.advance(3001);
    const again = t.router.route(WECHAT, 'serial');
    assert.equal(again.outcome === 'refused' && again.reason, 'used');
    assert.equal(t.codes.length, 1);
  });

  it('a code refused because no payment was waiting works when scanned again right away', () => {
    const t = setup();
    t.serial.scan(WECHAT);
    t.wait();
    t.clock.advance(500);
    t.serial.scan(WECHAT);
    assert.equal(t.codes.length, 1);
  });

  it('products: a double read counts once, a later read counts again', () => {
    const t = setup();
    t.serial.scan(EAN13);
    t.clock.advance(200);
    t.wedge.scan(EAN13);
    t.clock.advance(3500);
    t.serial.scan(EAN13);
    assert.equal(t.products.length, 2);
    assert.deepEqual(t.products[0], {
      code: EAN13,
      symbology: 'EAN-13',
      source: 'serial',
      sourceId: 'fake-serial',
      at: t.products[0]?.at,
    });
  });
});

describe('scan router: refusals for the cashier', () => {
  it("announces a scanner's refused scans with a reason key; a caller of route() gets it as the result", () => {
    const used = new Set([ALIPAY]);
    const t = setup(used);
    const announced: Array<{ reason: string; source: string }> = [];
    t.router.onRefused((e) => announced.push({ reason: e.error.reason ?? '', source: e.source }));
    t.wedge.scan(WECHAT); // no payment waiting
    t.wait();
    t.serial.scan(EAN13);
    t.serial.scan('hello');
    t.serial.scan(ALIPAY);
    assert.deepEqual(announced, [
      { reason: 'no-payment-waiting', source: 'wedge' },
      { reason: 'product', source: 'serial' },
      { reason: 'not-a-payment-code', source: 'serial' },
      { reason: 'used', source: 'serial' },
    ]);

    const routed = t.router.route(EAN13, 'manual');
    assert.equal(routed.outcome === 'refused' && routed.reason, 'product');
    assert.equal(announced.length, 4, 'route() answers its caller and announces nothing');
    t.wedge.scan(WECHAT);
    t.wedge.scan(WECHAT); // delivered, then a double read: counted once, nothing to announce
    assert.equal(t.codes.length, 1);
    assert.equal(announced.length, 4);
  });
});

describe('scan router: diagnostics', () => {
  it('keeps a bounded live log with wallet codes masked and products as scanned', () => {
    const t = setup();
    t.serial.scan(WECHAT);
    t.clock.advance(10);
    t.serial.scan(EAN13);
    const log = t.router.log();
    assert.equal(log[0]?.shown, '1354**********4496');
    assert.equal(log[0]?.kind, 'wallet');
    assert.equal(log[0]?.wallet, 'WECHATPAY');
    assert.equal(log[1]?.shown, EAN13);
    for (let i = 0; i < 10; i++) t.router.route(`x${i}`, 'manual');
    assert.equal(t.router.log().length, 5);
    assert.ok(!JSON.stringify(t.router.diagnostics()).includes(WECHAT), 'no full wallet code anywhere');
  });

  it('never shows a long rejected code in full (it may be a mangled wallet code)', () => {
    const t = setup();
    t.router.route('13548133315666449', 'serial');
    assert.equal(t.router.log()[0]?.shown, '1354*********6449');
    t.router.route('\u0000\u0001', 'serial');
    assert.equal(t.router.log()[1]?.shown, '(unreadable)');
  });

  it('logs source problems, tracks each source status, keeps the last wedge timing', () => {
    const t = setup();
    const seen: ScannerStatus[][] = [];
    t.router.onStatus((s) => seen.push(s));
    t.serial.problem('line too long (over 1024 bytes), discarded');
    t.serial.setStatus('reconnecting', 'disconnected — retrying in 250 ms');
    t.wedge.scan(WECHAT, [3, 4, 5]);
    const d = t.router.diagnostics();
    assert.equal(d.log[0]?.note, 'line too long (over 1024 bytes), discarded');
    assert.equal(d.log[0]?.kind, 'rejected');
    assert.deepEqual(
      d.statuses.map((s) => [s.kind, s.state]),
      [
        ['serial', 'reconnecting'],
        ['wedge', 'connected'],
      ],
    );
    assert.deepEqual(d.lastScanTimings, [3, 4, 5]);
    assert.equal(seen.at(-1)?.[0]?.detail, 'disconnected — retrying in 250 ms');
  });

  it('detaching a source stops its scans and drops its status', () => {
    const clock = new ManualClock();
    const router = new ScanRouter({ clock });
    const src = new FakeScanSource({ clock });
    const detach = router.attach(src);
    detach();
    src.scan(EAN13);
    assert.equal(router.log().length, 0);
    assert.deepEqual(router.statuses(), []);
  });
});
