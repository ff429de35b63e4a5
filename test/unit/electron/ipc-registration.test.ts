import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Handlers } from '../../../electron/core/app/handler-types.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { createLogger, createMemorySink } from '../../../electron/core/logging/logger.ts';
import { type InvokeEventLike, registerIpc } from '../../../electron/main/ipc-registration.ts';
import { createWindowRegistry } from '../../../electron/main/window-registry.ts';
import { INVOKE_CHANNEL } from '../../../electron/preload/channels.ts';
import type { Role } from '../../../shared/contract.ts';
import { AppError } from '../../../shared/result.ts';
import { invokeEvent as event, FakeIpcMain } from './fake-ipc-main.ts';

const TILL_ID = 11;
const CUSTOMER_ID = 12;
const fromTill = event(TILL_ID, 'app://till/till/index.html');

function setup(opts: { throwInternal?: boolean } = {}) {
  const calls: Array<{ name: string; request: unknown }> = [];
  const handlers = {
    'sale.payActive': async (request: unknown) => {
      calls.push({ name: 'sale.payActive', request });
      if (opts.throwInternal) throw new Error('db path /secret/place exploded');
      return { attemptId: 'a1' };
    },
    'refund.create': async (request: unknown) => {
      calls.push({ name: 'refund.create', request });
      throw new AppError('NOT_ALLOWED', 'Wrong supervisor PIN');
    },
  } as unknown as Handlers;
  const core = { handlers, signedIn: () => true };
  const registry = createWindowRegistry();
  registry.add(TILL_ID, 'till');
  registry.add(CUSTOMER_ID, 'customer');
  const ipc = new FakeIpcMain();
  const sink = createMemorySink();
  const reg = registerIpc(ipc, {
    registry,
    logger: createLogger({ sink }),
    dispatch: (role: Role, name: string, payload: unknown) => dispatch(core, role, name, payload),
  });
  return { ipc, calls, sink, reg, registry };
}

const pay = { amountCents: 1250, tipCents: 0, wallet: 'ALIPAY' };

test('a valid call from the till window reaches the handler and answers ok', async () => {
  const { ipc, calls } = setup();
  assert.deepEqual(await ipc.invoke(fromTill, INVOKE_CHANNEL, 'sale.payActive', pay), {
    ok: true,
    value: { attemptId: 'a1' },
  });
  assert.deepEqual(calls, [{ name: 'sale.payActive', request: pay }]);
});

test('the customer display is refused, even with a valid payload', async () => {
  const { ipc, calls } = setup();
  const answer = await ipc.invoke(
    event(CUSTOMER_ID, 'app://customer/customer/index.html'),
    INVOKE_CHANNEL,
    'sale.payActive',
    pay,
  );
  assert.equal(answer.ok, false);
  assert.equal(!answer.ok && answer.error.code, 'NOT_ALLOWED');
  assert.equal(calls.length, 0);
});

test('senders that are not a known window top frame with its exact origin change nothing', async () => {
  const { ipc, calls } = setup();
  const impostors: Array<[string, InvokeEventLike]> = [
    ['unknown webContents', event(99, 'app://till/till/index.html')],
    ['till window showing another origin', event(TILL_ID, 'https://evil.example/')],
    ['till window showing the customer origin', event(TILL_ID, 'app://customer/customer/index.html')],
    ['look-alike host', event(TILL_ID, 'app://till.evil/till/index.html')],
    ['port on the origin', event(TILL_ID, 'app://till:8080/till/index.html')],
    ['file url', event(TILL_ID, 'file:///till/index.html')],
    ['sub-frame', event(TILL_ID, 'app://till/till/index.html', { url: 'app://till/' })],
    ['destroyed frame', event(TILL_ID, null)],
    ['customer window claiming the till origin', event(CUSTOMER_ID, 'app://till/till/index.html')],
  ];
  for (const [what, ev] of impostors) {
    const answer = await ipc.invoke(ev, INVOKE_CHANNEL, 'sale.payActive', pay);
    assert.deepEqual(
      answer,
      {
        ok: false,
        error: { code: 'NOT_ALLOWED', message: 'This window may not send commands', retryable: false },
      },
      what,
    );
  }
  assert.equal(calls.length, 0);
});

test('a window removed from the registry (closed) can no longer invoke', async () => {
  const { ipc, registry, calls } = setup();
  registry.remove(TILL_ID);
  const answer = await ipc.invoke(fromTill, INVOKE_CHANNEL, 'sale.payActive', pay);
  assert.equal(!answer.ok && answer.error.code, 'NOT_ALLOWED');
  assert.equal(calls.length, 0);
});

test('unknown commands and bad payloads get VALIDATION with a clear message and reach no handler', async () => {
  const { ipc, calls } = setup();
  const unknown = await ipc.invoke(fromTill, INVOKE_CHANNEL, 'sale.stealMoney', {});
  assert.deepEqual(unknown, {
    ok: false,
    error: { code: 'VALIDATION', message: 'unknown command', retryable: false },
  });
  const notString = await ipc.invoke(fromTill, INVOKE_CHANNEL, 42, pay);
  assert.equal(!notString.ok && notString.error.code, 'VALIDATION');
  const proto = await ipc.invoke(fromTill, INVOKE_CHANNEL, '__proto__', {});
  assert.equal(!proto.ok && proto.error.code, 'VALIDATION');
  const bad = await ipc.invoke(fromTill, INVOKE_CHANNEL, 'sale.payActive', { ...pay, amountCents: -5 });
  assert.equal(bad.ok, false);
  assert.equal(!bad.ok && bad.error.code, 'VALIDATION');
  assert.match(!bad.ok ? bad.error.message : '', /amountCents/);
  const extra = await ipc.invoke(fromTill, INVOKE_CHANNEL, 'sale.payActive', { ...pay, admin: true });
  assert.equal(!extra.ok && extra.error.code, 'VALIDATION');
  assert.equal(calls.length, 0);
});

test('handler failures come back as envelopes: AppError as is, anything else INTERNAL without its text', async () => {
  const refused = setup();
  const answer = await refused.ipc.invoke(fromTill, INVOKE_CHANNEL, 'refund.create', {
    attemptId: 'a1',
    amountCents: 5,
    pin: '1234',
  });
  assert.deepEqual(answer, {
    ok: false,
    error: { code: 'NOT_ALLOWED', message: 'Wrong supervisor PIN', retryable: false },
  });
  const broken = setup({ throwInternal: true });
  const internal = await broken.ipc.invoke(fromTill, INVOKE_CHANNEL, 'sale.payActive', pay);
  assert.equal(!internal.ok && internal.error.code, 'INTERNAL');
  assert.doesNotMatch(JSON.stringify(internal), /secret\/place/);
});

test('a PIN or sign key in a payload never reaches the log', async () => {
  const { ipc, sink } = setup();
  await ipc.invoke(fromTill, INVOKE_CHANNEL, 'refund.create', {
    attemptId: 'a1',
    amountCents: 5,
    pin: '864209',
  });
  await ipc.invoke(event(99, 'x'), INVOKE_CHANNEL, 'settings.setSignKey', {
    signKey: '0123456789ABCDEF',
    pin: '864209',
  });
  const text = sink.lines().join('\n');
  assert.ok(text.includes('refund.create'), 'the refusal is logged by command name');
  assert.doesNotMatch(text, /864209|0123456789ABCDEF/);
});

test('only the one invoke channel exists; dispose removes it', async () => {
  const { ipc, reg } = setup();
  assert.deepEqual([...ipc.handlers.keys()], [INVOKE_CHANNEL]);
  await assert.rejects(ipc.invoke(fromTill, 'sale.payActive', pay), /No handler registered/);
  reg.dispose();
  assert.equal(ipc.handlers.size, 0);
});
