// Issue 21, item 2: the words the till speaks for a payment, in Chinese (the zero rules are where such
// readers go wrong), English and French, across the range of amounts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { announcement } from '../../../shared/speech/announcement.ts';
import { zhAmountTokens } from '../../../shared/speech/zh-amount.ts';

const zh = (cents: number) => zhAmountTokens(cents).join('');
const say = (cents: number, lang: 'en' | 'fr' | 'zh') =>
  announcement('paid', 'WECHATPAY', cents, 'CAD', lang).sentence;

describe('amounts read the Chinese way', () => {
  const cases: Array<[number, string]> = [
    [1, '零点零一'],
    [10, '零点一'],
    [1000, '十'],
    [1005, '十点零五'],
    [1500, '十五'],
    [2345, '二十三点四五'],
    [10010, '一百点一'],
    [11000, '一百一十'],
    [10500, '一百零五'],
    [100000, '一千'],
    [100500, '一千零五'],
    [105000, '一千零五十'],
    [110000, '一千一百'],
    [499999, '四千九百九十九点九九'],
    [1000000, '一万'],
    [1000500, '一万零五'],
    [1001000, '一万零一十'],
    [1050000, '一万零五百'],
    [1500000, '一万五千'],
    [99999999, '九十九万九千九百九十九点九九'],
  ];
  for (const [cents, words] of cases) {
    it(`${(cents / 100).toFixed(2)} → ${words}`, () => assert.equal(zh(cents), words));
  }

  it('the sentence: wallet and what happened, then the amount in 加元', () => {
    assert.equal(say(2345, 'zh'), '微信收款 二十三点四五加元');
    assert.equal(announcement('refund', 'ALIPAY', 100500, 'CAD', 'zh').sentence, '支付宝退款 一千零五加元');
    assert.equal(announcement('paid', 'UNIONPAY', 1000, 'USD', 'zh').sentence, '银联收款 十美元');
  });
});

describe('amounts read in English and French', () => {
  const cases: Array<[number, string, string]> = [
    [1, 'one cent', 'un cent'],
    [1000, 'ten dollars', 'dix dollars'],
    [1005, 'ten dollars and five cents', 'dix dollars et cinq cents'],
    [10010, 'one hundred dollars and ten cents', 'cent dollars et dix cents'],
    [100000, 'one thousand dollars', 'mille dollars'],
    [100500, 'one thousand five dollars', 'mille cinq dollars'],
    [
      499999,
      'four thousand nine hundred ninety-nine dollars and ninety-nine cents',
      'quatre mille neuf cent quatre-vingt-dix-neuf dollars et quatre-vingt-dix-neuf cents',
    ],
    [2345, 'twenty-three dollars and forty-five cents', 'vingt-trois dollars et quarante-cinq cents'],
    [100, 'one dollar', 'un dollar'],
    [2100, 'twenty-one dollars', 'vingt et un dollars'],
    [7100, 'seventy-one dollars', 'soixante et onze dollars'],
    [8000, 'eighty dollars', 'quatre-vingts dollars'],
    [8100, 'eighty-one dollars', 'quatre-vingt-un dollars'],
    [20000, 'two hundred dollars', 'deux cents dollars'],
    [20100, 'two hundred one dollars', 'deux cent un dollars'],
    [200000, 'two thousand dollars', 'deux mille dollars'],
  ];
  for (const [cents, english, french] of cases) {
    it(`${(cents / 100).toFixed(2)}`, () => {
      assert.equal(say(cents, 'en'), `WeChat Pay received ${english}`);
      assert.equal(say(cents, 'fr'), `WeChat Pay, paiement reçu ${french}`);
    });
  }

  it('refunds say so', () => {
    assert.equal(
      announcement('refund', 'ALIPAY', 2345, 'CAD', 'en').sentence,
      'Alipay refunded twenty-three dollars and forty-five cents',
    );
    assert.equal(
      announcement('refund', 'ALIPAY', 2345, 'CAD', 'fr').sentence,
      'Alipay, remboursement vingt-trois dollars et quarante-cinq cents',
    );
  });

  it('refuses amounts it cannot say', () => {
    assert.throws(() => announcement('paid', 'WECHATPAY', -1, 'CAD', 'en'), RangeError);
    assert.throws(() => announcement('paid', 'WECHATPAY', 1.5, 'CAD', 'zh'), RangeError);
  });
});
