// Call-backs are hints, queries are truth (rule 7). A call-back is verified (md5, by the injected
// verifier that holds the key), matched to our order, merchant and amount, and only then confirmed with
// a STATUS_QUERY. Verified call-backs are recorded in full; ones that fail verification, and exact
// replays of a body already recorded, are only counted (callback-evidence.ts), since anyone on the
// network can send them. Call-backs for one attempt cause at most one query per CALLBACK_QUERY_GAP_MS.
import { createHash } from 'node:crypto';
import type { CallbackVerification } from '../gateway/callback.ts';
import { CALLBACK_ACK } from '../gateway/callback.ts';
import type { RejectionKind } from '../journal/rejections-repo.ts';
import type { CallbackVerdict } from '../journal/rows.ts';
import type { CallbackEvidence } from './callback-evidence.ts';
import type { EngineState } from './engine-state.ts';
import { queryAttempt } from './status-queries.ts';

export interface CallbackAnswer {
  status: number;
  body: { rsp_code: string; rsp_msg: string };
}

export type CallbackVerifier = (body: string) => CallbackVerification;

/** However many call-backs arrive for one attempt, they trigger at most one query per this gap. */
export const CALLBACK_QUERY_GAP_MS = 5_000;

const reject = (status: number, msg: string): CallbackAnswer => ({
  status,
  body: { rsp_code: 'FAIL', rsp_msg: msg },
});
const ack = (): CallbackAnswer => ({ status: 200, body: { ...CALLBACK_ACK } });

export interface CallbackIntake {
  handle(rawBody: string, remote: string | null): Promise<CallbackAnswer>;
}

export function createCallbackIntake(
  core: EngineState,
  verify: CallbackVerifier | undefined,
  evidence: CallbackEvidence,
): CallbackIntake {
  /** When each attempt was last queried because of a call-back (pruned as it grows). */
  const lastQuery = new Map<string, number>();

  function queryAllowed(attemptId: string, now: number): boolean {
    const last = lastQuery.get(attemptId);
    if (last !== undefined && now - last < CALLBACK_QUERY_GAP_MS) return false;
    if (lastQuery.size >= 1000) {
      for (const [id, at] of lastQuery) if (now - at >= CALLBACK_QUERY_GAP_MS) lastQuery.delete(id);
    }
    lastQuery.set(attemptId, now);
    return true;
  }

  async function handle(rawBody: string, remote: string | null): Promise<CallbackAnswer> {
    const now = core.clock.now();
    const bodySha256 = createHash('sha256').update(rawBody, 'utf8').digest('hex');
    const bodyBytes = Buffer.byteLength(rawBody, 'utf8');
    const rejected = (kind: RejectionKind, note: string | null) =>
      evidence.note({ kind, remote, bodySha256, bodyBytes, note });
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
      rejected('unconfigured', 'call-backs are not configured on this till');
      return reject(503, 'call-backs are not configured');
    }
    const verified = verify(rawBody);
    // Only a body that passed the md5 can name a merchant: it is signed, so it is recorded in full.
    const signed = verified.ok || /merchant/i.test(verified.reason);
    if (!signed) {
      rejected('forged', verified.reason);
      return reject(400, 'rejected');
    }
    // A signed body already recorded is a replay: counted, not recorded again.
    const replay = core.journal.callbacks.hasBody(bodySha256);
    if (replay) rejected('replay', verified.ok ? verified.callback.orderId : verified.reason);
    if (!verified.ok) {
      if (!replay) record('mismatch', { note: verified.reason });
      return reject(400, 'rejected');
    }
    const cb = verified.callback;
    const row = core.journal.attempts.getByOrderId(cb.orderId);
    if (cb.merchantId !== core.s.merchantId) {
      if (!replay)
        record('mismatch', { orderId: cb.orderId, amountCents: cb.amountCents, note: 'another merchant' });
      return reject(400, 'rejected');
    }
    if (!row) {
      if (!replay)
        record('unknown_order', {
          orderId: cb.orderId,
          amountCents: cb.amountCents,
          note: 'no attempt with this order id',
        });
      return reject(404, 'unknown order');
    }
    const total = row.amountCents + row.tipCents;
    if (cb.amountCents !== null && cb.amountCents !== row.amountCents && cb.amountCents !== total) {
      if (!replay)
        record('mismatch', {
          orderId: cb.orderId,
          attemptId: row.attemptId,
          amountCents: cb.amountCents,
          note: `amount ${cb.amountCents} does not match ${row.amountCents} (+${row.tipCents} tip)`,
        });
      return reject(400, 'rejected');
    }
    if (row.state === 'paid') {
      if (!replay)
        record('duplicate', { orderId: cb.orderId, attemptId: row.attemptId, amountCents: cb.amountCents });
      return ack();
    }
    if (!replay)
      record('accepted', {
        orderId: cb.orderId,
        attemptId: row.attemptId,
        amountCents: cb.amountCents,
        note: cb.status ? `status ${cb.status}` : null,
      });
    core.fault('callback.recorded');
    // The query is the truth; the call-back only made us ask now rather than at the next poll.
    if (queryAllowed(row.attemptId, now)) {
      await core.track(
        queryAttempt(core, row.attemptId, {
          cause: 'callback',
          point: 'callback.confirmed',
          evenIfFinal: true,
        }),
      );
    }
    return ack();
  }

  return { handle };
}
