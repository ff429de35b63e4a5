// Issue 21: the Electron customer window answers the tip ask (a touch monitor at the till), so while
// it is open the till's snapshot says a display can answer; with the customer display turned off (and
// no LAN display) it says none can, and the till page warns the cashier. Real composition root on the
// stand-in electron (boot-main.ts) and the real core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TillSnapshot } from '../../../shared/domain.ts';
import { type BootedMain, bootMain } from './boot-main.ts';

const TILL_URL = 'app://till/till/index.html';
let booted: BootedMain;

before(async () => {
  booted = await bootMain();
  const signedIn = await tillCall('staff.signIn', { pin: '1234' });
  assert.ok(signedIn.ok, JSON.stringify(signedIn));
});

after(() => booted.dispose());

const tillContents = () => booted.fake.windows[0]?.webContents ?? { id: 0 };
const tillCall = (name: string, payload: unknown) => booted.invoke(tillContents(), TILL_URL, name, payload);
const customerWindows = () =>
  booted.fake.windows.filter((w) => !w.isDestroyed() && w.url?.startsWith('app://customer/'));

async function canAnswer(): Promise<boolean | undefined> {
  const snap = await tillCall('till.snapshot', {});
  assert.ok(snap.ok);
  return (snap.value as TillSnapshot).customerDisplay?.canAnswerTipAsk;
}

test('the customer window open: a display can answer; turned off: none can; back on: it can again', async () => {
  assert.equal(customerWindows().length, 1, 'the customer window is open (default mode: window)');
  assert.equal(await canAnswer(), true);
  const off = await tillCall('settings.update', { patch: { customerDisplay: 'off' }, pin: '1234' });
  assert.ok(off.ok, JSON.stringify(off));
  assert.equal(customerWindows().length, 0);
  assert.equal(await canAnswer(), false);
  const on = await tillCall('settings.update', { patch: { customerDisplay: 'window' }, pin: '1234' });
  assert.ok(on.ok, JSON.stringify(on));
  assert.equal(customerWindows().length, 1);
  assert.equal(await canAnswer(), true);
});
