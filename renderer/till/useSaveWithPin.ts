// A change saved with the supervisor's (or owner's) PIN, as every settings card and the staff and
// shift screens do it: which save is asking for the PIN, sending it, closing the dialog, and what the
// save came to for SaveOutcome. A wrong or throttled PIN stays in the dialog, so the next PIN can be
// typed there; any other refusal closes the dialog and is said on the card.
import { useState } from 'react';
import type { AppErrorData, Result } from '../../shared/result.ts';
import { errorText } from '../i18n/error-text.ts';
import { useTill } from './till-context.ts';

export interface RefusalPolicy {
  /** Which refusals the dialog keeps; by default NOT_ALLOWED (a PIN wrong, throttled, not a supervisor's). */
  staysInDialog?: (error: AppErrorData) => boolean;
  /** What the card says of a refusal that closed the dialog (and, say, which field to mark). */
  onRefused?: (error: AppErrorData) => string;
}

/** For saves whose every refusal is said in the dialog (the sign key, staff accounts, closing a shift). */
export const everyRefusal = (): boolean => true;

const wrongPin = (error: AppErrorData) => error.code === 'NOT_ALLOWED';

export interface SaveWithPin<A> {
  /** The save waiting for its PIN (its PinDialog is open), or null. */
  asking: A | null;
  ask: (action: A) => void;
  cancel: () => void;
  /**
   * The PinDialog's onConfirm for one command. `send` may refuse before sending (a string, shown in
   * the dialog); `saved` tidies the card once the core took the change and answers the notice. Both
   * are told which save is asking.
   */
  confirm: <T>(
    send: (pin: string, action: A) => Promise<Result<T> | string>,
    saved: (value: T, action: A) => string | null,
  ) => (pin: string) => Promise<string | null>;
  /** For `<SaveOutcome {...save.outcome} />`. */
  outcome: { error: string | null; notice: string | null };
  /** For what the card says outside a PIN save (a list that did not load, a save without PIN). */
  setError: (error: string | null) => void;
  setNotice: (notice: string | null) => void;
}

export function useSaveWithPin<A = 'save'>(policy: RefusalPolicy = {}): SaveWithPin<A> {
  const { tr } = useTill();
  const [asking, setAsking] = useState<A | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const staysInDialog = policy.staysInDialog ?? wrongPin;
  const confirm: SaveWithPin<A>['confirm'] = (send, saved) => async (pin) => {
    const action = asking;
    if (action === null) return null; // no dialog is open: nothing to confirm
    const result = await send(pin, action);
    if (typeof result === 'string') return result;
    if (!result.ok) {
      if (staysInDialog(result.error)) return errorText(tr, result.error);
      setAsking(null);
      setError(policy.onRefused ? policy.onRefused(result.error) : errorText(tr, result.error));
      return null;
    }
    setAsking(null);
    setError(null);
    setNotice(saved(result.value, action));
    return null;
  };
  return {
    asking,
    ask: (action) => setAsking(() => action),
    cancel: () => setAsking(null),
    confirm,
    outcome: { error, notice },
    setError,
    setNotice,
  };
}
