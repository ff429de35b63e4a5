// The keyed amount reaches the core in order: one request at a time, and the last value always last.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createDraftSender, type Draft } from '../../../renderer/till/draft-sender.ts';

function manualSend() {
  const calls: Array<{ draft: Draft; done: () => void }> = [];
  const send = (draft: Draft) =>
    new Promise<void>((resolve) => {
      calls.push({ draft, done: resolve });
    });
  const settle = async () => {
    const call = calls.find((c) => c.done !== undefined);
    if (!call) throw new Error('nothing in flight');
    calls.splice(calls.indexOf(call), 1);
    call.done();
    await new Promise((r) => setImmediate(r));
  };
  return { calls, send, settle };
}

const d = (amountCents: number, tipCents = 0): Draft => ({ amountCents, tipCents });

it('sends one draft at a time and, after the one in flight, only the latest', async () => {
  const { calls, send, settle } = manualSend();
  const push = createDraftSender(send);
  push(d(100));
  push(d(1200));
  push(d(1230));
  assert.deepEqual(
    calls.map((c) => c.draft.amountCents),
    [100],
    'a second request never overtakes the first',
  );
  await settle();
  assert.deepEqual(
    calls.map((c) => c.draft.amountCents),
    [1230],
    'the intermediate 1200 is skipped; the latest goes next',
  );
  await settle();
  assert.equal(calls.length, 0);
});

it('a failed send is sent again by the next push; what the core has is not sent twice', async () => {
  const sent: number[] = [];
  let fail = true;
  const push = createDraftSender(async (draft) => {
    sent.push(draft.amountCents);
    if (fail) {
      fail = false;
      throw new Error('offline');
    }
  });
  const settled = () => new Promise((r) => setImmediate(r));
  push(d(500));
  await settled();
  push(d(500));
  await settled();
  push(d(500));
  push(d(700));
  await settled();
  assert.deepEqual(sent, [500, 500, 700]);
});
