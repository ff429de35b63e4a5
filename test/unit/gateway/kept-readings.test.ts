// A polled answer's reading is kept by its exact text: the kept reading is the one readAnswer gives,
// and nothing about keeping it lets an altered, refused or other-key answer through.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readAnswer, toOrderState } from '../../../electron/core/gateway/answer-reading.ts';
import { sealData } from '../../../electron/core/gateway/envelope.ts';
import { createKeptReadings, MAX_KEPT_ANSWER_CHARS } from '../../../electron/core/gateway/kept-readings.ts';
import { GatewayError } from '../../../electron/core/gateway/types.ts';

const KEY = '00112233445566AA';
/** The sealed query the answers answer (any text: it only says which query's last answer is kept). */
const REQUEST = '{"action":"STATUS_QUERY","data":"…","md5":"…"}';
const OTHER_KEY = '99887766554433BB';
const DATA = { order_id: 'Q1', order_status: 'success', total_amount: '1234', trade_time: '20260115120000' };

function answerText(data: Record<string, string>, key = KEY, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ rsp_code: 'SUCCESS', rsp_msg: 'ok', ...sealData(data, key), ...extra });
}

function refusal(fn: () => unknown): GatewayError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof GatewayError, String(err));
    return err;
  }
  assert.fail('the answer was believed');
}

describe('kept readings', () => {
  test('a text read twice gives readAnswer’s reading both times, frozen so no caller can change it', () => {
    const kept = createKeptReadings();
    const text = answerText(DATA);
    const first = kept.read('STATUS_QUERY', REQUEST, 200, text, KEY);
    const second = kept.read('STATUS_QUERY', REQUEST, 200, text, KEY);
    assert.deepEqual(first, readAnswer('STATUS_QUERY', 200, text, KEY));
    assert.deepEqual(second, first);
    assert.ok(Object.isFrozen(second) && Object.isFrozen(second.data));
    assert.throws(() => {
      (second.data as Record<string, unknown>).order_status = 'notpay';
    }, TypeError);
  });

  test('after a good answer is kept, the same answer with one character changed is still refused', () => {
    const kept = createKeptReadings();
    const text = answerText(DATA);
    kept.read('STATUS_QUERY', REQUEST, 200, text, KEY);
    const envelope = JSON.parse(text) as { md5: string; data: string };
    const lastMd5 = envelope.md5.endsWith('A') ? 'B' : 'A';
    const alteredMd5 = JSON.stringify({ ...envelope, md5: `${envelope.md5.slice(0, -1)}${lastMd5}` });
    const alteredData = JSON.stringify({
      ...envelope,
      data: `${envelope.data[0] === 'A' ? 'B' : 'A'}${envelope.data.slice(1)}`,
    });
    for (const altered of [alteredMd5, alteredData]) {
      const err = refusal(() => kept.read('STATUS_QUERY', REQUEST, 200, altered, KEY));
      assert.equal(err.kind, 'unknown_outcome');
      assert.match(err.message, /could not be verified/);
    }
  });

  test('a refused text is not kept: it is refused again, every time', () => {
    const kept = createKeptReadings();
    const foreign = answerText(DATA, OTHER_KEY);
    for (let i = 0; i < 3; i++) {
      assert.match(
        refusal(() => kept.read('STATUS_QUERY', REQUEST, 200, foreign, KEY)).message,
        /could not be verified/,
      );
    }
  });

  test('a reading kept under one sign key is not given under another', () => {
    const kept = createKeptReadings();
    const text = answerText(DATA);
    assert.equal(kept.read('STATUS_QUERY', REQUEST, 200, text, KEY).data?.order_status, 'success');
    assert.match(
      refusal(() => kept.read('STATUS_QUERY', REQUEST, 200, text, OTHER_KEY)).message,
      /could not be verified/,
    );
  });

  test('the same text under another HTTP status is read as that status', () => {
    const kept = createKeptReadings();
    const text = answerText(DATA);
    assert.equal(kept.read('STATUS_QUERY', REQUEST, 200, text, KEY).httpStatus, 200);
    assert.equal(kept.read('STATUS_QUERY', REQUEST, 503, text, KEY).httpStatus, 503);
  });

  test('a query whose answer changed is read anew, and the new answer is the one kept', () => {
    const kept = createKeptReadings();
    const paid = answerText(DATA);
    const refunded = answerText({ ...DATA, order_status: 'fully_refunded' });
    assert.equal(kept.read('STATUS_QUERY', REQUEST, 200, paid, KEY).data?.order_status, 'success');
    const changed = kept.read('STATUS_QUERY', REQUEST, 200, refunded, KEY);
    assert.equal(changed.data?.order_status, 'fully_refunded');
    assert.equal(kept.read('STATUS_QUERY', REQUEST, 200, refunded, KEY), changed);
    // Another query's answer is its own: the same text to it is read for it.
    assert.notEqual(kept.read('STATUS_QUERY', `${REQUEST} `, 200, refunded, KEY), changed);
  });

  test('clear() forgets: the next read is a fresh reading (not the same object)', () => {
    const kept = createKeptReadings();
    const text = answerText(DATA);
    const first = kept.read('STATUS_QUERY', REQUEST, 200, text, KEY);
    assert.equal(kept.read('STATUS_QUERY', REQUEST, 200, text, KEY), first);
    kept.clear();
    const after = kept.read('STATUS_QUERY', REQUEST, 200, text, KEY);
    assert.notEqual(after, first);
    assert.deepEqual(after, first);
  });

  test('a text longer than the limit is read every time, never kept', () => {
    const kept = createKeptReadings();
    const text = answerText(DATA, KEY, { rsp_msg: 'x'.repeat(MAX_KEPT_ANSWER_CHARS) });
    const first = kept.read('STATUS_QUERY', REQUEST, 200, text, KEY);
    const second = kept.read('STATUS_QUERY', REQUEST, 200, text, KEY);
    assert.notEqual(second, first);
    assert.deepEqual(second, first);
    assert.ok(!Object.isFrozen(second));
  });

  test('a kept answer read as an order state: the same state as a fresh reading, a new object each time', () => {
    const kept = createKeptReadings();
    const text = answerText(DATA);
    const fresh = toOrderState('STATUS_QUERY', readAnswer('STATUS_QUERY', 200, text, KEY), false, 'Q1');
    const first = toOrderState(
      'STATUS_QUERY',
      kept.read('STATUS_QUERY', REQUEST, 200, text, KEY),
      false,
      'Q1',
    );
    const second = toOrderState(
      'STATUS_QUERY',
      kept.read('STATUS_QUERY', REQUEST, 200, text, KEY),
      false,
      'Q1',
    );
    assert.deepEqual(first, fresh);
    assert.deepEqual(second, fresh);
    assert.notEqual(second, first);
    // Pending and the order asked about are judged on every call, kept answer or not.
    assert.equal(
      toOrderState('STATUS_QUERY', kept.read('STATUS_QUERY', REQUEST, 200, text, KEY), true, 'Q1').status,
      'notpay',
    );
    assert.match(
      refusal(() =>
        toOrderState('STATUS_QUERY', kept.read('STATUS_QUERY', REQUEST, 200, text, KEY), false, 'Q2'),
      ).message,
      /another order/,
    );
  });

  test('a kept answer whose data fails the schema fails it on every poll', () => {
    const kept = createKeptReadings();
    const text = answerText({ ...DATA, order_status: 'paid-ish' });
    for (let i = 0; i < 3; i++) {
      const answer = kept.read('STATUS_QUERY', REQUEST, 200, text, KEY);
      assert.ok(Object.isFrozen(answer.data));
      const err = refusal(() => toOrderState('STATUS_QUERY', answer, false, 'Q1'));
      assert.equal(err.kind, 'unknown_outcome');
      assert.match(err.message, /unexpected answer data \(order_status/);
    }
  });
});
