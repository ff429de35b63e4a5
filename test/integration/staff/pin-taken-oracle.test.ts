// Issue 22, finding 2: "PIN taken" was an oracle. settings.changePin (and staff.setPin, staff.add)
// answered pin-taken exactly when the new PIN was someone else's: unthrottled, unjournaled, even with
// nobody signed in; both attack runs found the owner's PIN. PINs stay unique, so the answer cannot be
// hidden; now a PIN change needs the signed-in person's current PIN, a taken PIN counts as a wrong PIN
// on the till's lockout, every check is spent from the asker's allowance, and pin.taken is journaled.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import Database from 'better-sqlite3';
import { ManualClock } from '../../../electron/core/clock.ts';
import { MAX_PIN_ATTEMPTS } from '../../../electron/core/config/pin-throttle.ts';
import { SANDBOX_JOURNAL_FILE } from '../../../electron/core/journal/journal-files.ts';
import type { StaffView } from '../../../shared/staff.ts';
import { OWNER_PIN } from '../../support/sign-in.ts';
import { startTill, type TillUnderTest } from '../../support/till-calls.ts';

const CASHIER_PIN = '5150';
const SUPERVISOR_PIN = '2468';
/** Generous: the fixed allowance of PIN checks per person and window is 10. */
const MOST_ANSWERS = 10;

async function tillWithStaff(prefix: string): Promise<{ till: TillUnderTest; cashier: StaffView }> {
  const till = await startTill(prefix, { clock: new ManualClock() });
  await till.value('staff.signIn', { pin: OWNER_PIN });
  await till.value('staff.add', {
    name: 'Sue',
    role: 'supervisor',
    pin: SUPERVISOR_PIN,
    operatorId: '8',
    approverPin: OWNER_PIN,
  });
  const cashier = await till.value<StaffView>('staff.add', {
    name: 'Curious',
    role: 'cashier',
    pin: CASHIER_PIN,
    operatorId: '9',
    approverPin: OWNER_PIN,
  });
  await till.value('staff.signOut', {});
  return { till, cashier };
}

it('with nobody signed in, a PIN change answers nothing about the new PIN', { timeout: 60_000 }, async () => {
  const { till } = await tillWithStaff('pin-oracle-locked-');
  try {
    for (const newPin of [OWNER_PIN, SUPERVISOR_PIN, '7777'])
      assert.equal(
        await till.reasonOf('settings.changePin', { oldPin: CASHIER_PIN, newPin }),
        'sign-in-needed',
        newPin,
      );
  } finally {
    await till.close();
  }
});

it('a cashier scanning new PINs gets a bounded number of answers, and taken ones are journaled', {
  timeout: 120_000,
}, async () => {
  const { till, cashier } = await tillWithStaff('pin-oracle-scan-');
  try {
    await till.value('staff.signIn', { pin: CASHIER_PIN });
    // The scan as it was run: try new PINs one after another, keeping track of one's own.
    let own = CASHIER_PIN;
    const candidates = Array.from({ length: 30 }, (_, i) => String(3000 + i));
    candidates.splice(7, 0, OWNER_PIN);
    candidates.splice(14, 0, SUPERVISOR_PIN);
    const answers: string[] = [];
    for (const newPin of candidates) {
      const reason = await till.reasonOf('settings.changePin', { oldPin: own, newPin });
      answers.push(reason);
      if (reason === 'ok') own = newPin;
    }
    const answered = answers.filter((a) => a === 'ok' || a === 'pin-taken').length;
    assert.ok(answered <= MOST_ANSWERS, `${answered} answers about new PINs: ${answers.join(' ')}`);
    assert.ok(answers.includes('pin-taken'), 'the owner’s PIN is still refused as taken');
    assert.ok(
      answers.slice(answered).every((a) => a === 'pin-wait' || a === 'pin-busy'),
      answers.join(' '),
    );
    // Each taken answer was journaled, naming who asked, never the PIN.
    const db = new Database(join(till.dir, SANDBOX_JOURNAL_FILE), { readonly: true });
    try {
      const rows = db
        .prepare("SELECT entity_id AS id, detail FROM events WHERE type = 'pin.taken' ORDER BY seq")
        .all() as Array<{ id: string; detail: string }>;
      assert.equal(rows.length, answers.filter((a) => a === 'pin-taken').length);
      for (const r of rows) {
        assert.equal(r.id, `staff:${cashier.staffId}`);
        assert.equal(JSON.parse(r.detail).command, 'settings.changePin');
        assert.doesNotMatch(r.detail, new RegExp(`${OWNER_PIN}|${SUPERVISOR_PIN}`));
      }
    } finally {
      db.close();
    }
  } finally {
    await till.close();
  }
});

it('a taken PIN counts as a wrong PIN on the till’s lockout: five lock sign-in for everyone', {
  timeout: 60_000,
}, async () => {
  const { till } = await tillWithStaff('pin-oracle-lockout-');
  try {
    await till.value('staff.signIn', { pin: CASHIER_PIN });
    const answers: string[] = [];
    for (let i = 0; i < MAX_PIN_ATTEMPTS; i++)
      answers.push(await till.reasonOf('settings.changePin', { oldPin: CASHIER_PIN, newPin: OWNER_PIN }));
    assert.deepEqual(answers, [...Array(MAX_PIN_ATTEMPTS - 1).fill('pin-taken'), 'pin-locked']);
    await till.value('staff.signOut', {});
    assert.equal(await till.reasonOf('staff.signIn', { pin: OWNER_PIN }), 'pin-wait');
  } finally {
    await till.close();
  }
});

it('staff.setPin and staff.add: a taken PIN counts against the till too', { timeout: 60_000 }, async () => {
  const { till, cashier } = await tillWithStaff('pin-oracle-supervisor-');
  try {
    await till.value('staff.signIn', { pin: SUPERVISOR_PIN });
    const answers: string[] = [];
    for (let i = 0; i < 2; i++) {
      answers.push(
        await till.reasonOf('staff.setPin', {
          staffId: cashier.staffId,
          pin: OWNER_PIN,
          approverPin: SUPERVISOR_PIN,
        }),
      );
      answers.push(
        await till.reasonOf('staff.add', {
          name: `Probe ${i}`,
          role: 'cashier',
          pin: OWNER_PIN,
          operatorId: '5',
          approverPin: SUPERVISOR_PIN,
        }),
      );
    }
    assert.deepEqual(answers, ['pin-taken', 'pin-taken', 'pin-taken', 'pin-taken']);
    // Four taken answers: one wrong sign-in now locks the till.
    await till.value('staff.signOut', {});
    assert.equal(await till.reasonOf('staff.signIn', { pin: '0001' }), 'pin-locked');
  } finally {
    await till.close();
  }
});
