// decode and encode as child processes, on OTTPay's published examples and on bad input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BASE64, changeAt, HEX, TV1, TV2 } from '../../fixtures/ottpay/vectors.ts';
import { inBatches, runCli } from './run-cli.ts';

const oneLine = (text: string) => /^[^\n]+\n$/.test(text);

describe('decode verifies the published examples', () => {
  test('TV1: the envelope made from its data decodes to that data', async () => {
    const made = await runCli(
      ['encode', '--sign-key', TV1.signKey, '--action', 'APPENDIX_A', '--merchant-id', 'QC00005496'],
      {
        stdin: JSON.stringify(TV1.data),
      },
    );
    assert.equal(made.code, 0, made.stderr);
    const envelope = JSON.parse(made.stdout) as Record<string, string>;
    assert.equal(envelope.md5, TV1.md5);
    assert.equal(envelope.data, TV1.envelope.data);
    assert.equal(envelope.action, 'APPENDIX_A');
    assert.equal(envelope.version, '1.0');
    const decoded = await runCli(['decode', '--sign-key', TV1.signKey], { stdin: made.stdout });
    assert.equal(decoded.code, 0, decoded.stderr);
    assert.deepEqual(JSON.parse(decoded.stdout), TV1.data);
    assert.equal(decoded.stderr, '');
  });

  test('TV2: line-wrapped as published, decodes and verifies', async () => {
    const decoded = await runCli(['decode', '--sign-key', TV2.signKey], {
      stdin: JSON.stringify(TV2.envelope),
    });
    assert.equal(decoded.code, 0, decoded.stderr);
    const data = JSON.parse(decoded.stdout) as Record<string, string>;
    for (const [key, value] of Object.entries(TV2.expected)) assert.equal(data[key], value, key);
  });

  test('the key may come from OTTPAY_SIGN_KEY', async () => {
    const decoded = await runCli(['decode'], {
      stdin: JSON.stringify(TV2.envelope),
      env: { OTTPAY_SIGN_KEY: TV2.signKey },
    });
    assert.equal(decoded.code, 0, decoded.stderr);
  });
});

describe('decode rejects each published example with one character changed', () => {
  for (const [name, envelope, signKey] of [
    ['TV1', TV1.envelope, TV1.signKey],
    ['TV2', TV2.envelope, TV2.signKey],
  ] as const) {
    test(`${name}: md5 and data positions across the whole string`, async () => {
      const md5Positions = [0, 1, 8, 15, 16, 23, 24, 31];
      const dataLength = envelope.data.length;
      const dataPositions = [
        0,
        1,
        2,
        3,
        21,
        Math.floor(dataLength / 3),
        Math.floor(dataLength / 2),
        dataLength - 5,
        dataLength - 3,
        dataLength - 1,
      ];
      if (name === 'TV2') dataPositions.push(envelope.data.indexOf(' '), envelope.data.indexOf(' ') + 1);
      const variants = [
        ...md5Positions.map((i) => ({
          what: `md5[${i}]`,
          envelope: { ...envelope, md5: changeAt(envelope.md5, i, HEX) },
        })),
        ...dataPositions.map((i) => ({
          what: `data[${i}]`,
          envelope: { ...envelope, data: changeAt(envelope.data, i, BASE64) },
        })),
      ];
      const results = await inBatches(
        variants.map(
          (v) => () => runCli(['decode', '--sign-key', signKey], { stdin: JSON.stringify(v.envelope) }),
        ),
      );
      results.forEach((result, i) => {
        const what = variants[i]?.what;
        assert.equal(result.code, 1, `${what}: exit 1`);
        assert.equal(result.stdout, '', `${what}: nothing on stdout`);
        assert.ok(
          oneLine(result.stderr),
          `${what}: one line on stderr, got ${JSON.stringify(result.stderr)}`,
        );
        assert.ok(!result.stderr.includes(signKey), `${what}: never the key`);
      });
    });
  }
});

describe('decode: bad input', () => {
  const cases: Array<[string, string[], string, number, RegExp]> = [
    ['empty stdin', ['--sign-key', TV1.signKey], '', 1, /no input/],
    ['garbage', ['--sign-key', TV1.signKey], 'garbage!', 1, /not valid JSON/],
    [
      'truncated JSON',
      ['--sign-key', TV1.signKey],
      JSON.stringify(TV1.envelope).slice(0, 30),
      1,
      /not valid JSON/,
    ],
    ['a JSON string', ['--sign-key', TV1.signKey], '"x"', 1, /not a JSON object/],
    [
      'garbage Base64',
      ['--sign-key', TV1.signKey],
      JSON.stringify({ md5: TV1.md5, data: '***' }),
      1,
      /Base64/,
    ],
    ['wrong key', ['--sign-key', '0000000000000000'], JSON.stringify(TV1.envelope), 1, /rejected/],
    [
      'missing md5',
      ['--sign-key', TV1.signKey],
      JSON.stringify({ data: TV1.envelope.data }),
      1,
      /md5 is missing/,
    ],
    ['no key at all', [], JSON.stringify(TV1.envelope), 2, /--sign-key is required/],
    ['unknown flag', ['--sign-key', TV1.signKey, '--bogus'], '{}', 2, /bogus/],
    ['oversized input', ['--sign-key', TV1.signKey], `{"data":"${'A'.repeat(1_100_000)}"}`, 1, /larger than/],
  ];
  for (const [name, args, stdin, code, message] of cases) {
    test(name, async () => {
      const result = await runCli(['decode', ...args], { stdin });
      assert.equal(result.code, code, result.stderr);
      assert.match(result.stderr.split('\n')[0] ?? '', message);
      assert.equal(result.stdout, '');
    });
  }
});

describe('encode', () => {
  test('round-trips non-ASCII data through decode; optional envelope fields', async () => {
    const data = { order_id: 'X1', remarks: '谢谢 — merci ☕', amount: '100' };
    const made = await runCli(
      [
        'encode',
        '--action',
        'PASSIVEPAY',
        '--merchant-id',
        'QC00005496',
        '--version',
        '1.1',
        '--operator-id',
        '0000000696',
        '--terminal-no',
        'T9',
      ],
      { stdin: JSON.stringify(data), env: { OTTPAY_SIGN_KEY: TV1.signKey } },
    );
    assert.equal(made.code, 0, made.stderr);
    const envelope = JSON.parse(made.stdout) as Record<string, string>;
    assert.deepEqual(
      { ...envelope, data: undefined, md5: undefined },
      {
        action: 'PASSIVEPAY',
        version: '1.1',
        merchant_id: 'QC00005496',
        terminal_no: 'T9',
        operator_id: '0000000696',
        data: undefined,
        md5: undefined,
      },
    );
    assert.ok(!made.stdout.includes(TV1.signKey));
    const decoded = await runCli(['decode', '--sign-key', TV1.signKey], { stdin: made.stdout });
    assert.deepEqual(JSON.parse(decoded.stdout), data);
  });

  const bad: Array<[string, string[], string, number, RegExp]> = [
    [
      'a number value',
      ['--sign-key', 'K', '--action', 'A', '--merchant-id', 'M'],
      '{"amount":100}',
      1,
      /not a string/,
    ],
    ['not JSON', ['--sign-key', 'K', '--action', 'A', '--merchant-id', 'M'], '{', 1, /not valid JSON/],
    ['an array', ['--sign-key', 'K', '--action', 'A', '--merchant-id', 'M'], '[]', 1, /not a JSON object/],
    ['missing action', ['--sign-key', 'K', '--merchant-id', 'M'], '{}', 2, /required/],
  ];
  for (const [name, args, stdin, code, message] of bad) {
    test(`refuses ${name}`, async () => {
      const result = await runCli(['encode', ...args], { stdin });
      assert.equal(result.code, code);
      assert.match(result.stderr.split('\n')[0] ?? '', message);
      assert.equal(result.stdout, '');
    });
  }
});
