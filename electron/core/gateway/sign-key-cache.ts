// A small cache of things made with the merchant's sign key (sealed request bodies, answers' readings),
// for one client. Memory only, bounded (the oldest entry goes first), and tied to one
// sign key: asked about another key, it forgets everything first, so a changed sign key takes effect
// on the very next call. It keeps the key it serves only to compare it with the next caller's (in memory, as
// the client's config does; never logged, never exposed by a getter).
export const DEFAULT_SIGN_KEY_CACHE_ENTRIES = 32;

export class SignKeyCache<V> {
  readonly #capacity: number;
  #signKey: string | null = null;
  /** Oldest first: a hit moves its entry to the end. */
  readonly #entries = new Map<string, V>();
  /** The key at the end: a hit on it (one order polled) moves nothing (a Map's delete + set churns its table). */
  #newest: string | null = null;

  constructor(capacity = DEFAULT_SIGN_KEY_CACHE_ENTRIES) {
    this.#capacity = Math.max(1, Math.floor(capacity));
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value kept for `key` under this sign key, or undefined. */
  get(signKey: string, key: string): V | undefined {
    this.#follow(signKey);
    const value = this.#entries.get(key);
    if (value !== undefined && key !== this.#newest) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
      this.#newest = key;
    }
    return value;
  }

  set(signKey: string, key: string, value: V): void {
    this.#follow(signKey);
    // The newest entry replaced (a polled order's answer changing) stays where it is: no table churn.
    if (key === this.#newest) {
      this.#entries.set(key, value);
      return;
    }
    this.#entries.delete(key);
    if (this.#entries.size >= this.#capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, value);
    this.#newest = key;
  }

  /** Forgets everything (the client closing). */
  clear(): void {
    this.#entries.clear();
    this.#signKey = null;
    this.#newest = null;
  }

  #follow(signKey: string): void {
    if (signKey === this.#signKey) return;
    this.#entries.clear();
    this.#newest = null;
    this.#signKey = signKey;
  }
}
