import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  detectWallet,
  gtinCheckDigitOk,
  maskCode,
  normaliseCode,
  walletOf,
} from '../../../shared/scanning/wallet-codes.ts';
import { prng, randomCode } from './synthetic-traces.ts';
import { recordedTraces } from './trace-files.ts';

const kind = (raw: string) => detectWallet(raw).kind;
const wallet = (raw: string) => {
  const c = detectWallet(raw);
  return c.kind === 'wallet' ? c.wallet : c.kind;
};
const EMV =
  'hQVDUFYwMWETTwigAAADMwEBAVcTYkgwAAAAAAHSUCAgEBAAAAAPX18gBVVTRVIgX18kAyUSMV8lAyAgn2EQ/////wQEBAQEBAQEBAQE';

describe('wallet payment codes (OTTPAY.md §7)', () => {
  it('WeChat Pay: 18 digits starting 10 to 15', () => {
    for (const p of ['10', '11', '12', '13', '14', '15'])
      assert.equal(wallet(`${p}${'3'.repeat(16)}`), 'WECHATPAY');
    assert.equal(wallet(`16${'3'.repeat(16)}`), 'rejected');
    assert.equal(wallet(`13${'3'.repeat(15)}`), 'rejected'); // 17 digits
    assert.equal(wallet(`13${'3'.repeat(17)}`), 'rejected'); // 19 digits
  });

  it('Alipay: 16 to 24 digits starting 25 to 30', () => {
    for (const p of ['25', '26', '27', '28', '29', '30']) {
      assert.equal(wallet(`${p}${'7'.repeat(14)}`), 'ALIPAY'); // 16
      assert.equal(wallet(`${p}${'7'.repeat(22)}`), 'ALIPAY'); // 24
    }
    assert.equal(wallet(`28${'7'.repeat(13)}`), 'rejected'); // 15
    assert.equal(wallet(`28${'7'.repeat(23)}`), 'rejected'); // 25
    assert.equal(wallet(`24${'7'.repeat(16)}`), 'rejected');
    assert.equal(wallet(`31${'7'.repeat(16)}`), 'rejected');
  });

  it('UnionPay: 19 digits starting 62, or an EMV code starting hQVDUFY', () => {
    assert.equal(wallet(`62${'1'.repeat(17)}`), 'UNIONPAY');
    assert.equal(wallet(`62${'1'.repeat(16)}`), 'rejected');
    assert.equal(wallet(`62${'1'.repeat(18)}`), 'rejected');
    assert.equal(wallet(EMV), 'UNIONPAY');
    assert.equal(wallet('hQVDUFY'), 'rejected'); // the marker alone is not a code
    assert.equal(wallet('hQVDUFYwMW#$%^&*()_'), 'rejected');
  });

  it('labels every wallet code in the recorded traces, and every product as a product', () => {
    for (const trace of recordedTraces()) {
      for (const code of trace.expected) {
        const expectedKind = code.length === 8 || code.length === 13 ? 'product' : 'wallet';
        assert.equal(kind(code), expectedKind, code);
      }
    }
  });

  it('a product barcode is never a wallet code (20 000 random GTINs and wallet codes)', () => {
    const r = prng(7);
    for (let i = 0; i < 20_000; i++) {
      const code = randomCode(r);
      const cls = detectWallet(code);
      assert.equal(cls.kind, code.length <= 14 ? 'product' : 'wallet', code);
    }
  });
});

describe('products', () => {
  it('EAN-8, UPC-A, EAN-13 and GTIN-14 with a valid check digit', () => {
    assert.deepEqual(detectWallet('96385074'), { kind: 'product', code: '96385074', symbology: 'EAN-8' });
    assert.deepEqual(detectWallet('036000291452'), {
      kind: 'product',
      code: '036000291452',
      symbology: 'UPC-A',
    });
    assert.deepEqual(detectWallet('4006381333931'), {
      kind: 'product',
      code: '4006381333931',
      symbology: 'EAN-13',
    });
    assert.deepEqual(detectWallet('10614141000415'), {
      kind: 'product',
      code: '10614141000415',
      symbology: 'GTIN-14',
    });
    assert.ok(gtinCheckDigitOk('4006381333931'));
    assert.ok(!gtinCheckDigitOk('4006381333932'));
  });

  it('a wrong check digit is refused with a reason, never treated as a payment code', () => {
    const c = detectWallet('4006381333932');
    assert.equal(c.kind, 'rejected');
    assert.equal(c.kind === 'rejected' && c.reasonCode, 'bad-check-digit');
    assert.match(c.kind === 'rejected' ? c.reason : '', /EAN-13.*check digit/);
  });
});

describe('normalisation', () => {
  it('removes whitespace, CR/LF, Tab, AIM identifiers, STX/ETX and dashes between digits', () => {
    assert.equal(normaliseCode(' 1354 8133 3156 6644 96\r\n'), '135481333156664496');
    assert.equal(normaliseCode('\t135481333156664496\n'), '135481333156664496');
    assert.equal(normaliseCode(']E04006381333931'), '4006381333931');
    assert.equal(normaliseCode(']Q1135481333156664496'), '135481333156664496');
    assert.equal(normaliseCode('\u0002135481333156664496\u0003'), '135481333156664496');
    assert.equal(normaliseCode('1354-8133-3156-6644-96'), '135481333156664496');
    assert.equal(normaliseCode('１３５４８１３３３１５６６６４４９６'), '135481333156664496'); // full-width (IME)
    assert.equal(normaliseCode(EMV), EMV);
  });

  it('a normalised wallet code keeps its wallet', () => {
    assert.equal(wallet(' 62 1111 1111 1111 1111 1\r'), 'UNIONPAY');
  });
});

describe('anything else gets a clear message', () => {
  const reason = (raw: string) => {
    const c = detectWallet(raw);
    assert.equal(c.kind, 'rejected', raw);
    return c.kind === 'rejected' ? c : null;
  };

  it('empty, control characters, too long, unknown prefixes, words', () => {
    assert.equal(reason('  \r\n')?.reasonCode, 'empty');
    assert.equal(reason('1354\u00078133315666449')?.reasonCode, 'control-chars');
    assert.equal(reason('\u0000\u0001\u00ff\u0010')?.reasonCode, 'control-chars');
    assert.equal(reason('1'.repeat(10_000))?.reasonCode, 'too-long');
    assert.equal(reason('1'.repeat(600))?.reasonCode, 'too-long');
    assert.match(
      reason(`16${'3'.repeat(16)}`)?.reason ?? '',
      /18-digit code starting 16 is not a payment code/,
    );
    assert.match(reason(`13${'3'.repeat(15)}`)?.reason ?? '', /WeChat Pay codes have 18 digits/);
    assert.match(reason('hello world')?.reason ?? '', /not a WeChat Pay, Alipay or UnionPay payment code/);
    assert.equal(reason('hello world')?.code, 'helloworld');
  });

  it('accepts an unknown prefix for the wallet the operator picked by hand, only if it looks like a code', () => {
    assert.deepEqual(detectWallet(`88${'1'.repeat(16)}`, { wallet: 'ALIPAY' }), {
      kind: 'wallet',
      wallet: 'ALIPAY',
      code: `88${'1'.repeat(16)}`,
      labelledBy: 'operator',
    });
    assert.equal(detectWallet('12345', { wallet: 'ALIPAY' }).kind, 'rejected');
    assert.equal(detectWallet('4006381333931', { wallet: 'ALIPAY' }).kind, 'product');
    // The code's own pattern wins over the operator's choice.
    const c = detectWallet(`13${'3'.repeat(16)}`, { wallet: 'ALIPAY' });
    assert.equal(c.kind === 'wallet' && c.wallet, 'WECHATPAY');
  });
});

describe('masking', () => {
  it('shows the first 4 and the last 4 only', () => {
    assert.equal(maskCode('135481333156664496'), '1354**********4496');
    assert.equal(maskCode(EMV).slice(0, 4), 'hQVD');
    assert.equal(maskCode(EMV).length, 24);
    assert.equal(maskCode('12345678'), '********');
  });

  it('walletOf names the wallet from the pattern only', () => {
    assert.equal(walletOf('135481333156664496'), 'WECHATPAY');
    assert.equal(walletOf('4006381333931'), null);
  });
});
