// Giving someone a new PIN: it must be free on this till (sign-in finds the person by PIN alone), so
// the till has to answer "taken" — and that answer tells the asker someone else's PIN. So the check is
// a PIN guess like any other: asked under the till's shared lockout (refused while it is locked; a
// taken PIN counts as a wrong PIN there, and the fifth locks the till for everyone) and journaled as
// pin.taken with who asked, never the PIN. "Free" tells something too (scanning the free ones finds the
// taken ones), so every check, whatever its answer, is also spent from the asker's own allowance.
import { AppError } from '../../../shared/result.ts';
import type { PinThrottle } from '../config/pin-throttle.ts';
import type { StaffDirectory } from './directory.ts';
import { SIGN_IN_KEY } from './session.ts';

/** PIN checks one person may ask per lockout window of their own allowance (a shop's setup day fits). */
export const PIN_CLAIMS_PER_WINDOW = 10;

export interface PinClaimDeps {
  /** The till's PIN throttle (sign-in and approvals share its SIGN_IN_KEY). */
  throttle: PinThrottle;
  /** Each asker's allowance of PIN checks (keys claims:staff:ID), PIN_CLAIMS_PER_WINDOW per window. */
  claims: PinThrottle;
  directory: StaffDirectory;
  /** Journals (and logs) a refused claim: who asked, for whom, by which command; never the PIN. */
  onTaken(detail: { by: string; forStaffId: string | null; command: string }): Promise<void>;
}

/**
 * Resolves when `pin` is free for `forStaffId` (null: a new account); otherwise throws pin-taken (or
 * the lockout it caused). `by`: the signed-in person or approver who asked.
 */
export async function claimNewPin(
  deps: PinClaimDeps,
  pin: string,
  forStaffId: string | null,
  by: string,
  command: string,
): Promise<void> {
  let taken = false;
  try {
    await deps.claims.attempt(
      `claims:staff:${by}`,
      async () => {
        await deps.throttle.attempt(SIGN_IN_KEY, async () => {
          taken = await deps.directory.pinTaken(pin, forStaffId ?? undefined);
          return !taken;
        });
        return true;
      },
      { spends: true },
    );
  } catch (err) {
    if (taken) await deps.onTaken({ by, forStaffId, command });
    if (err instanceof AppError && err.reason === 'pin-wrong')
      throw new AppError(
        'CONFLICT',
        'That PIN is already used on this till: choose another',
        false,
        'pin-taken',
      );
    throw err;
  }
}
