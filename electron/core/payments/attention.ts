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
  const journal = core.journal;
  const rows = new Map(journal.attempts.needingAttention().map((r) => [r.attemptId, attemptView(r, now)]));
  for (const refund of journal.refunds.needingAttention()) {
    if (rows.has(refund.attemptId)) continue;
    const a = journal.attempts.get(refund.attemptId);
    if (a) rows.set(a.attemptId, { ...attemptView(a, now), needsAttention: true, reason: refund.reason });
  }
  return [...rows.values()].sort((x, y) => x.createdAt - y.createdAt);
}
