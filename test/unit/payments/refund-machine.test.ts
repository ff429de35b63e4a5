import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RefundState } from '../../../shared/domain.ts';
import {
  decideRefund,
  REFUND_EVENT_TYPES,
  type RefundEventType,
} from '../../../shared/payments/refund-machine.ts';

type Expect = RefundState | 'same' | 'refuse' | 'conflict';
const TABLE: Record<RefundState, Record<RefundEventType, Expect>> = {
  created: {
    SEND: 'submitted',
    GATEWAY_REFUNDED: 'refunded',
    GATEWAY_FAILED: 'failed',
    PENDING: 'refuse',
    OUTCOME_UNKNOWN: 'refuse',
    NOT_FOUND: 'failed',
    NOT_SENT: 'refuse',
  },
  submitted: {
    SEND: 'refuse',
    GATEWAY_REFUNDED: 'refunded',
    GATEWAY_FAILED: 'failed',
    PENDING: 'same',
    OUTCOME_UNKNOWN: 'unknown',
    NOT_FOUND: 'failed',
    NOT_SENT: 'failed',
  },
  unknown: {
    SEND: 'refuse',
    GATEWAY_REFUNDED: 'refunded',
    GATEWAY_FAILED: 'failed',
    PENDING: 'same',
    OUTCOME_UNKNOWN: 'same',
    NOT_FOUND: 'failed',
    NOT_SENT: 'refuse',
  },
  refunded: {
    SEND: 'refuse',
    GATEWAY_REFUNDED: 'same',
    GATEWAY_FAILED: 'conflict',
    PENDING: 'refuse',
    OUTCOME_UNKNOWN: 'refuse',
    NOT_FOUND: 'conflict',
    NOT_SENT: 'refuse',
  },
  failed: {
    SEND: 'refuse',
    GATEWAY_REFUNDED: 'conflict',
    GATEWAY_FAILED: 'same',
    PENDING: 'refuse',
    OUTCOME_UNKNOWN: 'refuse',
    NOT_FOUND: 'same',
    NOT_SENT: 'refuse',
  },
};

describe('refund state machine', () => {
  for (const state of Object.keys(TABLE) as RefundState[]) {
    for (const event of REFUND_EVENT_TYPES) {
      const expected = TABLE[state][event];
      it(`${state} + ${event} → ${expected}`, () => {
        const d = decideRefund({ state, gatewaySeen: false }, event);
        if (expected === 'same') assert.equal(d.kind, 'same');
        else if (expected === 'refuse' || expected === 'conflict') {
          assert.equal(d.kind, 'refuse');
          if (d.kind === 'refuse') assert.equal(d.conflict, expected === 'conflict');
        } else assert.deepEqual(d, { kind: 'move', to: expected });
      });
    }
  }

  it('does not believe "not found" for a refund the gateway acknowledged', () => {
    assert.equal(decideRefund({ state: 'unknown', gatewaySeen: true }, 'NOT_FOUND').kind, 'refuse');
  });
});
