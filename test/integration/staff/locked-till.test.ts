// Issue 22, finding 8: a locked till still answered history.search, report.exportCsv, shift.report,
// shift.exportCsv, receipt.print and sale.setAside after staff.signOut. Now every command in the
// contract needs someone signed in, except the few the lock screen needs (shared/open-while-locked.ts).
// The walk below sends EVERY command with a valid request (the table is typed by the contract's
// command names, so a new command cannot be left out) on a till with real payments behind it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CommandName, commands, parseCommandRequest } from '../../../shared/contract.ts';
import type { AttemptView, TillSnapshot } from '../../../shared/domain.ts';
import { OPEN_WHILE_LOCKED } from '../../../shared/open-while-locked.ts';
import { OWNER_PIN } from '../../support/sign-in.ts';
import { startTill, type TillUnderTest } from '../../support/till-calls.ts';

const TODAY = new Date().toISOString().slice(0, 10);
let till: TillUnderTest;
let paid: AttemptView;

/** A valid request for every command of the contract. */
function requests(): Record<CommandName, unknown> {
  return {
    'till.snapshot': {},
    'sale.payActive': { amountCents: 500, tipCents: 0, wallet: 'ALIPAY' },
    'sale.payPassive': { amountCents: 500, tipCents: 0 },
    'sale.submitScan': { code: '134567890123456789', source: 'manual' },
    'sale.pickScanWallet': { wallet: null },
    'sale.draft': { amountCents: 500, tipCents: 0 },
    'sale.cancel': {},
    'sale.new': {},
    'sale.setAside': {},
    'attempt.recheck': { attemptId: paid.attemptId },
    'attention.list': {},
    'history.search': {},
    'refund.create': { attemptId: paid.attemptId, amountCents: 100, pin: OWNER_PIN },
    'refund.list': { attemptId: paid.attemptId },
    'override.markPaid': { attemptId: paid.attemptId, walletTxnId: 'T1', reason: 'seen', pin: OWNER_PIN },
    'override.markFailed': { attemptId: paid.attemptId, reason: 'seen', pin: OWNER_PIN },
    'attention.acknowledge': { attemptId: paid.attemptId, reason: 'seen', pin: OWNER_PIN },
    'report.daily': { date: TODAY },
    'report.reconcile': { date: TODAY },
    'report.exportCsv': { date: TODAY },
    'settings.get': {},
    'settings.update': { patch: { soundsOn: false }, pin: OWNER_PIN },
    'settings.setSignKey': { signKey: '0123456789ABCDEF', pin: OWNER_PIN },
    'settings.setStoreCredentials': { password: 'x', pin: OWNER_PIN },
    'settings.changePin': { oldPin: OWNER_PIN, newPin: '4321' },
    'scanner.listPorts': {},
    'scanner.diagnostics': {},
    'wedge.keys': { events: [{ t: 0, key: '1', code: 'Digit1' }] },
    'diagnostics.get': {},
    'shell.quit': { pin: OWNER_PIN },
    'receipt.print': { kind: 'sale', refId: paid.attemptId, copies: ['customer'] },
    'receipt.testPage': {},
    'receipt.preview': { kind: 'sale', refId: paid.attemptId, copy: 'customer' },
    'staff.signIn': { pin: OWNER_PIN },
    'staff.signOut': {},
    'staff.list': {},
    'staff.add': { name: 'Nina', role: 'cashier', pin: '6060', operatorId: '3', approverPin: OWNER_PIN },
    'staff.setActive': { staffId: '1', active: true, approverPin: OWNER_PIN },
    'staff.setPin': { staffId: '1', pin: OWNER_PIN, approverPin: OWNER_PIN },
    'shift.current': {},
    'shift.list': {},
    'shift.report': { shiftId: 1 },
    'shift.close': { pin: OWNER_PIN, acknowledgeUnresolved: true },
    'shift.exportCsv': { shiftId: 1 },
    'settings.setPosApiKey': { posApiKey: 'k'.repeat(32), pin: OWNER_PIN },
    'updates.status': {},
    'updates.check': {},
    'updates.install': { pin: OWNER_PIN },
    'customer.askTip': { amountCents: 500 },
    'customer.skipTip': {},
    'customer.pairDisplay': {},
  };
}

before(async () => {
  till = await startTill('locked-till-');
  await till.value('staff.signIn', { pin: OWNER_PIN });
  await till.value('sale.payPassive', { amountCents: 1234, tipCents: 0 });
  paid = await till.value<AttemptView>('sale.submitScan', { code: '134567890123456789', source: 'manual' });
  assert.equal(paid.state, 'paid', JSON.stringify(paid));
  await till.value('sale.new', {});
  await till.value('staff.signOut', {});
});
after(() => till.close());

describe('a locked till', () => {
  it('the request table is valid and covers the whole contract', () => {
    const table = requests();
    assert.deepEqual(Object.keys(table).sort(), Object.keys(commands).sort());
    for (const [name, payload] of Object.entries(table)) {
      const parsed = parseCommandRequest(name as CommandName, payload);
      assert.ok(parsed.ok, `${name}: ${parsed.ok ? '' : parsed.message}`);
    }
  });

  it('the commands the attack found answer no longer', async () => {
    const table = requests();
    for (const name of [
      'history.search',
      'report.exportCsv',
      'shift.report',
      'shift.exportCsv',
      'receipt.print',
      'sale.setAside',
    ] as const) {
      assert.equal(await till.reasonOf(name, table[name]), 'sign-in-needed', name);
    }
  });

  it('refuses EVERY command of the contract but the lock screen’s, before reading the request', async () => {
    const table = requests();
    const open = new Set(Object.keys(OPEN_WHILE_LOCKED));
    const answered: string[] = [];
    for (const name of Object.keys(commands) as CommandName[]) {
      if (open.has(name)) continue;
      const r = await till.call(name, table[name]);
      if (r.ok || r.error.reason !== 'sign-in-needed') answered.push(`${name}: ${JSON.stringify(r)}`);
      // Not even a malformed request gets a validation answer (nothing is learnt from a locked till).
      const bad = await till.call(name, { nonsense: true });
      if (bad.ok || bad.error.reason !== 'sign-in-needed') answered.push(`${name} (bad request)`);
    }
    assert.deepEqual(answered, []);
    assert.equal(till.core.snapshot().staff.cashier, null, 'still locked');
  });

  it('the snapshot, which a locked till still sends, carries no payment', async () => {
    const snap = await till.value<TillSnapshot>('till.snapshot', {});
    assert.equal(snap.staff.cashier, null);
    assert.deepEqual(
      [snap.sale, snap.attention, snap.attentionCount, snap.background, snap.printing],
      [null, [], 0, [], { jobs: [], screen: null }],
    );
    assert.ok(!JSON.stringify(snap).includes(paid.orderId), 'the paid order shows on the lock screen');
  });

  it('the exceptions are exactly the lock screen’s and still answer', async () => {
    assert.deepEqual(Object.keys(OPEN_WHILE_LOCKED).sort(), [
      'sale.draft',
      'shell.quit',
      'staff.signIn',
      'staff.signOut',
      'till.snapshot',
    ]);
    const table = requests();
    for (const name of ['till.snapshot', 'sale.draft', 'staff.signOut', 'shell.quit'] as const)
      assert.equal(await till.reasonOf(name, table[name]), 'ok', name);
    assert.equal(await till.reasonOf('staff.signIn', table['staff.signIn']), 'ok');
    assert.equal(await till.reasonOf('history.search', {}), 'ok', 'signed in again, it answers');
    const snap = await till.value<TillSnapshot>('till.snapshot', {});
    assert.ok(snap.printing.jobs.length > 0, 'signed in again, the receipts are back');
  });
});
