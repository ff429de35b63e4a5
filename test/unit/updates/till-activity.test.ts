import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AttemptState, AttemptView, SaleView } from '../../../shared/domain.ts';
import { tillActivity } from '../../../shared/updates/till-activity.ts';

const attempt = (attemptId: string, state: AttemptState) => ({ attemptId, state }) as AttemptView;
const sale = (phase: SaleView['phase'], attempts: AttemptView[]) =>
  ({ phase, attempt: attempts.at(-1) ?? null, attempts }) as SaleView;

test('the gate reads attempts in flight, unresolved ones and an open sale from the snapshot', () => {
  assert.deepEqual(tillActivity({ sale: null, attention: [], background: [] }), {
    inFlight: 0,
    unresolved: 0,
    saleOpen: false,
  });
  assert.deepEqual(tillActivity({ sale: sale('entering', []), attention: [], background: [] }), {
    inFlight: 0,
    unresolved: 0,
    saleOpen: true,
  });
  const qr = attempt('a1', 'awaiting_customer');
  assert.deepEqual(tillActivity({ sale: sale('in_progress', [qr]), attention: [], background: [] }), {
    inFlight: 1,
    unresolved: 0,
    saleOpen: true,
  });
  // A set-aside payment still cancelling, an unknown one needing attention, and a paid sale on screen.
  assert.deepEqual(
    tillActivity({
      sale: sale('paid', [attempt('a2', 'paid')]),
      attention: [attempt('a3', 'unknown'), attempt('a4', 'paid')],
      background: [attempt('a5', 'cancelling'), attempt('a3', 'unknown')],
    }),
    { inFlight: 1, unresolved: 1, saleOpen: false },
  );
});
