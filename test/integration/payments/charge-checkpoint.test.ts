// Where the journal's WAL checkpoint runs, against the real simulator over HTTP on a real journal file.
// In WAL mode only a checkpoint writes the database file itself, so its bytes tell when one ran: never
// inside a charge (payActive → QR), which pays for its own two syncs only; between sales instead, often
// enough that the WAL stays small — but not when a payment starts right after the close. Nor does a
// charge start the WAL over after such a checkpoint: the commit that does writes and syncs the WAL's new
// header first, a third sync the close's own commit pays instead.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WAL_SAFETY_NET_PAGES } from '../../../electron/core/journal/wal-checkpoints.ts';
import { createSimulator, type Simulator } from '../../../electron/core/simulator/index.ts';
import { FAST_SIM, makeRig, type Rig } from './harness.ts';

// Enough charges that SQLite's default checkpoint (at 1,000 WAL pages, ~25 charges) lands in several.
const CHARGES = 80;

let sim: Simulator;
let rig: Rig;
before(async () => {
  sim = await createSimulator({ timings: FAST_SIM, callbackRetryDelaysMs: [] });
  // A generous gateway timeout: on a loaded machine a charge may take long, and this test is not about it.
  rig = await makeRig({ sim, timing: { activePollMs: 60_000 }, gatewayTimeoutMs: 20_000 });
});
after(async () => {
  await rig.close();
  await sim.close();
});

describe('WAL checkpoints and the charge path', () => {
  it('no charge checkpoints; sales closing do, and the WAL stays bounded', async () => {
    const dbFile = path.join(rig.dir, 'till.db');
    const walFile = `${dbFile}-wal`;
    const digest = () => createHash('sha256').update(fs.readFileSync(dbFile)).digest('hex');
    const inCharges: number[] = [];
    let betweenSales = 0;
    let maxWal = 0;
    let seen = digest();
    rig.engine.newSale();
    for (let i = 0; i < CHARGES; i++) {
      const a = await rig.engine.payActive({ amountCents: 1200, tipCents: 0, wallet: 'WECHATPAY' });
      assert.equal(a.state, 'awaiting_customer');
      const afterCharge = digest();
      if (afterCharge !== seen) inCharges.push(i);
      rig.engine.cancel();
      rig.engine.newSale();
      const afterClose = digest();
      if (afterClose !== afterCharge) betweenSales += 1;
      seen = afterClose;
      maxWal = Math.max(maxWal, fs.statSync(walFile).size);
    }
    assert.deepEqual(inCharges, [], 'charges during which the database file was written (a checkpoint)');
    assert.ok(betweenSales >= 2, `checkpoints between sales: ${betweenSales}`);
    const pageSize = Number(rig.handle.db.pragma('page_size', { simple: true }));
    assert.ok(
      maxWal < WAL_SAFETY_NET_PAGES * pageSize,
      `the WAL grew to ${maxWal} bytes: the checkpoints between sales should keep it well below the safety net`,
    );
  });

  it('a sale closed for a payment that follows at once (the POS API) leaves the checkpoint to a later close', async () => {
    const dbFile = path.join(rig.dir, 'till.db');
    const digest = () => createHash('sha256').update(fs.readFileSync(dbFile)).digest('hex');
    rig.engine.newSale();
    const before = digest();
    // Over a hundred commits (four a charge), below the safety net's pages.
    for (let i = 0; i < 30; i++) {
      await rig.engine.payActive({ amountCents: 1200, tipCents: 0, wallet: 'WECHATPAY' });
      rig.engine.cancel();
      rig.engine.newSale({ paymentFollows: true });
    }
    assert.equal(digest(), before, 'the database file was written: a checkpoint ran');
    await rig.engine.payActive({ amountCents: 1200, tipCents: 0, wallet: 'WECHATPAY' });
    rig.engine.cancel();
    rig.engine.newSale();
    assert.notEqual(digest(), before, 'the next ordinary close checkpoints');
  });

  it('no charge starts the WAL over after a checkpoint (its header sync is paid by the close)', async () => {
    const walFile = `${path.join(rig.dir, 'till.db')}-wal`;
    // The WAL header's checkpoint sequence number (bytes 12..15), rewritten each time the WAL starts over.
    const restarts = () => {
      const fd = fs.openSync(walFile, 'r');
      try {
        const head = Buffer.alloc(16);
        fs.readSync(fd, head, 0, 16, 0);
        return head.readUInt32BE(12);
      } finally {
        fs.closeSync(fd);
      }
    };
    const inCharges: number[] = [];
    let betweenSales = 0;
    rig.engine.newSale();
    let seen = restarts();
    // Four commits a sale: past two checkpoints (CHECKPOINT_EVERY_COMMITS) and so two fresh starts.
    for (let i = 0; i < 60; i++) {
      await rig.engine.payActive({ amountCents: 1200, tipCents: 0, wallet: 'WECHATPAY' });
      const afterCharge = restarts();
      if (afterCharge !== seen) inCharges.push(i);
      rig.engine.cancel();
      rig.engine.newSale();
      seen = restarts();
      if (seen !== afterCharge) betweenSales += 1;
    }
    assert.deepEqual(inCharges, [], 'charges during which the WAL started over');
    assert.ok(betweenSales >= 2, `fresh starts of the WAL between sales: ${betweenSales}`);
  });
});
