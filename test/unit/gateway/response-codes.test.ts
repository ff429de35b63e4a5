import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_NOT_FOUND_RULES,
  isNotFound,
  readRspCode,
} from '../../../electron/core/gateway/response-codes.ts';

test('pay actions: codes map to the closed set of kinds', () => {
  const table: Array<[string, string]> = [
    ['FAIL', 'declined'],
    ['PWD_INCORRECT', 'declined'],
    ['AUTH_CODE_INVALID', 'declined'],
    ['ORDER_TYPE_ERROR', 'declined'],
    ['PARAM_ERROR', 'invalid_request'],
    ['PARAM_INVALID', 'invalid_request'],
    ['TIMEOUT', 'unknown_outcome'],
    ['SYSTEM_ERROR', 'unknown_outcome'],
    ['DB_ERROR', 'unknown_outcome'],
    ['ORDER_PAID', 'unknown_outcome'],
    ['ORDER_USED', 'unknown_outcome'],
    ['SOMETHING_NEW', 'unknown_outcome'],
  ];
  for (const [code, kind] of table) {
    assert.deepEqual(readRspCode(code, 'pay'), { type: 'error', kind, retryable: false }, code);
  }
  assert.deepEqual(readRspCode('SUCCESS', 'pay'), { type: 'ok', pending: false });
  assert.deepEqual(readRspCode('PROCESSING', 'pay'), { type: 'ok', pending: true });
});

test('queries: transient codes retry, unknown codes are a plain failure', () => {
  assert.deepEqual(readRspCode('SYSTEM_ERROR', 'query'), {
    type: 'error',
    kind: 'unknown_outcome',
    retryable: true,
  });
  assert.deepEqual(readRspCode('TIMEOUT', 'query'), {
    type: 'error',
    kind: 'unknown_outcome',
    retryable: true,
  });
  assert.deepEqual(readRspCode('SOMETHING_NEW', 'query'), {
    type: 'error',
    kind: 'declined',
    retryable: false,
  });
  assert.deepEqual(readRspCode('PARAM_ERROR', 'query'), {
    type: 'error',
    kind: 'invalid_request',
    retryable: false,
  });
});

test('not-found rules: code plus message text, case-insensitive, configurable', () => {
  assert.equal(isNotFound('FAIL', 'order not exist', DEFAULT_NOT_FOUND_RULES), true);
  assert.equal(isNotFound('FAIL', 'Order Not Found', DEFAULT_NOT_FOUND_RULES), true);
  assert.equal(isNotFound('ORDER_NOT_EXIST', '', DEFAULT_NOT_FOUND_RULES), true);
  assert.equal(isNotFound('FAIL', 'declined', DEFAULT_NOT_FOUND_RULES), false);
  assert.equal(isNotFound('SYSTEM_ERROR', 'order not exist', DEFAULT_NOT_FOUND_RULES), false);
  assert.equal(isNotFound('NO_ORDER', 'x', [{ rspCode: 'NO_ORDER' }]), true);
});
