// Cashiers and shifts through the till core, live against a real simulator behind a recording HTTP hop,
// on a data folder made by the code before staff accounts (a journal with a payment, the supervisor
// PIN changed to 5555): the owner comes from that PIN, each cashier's operator id goes on the wire, a
// supervisor approves a refund on a cashier's screen, the close refuses what is unresolved until it is
// acknowledged, the Z report is frozen, and a later payment lands in the next shift, marked late.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { hashPin } from '../../../electron/core/config/pin-hash.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { openData } from '../../../electron/core/gateway/envelope.ts';
import { JOURNAL_FILE } from '../../../electron/core/journal/journal-files.ts';
import { migration0007 as staffMigration } from '../../../electron/core/journal/migrations/0007-staff-and-shifts.ts';
import { MIGRATIONS } from '../../../electron/core/journal/migrations/index.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import { createSimulator, type Simulator } from '../../../electron/core/simulator/index.ts';
import type { CommandName } from '../../../shared/contract.ts';
import type { AttemptView, TillSnapshot } from '../../../shared/domain.ts';
import type { ShiftReport, StaffView } from '../../../shared/staff.ts';
import { type RecordingProxy, startRecordingProxy } from '../../support/recording-proxy.ts';

const KEY = '00112233AABBCCDD';
const MERCHANT = 'QC00005496';

let dir: string;
let sim: Simulator;
let proxy: RecordingProxy;
let core: TillCore;

async function call(name: CommandName, payload: unknown) {
  return dispatch(core, 'till', name, payload);
}
async function value<T>(name: CommandName, payload: unknown): Promise<T> {
  const r = await call(name, payload);
  assert.ok(r.ok, `${name}: ${JSON.stringify(r)}`);
  return r.value as T;
}
async function refused(name: CommandName, payload: unknown, reason: string): Promise<void> {
  const r = await call(name, payload);
  assert.ok(!r.ok, `${name} should be refused`);
  assert.equal((r.error as { reason?: string }).reason, reason, JSON.stringify(r.error));
}

const code = () => `13${String(Math.floor(Math.random() * 1e16)).padStart(16, '0')}`;

async function takePassive(amountCents: number): Promise<AttemptView> {
  await value('sale.payPassive', { amountCents, tipCents: 0 });
  const a = await value<AttemptView>('sale.submitScan', { code: code(), source: 'manual' });
  assert.equal(a.state, 'paid', JSON.stringify(a));
  await value('sale.new', {});
  return a;
}

/** Operator ids of one action on the wire: the envelope's and the sealed data's. */
function operatorIdsOf(action: string, orderId: string): Array<[unknown, unknown]> {
  return proxy.seen
    .filter((env) => env.action === action)
    .map((env) => {
      const opened = openData(env as { md5?: unknown; data?: unknown }, KEY);
      assert.ok(opened.ok);
      return { env, data: opened.data };
    })
    .filter(({ data }) => data.order_id === orderId)
    .map(({ env, data }) => [env.operator_id, data.operator_id ?? env.operator_id]);
}

function until(check: () => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const guard = setTimeout(() => {
      off();
      reject(new Error(`never: ${what}`));
    }, 20_000);
    const off = core.subscribe('till', () => {
      if (check()) {
        clearTimeout(guard);
        off();
        resolve();
      }
    });
  });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'staff-shifts-'));
  sim = await createSimulator({ merchants: [{ merchantId: MERCHANT, signKey: KEY }] });
  proxy = await startRecordingProxy(sim.url);
  // The folder as the code before staff accounts left it: live settings, a journal with a payment.
  writeFileSync(
    join(dir, 'settings.json'),
    JSON.stringify({ merchantId: MERCHANT, operatorId: '42', gatewayUrl: proxy.url, terminalNo: 'T1' }),
  );
  const old = openJournal({
    path: join(dir, JOURNAL_FILE),
    migrations: MIGRATIONS.filter((m) => m.version < staffMigration.version),
  });
  old.db.exec(`
    INSERT INTO sales VALUES ('S0', 700, 0, 'CAD', '42', 'T1', 1, 1, 1);
    INSERT INTO attempts (attempt_id, order_id, sale_id, mode, wallet, amount_cents, tip_cents, currency,
      state, operator_id, terminal_no, created_at, updated_at)
      VALUES ('T1OLD', 'T1OLD', 'S0', 'passive', 'ALIPAY', 700, 0, 'CAD', 'paid', '42', 'T1', 1, 1);`);
  old.close();
  const secrets = createMemorySecretStore({ pinHash: await hashPin('5555'), signKey: KEY });
  core = await createTillCore({ dataDir: dir, secrets });
});

after(async () => {
  await core.close();
  await proxy.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cashiers and shifts', () => {
  let ana: StaffView;
  let bo: StaffView;
  let sue: StaffView;
  let firstShift: number;

  it('makes the owner from the existing supervisor PIN and keeps older payments', async () => {
    const snap = await value<TillSnapshot>('till.snapshot', {});
    assert.equal(snap.sandbox, false);
    assert.equal(snap.staff.cashier, null, 'the till starts locked');
    await refused('sale.payPassive', { amountCents: 100, tipCents: 0 }, 'sign-in-needed');
    await refused('staff.signIn', { pin: '1234' }, 'pin-wrong');
    const owner = await value<StaffView>('staff.signIn', { pin: '5555' });
    assert.equal(owner.role, 'owner');
    const old = await value<AttemptView[]>('history.search', { text: 'T1OLD' });
    assert.equal(old[0]?.operatorId, '42');
  });

  it('adds cashiers and a supervisor with unique PINs; the list never shows a PIN', async () => {
    ana = await value('staff.add', {
      name: 'Ana',
      role: 'cashier',
      pin: '1111',
      operatorId: '101',
      approverPin: '5555',
    });
    bo = await value('staff.add', {
      name: 'Bo',
      role: 'cashier',
      pin: '2222',
      operatorId: '102',
      approverPin: '5555',
    });
    sue = await value('staff.add', {
      name: 'Sue',
      role: 'supervisor',
      pin: '3333',
      operatorId: '103',
      approverPin: '5555',
    });
    await refused(
      'staff.add',
      { name: 'Dup', role: 'cashier', pin: '2222', operatorId: '104', approverPin: '5555' },
      'pin-taken',
    );
    await refused(
      'staff.add',
      { name: 'Boss', role: 'owner', pin: '4444', operatorId: '105', approverPin: '3333' },
      'role-needed',
    );
    await refused(
      'staff.add',
      { name: 'Eve', role: 'cashier', pin: '4444', operatorId: '105', approverPin: '1111' },
      'role-needed',
    );
    const list = await value<StaffView[]>('staff.list', {});
    assert.deepEqual(
      list.map((s) => s.name),
      ['Owner', 'Ana', 'Bo', 'Sue'],
    );
    assert.doesNotMatch(JSON.stringify(list), /1111|2222|3333|5555|scrypt/);
  });

  it("sends each cashier's operator id and records the cashier; a supervisor approves a refund on the cashier's screen", async () => {
    assert.equal((await value<StaffView>('staff.signIn', { pin: '1111' })).name, 'Ana');
    const snap = await value<TillSnapshot>('till.snapshot', {});
    assert.equal(snap.staff.cashier?.staffId, ana.staffId);
    assert.ok(snap.staff.shiftId !== null, 'sign-in opened a shift');
    firstShift = snap.staff.shiftId;
    const a1 = await takePassive(1000);
    assert.equal(a1.operatorId, '101');
    assert.deepEqual(operatorIdsOf('PASSIVEPAY', a1.orderId), [['101', '101']]);

    await refused('refund.create', { attemptId: a1.attemptId, amountCents: 300, pin: '1111' }, 'role-needed');
    const refund = await value<{ orderId: string; state: string }>('refund.create', {
      attemptId: a1.attemptId,
      amountCents: 300,
      pin: '3333',
    });
    assert.equal(refund.state, 'refunded');
    assert.deepEqual(
      operatorIdsOf('REFUND', refund.orderId).map(([env]) => env),
      ['101'],
    );
    const db = new Database(join(dir, JOURNAL_FILE), { readonly: true });
    try {
      assert.deepEqual(
        db
          .prepare('SELECT cashier_id AS c, approver_id AS a, shift_id AS s FROM refunds WHERE order_id = ?')
          .get(refund.orderId),
        { c: ana.staffId, a: sue.staffId, s: firstShift },
      );
      assert.deepEqual(
        db.prepare('SELECT cashier_id AS c, shift_id AS s FROM attempts WHERE order_id = ?').get(a1.orderId),
        {
          c: ana.staffId,
          s: firstShift,
        },
      );
    } finally {
      db.close();
    }

    // Switching cashier: sign out, the next PIN. The shift stays open.
    await value('staff.signOut', {});
    assert.equal(core.snapshot().staff.cashier, null);
    assert.equal((await value<StaffView>('staff.signIn', { pin: '2222' })).name, 'Bo');
    assert.equal(core.snapshot().staff.shiftId, firstShift);
    const b1 = await takePassive(1500);
    assert.deepEqual(operatorIdsOf('PASSIVEPAY', b1.orderId), [['102', '102']]);
    const byBo = await value<AttemptView[]>('history.search', { cashierId: bo.staffId });
    assert.deepEqual(
      byBo.map((a) => a.orderId),
      [b1.orderId],
    );

    const x = await value<ShiftReport>('shift.current', {});
    assert.equal(x.kind, 'X');
    assert.equal(x.grossCents, 2500);
    assert.equal(x.refunds.totalCents, 300);
    assert.equal(x.netCents, 2200);
    assert.deepEqual(
      x.byCashier.map((c) => [c.name, c.count, c.grossCents, c.refundedCents, c.netCents]),
      [
        ['Ana', 1, 1000, 300, 700],
        ['Bo', 1, 1500, 0, 1500],
      ],
    );
    const daily = await value<{ byCashier: Array<{ name: string; grossCents: number }> }>('report.daily', {
      date: new Date().toISOString().slice(0, 10),
    });
    assert.ok(daily.byCashier.some((c) => c.name === 'Bo' && c.grossCents === 1500));
  });

  it('refuses to close over an unresolved payment until a supervisor acknowledges it; the Z report is frozen', async () => {
    // An override on Bo's screen, approved by Sue, records both.
    const stuck = await value<AttemptView>('sale.payActive', {
      amountCents: 1111,
      tipCents: 0,
      wallet: 'ALIPAY',
    });
    await refused(
      'override.markFailed',
      { attemptId: stuck.attemptId, reason: 'customer left', pin: '2222' },
      'role-needed',
    );
    const failed = await value<AttemptView>('override.markFailed', {
      attemptId: stuck.attemptId,
      reason: 'customer left',
      pin: '3333',
    });
    assert.equal(failed.state, 'failed');
    const events = new Database(join(dir, JOURNAL_FILE), { readonly: true });
    try {
      assert.deepEqual(
        events
          .prepare(
            "SELECT staff_id AS s, approver_id AS a FROM events WHERE entity_id = ? AND cause = 'override'",
          )
          .all(stuck.attemptId),
        [{ s: bo.staffId, a: sue.staffId }],
      );
    } finally {
      events.close();
    }
    const waiting = await value<AttemptView>('sale.payActive', {
      amountCents: 1234,
      tipCents: 0,
      wallet: 'ALIPAY',
    });
    assert.equal(waiting.state, 'awaiting_customer');
    await refused('shift.close', { pin: '2222', acknowledgeUnresolved: true }, 'role-needed');
    await refused('shift.close', { pin: '3333', acknowledgeUnresolved: false }, 'shift-unresolved');
    const z = await value<ShiftReport>('shift.close', { pin: '3333', acknowledgeUnresolved: true });
    assert.equal(z.kind, 'Z');
    assert.equal(z.shiftId, firstShift);
    assert.equal(z.netCents, 2200);
    assert.equal(z.approvedBy, 'Sue');
    assert.deepEqual(
      z.unresolved.map((u) => u.orderId),
      [waiting.orderId],
    );
    assert.equal(
      z.acknowledgements.find((a) => a.orderId === waiting.orderId)?.approverId,
      sue.staffId,
      'the acknowledgement records the approving supervisor',
    );
    assert.equal(z.reconciliation?.checked, 5, 'four attempts and one refund were asked about');
    assert.deepEqual(
      z.overrides.map((o) => [o.orderId, o.staffId, o.approverId]),
      [[stuck.orderId, bo.staffId, sue.staffId]],
    );
    assert.deepEqual(
      z.reconciliation?.differences.map((d) => d.orderId),
      [waiting.orderId],
      'only the unresolved one differs',
    );
    assert.equal(core.snapshot().staff.shiftId, null, 'no shift is open until the next sign-in or payment');
    const db = new Database(join(dir, JOURNAL_FILE));
    try {
      assert.throws(
        () => db.exec(`UPDATE shifts SET z_report = '{}' WHERE shift_id = ${firstShift}`),
        /immutable/,
      );
    } finally {
      db.close();
    }

    // The customer pays after the close: the payment lands in the next shift, marked late.
    await value('staff.signIn', { pin: '1111' });
    const second = core.snapshot().staff.shiftId;
    assert.ok(second !== null && second !== firstShift);
    sim.control.pay(waiting.orderId);
    await until(() => core.snapshot().sale?.attempt?.state === 'paid', 'the late payment is seen');
    const x2 = await value<ShiftReport>('shift.current', {});
    assert.ok(
      x2.late.some((l) => l.orderId === waiting.orderId && /paid/.test(l.type)),
      JSON.stringify(x2.late),
    );
    assert.deepEqual(
      await value<ShiftReport>('shift.report', { shiftId: firstShift }),
      z,
      'the Z report did not change',
    );
    const csv = await value<{ filename: string; csv: string }>('shift.exportCsv', { shiftId: firstShift });
    assert.match(csv.csv, /^section,key,name/);
    assert.match(csv.csv, /cashier,\d+,Bo,1,15\.00/);
  });
});
