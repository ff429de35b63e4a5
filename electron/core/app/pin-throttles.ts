// The till's two PIN throttles over one lockout file: every PIN check (the supervisor's under 'till',
// staff accounts under their own keys) and each person's allowance of "is this new PIN free?" checks.
// Every guess they count goes to the log and the journal's event log, for the owner; never the PIN.
import type { Clock } from '../clock.ts';
import { createFileLockoutStore } from '../config/pin-lockout-store.ts';
import {
  createPinThrottle,
  MAX_PIN_ATTEMPTS,
  type PinAttemptRecord,
  type PinThrottle,
} from '../config/pin-throttle.ts';
import type { NewEvent } from '../journal/events-repo.ts';
import { PIN_CLAIMS_PER_WINDOW } from '../staff/pin-claim.ts';
import { type CoreLogger, errorFields } from './core-logger.ts';

export interface TillPinThrottles {
  pinThrottle: PinThrottle;
  pinClaimThrottle: PinThrottle;
}

export function createTillPinThrottles(o: {
  dataDir: string;
  clock: Clock;
  logger: CoreLogger;
  /** Appends to the current payments stack's journal (read when a guess is recorded). */
  recordEvent(event: NewEvent): void;
}): TillPinThrottles {
  const store = createFileLockoutStore(o.dataDir, { maxAttempts: MAX_PIN_ATTEMPTS });
  const journalPinAttempt = (record: PinAttemptRecord): void => {
    const { key, at, outcome, ...detail } = record;
    const line = `PIN ${outcome} (${key})`;
    if (outcome === 'accepted') o.logger.info(line, detail);
    else o.logger.warn(line, detail);
    try {
      o.recordEvent({ at, entity: 'pin', entityId: key, type: `pin.${outcome}`, cause: 'command', detail });
    } catch (err) {
      o.logger.error('a PIN attempt could not be journaled', errorFields(err));
    }
  };
  return {
    pinThrottle: createPinThrottle({
      store,
      now: () => o.clock.now(),
      onAttempt: journalPinAttempt,
    }),
    // New PINs are checked against everyone's: each check is spent from the asker's own allowance.
    pinClaimThrottle: createPinThrottle({
      store,
      now: () => o.clock.now(),
      maxAttempts: PIN_CLAIMS_PER_WINDOW,
      onAttempt: journalPinAttempt,
    }),
  };
}
