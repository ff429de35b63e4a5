// Issue 21: a touch monitor at the till (the Electron customer window) sends the customer's tip and
// language. The real composition root on the stand-in electron (boot-main.ts) and the real core: the
// customer window's one channel reaches the ask; the till window, a stranger and a locked till do not;
// and the customer window still reaches no command.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CUSTOMER_CHOOSE_CHANNEL } from '../../../electron/preload/channels.ts';
import { DEFAULT_CUSTOMER_SIDE } from '../../../shared/customer-side.ts';
import type { CustomerView, TillSnapshot } from '../../../shared/domain.ts';
import type { Result } from '../../../shared/result.ts';
import { type BootedMain, bootMain } from './boot-main.ts';
import type { FakeWebContents } from './fake-electron.ts';

const TILL_URL = 'app://till/till/index.html';
const CUSTOMER_URL = 'app://customer/customer/index.html';
let booted: BootedMain;

before(async () => {
  booted = await bootMain();
  const signedIn = await tillCall('staff.signIn', { pin: '1234' });
  assert.ok(signedIn.ok, JSON.stringify(signedIn));
  const set = await tillCall('settings.update', {
    patch: {
      customerSide: { ...DEFAULT_CUSTOMER_SIDE, customerPicksTip: true },
      tipPresetsPercent: [15, 18, 20],
    },
    pin: '1234',
  });
  assert.ok(set.ok, JSON.stringify(set));
});

after(() => booted.dispose());

const tillContents = () => booted.fake.windows[0]?.webContents ?? { id: 0 };
const customerContents = (): FakeWebContents => {
  const win = booted.fake.windows.find((w) => !w.isDestroyed() && w.url?.startsWith('app://customer/'));
  assert.ok(win, 'the customer window is open (default mode: window)');
  return win.webContents;
};
const tillCall = (name: string, payload: unknown) => booted.invoke(tillContents(), TILL_URL, name, payload);

/** The customer channel as the customer preload calls it, from `contents` at page `url`. */
async function choose(contents: { id: number }, url: string, ...args: unknown[]): Promise<Result<unknown>> {
  const handler = booted.fake.handlers.get(CUSTOMER_CHOOSE_CHANNEL);
  assert.ok(handler, 'the customer channel is registered');
  return (await handler(
    { sender: contents, senderFrame: { url, parent: null } },
    ...args,
  )) as Result<unknown>;
}

/** The newest customer view main sent to the customer window. */
function lastView(contents: FakeWebContents): CustomerView {
  const views = contents.sent.filter(([channel]) => channel === 'event:customer.view');
  const view = views.at(-1)?.[1] as CustomerView | undefined;
  assert.ok(view, 'a customer view was sent');
  return view;
}

async function askTip(amountCents: number): Promise<string> {
  const asked = await tillCall('customer.askTip', { amountCents });
  assert.ok(asked.ok, JSON.stringify(asked));
  const askId = lastView(customerContents()).tipAsk?.askId;
  assert.ok(askId, 'the customer window shows the tip ask');
  return askId;
}

async function tillChoice() {
  const snap = await tillCall('till.snapshot', {});
  assert.ok(snap.ok);
  return (snap.value as TillSnapshot).customerChoice;
}

test('the customer window’s tap sets the till’s tip and language for this ask', async () => {
  const askId = await askTip(4000);
  const tapped = await choose(customerContents(), CUSTOMER_URL, { askId, tipCents: 720, tipPercent: 18 });
  assert.deepEqual(tapped, { ok: true, value: null });
  const lang = await choose(customerContents(), CUSTOMER_URL, { askId, language: 'zh' });
  assert.deepEqual(lang, { ok: true, value: null });
  const choice = await tillChoice();
  assert.equal(choice?.tipCents, 720);
  assert.equal(choice?.tipPercent, 18);
  assert.equal(choice?.language, 'zh');
  assert.equal(lastView(customerContents()).language, 'zh', 'the display switched its language');
  assert.ok((await tillCall('customer.skipTip', {})).ok);
  assert.ok((await tillCall('sale.new', {})).ok);
});

test('the till window, a stranger and a bad choice are refused with a clear error; the till goes on', async () => {
  const askId = await askTip(2000);
  const fromTill = await choose(tillContents(), TILL_URL, { askId, tipCents: 0 });
  assert.equal(
    !fromTill.ok && fromTill.error.message,
    'Only the customer display sends the customer’s choice',
  );
  const stranger = await choose({ id: 987 }, CUSTOMER_URL, { askId, tipCents: 0 });
  assert.equal(!stranger.ok && stranger.error.code, 'NOT_ALLOWED');
  const bad = await choose(customerContents(), CUSTOMER_URL, { askId, tipCents: 0, pin: '1234' });
  assert.equal(!bad.ok && bad.error.code, 'VALIDATION');
  const stale = await choose(customerContents(), CUSTOMER_URL, { askId: 'cd'.repeat(16), tipCents: 0 });
  assert.equal(!stale.ok && stale.error.message, 'This display is not showing this sale');
  const choice = await tillChoice();
  assert.equal(choice?.asking, true, 'still asking: nothing above was taken');
  assert.equal(choice?.tipCents, null);
  // And the customer window still reaches no command of the till.
  const command = await booted.invoke(customerContents(), CUSTOMER_URL, 'customer.skipTip', {});
  assert.equal(!command.ok && command.error.code, 'NOT_ALLOWED');
  assert.equal((await tillChoice())?.asking, true);
  assert.ok((await tillCall('customer.skipTip', {})).ok);
  assert.ok((await tillCall('sale.new', {})).ok);
});

test('a locked till takes no customer choice: the cashier signs in first', async () => {
  const askId = await askTip(1500);
  assert.ok((await tillCall('staff.signOut', {})).ok);
  const locked = await choose(customerContents(), CUSTOMER_URL, { askId, tipCents: 0 });
  assert.equal(locked.ok, false);
  assert.equal(!locked.ok && locked.error.reason, 'sign-in-needed');
  assert.ok((await tillCall('staff.signIn', { pin: '1234' })).ok);
  assert.equal((await tillChoice())?.tipCents ?? null, null, 'the locked till took nothing');
});
