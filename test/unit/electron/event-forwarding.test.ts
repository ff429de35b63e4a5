import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEventHub } from '../../../electron/core/app/event-hub.ts';
import { forwardEvents } from '../../../electron/main/event-forwarding.ts';
import { PRELOAD_EVENTS } from '../../../electron/preload/channels.ts';
import { ROLE_EVENTS } from '../../../shared/contract.ts';
import type { CustomerView, TillSnapshot } from '../../../shared/domain.ts';

function target() {
  const sent: Array<[string, unknown]> = [];
  let destroyed = false;
  return {
    sent,
    destroy: () => {
      destroyed = true;
    },
    send: (channel: string, payload: unknown) => sent.push([channel, payload]),
    isDestroyed: () => destroyed,
  };
}

const view: CustomerView = {
  phase: 'idle',
  amountCents: null,
  currency: 'CAD',
  wallet: null,
  qrPayload: null,
  expiresAt: null,
  language: 'en',
  sandbox: false,
};
const snapshot = { sandbox: false } as TillSnapshot;

test('the customer window hears its projection only; the till hears everything', () => {
  const hub = createEventHub((err) => {
    throw err;
  });
  const till = target();
  const customer = target();
  forwardEvents(hub.subscribe, 'till', till);
  forwardEvents(hub.subscribe, 'customer', customer);
  hub.emit('till.snapshot', snapshot);
  hub.emit('customer.view', view);
  assert.deepEqual(customer.sent, [['event:customer.view', view]]);
  assert.deepEqual(
    till.sent.map(([c]) => c),
    ['event:till.snapshot', 'event:customer.view'],
  );
});

test('forwarding stops when unsubscribed, and never sends to destroyed contents', () => {
  // A subscribe that ignores roles: the forwarder's own filter must still hold.
  const listeners: Array<(name: never, payload: never) => void> = [];
  const leaky = (_role: unknown, l: (name: never, payload: never) => void) => {
    listeners.push(l);
    return () => listeners.splice(listeners.indexOf(l), 1);
  };
  const customer = target();
  const stop = forwardEvents(leaky as never, 'customer', customer);
  for (const l of listeners) l('till.snapshot' as never, snapshot as never);
  assert.equal(customer.sent.length, 0);
  customer.destroy();
  for (const l of listeners) l('customer.view' as never, view as never);
  assert.equal(customer.sent.length, 0);
  stop();
  assert.equal(listeners.length, 0);
});

test('the preloads expose exactly the events of ROLE_EVENTS', () => {
  assert.deepEqual(PRELOAD_EVENTS, ROLE_EVENTS);
});
