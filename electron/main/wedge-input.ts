// Keyboard-wedge scanners type into whatever has focus. The till window's before-input-event sees
// each key before the page. Every plain key-down goes to the core (its detector recognises the scan
// and submits it); the same pure detector (shared/scanning) runs here to decide, per key, whether the
// page may have it: `hold` and `consume` keep it out, `release` re-sends held human typing, in order,
// as real key events (the till's keyboard shortcuts listen to key-downs, so text alone would not do).
// Pure: Electron's Input and webContents arrive as parameters, time and timers are injected.
import {
  type WedgeDecision,
  WedgeDetector,
  type WedgeKeyEvent,
} from '../../shared/scanning/wedge-detector.ts';

/** Electron's Input (before-input-event), the fields used. */
export interface InputLike {
  type: string;
  key: string;
  code: string;
  isAutoRepeat?: boolean;
  control?: boolean;
  alt?: boolean;
  meta?: boolean;
}

/** How released keys get back into the till page (webContents.sendInputEvent). */
export interface KeySink {
  /** One key as key-down (+ char for text) + key-up. */
  sendKey(key: WedgeKeyEvent): void;
}

/** A re-sent key comes back through before-input-event; after this long we stop waiting for it. */
const REINJECT_TTL_MS = 1000;

export interface WedgeInputDeps {
  /** core.feedWedgeKeys */
  feed: (events: readonly WedgeKeyEvent[]) => void;
  sink: KeySink;
  enabled: () => boolean;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  detector?: WedgeDetector;
}

export interface WedgeInput {
  /** The before-input-event body: true when the page must not see this input (preventDefault). */
  onInput(input: InputLike): boolean;
  /** Window blur or shutdown: resolve what is held now. */
  flush(): void;
  dispose(): void;
}

export function createWedgeInput(deps: WedgeInputDeps): WedgeInput {
  const detector = deps.detector ?? new WedgeDetector();
  let timer: unknown = null;
  /** Keys we sent ourselves (with when): before-input-event sees them again and lets them through. */
  const reinjected: Array<{ key: string; at: number }> = [];
  /** Codes whose key-down the page did not get: their key-up is kept back too. */
  const swallowed = new Set<string>();

  const resend = (keys: readonly WedgeKeyEvent[]) => {
    for (const k of keys) {
      reinjected.push({ key: k.key, at: deps.now() });
      deps.sink.sendKey(k);
    }
  };

  /** Applies decisions in order; returns whether `current` (the key just fed) is kept from the page. */
  const apply = (decisions: readonly WedgeDecision[], current: WedgeKeyEvent | null): boolean => {
    let blocked = false;
    for (const d of decisions) {
      // Released keys are queued to the page now, before this key resumes: the order holds.
      if (d.type === 'release') resend(d.keys);
      else if (d.type === 'hold' && d.key === current) blocked = true;
      // pass: the page gets it as usual; consume: dropped here, the core's detector delivers the scan.
    }
    return blocked;
  };

  const arm = () => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    const deadline = detector.nextDeadline();
    if (deadline === null) return;
    timer = deps.setTimer(
      () => {
        timer = null;
        apply(detector.tick(deps.now()), null);
        arm();
      },
      Math.max(0, deadline - deps.now()) + 1,
    );
  };

  return {
    onInput(input) {
      if (input.type === 'keyUp') return swallowed.delete(input.code);
      if (input.type !== 'keyDown') return false;
      while (reinjected.length > 0 && (reinjected[0]?.at ?? 0) < deps.now() - REINJECT_TTL_MS)
        reinjected.shift();
      const mine = reinjected.findIndex((k) => k.key === input.key);
      if (mine >= 0) {
        reinjected.splice(mine, 1);
        return false;
      }
      // Shortcuts and auto-repeat are never scanner input.
      if (!deps.enabled() || input.control || input.alt || input.meta || input.isAutoRepeat) return false;
      const event: WedgeKeyEvent = { t: deps.now(), key: input.key, code: input.code };
      deps.feed([event]);
      const blocked = apply(detector.feed(event), event);
      if (blocked) swallowed.add(input.code);
      arm();
      return blocked;
    },
    flush() {
      apply(detector.flush(), null);
      arm();
    },
    dispose() {
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
    },
  };
}

const ACCELERATOR_NAMES: Readonly<Record<string, string>> = {
  ' ': 'Space',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
};

/** The sendInputEvent sequence that types `key` again: key-down, char (text keys only), key-up. */
export function keyboardEventsFor(
  key: WedgeKeyEvent,
): Array<{ type: 'keyDown' | 'char' | 'keyUp'; keyCode: string }> {
  const keyCode = ACCELERATOR_NAMES[key.key] ?? key.key;
  const text = [...key.key].length === 1;
  return [
    { type: 'keyDown', keyCode },
    ...(text ? [{ type: 'char' as const, keyCode }] : []),
    { type: 'keyUp', keyCode },
  ];
}
