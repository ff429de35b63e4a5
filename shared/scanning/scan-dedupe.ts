// The same code twice within a few seconds is one scan (PAYMENT-SAFETY.md): a scanner in continuous
// mode, or a cashier pressing the trigger twice, must not start two payment attempts.
// The window slides: a code seen again and again (a phone held under a presentation scanner) stays
// one scan until it has been out of sight for `windowMs`.

export interface ScanDedupeOptions {
  /** How long a code stays "just seen", ms. */
  windowMs?: number;
  /** Time source, ms (injected in tests). */
  now?: () => number;
  /** Most codes remembered at once (older ones are forgotten first). */
  capacity?: number;
}

export const DEFAULT_DEDUPE_WINDOW_MS = 3000;

export class ScanDedupe {
  readonly windowMs: number;
  readonly #now: () => number;
  readonly #capacity: number;
  /** code → last time seen; Map keeps insertion order, so the first entry is the stalest. */
  readonly #seen = new Map<string, number>();

  constructor(options: ScanDedupeOptions = {}) {
    this.windowMs = options.windowMs ?? DEFAULT_DEDUPE_WINDOW_MS;
    this.#now = options.now ?? (() => Date.now());
    this.#capacity = options.capacity ?? 64;
  }

  /** True when the code counts as a new scan (and remembers it); false when it repeats a recent one. */
  accept(code: string, now: number = this.#now()): boolean {
    const duplicate = this.isDuplicate(code, now);
    this.remember(code, now);
    return !duplicate;
  }

  /** Was this code seen within the window? (Does not remember it.) */
  isDuplicate(code: string, now: number = this.#now()): boolean {
    this.#forgetOlderThan(now - this.windowMs);
    const last = this.#seen.get(code);
    return last !== undefined && now >= last && now - last <= this.windowMs;
  }

  /** Notes the code as seen now (the window slides while it keeps coming). */
  remember(code: string, now: number = this.#now()): void {
    this.#seen.delete(code);
    this.#seen.set(code, now);
    while (this.#seen.size > this.#capacity) {
      const oldest = this.#seen.keys().next();
      if (oldest.done) break;
      this.#seen.delete(oldest.value);
    }
  }

  clear(): void {
    this.#seen.clear();
  }

  #forgetOlderThan(cutoff: number): void {
    for (const [code, at] of this.#seen) {
      if (at >= cutoff) break;
      this.#seen.delete(code);
    }
  }
}
