// `staff add`, `staff list` and `shift report` as the IT person scripts them: add works on an empty
// folder (making the journal) and on a till's folder from before staff accounts; list never prints a
// PIN; the read-only commands run while a till holds the folder; bad input is refused with a reason.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createTillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { JOURNAL_FILE, SANDBOX_JOURNAL_FILE } from '../../../electron/core/journal/journal-files.ts';
import { migration0007 as staffMigration } from '../../../electron/core/journal/migrations/0007-staff-and-shifts.ts';
import { MIGRATIONS } from '../../../electron/core/journal/migrations/index.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import type { ShiftReport } from '../../../shared/staff.ts';
import { runCli } from './run-cli.ts';

const root = mkdtempSync(join(tmpdir(), 'staff-cli-'));
after(() => rmSync(root, { recursive: true, force: true }));

const add = (dir: string, name: string, role: string, pin: string, op: string) =>
  runCli([
    'staff',
    'add',
    '--data-dir',
    dir,
    '--name',
    name,
    '--role',
    role,
    '--pin',
    pin,
    '--operator-id',
    op,
  ]);

describe('staff and shift commands', () => {
  it('adds accounts to an empty folder, refuses a taken PIN and bad input, and lists without PINs', async () => {
    const dir = join(root, 'new-till');
    const first = await add(dir, 'Ana Li', 'cashier', '2468', '101');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /added staff 1: Ana Li \(cashier, operator 101\)/);
    assert.ok(existsSync(join(dir, JOURNAL_FILE)));
    assert.equal((await add(dir, 'Sue', 'supervisor', '97531', '102')).code, 0);

    const taken = await add(dir, 'Bo', 'cashier', '2468', '103');
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /PIN is already used/);
    assert.equal((await add(dir, 'Bo', 'manager', '1357', '103')).code, 2);
    assert.match((await add(dir, 'Bo', 'cashier', '12', '103')).stderr, /PIN is 4 to 8 digits/);
    assert.match((await add(dir, 'Bo', 'cashier', '1357', 'x1')).stderr, /operator id/);

    const list = await runCli(['staff', 'list', '--data-dir', dir]);
    assert.equal(list.code, 0, list.stderr);
    assert.equal(list.stdout, '1\tAna Li\tcashier\t101\tactive\n2\tSue\tsupervisor\t102\tactive\n');
    const json = await runCli(['staff', 'list', '--data-dir', dir, '--json']);
    assert.deepEqual(
      (JSON.parse(json.stdout) as Array<{ name: string }>).map((s) => s.name),
      ['Ana Li', 'Sue'],
    );
    assert.doesNotMatch(
      list.stdout + json.stdout + readFileSync(join(dir, JOURNAL_FILE)).toString('latin1'),
      /2468|97531/,
    );
  });

  it("adds to a till's folder from before staff accounts; reports read while that till runs", {
    timeout: 60_000,
  }, async () => {
    const dir = join(root, 'old-till');
    // The folder as the code before staff accounts left it (sandbox, one journal at its schema).
    const old = openJournal({
      path: join(dir, SANDBOX_JOURNAL_FILE),
      migrations: MIGRATIONS.filter((m) => m.version < staffMigration.version),
    });
    old.close();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ currency: 'CAD' }));
    assert.equal((await add(dir, 'Kim', 'cashier', '8642', '201')).code, 0);

    const till = await createTillCore({ dataDir: dir, secrets: createMemorySecretStore() });
    try {
      const signIn = await dispatch(till, 'till', 'staff.signIn', { pin: '8642' });
      assert.ok(signIn.ok && signIn.value.name === 'Kim');
      await dispatch(till, 'till', 'sale.payPassive', { amountCents: 1250, tipCents: 0 });
      const paid = await dispatch(till, 'till', 'sale.submitScan', {
        code: '134567890123456789',
        source: 'manual',
      });
      assert.ok(paid.ok && paid.value.state === 'paid', JSON.stringify(paid));

      // The till holds the folder's lock: the read-only commands still work, and never take it.
      const list = await runCli(['staff', 'list', '--data-dir', dir]);
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /\tKim\tcashier\t201\tactive\n/);
      assert.match(list.stdout, /\tOwner\towner\t/, 'the first start made the owner from the supervisor PIN');
      const x = await runCli(['shift', 'report', '--data-dir', dir, '--current', '--json']);
      assert.equal(x.code, 0, x.stderr);
      const report = JSON.parse(x.stdout) as ShiftReport;
      assert.equal(report.kind, 'X');
      assert.equal(report.openedBy, 'Kim');
      assert.equal(report.grossCents, 1250);
      assert.deepEqual(
        report.byCashier.map((c) => [c.name, c.grossCents]),
        [['Kim', 1250]],
      );
      const text = await runCli(['shift', 'report', '--data-dir', dir, '--shift', String(report.shiftId)]);
      assert.match(text.stdout, /^X report — shift \d+\n/);
      assert.match(text.stdout, /net 12\.50 CAD/);
      const busy = await add(dir, 'Lee', 'cashier', '7531', '202');
      assert.equal(busy.code, 1);
      assert.match(busy.stderr, /already running on this data folder/);
    } finally {
      await till.close();
    }
    const usage = await runCli(['shift', 'report', '--data-dir', dir, '--current', '--shift', '1']);
    assert.equal(usage.code, 2);
    const none = await runCli(['shift', 'report', '--data-dir', join(root, 'nothing'), '--current']);
    assert.equal(none.code, 1);
    assert.match(none.stderr, /No till journal/);
  });
});
