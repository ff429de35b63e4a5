// Call-backs are hints, queries are truth (rule 7). A call-back is verified (md5, by the injected
// verifier that holds the key), matched to our order, merchant and amount, recorded — accepted or not —
// and only then confirmed with a STATUS_QUERY. Duplicates are answered the same way and change nothing.
import { createHash } from 'node:crypto';
import { isTerminalAttemptState } from '../../../shared/payments/attempt-machine.ts';
import type { CallbackVerification } from '../gateway/callback.ts';
import { CALLBACK_ACK } from '../gateway/callback.ts';
import type { CallbackVerdict } from '../journal/rows.ts';
import { type EngineCore, queryAttempt } from './core.ts';

export interface CallbackAnswer {
  status: number;
  body: { rsp_code: string; rsp_msg: string };
}

export type CallbackVerifier = (body: string) => CallbackVerification;

const reject = (status: number, msg: string): CallbackAnswer => ({
  status,
  body: { rsp_code: 'FAIL', rsp_msg: msg },
});
const ack = (): CallbackAnswer => ({ status: 200, body: { ...CALLBACK_ACK } });

export async function handleCallback(
  core: EngineCore,
  verify: CallbackVerifier | undefined,
  rawBody: string,
  remote: string | null,
): Promise<CallbackAnswer> {
  const now = core.clock.now();
  const bodySha256 = createHash('sha256').update(rawBody, 'utf8').digest('hex');
  const record = (
    verdict: CallbackVerdict,
    fields: {
      orderId?: string | null;
      attemptId?: string | null;
      amountCents?: number | null;
      note?: string | null;
    },
  ) =>
    core.journal.write(() => {
      const row = fields.attemptId ? core.journal.attempts.get(fields.attemptId) : null;
      const amountCents = fields.amountCents ?? null;
      const id = core.journal.callbacks.insert({
        receivedAt: now,
        verdict,
        orderId: fields.orderId ?? null,
        attemptId: fields.attemptId ?? null,
        amountCents,
        // The matched attempt's currency; else the till's (the merchant account's) at the time.
        currency: amountCents === null ? null : (row?.currency ?? core.s.currency),
        remote,
        bodySha256,
        note: fields.note ?? null,
      });
      core.journal.events.append({
        at: now,
        entity: fields.attemptId ? 'attempt' : 'callback',
        entityId: fields.attemptId ?? String(id),
        type: `callback.${verdict}`,
        cause: 'callback',
        fromState: row?.state ?? null,
        toState: row?.state ?? null,
        detail: { callbackId: id, orderId: fields.orderId ?? null, note: fields.note ?? null },
      });
      return id;
    });

  if (!verify) {
    record('forged', { note: 'call-backs are not configured on this till' });
    return reject(503, 'call-backs are not configured');
  }
  const verified = verify(rawBody);
  if (!verified.ok) {
    record(/merchant/i.test(verified.reason) ? 'mismatch' : 'forged', { note: verified.reason });
    return reject(400, 'rejected');
  }
  const cb = verified.callback;
  if (cb.merchantId !== core.s.merchantId) {
    record('mismatch', { orderId: cb.orderId, amountCents: cb.amountCents, note: 'another merchant' });
    return reject(400, 'rejected');
  }
  const row = core.journal.attempts.getByOrderId(cb.orderId);
  if (!row) {
    record('unknown_order', {
      orderId: cb.orderId,
      amountCents: cb.amountCents,
      note: 'no attempt with this order id',
    });
    return reject(404, 'unknown order');
  }
  const total = row.amountCents + row.tipCents;
  if (cb.amountCents !== null && cb.amountCents !== row.amountCents && cb.amountCents !== total) {
    record('mismatch', {
      orderId: cb.orderId,
      attemptId: row.attemptId,
      amountCents: cb.amountCents,
      note: `amount ${cb.amountCents} does not match ${row.amountCents} (+${row.tipCents} tip)`,
    });
    return reject(400, 'rejected');
  }
  if (isTerminalAttemptState(row.state) && row.state === 'paid') {
    record('duplicate', { orderId: cb.orderId, attemptId: row.attemptId, amountCents: cb.amountCents });
    return ack();
  }
  record('accepted', {
    orderId: cb.orderId,
    attemptId: row.attemptId,
    amountCents: cb.amountCents,
    note: cb.status ? `status ${cb.status}` : null,
  });
  core.fault('callback.recorded');
  // The query is the truth; the call-back only made us ask now rather than at the next poll.
  await core.track(
    queryAttempt(core, row.attemptId, { cause: 'callback', point: 'callback.confirmed', evenIfFinal: true }),
  );
  return ack();
}
