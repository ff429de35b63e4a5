// Receipts through the whole core on the embedded sandbox gateway: Paid prints the copies the setting
// asks for to a network printer (a TCP listener on loopback), with the CNY rate STATUS_QUERY reported;
// a printer out of paper fails the job visibly and changes nothing in the payment; reprint from
// history, the refund's receipt, the test page, and the screen printer's receipt in the snapshot.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import type { AttemptView, CustomerView, RefundView, TillSnapshot } from '../../../shared/domain.ts';
import type { ReceiptDoc } from '../../../shared/printing/receipt-layout.ts';
import { decodeEscpos } from '../../support/escpos-decode.ts';
import { type FakeNetworkPrinter, startFakeNetworkPrinter } from '../../support/fake-network-printer.ts';
import { signIn } from '../../support/sign-in.ts';

let dir: string;
let core: TillCore;
let printer: FakeNetworkPrinter;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'till-receipts-'));
  printer = await startFakeNetworkPrinter();
  core = await createTillCore({ dataDir: dir, secrets: createMemorySecretStore() });
  await signIn(core);
  const r = await dispatch(core, 'till', 'settings.update', {
    pin: '1234',
    patch: {
      shop: { name: 'Maison Tremblay', address: '1 rue Sainte-Catherine, Montréal', phone: '514-555-0100' },
      receipts: {
        printer: 'network',
        target: printer.target,
        paper: '80mm',
        chinese: 'gb18030',
        afterPaid: 'customer+merchant',
      },
    },
  });
  assert.ok(r.ok, JSON.stringify(r));
});

after(async () => {
  await core.close();
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The first pushed value the test accepts; rejects (and stops listening) if none comes in time. */
function pushedWhere<T>(topic: 'till' | 'customer', event: string, test: (v: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const off = core.subscribe(topic, (name, payload) => {
      if (name === event && test(payload as T)) {
        off();
        clearTimeout(timer);
        resolve(payload as T);
      }
    });
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${event} as expected within 10 s`));
    }, 10_000);
  });
}

function snapshotWhere(test: (s: TillSnapshot) => boolean): Promise<TillSnapshot> {
  if (test(core.snapshot())) return Promise.resolve(core.snapshot());
  return pushedWhere<TillSnapshot>('till', 'till.snapshot', test);
}

async function payOnce(amountCents: number): Promise<AttemptView> {
  await dispatch(core, 'till', 'sale.new', {});
  const started = await dispatch(core, 'till', 'sale.payActive', {
    amountCents,
    tipCents: 0,
    wallet: 'WECHATPAY',
  });
  assert.ok(started.ok, JSON.stringify(started));
  const attempt = started.value as AttemptView;
  const res = await fetch(`${core.sandboxInfo?.simulatorUrl}/_sim/orders/${attempt.orderId}/pay`, {
    method: 'POST',
    body: '{}',
  });
  assert.equal(res.status, 200, await res.text());
  const paid = await snapshotWhere(
    (s) => s.sale?.attempt?.attemptId === attempt.attemptId && s.sale.attempt.state === 'paid',
  );
  return paid.sale?.attempt as AttemptView;
}

describe('receipts in the running till', () => {
  let paid: AttemptView;

  it('prints the customer and merchant copies after Paid, with the CNY the gateway reported', async () => {
    printer.status = 'ok';
    paid = await payOnce(2000);
    // The fake printer keeps every job in order: the copies Paid queued are taken after it.
    const customer = decodeEscpos(await printer.nextJob());
    const merchant = decodeEscpos(await printer.nextJob());
    const text = customer.lines.join('\n');
    assert.match(text, /Maison Tremblay/);
    assert.match(text, new RegExp(`Order +${paid.orderId}`));
    assert.match(text, /Total +CAD 20\.00/);
    assert.match(text, /Rate +1 CAD = 5\.2000 CNY/);
    assert.match(text, /CNY +¥ 104\.00/);
    assert.match(text, /SANDBOX — NOT A PAYMENT/);
    assert.ok(paid.walletTxnId);
    assert.match(text, new RegExp(`Wallet txn +${paid.walletTxnId}`));
    assert.deepEqual(customer.qr, [`OTR${paid.orderId}`]);
    assert.ok(merchant.lines.some((l) => l.includes('MERCHANT COPY')));
    const s = await snapshotWhere(
      (x) => x.printing.jobs.filter((j) => j.refId === paid.attemptId && j.state === 'printed').length === 2,
    );
    assert.equal(s.sale?.attempt?.state, 'paid');
    // The history shows the CNY side STATUS_QUERY reported with the payment.
    const history = await dispatch(core, 'till', 'history.search', { text: paid.orderId });
    assert.ok(history.ok);
    assert.deepEqual((history.value as AttemptView[])[0]?.cny, { rate: 5.2, payFen: 10400 });
  });

  it('shows the amount in RMB on the customer display, from the rate asked at start', async () => {
    await dispatch(core, 'till', 'sale.new', {});
    const view = pushedWhere<CustomerView>(
      'customer',
      'customer.view',
      (v) => v.amountCents === 1190 && v.cnyFen != null,
    );
    const r = await dispatch(core, 'till', 'sale.payPassive', { amountCents: 1190, tipCents: 0 });
    if (!r.ok) view.catch(() => {}); // the assertion below ends the test; its wait must not outlive it
    assert.ok(r.ok, JSON.stringify(r));
    const v = await view;
    assert.equal(v.cnyFen, Math.round(1190 * 5.2));
    assert.ok(v.cnyRateAt != null && v.cnyRateAt <= Date.now());
    await dispatch(core, 'till', 'sale.cancel', {});
  });

  it('shows paper out on a reprint, leaves the payment alone, and prints once the paper is back', async () => {
    printer.status = 'paper_out';
    const r = await dispatch(core, 'till', 'receipt.print', {
      kind: 'sale',
      refId: paid.attemptId,
      copies: ['customer'],
    });
    assert.ok(r.ok, JSON.stringify(r));
    const jobId = (r.value as { jobIds: number[] }).jobIds[0];
    const failed = await snapshotWhere((s) =>
      s.printing.jobs.some((j) => j.jobId === jobId && j.failure === 'paper_out'),
    );
    assert.equal(failed.printing.jobs.find((j) => j.jobId === jobId)?.state, 'queued');
    const history = await dispatch(core, 'till', 'history.search', { text: paid.orderId });
    assert.ok(history.ok);
    assert.equal((history.value as AttemptView[])[0]?.state, 'paid');
    printer.status = 'ok';
    await snapshotWhere((s) => s.printing.jobs.some((j) => j.jobId === jobId && j.state === 'printed'));
    assert.ok(decodeEscpos(await printer.nextJob()).lines.some((l) => l.includes('REPRINT')));
  });

  it('prints the refund receipt', async () => {
    const r = await dispatch(core, 'till', 'refund.create', {
      attemptId: paid.attemptId,
      amountCents: 500,
      pin: '1234',
    });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal((r.value as RefundView).state, 'refunded');
    const text = decodeEscpos(await printer.nextJob()).lines.join('\n');
    assert.match(text, /REFUND/);
    assert.match(text, new RegExp(`Original order +${paid.orderId}`));
    assert.match(text, /Refunded +CAD 5\.00/);
    assert.match(text, /Remaining +CAD 15\.00/);
    await printer.nextJob(); // the merchant copy
  });

  it('lays out the receipt page for a payment (the page a system printer prints)', async () => {
    const r = await dispatch(core, 'till', 'receipt.preview', {
      kind: 'sale',
      refId: paid.attemptId,
      copy: 'merchant',
    });
    assert.ok(r.ok, JSON.stringify(r));
    const doc = r.value as ReceiptDoc;
    assert.equal(doc.columns, 48);
    assert.ok(doc.lines.some((l) => l.kind === 'text' && l.text.includes('MERCHANT COPY')));
    assert.ok(doc.lines.some((l) => l.kind === 'qr' && l.payload === `OTR${paid.orderId}`));
  });

  it('refuses a reprint of an order that is not there', async () => {
    const r = await dispatch(core, 'till', 'receipt.print', {
      kind: 'sale',
      refId: 'nope',
      copies: ['customer'],
    });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error.code, 'NOT_FOUND');
  });

  it('prints a test page from the settings', async () => {
    printer.status = 'ok';
    const r = await dispatch(core, 'till', 'receipt.testPage', {});
    assert.ok(r.ok, JSON.stringify(r));
    assert.match(decodeEscpos(await printer.nextJob()).lines.join('\n'), /TEST PAGE/);
  });

  it('shows the receipt on screen when there is no printer (screen printer)', async () => {
    const set = await dispatch(core, 'till', 'settings.update', {
      pin: '1234',
      patch: {
        receipts: { printer: 'screen', target: '', paper: '80mm', chinese: 'gb18030', afterPaid: 'customer' },
      },
    });
    assert.ok(set.ok, JSON.stringify(set));
    const a = await payOnce(1234);
    const s = await snapshotWhere(
      (x) => x.printing.screen !== null && JSON.stringify(x.printing.screen.doc).includes(a.orderId),
    );
    const lines = s.printing.screen?.doc.lines ?? [];
    assert.ok(lines.some((l) => l.kind === 'qr' && l.payload === `OTR${a.orderId}`));
    assert.ok(lines.some((l) => l.kind === 'text' && /Total +CAD 12\.34/.test(l.text)));
  });
});
