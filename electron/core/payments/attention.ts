// What a person does about a payment the till could not settle alone: ask the gateway again now,
// acknowledge a flag with a reason, and the list of everything flagged (attempts, and refunds by their
// attempt). Overrides with evidence are in overrides.ts.
import type { AttemptView } from '../../../shared/domain.ts';
import { isLiveAttemptState } from '../../../shared/payments/attempt-machine.ts';
import { AppError } from '../../../shared/result.ts';
import { type EngineState, getAttempt, watchKey } from './engine-state.ts';
import { flagAttempt } from './journaled-changes.ts';
import { queryAttempt } from './status-queries.ts';
import { attemptView } from './views.ts';
import { watchAttempt } from './watches.ts';

/** Asks the gateway about one attempt now; keeps watching it if still unresolved. */
export async function recheck(core: EngineState, attemptId: string): Promise<AttemptView> {
  getAttempt(core, attemptId);
  const row = await core.track(queryAttempt(core, attemptId, { cause: 'query', detail: { recheck: true } }));
  if (row && isLiveAttemptState(row.state) && !core.watcher.has(watchKey(attemptId))) {
    watchAttempt(core, attemptId, 'background');
  }
  return attemptView(getAttempt(core, attemptId), core.clock.now());
}

/** A supervisor acknowledges a flagged attempt (journaled with the reason). */
export function clearAttention(core: EngineState, req: { attemptId: string; reason: string }): AttemptView {
  const reason = req.reason.trim();
  if (!reason) throw new AppError('VALIDATION', 'A reason is required');
  const row = getAttempt(core, req.attemptId);
  if (isLiveAttemptState(row.state))
    throw new AppError('CONFLICT', 'This payment is still unresolved: recheck or override it');
  return attemptView(
    flagAttempt(core, req.attemptId, false, 'override', `Acknowledged: ${reason}`),
    core.clock.now(),
  );
}

/** Flagged attempts, plus the attempts of refunds that are flagged, oldest first. */
export function needsAttention(core: EngineState): AttemptView[] {
  const now = core.clock.now();
  const rows = new Map<string, AttemptView>();
  for (const r of core.journal.attempts.needingAttention()) rows.set(r.attemptId, attemptView(r, now));
  addFlaggedRefunds(core, rows, now);
  return [...rows.values()].sort(byAge);
}

/** What every screen update carries of the flagged: some of them, and how many there are in all. */
export interface AttentionBrief {
  /** Every unresolved one and every flagged refund's attempt; then the oldest others, up to `shown`. */
  attempts: AttemptView[];
  count: number;
}

/**
 * The flagged in brief. A paid sale of another amount stays flagged until a supervisor acknowledges
 * it: a shop that never does must not make every screen update carry, and every sale cost, more than
 * the one before. Unresolved ones are never left out (the supervisor and the update's install gate
 * need them); the whole list is `attention.list`.
 */
export function attentionBrief(core: EngineState, shown: number): AttentionBrief {
  const now = core.clock.now();
  const attempts = core.journal.attempts;
  const rows = new Map<string, AttemptView>();
  for (const r of attempts.liveNeedingAttention()) rows.set(r.attemptId, attemptView(r, now));
  const count = attempts.countNeedingAttention() + addFlaggedRefunds(core, rows, now);
  for (const r of attempts.needingAttention(shown)) {
    if (rows.size >= shown) break;
    if (!rows.has(r.attemptId)) rows.set(r.attemptId, attemptView(r, now));
  }
  return { attempts: [...rows.values()].sort(byAge), count };
}

/**
 * Adds the attempts of flagged refunds that `rows` lacks: an attempt flagged itself as itself, else
 * flagged with its refund's reason. Returns how many of those were not flagged themselves.
 */
function addFlaggedRefunds(core: EngineState, rows: Map<string, AttemptView>, now: number): number {
  let unflagged = 0;
  for (const refund of core.journal.refunds.needingAttention()) {
    if (rows.has(refund.attemptId)) continue;
    const a = core.journal.attempts.get(refund.attemptId);
    if (!a) continue;
    if (a.needsAttention) rows.set(a.attemptId, attemptView(a, now));
    else {
      unflagged += 1;
      rows.set(a.attemptId, { ...attemptView(a, now), needsAttention: true, reason: refund.reason });
    }
  }
  return unflagged;
}

const byAge = (x: AttemptView, y: AttemptView) => x.createdAt - y.createdAt;
