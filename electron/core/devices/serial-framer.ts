// Turns the byte stream of a serial scanner into codes. Pure: bytes and times in, frames out; no
// timers (the caller asks nextDeadline() and calls tick(now)), no Node APIs.
//   framing CR / LF / CRLF: a code ends at the terminator (CRLF: at LF, a CR before it dropped);
//   framing none: a code ends when no byte came for idleMs (the inter-byte timeout).
// The buffer is bounded: a line longer than maxBytes is dropped up to its terminator and reported
// once. A line with control or binary bytes (wrong baud rate, noise) is reported, not passed on. A
// partial line that never gets its terminator is reported after lineTimeoutMs (wrong framing setting).
// A configured prefix/suffix is removed; STX/ETX around a code and stray CR/LF/spaces are too.

export type Framing = 'CR' | 'LF' | 'CRLF' | 'none';

export interface FramerOptions {
  framing: Framing;
  prefix?: string;
  suffix?: string;
  /** framing none: the silence that ends a code, ms. */
  idleMs?: number;
  /** Longest line kept, bytes (wallet EMV codes are a few hundred characters). */
  maxBytes?: number;
  /** Line framings: a partial line older than this is reported and dropped, ms. */
  lineTimeoutMs?: number;
}

export type FramerOutput =
  | { type: 'frame'; text: string }
  | { type: 'discarded'; reason: 'too-long' | 'unreadable' | 'incomplete'; bytes: number; message: string };

const CR = 0x0d;
const LF = 0x0a;
const STX = 0x02;
const ETX = 0x03;

export const FRAMER_DEFAULTS = { idleMs: 50, maxBytes: 1024, lineTimeoutMs: 1000 } as const;

export class SerialFramer {
  readonly framing: Framing;
  readonly #prefix: string;
  readonly #suffix: string;
  readonly #idleMs: number;
  readonly #maxBytes: number;
  readonly #lineTimeoutMs: number;
  readonly #buf: Uint8Array;
  #len = 0;
  /** Bytes dropped since the current line overflowed; -1 when not overflowing. */
  #dropped = -1;
  #lastByteAt: number | null = null;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(options: FramerOptions) {
    this.framing = options.framing;
    this.#prefix = options.prefix ?? '';
    this.#suffix = options.suffix ?? '';
    this.#idleMs = options.idleMs ?? FRAMER_DEFAULTS.idleMs;
    this.#maxBytes = options.maxBytes ?? FRAMER_DEFAULTS.maxBytes;
    this.#lineTimeoutMs = options.lineTimeoutMs ?? FRAMER_DEFAULTS.lineTimeoutMs;
    this.#buf = new Uint8Array(this.#maxBytes);
  }

  /** Bytes currently held (bounded by maxBytes). */
  get buffered(): number {
    return this.#len;
  }

  /** When tick() has work to do, or null. */
  nextDeadline(): number | null {
    if (this.#lastByteAt === null || (this.#len === 0 && this.#dropped < 0)) return null;
    return this.#lastByteAt + (this.framing === 'none' ? this.#idleMs : this.#lineTimeoutMs);
  }

  push(chunk: Uint8Array, now: number): FramerOutput[] {
    const out = this.tick(now);
    for (const byte of chunk) {
      if (this.#isTerminator(byte)) {
        this.#endLine(out);
        continue;
      }
      if (this.#dropped >= 0) {
        this.#dropped++;
      } else if (this.#len === this.#maxBytes) {
        this.#dropped = this.#len + 1;
        this.#len = 0;
        out.push({
          type: 'discarded',
          reason: 'too-long',
          bytes: this.#dropped,
          message: `line too long (over ${this.#maxBytes} bytes), discarded`,
        });
      } else {
        this.#buf[this.#len++] = byte;
      }
    }
    if (chunk.length > 0) this.#lastByteAt = now;
    return out;
  }

  tick(now: number): FramerOutput[] {
    const out: FramerOutput[] = [];
    const deadline = this.nextDeadline();
    if (deadline === null || now < deadline) return out;
    if (this.framing === 'none') {
      this.#endLine(out);
    } else if (this.#dropped >= 0) {
      this.#reset();
    } else {
      out.push({
        type: 'discarded',
        reason: 'incomplete',
        bytes: this.#len,
        message: `incomplete data discarded: no ${this.framing} terminator after ${this.#len} bytes — check the framing setting`,
      });
      this.#reset();
    }
    return out;
  }

  /** Forgets any partial line (after a reconnect). */
  reset(): void {
    this.#reset();
  }

  #isTerminator(byte: number): boolean {
    switch (this.framing) {
      case 'CR':
        return byte === CR;
      case 'LF':
      case 'CRLF':
        return byte === LF;
      case 'none':
        return false;
    }
  }

  #endLine(out: FramerOutput[]): void {
    if (this.#dropped >= 0) {
      this.#reset();
      return;
    }
    let start = 0;
    let end = this.#len;
    // Framing bytes and whitespace around a code: STX/ETX, a CR before LF, a stray LF after CR.
    while (start < end && isEdgeByte(this.#buf[start] ?? 0)) start++;
    while (end > start && isEdgeByte(this.#buf[end - 1] ?? 0)) end--;
    const bytes = this.#buf.slice(start, end);
    this.#reset();
    if (bytes.length === 0) return;
    let text: string | null = null;
    if (!bytes.some(isControlByte)) {
      try {
        text = this.#decoder.decode(bytes);
      } catch {
        text = null;
      }
    }
    if (text === null) {
      out.push({
        type: 'discarded',
        reason: 'unreadable',
        bytes: bytes.length,
        message: `unreadable data discarded (${bytes.length} bytes of control or binary characters) — check the baud rate`,
      });
      return;
    }
    if (this.#prefix && text.startsWith(this.#prefix)) text = text.slice(this.#prefix.length);
    if (this.#suffix && text.endsWith(this.#suffix)) text = text.slice(0, text.length - this.#suffix.length);
    text = text.trim();
    if (text !== '') out.push({ type: 'frame', text });
  }

  #reset(): void {
    this.#len = 0;
    this.#dropped = -1;
    this.#lastByteAt = null;
  }
}

function isEdgeByte(b: number): boolean {
  return b === CR || b === LF || b === STX || b === ETX || b === 0x20 || b === 0x09;
}

function isControlByte(b: number): boolean {
  return (b < 0x20 && b !== 0x09) || b === 0x7f;
}
