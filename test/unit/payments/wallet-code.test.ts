import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { hashWalletCode, normaliseCode, walletOf } from '../../../electron/core/payments/wallet-code.ts';
import { maskWalletCode } from '../../../shared/payments/mask-code.ts';

describe('wallet codes', () => {
  it('are masked to their first and last 4 characters', () => {
    assert.equal(maskWalletCode('134567890123456789'), '****6789');
    assert.equal(maskWalletCode(' 6212345678901234567 '), '****4567');
    assert.equal(maskWalletCode('12345678'), '********');
    assert.equal(maskWalletCode('123'), '***');
  });

  it('are hashed with a key: same code same hash, another key another hash, never the code itself', () => {
    const key = randomBytes(32);
    const h = hashWalletCode(key, '134567890123456789');
    assert.equal(h, hashWalletCode(key, ' 134567890123456789 '));
    assert.notEqual(h, hashWalletCode(randomBytes(32), '134567890123456789'));
    assert.notEqual(h, hashWalletCode(key, '134567890123456780'));
    assert.ok(!h.includes('134567890123456789'));
  });

  it('name their wallet by prefix and length', () => {
    assert.equal(walletOf('134567890123456789'), 'WECHATPAY');
    assert.equal(walletOf('284567890123456789'), 'ALIPAY');
    assert.equal(walletOf('6212345678901234567'), 'UNIONPAY');
    assert.equal(walletOf('hQVDUFYwMTIzNDU2Nzg5MA=='), 'UNIONPAY');
    assert.equal(walletOf('4006381333931'), null);
    assert.equal(walletOf('164567890123456789'), null);
    assert.equal(walletOf(normaliseCode(' 1345 6789 0123 4567 89\r\n')), 'WECHATPAY');
  });
});
