// Our own OTTPay order ids (PAYMENT-SAFETY.md rule 2). Shape, at most 18 of [0-9A-Za-z]:
//   TTTTTTTTT  9 base-36 digits of epoch ms (fixed width: ids sort by time as plain strings)
//   SS         2 base-36 digits: a sequence within one millisecond (1,296 ids per ms)
//   RRR        3 base-36 random digits: two tills restored from one backup still never collide
//   terminal   the till's terminal number (1 to 4 of [A-Za-z0-9]), last so the prefix stays sortable
// The generator never goes back in time: it is seeded with the newest id the journal holds and, if the
// wall clock steps backwards, it keeps counting from where it was. A restore from an old backup only
// makes the journal's newest id older; the clock has moved on, so nothing issued since is reissued.

export const ORDER_ID_MAX_LENGTH = 20;
const TIME_DIGITS = 9;
const SEQ_DIGITS = 2;
const RAND_DIGITS = 3;
const PREFIX_LENGTH = TIME_DIGITS + SEQ_DIGITS + RAND_DIGITS;
const SEQ_LIMIT = 36 ** SEQ_DIGITS;
const TERMINAL_RE = /^[A-Za-z0-9]{1,4}$/;
const ORDER_ID_RE = /^[0-9A-Za-z]{1,20}$/;

export function isValidOrderId(id: string): boolean {
  return ORDER_ID_RE.test(id);
}

export function isValidTerminalNo(terminalNo: string): boolean {
  return TERMINAL_RE.test(terminalNo);
}

export interface OrderIdParts {
  timeMs: number;
  seq: number;
  terminalNo: string;
}

/** Reads an id this module made; null for anything else. */
export function parseOrderId(id: string): OrderIdParts | null {
  if (id.length <= PREFIX_LENGTH || !isValidOrderId(id)) return null;
  const time = id.slice(0, TIME_DIGITS);
  const seq = id.slice(TIME_DIGITS, TIME_DIGITS + SEQ_DIGITS);
  if (!/^[0-9A-Z]+$/.test(time + seq + id.slice(TIME_DIGITS + SEQ_DIGITS, PREFIX_LENGTH))) return null;
  const terminalNo = id.slice(PREFIX_LENGTH);
  if (!isValidTerminalNo(terminalNo)) return null;
  return { timeMs: Number.parseInt(time, 36), seq: Number.parseInt(seq, 36), terminalNo };
}

export interface OrderIdGeneratorOptions {
  terminalNo: string;
  now: () => number;
  /** Uniform in [0, 1). */
  random: () => number;
  /** The newest id already issued (from the journal), if any. */
  after?: string | null;
}

export interface OrderIdGenerator {
  next(): string;
}

export function createOrderIdGenerator(options: OrderIdGeneratorOptions): OrderIdGenerator {
  if (!isValidTerminalNo(options.terminalNo)) {
    throw new RangeError('terminal number must be 1 to 4 letters or digits');
  }
  const seed = options.after ? parseOrderId(options.after) : null;
  let lastMs = seed ? seed.timeMs : -1;
  let lastSeq = seed ? seed.seq : SEQ_LIMIT - 1;

  return {
    next() {
      const now = Math.floor(options.now());
      if (now > lastMs) {
        lastMs = now;
        lastSeq = 0;
      } else if (lastSeq + 1 < SEQ_LIMIT) {
        lastSeq += 1;
      } else {
        // More than 1,296 ids in one millisecond, or the clock went back: borrow the next millisecond.
        lastMs += 1;
        lastSeq = 0;
      }
      const rand = Math.floor(Math.min(Math.max(options.random(), 0), 0.999999999) * 36 ** RAND_DIGITS);
      return (
        base36(lastMs, TIME_DIGITS) +
        base36(lastSeq, SEQ_DIGITS) +
        base36(rand, RAND_DIGITS) +
        options.terminalNo
      );
    },
  };
}

function base36(value: number, width: number): string {
  const text = value.toString(36).toUpperCase();
  if (text.length > width) throw new RangeError(`value does not fit in ${width} base-36 digits`);
  return text.padStart(width, '0');
}
