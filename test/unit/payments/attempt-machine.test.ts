import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AttemptState } from '../../../shared/domain.ts';
import {
  ATTEMPT_EVENT_TYPES,
  type AttemptEventType,
  decideAttempt,
  isLiveAttemptState,
  isTerminalAttemptState,
} from '../../../shared/payments/attempt-machine.ts';

const STATES: AttemptState[] = [
  'created',
  'submitted',
  'awaiting_customer',
  'unknown',
  'cancelling',
  'paid',
  'failed',
  'expired',
];

// Expected outcome for every (state, event) with gatewaySeen = false: a target state, 'same', or 'refuse'
// ('conflict' = refused and flagged as gateway evidence against a terminal state).
type Expect = AttemptState | 'same' | 'refuse' | 'conflict';
const TABLE: Record<AttemptState, Record<AttemptEventType, Expect>> = {
  created: {
    SEND: 'submitted',
    QR_ISSUED: 'refuse',
    CUSTOMER_CONFIRMING: 'refuse',
    OUTCOME_UNKNOWN: 'refuse',
    GATEWAY_PAID: 'paid',
    GATEWAY_FAILED: 'failed',
    GATEWAY_CLOSED: 'expired',
    NOT_FOUND: 'failed',
    NOT_SENT: 'refuse',
    CANCEL: 'failed',
    OVERRIDE_PAID: 'paid',
    OVERRIDE_FAILED: 'failed',
  },
  submitted: {
    SEND: 'refuse',
    QR_ISSUED: 'awaiting_customer',
    CUSTOMER_CONFIRMING: 'awaiting_customer',
    OUTCOME_UNKNOWN: 'unknown',
    GATEWAY_PAID: 'paid',
    GATEWAY_FAILED: 'failed',
    GATEWAY_CLOSED: 'expired',
    NOT_FOUND: 'failed',
    NOT_SENT: 'failed',
    CANCEL: 'cancelling',
    OVERRIDE_PAID: 'paid',
    OVERRIDE_FAILED: 'failed',
  },
  awaiting_customer: {
    SEND: 'refuse',
    QR_ISSUED: 'same',
    CUSTOMER_CONFIRMING: 'same',
    OUTCOME_UNKNOWN: 'refuse',
    GATEWAY_PAID: 'paid',
    GATEWAY_FAILED: 'failed',
    GATEWAY_CLOSED: 'expired',
    NOT_FOUND: 'failed',
    NOT_SENT: 'refuse',
    CANCEL: 'cancelling',
    OVERRIDE_PAID: 'paid',
    OVERRIDE_FAILED: 'failed',
  },
  unknown: {
    SEND: 'refuse',
    QR_ISSUED: 'refuse',
    CUSTOMER_CONFIRMING: 'awaiting_customer',
    OUTCOME_UNKNOWN: 'same',
    GATEWAY_PAID: 'paid',
    GATEWAY_FAILED: 'failed',
    GATEWAY_CLOSED: 'expired',
    NOT_FOUND: 'failed',
    NOT_SENT: 'refuse',
    CANCEL: 'cancelling',
    OVERRIDE_PAID: 'paid',
    OVERRIDE_FAILED: 'failed',
  },
  cancelling: {
    SEND: 'refuse',
    QR_ISSUED: 'refuse',
    CUSTOMER_CONFIRMING: 'same',
    OUTCOME_UNKNOWN: 'refuse',
    GATEWAY_PAID: 'paid',
    GATEWAY_FAILED: 'failed',
    GATEWAY_CLOSED: 'expired',
    NOT_FOUND: 'failed',
    NOT_SENT: 'refuse',
    CANCEL: 'same',
    OVERRIDE_PAID: 'paid',
    OVERRIDE_FAILED: 'failed',
  },
  paid: {
    SEND: 'refuse',
    QR_ISSUED: 'refuse',
    CUSTOMER_CONFIRMING: 'refuse',
    OUTCOME_UNKNOWN: 'refuse',
    GATEWAY_PAID: 'same',
    GATEWAY_FAILED: 'conflict',
    GATEWAY_CLOSED: 'conflict',
    NOT_FOUND: 'conflict',
    NOT_SENT: 'refuse',
    CANCEL: 'refuse',
    OVERRIDE_PAID: 'refuse',
    OVERRIDE_FAILED: 'refuse',
  },
  failed: {
    SEND: 'refuse',
    QR_ISSUED: 'refuse',
    CUSTOMER_CONFIRMING: 'refuse',
    OUTCOME_UNKNOWN: 'refuse',
    GATEWAY_PAID: 'conflict',
    GATEWAY_FAILED: 'same',
    GATEWAY_CLOSED: 'same',
    NOT_FOUND: 'same',
    NOT_SENT: 'refuse',
    CANCEL: 'refuse',
    OVERRIDE_PAID: 'refuse',
    OVERRIDE_FAILED: 'refuse',
  },
  expired: {
    SEND: 'refuse',
    QR_ISSUED: 'refuse',
    CUSTOMER_CONFIRMING: 'refuse',
    OUTCOME_UNKNOWN: 'refuse',
    GATEWAY_PAID: 'conflict',
    GATEWAY_FAILED: 'same',
    GATEWAY_CLOSED: 'same',
    NOT_FOUND: 'same',
    NOT_SENT: 'refuse',
    CANCEL: 'refuse',
    OVERRIDE_PAID: 'refuse',
    OVERRIDE_FAILED: 'refuse',
  },
};

describe('attempt state machine', () => {
  for (const state of STATES) {
    for (const event of ATTEMPT_EVENT_TYPES) {
      const expected = TABLE[state][event];
      it(`${state} + ${event} → ${expected}`, () => {
        const d = decideAttempt({ state, gatewaySeen: false }, event);
        if (expected === 'same') assert.equal(d.kind, 'same');
        else if (expected === 'refuse' || expected === 'conflict') {
          assert.equal(d.kind, 'refuse');
          if (d.kind === 'refuse') {
            assert.equal(d.conflict, expected === 'conflict');
            assert.ok(d.reason.length > 0, 'a refusal says why');
          }
        } else assert.deepEqual(d, { kind: 'move', to: expected });
      });
    }
  }

  it('is forward-only: no event takes a terminal state to a live one', () => {
    for (const state of STATES.filter(isTerminalAttemptState)) {
      for (const event of ATTEMPT_EVENT_TYPES) {
        const d = decideAttempt({ state, gatewaySeen: true }, event, { gatewayConfirmedPaid: true });
        if (d.kind === 'move') assert.ok(isTerminalAttemptState(d.to), `${state} + ${event} went to ${d.to}`);
      }
    }
  });

  it('never sends twice: SEND is only allowed from created', () => {
    for (const state of STATES) {
      const d = decideAttempt({ state, gatewaySeen: false }, 'SEND');
      assert.equal(d.kind === 'move', state === 'created', state);
    }
  });

  it('does not believe "not found" once the gateway has acknowledged the order', () => {
    for (const state of STATES.filter(isLiveAttemptState)) {
      const d = decideAttempt({ state, gatewaySeen: true }, 'NOT_FOUND');
      assert.equal(d.kind, 'refuse', state);
      if (d.kind === 'refuse') assert.equal(d.conflict, false);
    }
  });

  it('lets a supervisor book a failed/expired attempt as paid only with the gateway confirming the charge', () => {
    for (const state of ['failed', 'expired'] as const) {
      assert.equal(decideAttempt({ state, gatewaySeen: true }, 'OVERRIDE_PAID').kind, 'refuse');
      assert.deepEqual(
        decideAttempt({ state, gatewaySeen: true }, 'OVERRIDE_PAID', { gatewayConfirmedPaid: true }),
        {
          kind: 'move',
          to: 'paid',
        },
      );
    }
    assert.equal(
      decideAttempt({ state: 'paid', gatewaySeen: true }, 'OVERRIDE_PAID', { gatewayConfirmedPaid: true })
        .kind,
      'refuse',
    );
  });

  it('names live and terminal states', () => {
    assert.deepEqual(STATES.filter(isTerminalAttemptState), ['paid', 'failed', 'expired']);
    assert.deepEqual(STATES.filter(isLiveAttemptState), [
      'created',
      'submitted',
      'awaiting_customer',
      'unknown',
      'cancelling',
    ]);
  });
});
