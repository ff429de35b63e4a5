// Issue 22, finding 9 at the contract and in the outputs: names and notes with control or
// text-direction characters are refused at the boundary; what still reaches a terminal (the chain's
// store report) is escaped; CSV cells with a semicolon are quoted for French-Canadian spreadsheets, and
// cells a spreadsheet would run as a formula stay defused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell } from '../../../electron/core/payments/csv.ts';
import { reportText } from '../../../electron/store/report-text.ts';
import { parseCommandRequest } from '../../../shared/contract.ts';

/** Each inside a name (at either end, trim() already drops the whitespace-like ones). */
const HOSTILE = [
  'Eve\u001b[2K', // ESC: terminal escape sequence
  'Eve\rOwner', // carriage return
  'Eve\nOwner',
  'Eve\u0007x', // BEL
  'Eve\u007fx',
  'Eve\u009b2J', // C1 CSI
  'Eve\u0085x', // C1 NEL
  'Eve\u061cx', // Arabic letter mark
  'Eve\u200ex',
  'Eve\u200fx',
  'Eve\u202atext',
  'Eve\u202ex', // right-to-left override
  'Eve\u2066x\u2069', // isolates
  'Eve\u2067x',
  'Eve\u2068x',
  'Eve\u200bx', // zero-width space
  'Eve\u2028x', // line separator
  'Eve\ufeffx',
];
const FINE = ['Ana Li', 'Émilie Côté-Tremblay', '王小明', "O'Brien", 'Ana 👩‍💻'];

function staffAdd(name: string) {
  return parseCommandRequest('staff.add', {
    name,
    role: 'cashier',
    pin: '2468',
    operatorId: '1',
    approverPin: '1234',
  });
}

describe('names and notes at the contract', () => {
  it('refuses control and text-direction characters in a staff name', () => {
    for (const name of HOSTILE) {
      const r = staffAdd(name);
      assert.ok(!r.ok, `accepted ${JSON.stringify(name)}`);
      assert.match(r.message, /name: no control or text-direction characters/);
    }
    for (const name of FINE) assert.ok(staffAdd(name).ok, name);
  });

  it('refuses them in every note and shop field', () => {
    const attemptId = 'a1';
    for (const bad of HOSTILE) {
      const requests: Array<[Parameters<typeof parseCommandRequest>[0], unknown]> = [
        ['override.markPaid', { attemptId, walletTxnId: bad, reason: 'seen', pin: '1234' }],
        ['override.markPaid', { attemptId, walletTxnId: 'T1', reason: bad, pin: '1234' }],
        ['override.markFailed', { attemptId, reason: bad, pin: '1234' }],
        ['attention.acknowledge', { attemptId, reason: bad, pin: '1234' }],
        ['sale.submitScan', { code: `1345678901234567${bad}`, source: 'manual' }],
        ['settings.update', { patch: { shop: { name: bad, address: '', phone: '' } }, pin: '1234' }],
        ['settings.update', { patch: { shop: { name: 'Shop', address: bad, phone: '' } }, pin: '1234' }],
        ['settings.update', { patch: { shop: { name: 'Shop', address: '', phone: bad } }, pin: '1234' }],
      ];
      for (const [name, payload] of requests)
        assert.ok(!parseCommandRequest(name, payload).ok, `${name} accepted ${JSON.stringify(bad)}`);
    }
    assert.ok(
      parseCommandRequest('attention.acknowledge', { attemptId, reason: 'Client rappelé ✓', pin: '1234' }).ok,
    );
  });
});

describe('CSV cells', () => {
  it('quotes a cell with a semicolon, a comma, a quote, a tab or a line break', () => {
    assert.equal(csvCell('Côté; Émilie'), '"Côté; Émilie"');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('tab\there'), '"tab\there"');
    assert.equal(csvCell('plain'), 'plain');
  });

  it('defuses a cell a spreadsheet would run as a formula, also when it has to be quoted', () => {
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])
      assert.ok(csvCell(f).replace(/^"/, '').startsWith("'"), f);
    assert.equal(csvCell('=HYPERLINK("x";"y")'), `"'=HYPERLINK(""x"";""y"")"`);
  });
});

describe('the chain report on a terminal', () => {
  it('escapes a cashier name’s escape codes and bidi controls', () => {
    const text = reportText({
      day: '2026-03-10',
      storeId: null,
      stores: [],
      byWallet: [],
      chain: [],
      byCashier: [
        {
          storeId: 'north',
          tillId: 'abcdef0123456789',
          terminalNo: 'T1',
          cashierId: '3',
          name: 'Eve\u001b[2K\r\u202eOwner',
          currency: 'CAD',
          paidCount: 1,
          grossCents: 100,
          tipCents: 0,
        },
      ],
    });
    for (const raw of ['\u001b', '\r', '\u202e']) assert.ok(!text.includes(raw), JSON.stringify(text));
    assert.match(text, /T1 · Eve\\u001B\[2K\\u000D\\u202EOwner/);
  });
});
