// The order of a charge's first steps, against the real simulator over HTTP with the real gateway client
// (only wrapped to note when it is called) on a real journal file: once the attempt and its SEND are
// durable, the pay request is started first and the screens are told while its connection opens —
// not before it starts — and still no byte of it has reached the gateway when the screens hear.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type ClosableGatewayClient, createGatewayClient } from '../../../electron/core/gateway/client.ts';
import { createJournal } from '../../../electron/core/journal/journal.ts';
import { type JournalHandle, openJournal } from '../../../electron/core/journal/open-journal.ts';
import { createPaymentsEngine, type PaymentsEngine } from '../../../electron/core/payments/engine.ts';
import {
  createSimulator,
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
  type Simulator,
} from '../../../electron/core/simulator/index.ts';
import { TEST_CODE_HASH_KEY } from '../../support/code-hash-key.ts';
import { CODES, FAST_SIM } from './harness.ts';

let sim: Simulator;
let dir: string;
let handle: JournalHandle;
let client: ClosableGatewayClient;
let engine: PaymentsEngine;
const steps: string[] = [];

before(async () => {
  sim = await createSimulator({ timings: FAST_SIM, callbackRetryDelaysMs: [] });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-then-tell-'));
  handle = openJournal({ path: path.join(dir, 'till.db') });
  client = createGatewayClient({
    baseUrl: sim.url,
    merchantId: SANDBOX_MERCHANT_ID,
    operatorId: SANDBOX_OPERATOR_ID,
    signKey: SANDBOX_SIGN_KEY,
  });
  engine = createPaymentsEngine({
    codeHashKey: TEST_CODE_HASH_KEY,
    journal: createJournal(handle.db),
    gateway: {
      ...client,
      activePay: (req) => {
        steps.push('request started');
        return client.activePay(req);
      },
      passivePay: (req) => {
        steps.push('request started');
        return client.passivePay(req);
      },
    },
    terminalNo: 'T1',
    operatorId: SANDBOX_OPERATOR_ID,
    merchantId: SANDBOX_MERCHANT_ID,
    currency: 'CAD',
    timing: { activePollMs: 60_000, passivePollMs: 60_000 },
  });
  engine.onChange((change) => {
    if (change.kind === 'attempt' && change.attempt.state === 'submitted') steps.push('screens told');
  });
  sim.control.subscribe((e) => {
    if (e.type === 'request' && (e.action === 'ACTIVEPAY' || e.action === 'PASSIVEPAY'))
      steps.push('gateway has it');
  });
  await engine.probeGateway();
});
after(async () => {
  await engine.close();
  client.close();
  handle.close();
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a charge starts its request, then tells the screens', () => {
  it('active: request started, screens told, then the gateway has it', async () => {
    steps.length = 0;
    engine.newSale();
    const a = await engine.payActive({ amountCents: 1200, tipCents: 0, wallet: 'WECHATPAY' });
    assert.equal(a.state, 'awaiting_customer');
    assert.deepEqual(steps, ['request started', 'screens told', 'gateway has it']);
    engine.cancel();
    engine.newSale();
  });

  it('passive: the same order for a scanned code', async () => {
    steps.length = 0;
    await engine.beginPassive({ amountCents: 1300, tipCents: 0 });
    const a = await engine.submitPassiveCode(CODES.WECHATPAY(), 'serial');
    assert.equal(a.state, 'paid');
    assert.deepEqual(steps, ['request started', 'screens told', 'gateway has it']);
  });
});
