import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEventHub } from '../../../electron/core/app/event-hub.ts';
import type { CustomerView } from '../../../shared/domain.ts';

const view: CustomerView = {
  phase: 'idle',
  amountCents: null,
  currency: 'CAD',
  wallet: null,
  qrPayload: null,
  expiresAt: null,
  language: 'en',
  sandbox: true,
};

describe('event hub', () => {
  it('gives the customer role only the customer view', () => {
    const hub = createEventHub(() => {});
    const till: string[] = [];
    const customer: string[] = [];
    hub.subscribe('till', (name) => till.push(name));
    const off = hub.subscribe('customer', (name) => customer.push(name));
    hub.emit('customer.view', view);
    hub.emit('scanner.log', {
      at: 1,
      source: 'manual',
      shown: '1',
      kind: 'product',
      wallet: null,
      note: null,
    });
    assert.deepEqual(till, ['customer.view', 'scanner.log']);
    assert.deepEqual(customer, ['customer.view']);
    off();
    hub.emit('customer.view', view);
    assert.deepEqual(customer, ['customer.view']);
    assert.equal(hub.size, 1);
  });

  it('keeps delivering when one listener throws', () => {
    const errors: unknown[] = [];
    const hub = createEventHub((e) => errors.push(e));
    const got: string[] = [];
    hub.subscribe('customer', () => {
      throw new Error('broken pipe');
    });
    hub.subscribe('customer', (name) => got.push(name));
    hub.emit('customer.view', view);
    assert.deepEqual(got, ['customer.view']);
    assert.equal(errors.length, 1);
  });
});
