// The soak (`npm run bench -- soak`) in short: a few dozen sales of its mix through the browser shell,
// with the sync agent shipping the live journal to a real PostgreSQL. Every event is central exactly
// once, the agent holds one connection however many batches it ships, the pages' two streams stay the
// only ones open. The figures themselves are the bench's, never asserted here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type SoakRig, startSoakRig } from '../../bench/soak-rig.ts';

let rig: SoakRig;
before(async () => {
  rig = await startSoakRig(7);
});
after(async () => {
  await rig?.close();
});

describe('the soak in short', () => {
  it('ships every event of its sales central exactly once, on one connection', {
    timeout: 180_000,
  }, async () => {
    const windows = [];
    for (let i = 1; i <= 40; i++) {
      await rig.sale();
      if (i % 20 === 0) windows.push(await rig.window(i, 0));
    }
    for (const w of windows) {
      assert.equal(w.tillConnections, 1, JSON.stringify(w));
      assert.equal(w.openStreams, 2, JSON.stringify(w));
      assert.ok(w.syncEvents > 0, JSON.stringify(w));
    }
    assert.equal(windows[1]?.pgConnections, windows[0]?.pgConnections);
    // The journal's SQLite connections (the till's, the staff store's, the sync agent's, the rig's
    // reader) stay as many: one opened per batch or per sale would each add a page cache to RSS.
    assert.equal(windows[1]?.journalConnections, windows[0]?.journalConnections, JSON.stringify(windows));
    assert.ok((windows[1]?.journalConnections ?? 0) <= 4, JSON.stringify(windows[1]));
    // The loopback printer counts the receipts without keeping them (the soak's own memory).
    assert.ok((windows[1]?.receipts ?? 0) > 0, JSON.stringify(windows[1]));
    assert.equal(rig.printer.jobs.length, 0);
    assert.ok(rig.paid() > 0);
    const check = await rig.exactlyOnce();
    assert.ok(check.once, JSON.stringify(check));
    assert.ok(check.journal.n > 40, JSON.stringify(check));
  });
});
