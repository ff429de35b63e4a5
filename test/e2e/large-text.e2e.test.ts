// Issue 21, item 4: the large-text setting. At 1024×768 with text twice its size, every tab of the till
// still fits the width (nothing is cut off to the side: the page only scrolls down), and the amount
// screen's controls are all reachable.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_CUSTOMER_SIDE } from '../../shared/customer-side.ts';
import { openTillSession, type TillSession, tillCommand } from './harness.ts';

const TABS = ['Sale', 'Needs attention', 'History', "Today's report", 'Shift', 'Staff', 'Settings'];

describe('large text at 1024×768', () => {
  let session: TillSession | undefined;

  before(async () => {
    session = await openTillSession();
    await session.till.setViewportSize({ width: 1024, height: 768 });
  });

  after(async () => {
    await session?.close();
  });

  it('doubles the text, and every tab fits the width', async () => {
    if (!session) throw new Error('no session');
    const { till, shell } = session;
    // Page-side code as text: this project's Node typecheck has no DOM library.
    const labelSize = async () =>
      Number(
        await till.evaluate(
          `parseFloat(getComputedStyle(document.querySelector('label[for="amount"]')).fontSize)`,
        ),
      );
    await till.getByLabel('Amount', { exact: true }).waitFor();
    const normal = await labelSize();
    const answer = await tillCommand(shell, 'settings.update', {
      patch: { customerSide: { ...DEFAULT_CUSTOMER_SIDE, largeText: true } },
      pin: shell.pin,
    });
    assert.ok(answer.ok, 'the setting is saved');
    await till.locator('html.large-text').waitFor();
    assert.equal(await labelSize(), normal * 2, 'the amount label is twice its size');

    for (const tab of TABS) {
      await till.getByRole('button', { name: tab, exact: true }).click();
      await till.locator('main.content > *').first().waitFor();
      const [scrollWidth, width] = (await till.evaluate(
        '[document.documentElement.scrollWidth, window.innerWidth]',
      )) as [number, number];
      assert.ok(scrollWidth <= width, `${tab}: ${scrollWidth} px wide in a ${width} px window`);
    }
    await till.getByRole('button', { name: 'Sale', exact: true }).click();
    for (const name of ['WeChat Pay', 'Alipay', 'UnionPay', 'Scan customer code']) {
      const button = till.getByRole('button', { name, exact: true });
      await button.scrollIntoViewIfNeeded();
      assert.ok(await button.isVisible(), `${name} can be reached`);
    }
  });
});
