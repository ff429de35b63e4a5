import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayInstallNow } from '../../../shared/updates/install-gate.ts';

test('an update installs only on an idle till: nothing in flight, nothing unresolved, no sale open', () => {
  assert.deepEqual(mayInstallNow({ inFlight: 0, unresolved: 0, saleOpen: false }), { ok: true });
  assert.deepEqual(mayInstallNow({ inFlight: 1, unresolved: 0, saleOpen: true }), {
    ok: false,
    reason: 'payment-in-flight',
  });
  assert.deepEqual(mayInstallNow({ inFlight: 0, unresolved: 2, saleOpen: false }), {
    ok: false,
    reason: 'payment-unresolved',
  });
  assert.deepEqual(mayInstallNow({ inFlight: 0, unresolved: 0, saleOpen: true }), {
    ok: false,
    reason: 'sale-open',
  });
});
