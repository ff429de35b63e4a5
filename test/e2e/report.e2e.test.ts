// The day's report end to end: a real payment shows in the totals, reconciling it with OTTPay finds no
// differences, and "Export CSV" downloads the day's journal with that payment on a line of its own.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  enterCodeByHand,
  openTillSession,
  type Shell,
  simulatorRequest,
  type TillSession,
  toNewSale,
  walletCode,
} from './harness.ts';

/** Changes the embedded simulator's faults through its control API. */
async function simFaults(shell: Shell, patch: unknown): Promise<void> {
  const res = await simulatorRequest(shell, '/_sim/faults', patch);
  assert.equal(res.status, 200, await res.text());
}

// Page-side code is passed as text: this project's Node typecheck has no DOM library.
/** Notes whether the reconcile progress indicator was ever shown (it may be brief). */
async function watchReconcileProgress(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.reconcileProgressSeen = false;
    const note = () => {
      if (document.querySelector('.reconcile progress')) window.reconcileProgressSeen = true;
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true });
  })()`);
}

describe("today's report: totals, reconcile with OTTPay, CSV export", () => {
  let session: TillSession | undefined;
  let shell: Shell;
  let till: Page;
  let orderId = '';

  before(async () => {
    session = await openTillSession();
    ({ shell, till } = session);

    // One passive WeChat Pay payment of $20.00, its code entered in the scan screen's field.
    await toNewSale(till);
    await till.getByLabel('Amount', { exact: true }).fill('20.00');
    await till.keyboard.press('Enter');
    await till.getByRole('heading', { name: /Scan the customer’s payment code/ }).waitFor();
    await enterCodeByHand(till, walletCode('WECHATPAY'));
    await till.getByRole('heading', { name: /Paid/ }).waitFor({ timeout: 20_000 });
    orderId = ((await till.getByTestId('order-id').textContent()) ?? '').trim();
    assert.match(orderId, /\w{6,}/, 'the paid attempt shows its order id');

    await till.getByRole('button', { name: "Today's report" }).click();
    await till.getByRole('heading', { name: "Today's report" }).waitFor();
  });

  after(async () => {
    await session?.close();
  });

  it('shows the payment in the gross total', async () => {
    await till.getByTestId('report-gross').filter({ hasText: '$20.00' }).waitFor();
  });

  it('reconciles with OTTPay: checked at least one payment, no differences', async () => {
    await till.getByRole('button', { name: 'Reconcile with OTTPay' }).click();
    await till.getByTestId('reconcile-result').waitFor({ timeout: 30_000 });
    const checked = (await till.getByTestId('reconcile-checked').textContent()) ?? '';
    const count = Number(/Checked (\d+) payment/.exec(checked)?.[1] ?? Number.NaN);
    assert.ok(count >= 1, `checked at least one payment (shown: "${checked}")`);
    await till.getByText('No differences', { exact: true }).waitFor();
    assert.equal(await till.getByRole('alert').count(), 0, 'no error is shown');
    assert.equal(await till.getByRole('button', { name: 'Reconcile with OTTPay' }).isEnabled(), true);
  });

  it('exports the day as a CSV file with a header and the payment', async () => {
    const download = till.waitForEvent('download');
    await till.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /\.csv$/);
    const csv = await readFile(await file.path(), 'utf8');
    const lines = csv.split(/\r?\n/).filter((l) => l.length > 0);
    assert.ok(lines.length >= 2, `a header and at least one line (got ${lines.length})`);
    const header = (lines[0] ?? '').split(',');
    for (const column of ['order_id', 'amount', 'state']) {
      assert.ok(header.includes(column), `the header names ${column}: ${lines[0]}`);
    }
    const row = lines.find((l) => l.includes(orderId));
    assert.ok(row, `a line carries order ${orderId}:\n${csv}`);
    const cells = row.split(',');
    assert.equal(cells[header.indexOf('amount')], '20.00');
    assert.equal(cells[header.indexOf('state')], 'paid');
    assert.equal(cells[header.indexOf('wallet')], 'WECHATPAY');
  });

  it('shows progress while reconciling, and lists a payment OTTPay could not be asked about', async () => {
    // Every try of the one status query (the client tries 4 times) has its connection cut.
    await simFaults(shell, { add: { mode: 'drop', action: 'STATUS_QUERY', count: 4 } });
    await watchReconcileProgress(till);
    const reconcileButton = till.getByRole('button', { name: 'Reconcile with OTTPay' });
    await reconcileButton.click();
    const row = till.getByRole('row').filter({ hasText: orderId });
    await row.waitFor({ timeout: 30_000 });
    assert.equal(await till.evaluate('window.reconcileProgressSeen'), true, 'a progress state was shown');
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
    assert.equal(cells[0], orderId);
    assert.equal(cells[1], 'Paid'); // the journal's state, worded as everywhere else
    assert.equal(cells[2], 'no answer');
    assert.match(cells[3] ?? '', /^Could not be checked/);
    await till.getByText('1 difference', { exact: true }).waitFor();
    assert.equal(await till.getByText('No differences', { exact: true }).count(), 0);
    const left = (await (await simulatorRequest(shell, '/_sim/faults')).json()) as { next: unknown[] };
    assert.deepEqual(left.next, [], 'the reconcile used up every cut connection');

    // With OTTPay answering again, the same day reconciles clean.
    await reconcileButton.click();
    await till.getByText('No differences', { exact: true }).waitFor({ timeout: 30_000 });
    assert.equal(await till.getByRole('row').filter({ hasText: orderId }).count(), 0);
  });
});
