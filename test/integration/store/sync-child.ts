// A till process that only ships: opens the journal file given, runs the sync agent, and kills itself
// with SIGKILL at the named fault point (its batch sent, or after the central commit, before the journal's ack).
import { systemClock } from '../../../electron/core/clock.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import { silentLogger } from '../../../electron/core/logging/index.ts';
import { startSyncAgent } from '../../../electron/core/sync/agent.ts';

const [journalPath, url, storeId, killAt] = process.argv.slice(2);
if (!journalPath || !url || !storeId || !killAt) throw new Error('usage: sync-child JOURNAL URL STORE POINT');
const handle = openJournal({ path: journalPath });
startSyncAgent({
  db: handle.db,
  url,
  storeId,
  secrets: { password: process.env.TILL_TEST_PG_PASSWORD ?? null },
  terminalNo: 'T1',
  timeZone: 'America/Toronto',
  appVersion: 'test',
  clock: systemClock,
  log: silentLogger,
  fault: (point) => {
    if (point === killAt) process.kill(process.pid, 'SIGKILL');
  },
});
