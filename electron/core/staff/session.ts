// Who is at the till: sign-in by PIN alone (PINs are unique per till), sign-out and lock (on demand,
// or after the configured idle time, on the injected clock), and a supervisor's approval on the
// cashier's screen with their own PIN. Every PIN look-up goes through the hardened PIN throttle.
import { AppError } from '../../../shared/result.ts';
import { roleAtLeast, type StaffRole, type StaffView } from '../../../shared/staff.ts';
import type { Clock, TimerHandle } from '../clock.ts';
import type { PinThrottle } from '../config/pin-throttle.ts';
import type { StaffDirectory } from './directory.ts';

/** Sign-in and approvals name no account before the PIN is right: they share the till's lockout. */
export const SIGN_IN_KEY = 'till';

export interface StaffSessionDeps {
  directory: StaffDirectory;
  throttle: PinThrottle;
  clock: Clock;
  /** 0: never lock by itself. */
  idleLockMs(): number;
  /** Called after sign-in, sign-out and lock (the snapshot changes). */
  onChange(cashier: StaffView | null, why: 'sign-in' | 'sign-out' | 'idle'): void;
}

export function createStaffSession(deps: StaffSessionDeps) {
  let cashier: StaffView | null = null;
  let idleTimer: TimerHandle | null = null;

  async function lookUp(pin: string, key = SIGN_IN_KEY): Promise<StaffView> {
    let found: StaffView | null = null;
    await deps.throttle.attempt(key, async () => {
      found = await deps.directory.findByPin(pin);
      return found !== null;
    });
    if (!found) throw new AppError('NOT_ALLOWED', 'Wrong PIN', true, 'pin-wrong');
    return found;
  }

  function disarm(): void {
    if (idleTimer !== null) deps.clock.clearTimeout(idleTimer);
    idleTimer = null;
  }

  function arm(): void {
    disarm();
    const ms = deps.idleLockMs();
    if (cashier && ms > 0) {
      idleTimer = deps.clock.setTimeout(() => {
        idleTimer = null;
        if (!cashier) return;
        cashier = null;
        deps.onChange(null, 'idle');
      }, ms);
    }
  }

  function signOut(): void {
    disarm();
    const was = cashier;
    cashier = null;
    if (was) deps.onChange(null, 'sign-out');
  }

  return {
    cashier: (): StaffView | null => cashier,
    async signIn(pin: string): Promise<StaffView> {
      const who = await lookUp(pin);
      cashier = who;
      arm();
      deps.onChange(who, 'sign-in');
      return who;
    },
    signOut,
    /** A command from the till: the idle time starts again. */
    touch(): void {
      if (cashier) arm();
    },
    /** The signed-in cashier; refuses when the till is locked. */
    require(): StaffView {
      if (!cashier) throw new AppError('NOT_ALLOWED', 'Sign in first', false, 'sign-in-needed');
      return cashier;
    },
    /** A supervisor (or owner) approves with their own PIN; refuses a cashier's PIN. */
    async approve(pin: string, needed: StaffRole = 'supervisor'): Promise<StaffView> {
      const who = await lookUp(pin);
      if (!roleAtLeast(who.role, needed)) {
        throw new AppError('NOT_ALLOWED', `This needs a ${needed}'s PIN`, false, 'role-needed', {
          role: needed,
        });
      }
      return who;
    },
    /** The account whose PIN this is: the signed-in cashier's own (its own lockout) or any, by PIN. */
    async verifyOwn(pin: string): Promise<StaffView> {
      if (!cashier) return lookUp(pin);
      const me = cashier;
      // The account's own key: only its own PIN passes, so that PIN forgives the key's wrong ones.
      await deps.throttle.attempt(
        `staff:${me.staffId}`,
        async () => (await deps.directory.findByPin(pin))?.staffId === me.staffId,
        { forgives: true },
      );
      return me;
    },
    /** After an account changed (deactivated, role): a signed-in one that is gone is signed out. */
    refresh(): void {
      if (!cashier) return;
      const now = deps.directory.get(cashier.staffId);
      if (now?.active) cashier = now;
      else signOut();
    },
    stop: disarm,
  };
}

export type StaffSession = ReturnType<typeof createStaffSession>;
