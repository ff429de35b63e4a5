// The customer window's one IPC message (issue 21): only the customer window's own webContents, from
// its top frame on the customer origin, reaches the core's customerChoose, and only with a choice the
// zod schema accepts. Everything else gets a clear Result and never reaches the core.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger, createMemorySink } from '../../../electron/core/logging/logger.ts';
import { registerCustomerChoiceIpc } from '../../../electron/main/customer-choice-ipc.ts';
import { createWindowRegistry } from '../../../electron/main/window-registry.ts';
import { CUSTOMER_CHOOSE_CHANNEL, INVOKE_CHANNEL } from '../../../electron/preload/channels.ts';
import { ok, type Result } from '../../../shared/result.ts';
import { invokeEvent as event, FakeIpcMain } from './fake-ipc-main.ts';

const TILL_ID = 21;
const CUSTOMER_ID = 22;
const CUSTOMER_URL = 'app://customer/customer/index.html';
const ASK = 'ab'.repeat(16);

function setup(choose: (choice: unknown) => Promise<Result<null>> = async () => ok(null)) {
  const registry = createWindowRegistry();
  registry.add(TILL_ID, 'till');
  registry.add(CUSTOMER_ID, 'customer');
  const ipc = new FakeIpcMain();
  const sink = createMemorySink();
  const seen: unknown[] = [];
  const reg = registerCustomerChoiceIpc(ipc, {
    registry,
    logger: createLogger({ sink }),
    choose: async (choice) => {
      seen.push(choice);
      return choose(choice);
    },
  });
  return { ipc, seen, sink, reg };
}

test('the customer window’s tip, custom amount, no tip and language reach the core as parsed', async () => {
  const { ipc, seen } = setup();
  const from = event(CUSTOMER_ID, CUSTOMER_URL);
  const choices = [
    { askId: ASK, tipCents: 720, tipPercent: 18 },
    { askId: ASK, tipCents: 333 },
    { askId: ASK, tipCents: 0 },
    { askId: ASK, language: 'zh' },
  ];
  for (const choice of choices) {
    assert.deepEqual(await ipc.invoke(from, CUSTOMER_CHOOSE_CHANNEL, choice), { ok: true, value: null });
  }
  assert.deepEqual(seen, choices);
  // The core's own refusal (a stale ask id) comes back as it is.
  const stale = setup(async () => ({
    ok: false,
    error: { code: 'NOT_ALLOWED', message: 'This display is not showing this sale', retryable: false },
  }));
  const answer = await stale.ipc.invoke(from, CUSTOMER_CHOOSE_CHANNEL, choices[0]);
  assert.equal(answer.ok, false);
  assert.equal(!answer.ok && answer.error.message, 'This display is not showing this sale');
});

test('any sender but the customer window’s top frame on its origin is refused and changes nothing', async () => {
  const { ipc, seen, sink } = setup();
  const choice = { askId: ASK, tipCents: 0 };
  const senders = [
    event(TILL_ID, 'app://till/till/index.html'), // the till window: it has its commands, not this
    event(99, CUSTOMER_URL), // a window main did not create as the customer display
    event(CUSTOMER_ID, 'https://evil.example/'), // the customer window navigated away
    event(CUSTOMER_ID, 'app://till/till/index.html'), // the customer window on the till's origin
    event(CUSTOMER_ID, CUSTOMER_URL, { parent: true }), // a sub-frame
    event(CUSTOMER_ID, null), // a destroyed frame
  ];
  for (const from of senders) {
    const answer = await ipc.invoke(from, CUSTOMER_CHOOSE_CHANNEL, choice);
    assert.equal(answer.ok, false);
    assert.equal(!answer.ok && answer.error.code, 'NOT_ALLOWED');
    assert.match(!answer.ok ? answer.error.message : '', /Only the customer display/);
  }
  assert.deepEqual(seen, []);
  assert.ok(sink.lines().some((l) => l.includes('refused a customer choice from another sender')));
});

test('anything but one valid choice is a VALIDATION refusal that never reaches the core', async () => {
  const { ipc, seen } = setup();
  const from = event(CUSTOMER_ID, CUSTOMER_URL);
  const bad: unknown[][] = [
    [],
    [null],
    ['sale.new'],
    [{ askId: ASK }], // neither a tip nor a language
    [{ askId: 'not-an-id', tipCents: 0 }],
    [{ askId: ASK, tipCents: -1 }],
    [{ askId: ASK, tipCents: 1.5 }],
    [{ askId: ASK, tipPercent: 15 }], // a preset without its tip
    [{ askId: ASK, language: 'de' }],
    [{ askId: ASK, tipCents: 0, command: 'refund.create' }], // strict: nothing rides along
    [{ askId: ASK, tipCents: 0 }, { extra: true }], // one choice per message
  ];
  for (const args of bad) {
    const answer = await ipc.invoke(from, CUSTOMER_CHOOSE_CHANNEL, ...args);
    assert.equal(answer.ok, false, JSON.stringify(args));
    assert.equal(!answer.ok && answer.error.code, 'VALIDATION');
    assert.match(!answer.ok ? answer.error.message : '', /^not a customer choice — /);
  }
  assert.deepEqual(seen, []);
});

test('a core that throws is answered with a Result, and the channel goes with dispose', async () => {
  const { ipc, reg } = setup(async () => {
    throw new Error('journal at /secret/place is gone');
  });
  const answer = await ipc.invoke(event(CUSTOMER_ID, CUSTOMER_URL), CUSTOMER_CHOOSE_CHANNEL, {
    askId: ASK,
    language: 'fr',
  });
  assert.equal(answer.ok, false);
  assert.equal(!answer.ok && answer.error.code, 'INTERNAL');
  assert.doesNotMatch(JSON.stringify(answer), /secret/);
  assert.equal(ipc.handlers.has(INVOKE_CHANNEL), false, 'this registers no command channel');
  reg.dispose();
  assert.equal(ipc.handlers.has(CUSTOMER_CHOOSE_CHANNEL), false);
});
