// Issue 22, finding 9, as it was attacked: a cashier named with terminal escape codes cleared or hid
// lines in `staff list` and `shift report`. New names with control or text-direction characters are
// refused (the CLI's `staff add` too); a name that is already in a journal (written before) is printed
// with those characters escaped, in the text and in the --json form.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { createTillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { JOURNAL_FILE } from '../../../electron/core/journal/journal-files.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import { runCli } from './run-cli.ts';

/** Erase the line, go up one and overwrite it; then flip the rest of the line right to left. */
const HOSTILE = 'Eve\u001b[2K\r\u001b[1AOwner\u202eevil\u009b2J';
/** What a terminal acts on — C0 (but the output's own tabs and newlines), DEL, C1, the bidi controls. */
const RAW_CLASS =
  '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const RAW_CONTROLS = new RegExp(`[${RAW_CLASS}]`);

const root = mkdtempSync(join(tmpdir(), 'hostile-names-'));
after(() => rmSync(root, { recursive: true, force: true }));

it('`staff add` refuses a name with escape codes or bidi controls', async () => {
  const dir = join(root, 'add');
  for (const name of [HOSTILE, 'Ana\u202eLi', 'Bo\u2066x\u2069', 'Cy\u200fz', 'Dee\u0085'] as const) {
    const r = await runCli([
      'staff',
      'add',
      '--data-dir',
      dir,
      '--name',
      name,
      '--role',
      'cashier',
      '--pin',
      '2468',
      '--operator-id',
      '1',
    ]);
    assert.equal(r.code, 2, `${JSON.stringify(name)}: ${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /control or text-direction/);
  }
});

it('a hostile name already in the journal is escaped by `staff list` and `shift report`', {
  timeout: 60_000,
}, async () => {
  const dir = join(root, 'legacy');
  const till = await createTillCore({ dataDir: dir, secrets: createMemorySecretStore() });
  try {
    const signedIn = await dispatch(till, 'till', 'staff.signIn', { pin: '1234' });
    assert.ok(signedIn.ok, JSON.stringify(signedIn));
  } finally {
    await till.close();
  }
  // As the old code let it be saved: the owner renamed with escape codes.
  const handle = openJournal({ path: join(dir, JOURNAL_FILE) });
  try {
    handle.db.prepare('UPDATE staff SET name = ? WHERE staff_id = 1').run(HOSTILE);
  } finally {
    handle.close();
  }
  const list = await runCli(['staff', 'list', '--data-dir', dir]);
  assert.equal(list.code, 0, list.stderr);
  assert.doesNotMatch(list.stdout, RAW_CONTROLS);
  assert.match(list.stdout, /^1\tEve\\u001B\[2K\\u000D\\u001B\[1AOwner\\u202Eevil\\u009B2J\towner\t/);
  const json = await runCli(['staff', 'list', '--data-dir', dir, '--json']);
  assert.doesNotMatch(json.stdout, RAW_CONTROLS);
  assert.equal((JSON.parse(json.stdout) as Array<{ name: string }>)[0]?.name, HOSTILE, 'the same JSON value');

  const report = await runCli(['shift', 'report', '--data-dir', dir, '--current', '--journal', 'sandbox']);
  assert.equal(report.code, 0, report.stderr);
  assert.doesNotMatch(report.stdout, RAW_CONTROLS);
  assert.match(report.stdout, /opened \S+ by Eve\\u001B\[2K\\u000D/);
  const reportJson = await runCli([
    'shift',
    'report',
    '--data-dir',
    dir,
    '--current',
    '--journal',
    'sandbox',
    '--json',
  ]);
  assert.doesNotMatch(reportJson.stdout, RAW_CONTROLS);
});
