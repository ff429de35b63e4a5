// A till page that fails before its first paint sends no ready-to-show: the window must show anyway
// (did-fail-load), or it stays invisible for good. And "Copy diagnostics" awaits clipboard.writeText,
// a promise since Electron 44 (docs/api/clipboard.md), logging a refusal instead of claiming success.
// The real composition root on the stand-in electron (boot-main.ts).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type BootedMain, bootMain } from './boot-main.ts';

let booted: BootedMain;

before(async () => {
  booted = await bootMain({ fake: { pageLoads: 'fail', clipboardWorks: false } });
});

after(() => booted.dispose());

test('the till page fails to load: the window is shown all the same, and the log says why', () => {
  const till = booted.fake.windows[0];
  assert.ok(till);
  assert.equal(till.visible, true);
  const log = readFileSync(join(booted.dir, 'logs', 'till.log'), 'utf8');
  assert.match(log, /till window shown without ready-to-show \(load-failed\)/);
});

test('Copy diagnostics with a clipboard that refuses: logged as a failure, never as copied', async () => {
  const { fake } = booted;
  const menu = fake.menu() as Array<{ submenu?: Array<{ label?: string; click?: () => void }> }>;
  const item = menu.flatMap((m) => m.submenu ?? []).find((i) => i.label === 'Copy diagnostics');
  assert.ok(item?.click);
  const refused = once(fake.events, 'clipboard-refused');
  item.click();
  await refused;
  // The refusal reaches main's catch within the same turn of promise jobs; one macrotask later it is logged.
  await new Promise((resolve) => setImmediate(resolve));
  const log = readFileSync(join(booted.dir, 'logs', 'till.log'), 'utf8');
  assert.match(log, /diagnostics could not be copied to the clipboard/);
  assert.doesNotMatch(log, /diagnostics copied to the clipboard/);
});
