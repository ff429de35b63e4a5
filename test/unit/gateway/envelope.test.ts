import assert from 'node:assert/strict';
import { createCipheriv } from 'node:crypto';
import { describe, test } from 'node:test';
import { canonicalString } from '../../../electron/core/gateway/canonical.ts';
import {
  aesKeyFor,
  type DecipherCache,
  md5Upper,
  openData,
  sameText,
  sealData,
} from '../../../electron/core/gateway/envelope.ts';
import { SignKeyCache } from '../../../electron/core/gateway/sign-key-cache.ts';
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

describe('opening with kept decipher contexts (a client polling one order) reads exactly as without', () => {
  const kept = (): DecipherCache => new SignKeyCache();

  test('TV1 and TV2 open, again and again through the same contexts', () => {
    const deciphers = kept();
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(openData(TV1.envelope, TV1.signKey, deciphers), { ok: true, data: TV1.data });
      const wrapped = TV2.envelope.data.replace(/ /g, '\r\n');
      assert.deepEqual(
        openData({ ...TV2.envelope, data: wrapped }, TV2.signKey, deciphers),
        openData(TV2.envelope, TV2.signKey),
      );
    }
  });

  test('every one-character change of TV1 is refused with the same reason as without', () => {
    const deciphers = kept();
    for (const changed of everyOneCharChange(TV1.envelope.data, BASE64)) {
      const envelope = { ...TV1.envelope, data: changed.text };
      assert.deepEqual(openData(envelope, TV1.signKey, deciphers), openData(envelope, TV1.signKey));
    }
    for (const changed of everyOneCharChange(TV1.envelope.md5, HEX)) {
      const envelope = { ...TV1.envelope, md5: changed.text };
      assert.deepEqual(openData(envelope, TV1.signKey, deciphers), openData(envelope, TV1.signKey));
    }
    // and the kept context still opens the honest envelope afterwards
    assert.equal(openData(TV1.envelope, TV1.signKey, deciphers).ok, true);
  });

  test('a last block that is not PKCS7 padding does not decrypt', () => {
    // Whole blocks encrypted without padding, ending in a byte that is no valid pad length.
    const key = aesKeyFor(TV1.md5, TV1.signKey);
    for (const last of [0, 17, 200]) {
      const plain = Buffer.alloc(32, 0x41);
      plain[31] = last;
      const cipher = createCipheriv('aes-128-ecb', key, null).setAutoPadding(false);
      const data = Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
      const envelope = { md5: TV1.md5, data };
      const opened = openData(envelope, TV1.signKey, kept());
      assert.deepEqual(opened, openData(envelope, TV1.signKey), `last byte ${last}`);
      assert.equal(opened.ok, false);
    }
  });

  test('a changed sign key takes effect at once: what the old key opened, the new one does not', () => {
    const deciphers = kept();
    const other = 'FFFFFFFFFFFFFFFF';
    assert.equal(openData(TV1.envelope, TV1.signKey, deciphers).ok, true);
    // Same md5, so a context kept by md5 alone would still open it.
    assert.equal(openData(TV1.envelope, other, deciphers).ok, false);
    const underOther = sealData(TV1.data, other);
    assert.equal(underOther.md5, TV1.md5);
    assert.deepEqual(openData(underOther, other, deciphers), { ok: true, data: TV1.data });
    assert.equal(openData(underOther, TV1.signKey, deciphers).ok, false);
  });

  test('500 random answers open through one small cache as they do without', () => {
    const rand = prng(7);
    const deciphers: DecipherCache = new SignKeyCache(4);
    const sealed = Array.from({ length: 12 }, (_, i) =>
      sealData({ order_id: `O${i}`, note: randomText(rand, 40) }, TV1.signKey),
    );
    for (let run = 0; run < 500; run++) {
      const one = sealed[Math.floor(rand() * sealed.length)] as { md5: string; data: string };
      assert.deepEqual(openData(one, TV1.signKey, deciphers), openData(one, TV1.signKey), `run ${run}`);
    }
    assert.ok(deciphers.size <= 4);
  });
});
