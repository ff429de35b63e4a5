import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
} from '../../../electron/core/simulator/sandbox.ts';
import { SCENARIOS, scenarioOf } from '../../../electron/core/simulator/scenarios.ts';
import { SAMPLE_CODES, walletOfCode } from '../../../electron/core/simulator/wallet-codes.ts';

test('scenario by the last two cent digits', () => {
  assert.equal(scenarioOf(1234), 'normal');
  assert.equal(scenarioOf(100), 'normal');
  assert.equal(scenarioOf(1289), 'normal');
  assert.equal(scenarioOf(1290), 'normal');
  const expected = [
    'processing_then_paid',
    'processing_then_failed',
    'wrong_password',
    'system_error_but_paid',
    'no_answer_but_paid',
    'http_500_no_order',
    'bad_md5',
    'closes',
    'declined',
  ];
  for (let d = 91; d <= 99; d++) assert.equal(scenarioOf(500 + d), expected[d - 91], String(d));
  assert.deepEqual(new Set(SCENARIOS.map((s) => s.scenario)), new Set(['normal', ...expected]));
});

test('wallet codes', () => {
  assert.equal(walletOfCode('134567890123456789'), 'WECHATPAY');
  assert.equal(walletOfCode('284567890123456789'), 'ALIPAY');
  assert.equal(walletOfCode('2845678901234567'), 'ALIPAY');
  assert.equal(walletOfCode('6212345678901234567'), 'UNIONPAY');
  assert.equal(walletOfCode('hQVDUFYxMjM0NQ=='), 'UNIONPAY');
  assert.equal(walletOfCode('164567890123456789'), null);
  assert.equal(walletOfCode('1345678901234567'), null);
  assert.equal(walletOfCode('hello'), null);
  for (const [wallet, code] of Object.entries(SAMPLE_CODES)) assert.equal(walletOfCode(code), wallet);
});

test('sandbox constants have the shapes of real ones', () => {
  assert.match(SANDBOX_MERCHANT_ID, /^[A-Z]{2}\d{8}$/);
  assert.match(SANDBOX_SIGN_KEY, /^[0-9A-F]{16}$/);
  assert.match(SANDBOX_OPERATOR_ID, /^\d{10}$/);
});
