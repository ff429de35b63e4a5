// The call-back listener under attack. (1) A flood of 2,000 bogus requests (non-JSON, empty, forged
// envelopes) over real HTTP: before, each one wrote an fsynced `callbacks` row and an event (2,000 in
// about 1 s grew the journal by 664 KiB); now nothing is written while they arrive, and they are kept
// as bounded evidence. (2) 50 replays of one validly signed call-back for an unpaid attempt: before,
// 50 status queries; now one per attempt per CALLBACK_QUERY_GAP_MS (injected clock). (3) A validly
// keyed, 10,000-deep body: before, a RangeError out of canonical.ts (500, no log line); now 400, logged.
import assert from 'node:assert/strict';
import { createCipheriv } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { verifyCallback } from '../../../electron/core/gateway/callback.ts';
import { createGatewayClient } from '../../../electron/core/gateway/client.ts';
import { aesKeyFor, sealData } from '../../../electron/core/gateway/envelope.ts';
import { createJournal, type Journal } from '../../../electron/core/journal/journal.ts';
import { type JournalHandle, openJournal } from '../../../electron/core/journal/open-journal.ts';
import { EVIDENCE_SAMPLE_CAP } from '../../../electron/core/payments/callback-evidence.ts';
import { CALLBACK_QUERY_GAP_MS } from '../../../electron/core/payments/callbacks.ts';
import { createPaymentsEngine, type PaymentsEngine } from '../../../electron/core/payments/engine.ts';
import {
  createSimulator,
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
  type Simulator,
} from '../../../electron/core/simulator/index.ts';
import { TEST_CODE_HASH_KEY } from '../../support/code-hash-key.ts';
import { makeRig, type Rig } from './harness.ts';

const count = (j: Journal, table: string) =>
  (j.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const changes = (j: Journal) => (j.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe('a flood of bogus call-backs over HTTP', () => {
  let rig: Rig;
  before(async () => {
    // No timed flush during the flood, however slow the machine: the evidence is written on demand below.
    rig = await makeRig({ callbacks: true, evidenceFlushMs: 3_600_000 });
  });
  after(() => rig.close());

  it('writes nothing per request and keeps them as counted evidence with a capped sample', {
    timeout: 120_000,
  }, async () => {
    const url = rig.callbacks?.url() ?? '';
    assert.ok(url);
    const bodies = ['not json', '{}', '{"rsp_code":"SUCCESS","data":"AAAAAAAAAAAAAAAAAAAAAA==","md5":"00"}'];
    const forgedEnvelope = (i: number) =>
      JSON.stringify({
        rsp_code: 'SUCCESS',
        ...sealData({ order_id: `X${i}`, amount: '100' }, 'not-our-key'),
      });
    const callbacksBefore = count(rig.journal, 'callbacks');
    const eventsBefore = count(rig.journal, 'events');
    const changesBefore = changes(rig.journal);
    const statuses = new Map<number, number>();
    const total = 2000;
    for (let start = 0; start < total; start += 100) {
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, k) => {
          const i = start + k;
          const body = i % 4 === 3 ? forgedEnvelope(i) : (bodies[i % 4] ?? '');
          return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        }),
      );
      for (const a of answers) {
        statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
        await a.arrayBuffer();
      }
    }
    assert.deepEqual([...statuses], [[400, total]]);
    assert.equal(changes(rig.journal), changesBefore, 'a journal write (and fsync) per bogus request');
    assert.equal(count(rig.journal, 'callbacks'), callbacksBefore);
    assert.equal(count(rig.journal, 'events'), eventsBefore);

    const evidence = rig.engine.rejectedCallbacks();
    assert.equal(evidence.counters.length, 1, JSON.stringify(evidence.counters));
    const [c] = evidence.counters;
    assert.equal(c?.kind, 'forged');
    assert.match(c?.remote ?? '', /127\.0\.0\.1/);
    assert.equal(c?.count, total);
    assert.ok((c?.firstSeen ?? 0) <= (c?.lastSeen ?? -1));
    assert.equal(evidence.samples.length, EVIDENCE_SAMPLE_CAP);
    assert.ok(evidence.samples.every((s) => /^[0-9a-f]{64}$/.test(s.bodySha256) && s.note));
    // The evidence itself is a handful of rows, written in one batch.
    assert.ok(changes(rig.journal) - changesBefore <= 1 + EVIDENCE_SAMPLE_CAP * 2);
  });
});

describe('replays of a validly signed call-back, and a deep one', () => {
  let dir: string;
  let sim: Simulator;
  let handle: JournalHandle;
  let engine: PaymentsEngine;
  const clock = new ManualClock(Date.UTC(2026, 10, 30, 15, 0, 0));
  const notices: string[] = [];
  let queries = 0;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'callback-replay-'));
    sim = await createSimulator();
    const gateway = createGatewayClient(
      {
        baseUrl: sim.url,
        merchantId: SANDBOX_MERCHANT_ID,
        operatorId: SANDBOX_OPERATOR_ID,
        signKey: SANDBOX_SIGN_KEY,
      },
      {},
    );
    handle = openJournal({ path: path.join(dir, 'till.db') });
    engine = createPaymentsEngine({
      codeHashKey: TEST_CODE_HASH_KEY,
      journal: createJournal(handle.db),
      // The real client; only its status queries are counted.
      gateway: {
        ...gateway,
        query: (orderId: string) => {
          queries += 1;
          return gateway.query(orderId);
        },
      },
      clock,
      // Polls far apart, so every query counted here is one a call-back caused.
      timing: { activePollMs: 600_000, qrExpiryMs: 1_200_000 },
      terminalNo: 'T1',
      operatorId: SANDBOX_OPERATOR_ID,
      merchantId: SANDBOX_MERCHANT_ID,
      currency: 'CAD',
      callbackUrl: 'http://127.0.0.1:9/ottpay/callback',
      verifyCallback: (body) =>
        verifyCallback(body, { signKey: SANDBOX_SIGN_KEY, merchantId: SANDBOX_MERCHANT_ID }),
      onNotice: (line, fields) => notices.push(`${line} ${JSON.stringify(fields)}`),
    });
  });
  after(async () => {
    await engine.close();
    handle.close();
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('50 replays for an unpaid attempt cause one status query per attempt per gap', async () => {
    const a = await engine.payActive({ amountCents: 2500, tipCents: 0, wallet: 'ALIPAY' });
    const body = JSON.stringify({
      rsp_code: 'SUCCESS',
      rsp_msg: 'success',
      merchant_id: SANDBOX_MERCHANT_ID,
      ...sealData(
        { order_id: a.orderId, merchant_id: SANDBOX_MERCHANT_ID, amount: '2500', order_status: 'success' },
        SANDBOX_SIGN_KEY,
      ),
    });
    const before = queries;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => engine.handleCallback(body, '203.0.113.5')),
    );
    assert.ok(answers.every((x) => x.status === 200));
    assert.equal(queries - before, 1, 'status queries for 50 replays');
    assert.notEqual(engine.attempt(a.attemptId).state, 'paid', 'a call-back alone settles nothing');
    clock.advance(CALLBACK_QUERY_GAP_MS - 1);
    await engine.handleCallback(body, '203.0.113.5');
    assert.equal(queries - before, 1);
    clock.advance(1);
    await engine.handleCallback(body, '203.0.113.5');
    assert.equal(queries - before, 2);
    // The call-back is kept once in full; the copies are counted as replays.
    const journal = createJournal(handle.db);
    assert.deepEqual(
      journal.callbacks.forOrder(a.orderId).map((c) => c.verdict),
      ['accepted'],
    );
    const replays = engine.rejectedCallbacks().counters.find((c) => c.kind === 'replay');
    assert.deepEqual([replays?.remote, replays?.count], ['203.0.113.5', 51]);
  });

  it('a validly keyed 10,000-deep body is refused with 400 and a log line, not a RangeError', async () => {
    let json = '1';
    for (let i = 0; i < 10_000; i++) json = `{"a":${json}}`;
    const plain = `{"order_id":"X1","amount":"1","deep":${json}}`;
    const md5 = 'A'.repeat(32);
    const cipher = createCipheriv('aes-128-ecb', aesKeyFor(md5, SANDBOX_SIGN_KEY), null);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
    notices.length = 0;
    const answer = await engine.handleCallback(
      JSON.stringify({ rsp_code: 'SUCCESS', md5, data }),
      '198.51.100.7',
    );
    assert.equal(answer.status, 400);
    assert.ok(
      notices.some((n) => /call-back rejected \(forged\)/.test(n) && /deeper than 32 levels/.test(n)),
      notices.join('\n'),
    );
  });
});
