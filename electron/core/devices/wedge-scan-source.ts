// The keyboard-wedge detector (shared/scanning/wedge-detector.ts) as a ScanSource, fed key-downs
// through the contract's `wedge.keys` command (a page that sends its keys rather than detecting scans
// itself). Electron main never feeds it: the till page runs its own detector (useWedgeScanner.ts) and
// main does not touch keys (a key re-sent from before-input-event is typed twice: electron/main/README.md).
//   const wedge = new WedgeScanSource({ clock });
//   wedge.on('release', ({ text }) => …)  // a person's keys: the page puts them back in the field
//   wedge.on('scan', …)                   // or attach it to the ScanRouter
//   wedge.feed({ key, code }).block        // true: the page keeps the key out of the focused field
// feed() answers at once whether to keep the key out of the focused field; keys held for a while and
// then found to be typing come back through 'release' (synchronously inside feed() when the new key
// settles them, or from the idle timer), always in typing order and before a later passed key; keys
// released that then turn out to begin a scan are taken back through 'retract' before its 'scan'.
// Key times may come from the page (performance.now) or default to the injected clock; idle ends are
// timed with the clock, translated into the time base of the last key fed.
import type { ScannerStatus } from '../../../shared/domain.ts';
import {
  type WedgeDecision,
  WedgeDetector,
  type WedgeKeyEvent,
  type WedgeScan,
  type WedgeTiming,
} from '../../../shared/scanning/wedge-detector.ts';
import { type Clock, systemClock, type TimerHandle } from '../clock.ts';
import { Emitter } from './emitter.ts';
import type { ScanSource, ScanSourceEvents } from './scan-source.ts';

export interface WedgeRelease {
  keys: WedgeKeyEvent[];
  /** What the person typed, as the layout produced it: insert at the caret. */
  text: string;
}

interface WedgeEvents extends ScanSourceEvents {
  release: WedgeRelease;
  /** Released keys that began a scan after all: delete `text` just before the caret. */
  retract: WedgeRelease;
}

export class WedgeScanSource implements ScanSource {
  readonly kind = 'wedge' as const;
  readonly id: string;
  readonly #clock: Clock;
  readonly #detector: WedgeDetector;
  readonly #events = new Emitter<WedgeEvents>();
  #status: ScannerStatus;
  #timer: TimerHandle | null = null;
  /** clock.now() minus the key time base, measured at the last key fed. */
  #offset = 0;
  #lastScan: WedgeScan | null = null;

  /** `canRetract`: every 'release' listener also handles 'retract' (then typed keys are held less). */
  constructor(
    options: { id?: string; clock?: Clock; timing?: Partial<WedgeTiming>; canRetract?: boolean } = {},
  ) {
    this.id = options.id ?? 'wedge';
    this.#clock = options.clock ?? systemClock;
    this.#detector = new WedgeDetector(options.timing ?? {}, { canRetract: options.canRetract ?? false });
    this.#status = { id: this.id, kind: 'wedge', state: 'disabled', detail: null };
  }

  status(): ScannerStatus {
    return { ...this.#status };
  }

  on<E extends keyof WedgeEvents>(event: E, listener: (payload: WedgeEvents[E]) => void): () => void {
    return this.#events.on(event, listener);
  }

  start(): void {
    if (this.#status.state === 'connected') return;
    this.#status = {
      id: this.id,
      kind: 'wedge',
      state: 'connected',
      detail: 'listening for scans typed as keys',
    };
    this.#events.emit('status', this.status());
  }

  async stop(): Promise<void> {
    this.flush();
    if (this.#status.state === 'disabled') return;
    this.#status = { id: this.id, kind: 'wedge', state: 'disabled', detail: null };
    this.#events.emit('status', this.status());
  }

  /** Per-key gaps (ms) of the last scan recognised, for the diagnostics screen. */
  lastScanTimings(): number[] {
    return [...(this.#lastScan?.gaps ?? [])];
  }

  /**
   * One key-down. `block`: keep this key out of the focused field (it is held or part of a scan).
   * While stopped every key passes untouched.
   */
  feed(key: { key: string; code: string; t?: number }): { block: boolean } {
    if (this.#status.state !== 'connected') return { block: false };
    const ev: WedgeKeyEvent = { t: key.t ?? this.#clock.now(), key: key.key, code: key.code };
    this.#offset = this.#clock.now() - ev.t;
    const decisions = this.#detector.feed(ev);
    this.#apply(decisions);
    this.#arm();
    return { block: !decisions.some((d) => d.type === 'pass' && d.key === ev) };
  }

  /** A batch of recorded key-downs (browser shell); their own times are used. */
  feedMany(events: readonly WedgeKeyEvent[]): void {
    for (const ev of events) this.feed(ev);
  }

  /** Settles every held key now (window lost focus, shutting down). */
  flush(): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
    this.#apply(this.#detector.flush());
  }

  #arm(): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
    const deadline = this.#detector.nextDeadline();
    if (deadline === null) return;
    const due = deadline + this.#offset + 1;
    this.#timer = this.#clock.setTimeout(
      () => {
        this.#timer = null;
        this.#apply(this.#detector.tick(this.#clock.now() - this.#offset));
        this.#arm();
      },
      Math.max(0, due - this.#clock.now()),
    );
  }

  #apply(decisions: WedgeDecision[]): void {
    for (const d of decisions) {
      if (d.type === 'release' || d.type === 'retract') {
        this.#events.emit(d.type, { keys: d.keys, text: d.text });
      } else if (d.type === 'consume') {
        this.#lastScan = d.scan;
        this.#events.emit('scan', {
          raw: d.scan.code,
          source: 'wedge',
          sourceId: this.id,
          at: this.#clock.now(),
          timings: [...d.scan.gaps],
        });
      }
    }
  }
}
