// Keyboard-wedge scan detector: tells a scanner typing a code from a person typing, from key-down
// timing alone. A pure state machine with explicit time — no timers inside, no DOM, no Node.
//
// Physical facts it is built on (docs: scanner-traces/README.md, PAYMENT-SAFETY.md):
//   scanners type 1–12 ms per key, some 15–40 ms; at most one pause of up to 100 ms inside a code, and
//   only in codes that end with a terminator (Enter or Tab; without one a code ends by idle time);
//   two scans can follow 150 ms apart. People type 80–320 ms per key, in bursts of at most 6 keys at
//   35–70 ms. Codes are at least 8 characters.
// So: a run of keys whose gaps are all ≤ keyGapMs, except at most one ≤ pauseMs, is a scan when it
// has at least minLength characters; a pause is only accepted when the run ends with a terminator
// (an unterminated run is split at its pause and each side judged alone). A gap > pauseMs ends a run.
// Human bursts (≤ 6 keys) cannot reach 8 characters without a gap of 80 ms or more, which is a pause.
//
// ── API (for the till page and the core's WedgeScanSource) ─────────────────────────────────────────
//   const d = new WedgeDetector(timing?, { canRetract? })   // timing: DEFAULT_WEDGE_TIMING unless given
//   d.feed({ t, key, code }) → WedgeDecision[]   feed every plain key-down, in order, t in ms
//   d.tick(now)              → WedgeDecision[]   call when now > d.nextDeadline() (idle end of a code)
//   d.flush()                → WedgeDecision[]   resolve everything now (window blur, shutdown, end of trace)
//   d.nextDeadline()         → number | null     when a tick is due (same time base as t), null if idle
//   d.pending                → keys currently held
// Every key fed gets exactly one immediate fate in the returned list: `hold` (keep it out of the
// focused field for now — preventDefault) or `pass` (not ours: let its default action happen). Every
// held key later appears in exactly one `release` (a person typed it: replay `text`, or the `keys`, in
// the focused field) or one `consume` (it belongs to `scan`: drop it). A released key may later appear
// in one `retract` (it began a scan after all: take its text back out of the field), always followed
// by that scan's `consume`. Decisions are in the order they must be applied; releases always come
// before a later `pass`, so typed text keeps its order.
//   The till page (both shells): keydown → feed(); preventDefault() unless `pass`; insert released
//     text at the caret. Electron main feeds nothing: it leaves keys to the page (electron/main/README.md).
// Feed only plain key-downs: skip auto-repeat and keys pressed with Ctrl/Alt/Meta (shortcuts).
// Holding is what the cashier feels while typing. A shell that can take text back (canRetract: the
// page, the core's WedgeScanSource) has a key held only while keys come scanner-fast:
// once keyGapMs pass with no key, a run of at most maxBurst keys (all a person types that fast) goes
// to the field. Only a scanner pausing inside a code after its first few keys can still claim them,
// and then they are retracted. A longer fast run is a scanner's: it is held through a pause until
// pauseMs of quiet. A typed key is then held at most burstHoldMs. A shell that cannot retract gets no
// early release: a typed key is held until its run can no longer be a code (up to about 0.4 s).
import { classifyKey, typedText, type WedgeKeyEvent } from './key-chars.ts';

export type { WedgeKeyEvent } from './key-chars.ts';

export interface WedgeTiming {
  /** Largest gap between two keys of a scan, ms (facts: ≤ 40; slack for USB and event-loop jitter). */
  keyGapMs: number;
  /**
   * Largest single pause inside a terminated code, ms (facts: ≤ 100), and the idle time that ends a
   * run. Between the longest pause (100) and the closest two scans come (150).
   */
  pauseMs: number;
  /** Shortest code, in characters (EAN-8). */
  minLength: number;
  /** Most keys a person types scanner-fast in one burst (facts: 6); a longer fast run is a scanner. */
  maxBurst: number;
  /**
   * Longest a key of a run that could still be a person's burst is held while keys keep coming fast:
   * past it the key goes to the field (a scanner that then goes on takes it back). A fast scanner
   * types maxBurst + 1 keys sooner (facts: ≤ 12 ms a key), so its keys are never shown.
   */
  burstHoldMs: number;
  /** Shortest gap between two keys a person types (facts: 35 ms; slack for 8 ms USB polling): faster is a scanner. */
  personGapMs: number;
  /** Longest run held; beyond it the keys are released as typing (a stuck key, not a code). */
  maxLength: number;
}

export const DEFAULT_WEDGE_TIMING: Readonly<WedgeTiming> = Object.freeze({
  keyGapMs: 50,
  pauseMs: 120,
  minLength: 8,
  maxBurst: 6,
  burstHoldMs: 75,
  personGapMs: 30,
  maxLength: 512,
});

export interface WedgeScan {
  /** The characters of the code (digits read from the physical keys). */
  code: string;
  terminator: 'Enter' | 'Tab' | null;
  /** Time of the first and of the last consumed key (terminator included). */
  start: number;
  end: number;
  /** Gap before each key after the first, ms, terminator included: the diagnostics' per-key timing. */
  gaps: number[];
}

export type WedgeDecision =
  /** The key just fed is held: keep it out of the focused field for now. */
  | { type: 'hold'; key: WedgeKeyEvent }
  /** The key just fed is not the detector's: let its default action happen. */
  | { type: 'pass'; key: WedgeKeyEvent }
  /** Held keys a person typed: replay them, in order (`text` is what the layout produced). */
  | { type: 'release'; keys: WedgeKeyEvent[]; text: string }
  /**
   * Keys released earlier that turn out to begin a scan (a scanner paused after them): take `text`
   * back out of the field, just before the caret. Always followed by the scan's `consume`.
   */
  | { type: 'retract'; keys: WedgeKeyEvent[]; text: string }
  /** Held keys (and terminator) that were a scan: drop them; deliver `scan` (the whole code). */
  | { type: 'consume'; keys: WedgeKeyEvent[]; scan: WedgeScan };

interface HeldChar {
  ev: WedgeKeyEvent;
  char: string;
}

export class WedgeDetector {
  readonly timing: Readonly<WedgeTiming>;
  #held: HeldChar[] = [];
  /** Index in #held of the key after the run's one pause; -1 when the run has none. */
  #pauseAt = -1;
  /** Leading keys of #held already released as typing while they could still head a code. */
  #shown = 0;

  /** The shell can take keys back out of the field (`retract`); only then are keys shown early. */
  readonly canRetract: boolean;

  constructor(timing: Partial<WedgeTiming> = {}, options: { canRetract?: boolean } = {}) {
    this.timing = Object.freeze({ ...DEFAULT_WEDGE_TIMING, ...timing });
    this.canRetract = options.canRetract ?? false;
  }

  /** Keys held out of the field (not those released early that a scan could still take back). */
  get pending(): readonly WedgeKeyEvent[] {
    return this.#held.slice(this.#shown).map((h) => h.ev);
  }

  nextDeadline(): number | null {
    const last = this.#held.at(-1);
    if (!last) return null;
    // A scanner-slow gap settles a short run (or the part before a pause) at once, and no key of a
    // short run waits longer than burstHoldMs; a long run may still be a scanner pausing, and only
    // idle time ends it.
    const quietDue = last.ev.t + this.timing.keyGapMs;
    const firstHeld = this.#showable();
    if (firstHeld) return Math.min(quietDue, firstHeld.ev.t + this.timing.burstHoldMs);
    return this.#pauseAt >= 0 ? quietDue : last.ev.t + this.timing.pauseMs;
  }

  feed(ev: WedgeKeyEvent): WedgeDecision[] {
    const out: WedgeDecision[] = [];
    const last = this.#held.at(-1);
    // A long gap ends the run; so does time running backwards or a broken timestamp.
    if (last && !(ev.t - last.ev.t <= this.timing.pauseMs && ev.t >= last.ev.t)) this.#endRun(out);
    else this.#advance(ev.t, out);
    const cls = classifyKey(ev);
    switch (cls.kind) {
      case 'modifier':
        out.push({ type: 'pass', key: ev });
        break;
      case 'other':
        this.#endRun(out);
        out.push({ type: 'pass', key: ev });
        break;
      case 'terminator':
        this.#terminate(ev, cls.name, out);
        break;
      case 'char':
        this.#addChar(ev, cls.char, out);
        break;
    }
    return out;
  }

  tick(now: number): WedgeDecision[] {
    const out: WedgeDecision[] = [];
    const deadline = this.nextDeadline();
    if (deadline !== null && now > deadline) this.#advance(now, out);
    return out;
  }

  flush(): WedgeDecision[] {
    const out: WedgeDecision[] = [];
    this.#endRun(out);
    return out;
  }

  /**
   * The first held key when the keys since the pause (or the run's start) could be a person's burst
   * (few enough, none faster than a person types) and everything before them is already in the
   * field; else undefined.
   */
  #showable(): HeldChar | undefined {
    if (!this.canRetract) return undefined;
    const from = Math.max(0, this.#pauseAt);
    if (this.#shown < from || this.#held.length - from > this.timing.maxBurst) return undefined;
    for (let i = from + 1; i < this.#held.length; i++) {
      const gap = (this.#held[i]?.ev.t ?? 0) - (this.#held[i - 1]?.ev.t ?? 0);
      if (gap < this.timing.personGapMs) return undefined; // faster than anyone types
    }
    return this.#held[this.#shown];
  }

  /**
   * Time has reached `now`. Past pauseMs of quiet the run is over. Past keyGapMs a run with a pause
   * is settled up to its pause (any next key would be a second pause, a terminator after it cannot
   * end a code, and idle time ends it anyway). A short burst goes to the field once it is quiet for
   * keyGapMs or its first held key waited burstHoldMs: it only becomes part of a code if a scanner
   * goes on (fast, or after a pause), and then the scan takes those keys back (`retract`).
   */
  #advance(now: number, out: WedgeDecision[]): void {
    const last = this.#held.at(-1);
    if (!last) return;
    const quiet = now - last.ev.t;
    if (quiet > this.timing.pauseMs) {
      this.#endRun(out);
      return;
    }
    if (quiet > this.timing.keyGapMs && this.#pauseAt >= 0) this.#settleHead(out);
    const firstHeld = this.#showable();
    if (firstHeld && (quiet > this.timing.keyGapMs || now - firstHeld.ev.t > this.timing.burstHoldMs)) {
      out.push(release(this.#held.slice(this.#shown)));
      this.#shown = this.#held.length;
    }
  }

  /** The keys before the run's pause can no longer share a code with what follows: judge them. */
  #settleHead(out: WedgeDecision[]): void {
    const head = this.#held.splice(0, this.#pauseAt);
    const headShown = Math.min(this.#shown, head.length);
    this.#judgeUnterminated(head, headShown, out);
    this.#shown -= headShown;
    this.#pauseAt = -1;
  }

  #addChar(ev: WedgeKeyEvent, char: string, out: WedgeDecision[]): void {
    const last = this.#held.at(-1);
    if (last && ev.t - last.ev.t > this.timing.keyGapMs) {
      // A second pause: the keys before the first one cannot share a code with this key.
      if (this.#pauseAt >= 0) this.#settleHead(out);
      this.#pauseAt = this.#held.length;
    }
    this.#held.push({ ev, char });
    out.push({ type: 'hold', key: ev });
    if (this.#held.length > this.timing.maxLength) {
      const shown = this.#shown;
      const all = this.#take();
      out.push(release(all.slice(shown)));
    }
  }

  #terminate(ev: WedgeKeyEvent, name: 'Enter' | 'Tab', out: WedgeDecision[]): void {
    const last = this.#held.at(-1);
    const gap = last ? ev.t - last.ev.t : Number.POSITIVE_INFINITY;
    const pauseFree = gap <= this.timing.keyGapMs || this.#pauseAt < 0;
    if (last && this.#held.length >= this.timing.minLength && pauseFree) {
      out.push({ type: 'hold', key: ev });
      const shown = this.#shown;
      out.push(...consume(this.#take(), shown, { ev, name }));
      return;
    }
    // Not the end of a scan: a person pressed it (after an amount); what is held ends unterminated.
    this.#endRun(out);
    out.push({ type: 'pass', key: ev });
  }

  /** The run ends without a terminator: a pause inside it splits it (facts: no pause in such codes). */
  #endRun(out: WedgeDecision[]): void {
    if (this.#held.length === 0) return;
    const pauseAt = this.#pauseAt;
    const shown = this.#shown;
    const all = this.#take();
    if (pauseAt < 0) {
      this.#judgeUnterminated(all, shown, out);
    } else {
      this.#judgeUnterminated(all.slice(0, pauseAt), Math.min(shown, pauseAt), out);
      this.#judgeUnterminated(all.slice(pauseAt), Math.max(0, shown - pauseAt), out);
    }
  }

  /** A pause-free run with no terminator: a scan when long enough, else typing. */
  #judgeUnterminated(run: HeldChar[], shown: number, out: WedgeDecision[]): void {
    if (run.length >= this.timing.minLength) out.push(...consume(run, shown, null));
    else if (shown < run.length) out.push(release(run.slice(shown)));
  }

  #take(): HeldChar[] {
    const all = this.#held;
    this.#held = [];
    this.#pauseAt = -1;
    this.#shown = 0;
    return all;
  }
}

function release(run: HeldChar[]): WedgeDecision {
  const keys = run.map((h) => h.ev);
  return { type: 'release', keys, text: typedText(keys) };
}

/** A scan's decisions: first take back its keys that were shown early, then drop the held rest. */
function consume(
  run: HeldChar[],
  shown: number,
  terminator: { ev: WedgeKeyEvent; name: 'Enter' | 'Tab' } | null,
): WedgeDecision[] {
  const keys = run.map((h) => h.ev);
  if (terminator) keys.push(terminator.ev);
  const gaps: number[] = [];
  for (let i = 1; i < keys.length; i++) {
    const a = keys[i - 1];
    const b = keys[i];
    if (a && b) gaps.push(Math.round((b.t - a.t) * 100) / 100);
  }
  const first = keys[0];
  const last = keys.at(-1);
  const scan: WedgeScan = {
    code: run.map((h) => h.char).join(''),
    terminator: terminator?.name ?? null,
    start: first?.t ?? 0,
    end: last?.t ?? 0,
    gaps,
  };
  const taken = keys.slice(0, shown);
  const decisions: WedgeDecision[] = [];
  if (taken.length > 0) decisions.push({ type: 'retract', keys: taken, text: typedText(taken) });
  decisions.push({ type: 'consume', keys: keys.slice(shown), scan });
  return decisions;
}

/** Offline use (CLI replay, tests, bench): every scan in a recorded session, in order. */
export function detectScans(events: Iterable<WedgeKeyEvent>, timing: Partial<WedgeTiming> = {}): WedgeScan[] {
  const detector = new WedgeDetector(timing);
  const scans: WedgeScan[] = [];
  const collect = (decisions: WedgeDecision[]) => {
    for (const d of decisions) if (d.type === 'consume') scans.push(d.scan);
  };
  for (const ev of events) collect(detector.feed(ev));
  collect(detector.flush());
  return scans;
}
