import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { describe, test } from 'node:test';
import { canonicalString } from '../../../electron/core/gateway/canonical.ts';
import {
  aesKeyFor,
  md5Upper,
  openData,
  sameText,
  sealData,
} from '../../../electron/core/gateway/envelope.ts';
import { BASE64, everyOneCharChange, HEX, TV1, TV2 } from '../../fixtures/ottpay/vectors.ts';
import { prng } from '../../support/prng.ts';

describe('published vectors', () => {
  test('TV1: md5, AES key and data reproduced exactly', () => {
    assert.equal(md5Upper(canonicalString(TV1.data)), TV1.md5);
    assert.equal(aesKeyFor(TV1.md5, TV1.signKey).toString('ascii'), TV1.aesKey);
    assert.deepEqual(sealData(TV1.data, TV1.signKey), TV1.envelope);
  });

  test('TV1 opens and verifies', () => {
    assert.deepEqual(openData(TV1.envelope, TV1.signKey), { ok: true, data: TV1.data });
  });

  test('TV2 (line-wrapped as published) opens and verifies', () => {
    const opened = openData(TV2.envelope, TV2.signKey);
    assert.ok(opened.ok, opened.ok ? '' : opened.reason);
    for (const [key, value] of Object.entries(TV2.expected)) assert.equal(opened.data[key], value, key);
    assert.match(String(opened.data.call_back_url), /^https?:\/\//);
  });

  test('TV2 wrapped with newlines, CRLF and tabs opens too', () => {
    const wrapped = TV2.envelope.data.replace(/ /g, '\r\n\t');
    assert.equal(openData({ ...TV2.envelope, data: wrapped }, TV2.signKey).ok, true);
  });

  for (const [name, envelope, signKey] of [
    ['TV1', TV1.envelope, TV1.signKey],
    ['TV2', TV2.envelope, TV2.signKey],
  ] as const) {
    test(`${name}: every one-character change of the md5 is rejected`, () => {
      for (const changed of everyOneCharChange(envelope.md5, HEX)) {
        const opened = openData({ ...envelope, md5: changed.text }, signKey);
        assert.equal(opened.ok, false, `md5 position ${changed.index}`);
      }
      // and a lower-case md5 is not the same md5
      assert.equal(openData({ ...envelope, md5: envelope.md5.toLowerCase() }, signKey).ok, false);
    });

    test(`${name}: every one-character change of the data is rejected`, () => {
      for (const changed of everyOneCharChange(envelope.data, BASE64)) {
        const opened = openData({ ...envelope, data: changed.text }, signKey);
        assert.equal(opened.ok, false, `data position ${changed.index}`);
      }
    });
  }

  test('a non-canonical Base64 tail (same bytes to a lenient decoder) is rejected', () => {
    // "…RWQ==": the Q carries 4 unused bits; R decodes to the same bytes in Buffer.from
    const sloppy = TV1.envelope.data.replace(/Q==$/, 'R==');
    assert.deepEqual(Buffer.from(sloppy, 'base64'), Buffer.from(TV1.envelope.data, 'base64'));
    assert.deepEqual(openData({ ...TV1.envelope, data: sloppy }, TV1.signKey), {
      ok: false,
      reason: 'data is not valid Base64',
    });
  });
});

describe('bad input gets a clear reason, never the key', () => {
  const cases: Array<[string, { md5?: unknown; data?: unknown }, string, RegExp]> = [
    ['missing md5', { data: TV1.envelope.data }, TV1.signKey, /md5 is missing/],
    ['md5 not hex', { ...TV1.envelope, md5: 'not-an-md5' }, TV1.signKey, /32 upper-case/],
    ['md5 a number', { ...TV1.envelope, md5: 12 }, TV1.signKey, /32 upper-case/],
    ['missing data', { md5: TV1.md5 }, TV1.signKey, /data is missing/],
    ['data not a string', { md5: TV1.md5, data: { x: 1 } }, TV1.signKey, /not a string/],
    ['garbage Base64', { md5: TV1.md5, data: '!!!not base64!!!' }, TV1.signKey, /not valid Base64/],
    [
      'truncated Base64',
      { md5: TV1.md5, data: TV1.envelope.data.slice(0, 50) },
      TV1.signKey,
      /Base64|blocks/,
    ],
    [
      'not whole blocks',
      { md5: TV1.md5, data: Buffer.alloc(20).toString('base64') },
      TV1.signKey,
      /AES blocks/,
    ],
    ['wrong key', TV1.envelope, 'FFFFFFFFFFFFFFFF', /does not decrypt|not UTF-8 JSON/],
  ];
  for (const [name, envelope, key, reason] of cases) {
    test(name, () => {
      const opened = openData(envelope, key);
      assert.equal(opened.ok, false);
      if (opened.ok) return;
      assert.match(opened.reason, reason);
      assert.ok(!opened.reason.includes(key), 'the reason never holds the key');
    });
  }

  test('valid encryption of something that is not a JSON object', () => {
    // seal an array's JSON under the key its md5 would give
    const sealed = sealData({ a: 'b' }, TV1.signKey);
    const wrongShape = openData({ md5: sealed.md5, data: sealData({}, TV1.signKey).data }, TV1.signKey);
    assert.equal(wrongShape.ok, false);
  });

  test('sameText compares exactly', () => {
    assert.equal(sameText('ABC', 'ABC'), true);
    assert.equal(sameText('ABC', 'ABD'), false);
    assert.equal(sameText('ABC', 'ABCD'), false);
  });
});

const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyz_',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ' !"#$%&\'()*+,-./:;<=>?@[\\]^`{|}~\t\n',
  '张三李四王五支付宝微信支付',
  'éèêàçôûÉÀœ€£¥',
  '😀🧾💳🇨🇦',
];

function randomText(rand: () => number, maxLength: number): string {
  const length = Math.floor(rand() * (maxLength + 1));
  let out = '';
  for (let i = 0; i < length; i++) {
    const alphabet = [...(ALPHABETS[Math.floor(rand() * ALPHABETS.length)] ?? 'a')];
    out += alphabet[Math.floor(rand() * alphabet.length)] ?? '';
  }
  return out;
}

describe('property: seal then open round-trips any flat string map', () => {
  test('500 random maps: any keys, any key order, empty and non-ASCII values', () => {
    const seed = 20260115;
    const rand = prng(seed);
    for (let run = 0; run < 500; run++) {
      const entries: Array<[string, string]> = [];
      const count = Math.floor(rand() * 12);
      for (let i = 0; i < count; i++) entries.push([randomText(rand, 12) || `k${i}`, randomText(rand, 40)]);
      const data = Object.fromEntries(entries);
      const key = Array.from({ length: 16 }, () => HEX[Math.floor(rand() * 16)]).join('');
      const sealed = sealData(data, key);
      const opened = openData(sealed, key);
      assert.ok(opened.ok, `seed ${seed} run ${run}: ${opened.ok ? '' : opened.reason}`);
      assert.deepEqual(opened.data, data, `seed ${seed} run ${run}`);
      // shuffled key order seals to the same md5
      const shuffled = Object.fromEntries([...Object.entries(data)].sort(() => rand() - 0.5));
      assert.equal(sealData(shuffled, key).md5, sealed.md5, `seed ${seed} run ${run}: key order`);
    }
  });

  test('numbers sealed by a Java-like server verify on open', () => {
    const data = { total_amount: 1, refund_fee: 0, rate: 650_000_000, exchange_rate: 5.2, order_id: 'A1' };
    const sealed = sealData(data, TV1.signKey);
    assert.equal(sealed.md5, md5Upper('5.2A16.5E80.01.0'));
    assert.deepEqual(openData(sealed, TV1.signKey), { ok: true, data });
  });
});

describe('PKCS7 padding is checked as OpenSSL checks it', () => {
  /** Two blocks, 'A's then `tail`, encrypted under TV1's key without padding; and whether OpenSSL's final() takes them. */
  function blocksEnding(tail: number[]) {
    const key = aesKeyFor(TV1.md5, TV1.signKey);
    const plain = Buffer.alloc(32, 0x41);
    Buffer.from(tail).copy(plain, 32 - tail.length);
    const cipher = createCipheriv('aes-128-ecb', key, null).setAutoPadding(false);
    const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
    const decipher = createDecipheriv('aes-128-ecb', key, null);
    let opensslTakesIt = true;
    try {
      Buffer.concat([decipher.update(encrypted), decipher.final()]);
    } catch {
      opensslTakesIt = false;
    }
    return { envelope: { md5: TV1.md5, data: encrypted.toString('base64') }, opensslTakesIt };
  }

  test('a last byte that is no pad length (0, 17…255) does not decrypt', () => {
    for (const last of [0, 17, 32, 200, 255]) {
      const { envelope, opensslTakesIt } = blocksEnding([last]);
      assert.equal(opensslTakesIt, false);
      assert.deepEqual(openData(envelope, TV1.signKey), {
        ok: false,
        reason: 'data does not decrypt with this sign key (wrong key, or data or md5 altered)',
      });
    }
  });

  test('a pad whose bytes are not all its length does not decrypt; a whole one gets to the md5 check', () => {
    for (let pad = 1; pad <= 16; pad++) {
      const whole = Array.from({ length: pad }, () => pad);
      const good = blocksEnding(whole);
      assert.equal(good.opensslTakesIt, true);
      // Padding right: it decrypts, and is then refused only because 'AAA…' is not JSON.
      assert.match((openData(good.envelope, TV1.signKey) as { reason: string }).reason, /not UTF-8 JSON/);
      for (let i = 0; i < pad - 1; i++) {
        const broken = [...whole];
        broken[i] = pad ^ 0x01;
        const bad = blocksEnding(broken);
        assert.equal(bad.opensslTakesIt, false);
        assert.match((openData(bad.envelope, TV1.signKey) as { reason: string }).reason, /does not decrypt/);
      }
    }
  });
});
