// Synthetic till sessions built from the physical facts of scanner-traces/README.md, with a seeded
// PRNG, so the wedge detector is checked on many more sessions than the 40 recorded ones. Every
// range is used up to its documented edge (scanner gaps to 40 ms, pauses to 100 ms, scans 150 ms
// apart, human bursts of 6 keys down to 35 ms), which makes these harder than the recorded traces.
import type { WedgeKeyEvent } from '../../../shared/scanning/key-chars.ts';
import { prng } from '../../support/prng.ts';

export { prng };

export interface Trace {
  name: string;
  events: WedgeKeyEvent[];
  expected: string[];
  /** Synthetic only: what the person typed (Enter as a newline), the text the focused field must get. */
  typed?: string;
}

type Rand = () => number;
const uniform = (r: Rand, lo: number, hi: number) => lo + (hi - lo) * r();
const int = (r: Rand, lo: number, hi: number) => Math.floor(uniform(r, lo, hi + 1));
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
const digits = (r: Rand, n: number) => Array.from({ length: n }, () => String(int(r, 0, 9))).join('');
const round2 = (x: number) => Math.round(x * 100) / 100;

const AZERTY_DIGITS: Record<string, string> = {
  '1': '&',
  '2': 'é',
  '3': '"',
  '4': "'",
  '5': '(',
  '6': '-',
  '7': 'è',
  '8': '_',
  '9': 'ç',
  '0': 'à',
};

function gtinCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = Number(body[body.length - 1 - i]);
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A code as scanners in the traces read them: wallet payment codes and EAN-8/EAN-13 products. */
export function randomCode(r: Rand): string {
  switch (int(r, 0, 4)) {
    case 0:
      return `1${int(r, 0, 5)}${digits(r, 16)}`; // WeChat Pay
    case 1:
      return `${int(r, 25, 30)}${digits(r, int(r, 14, 22))}`; // Alipay
    case 2:
      return `62${digits(r, 17)}`; // UnionPay
    case 3: {
      const body = digits(r, 12);
      return body + gtinCheckDigit(body); // EAN-13
    }
    default: {
      const body = digits(r, 7);
      return body + gtinCheckDigit(body); // EAN-8
    }
  }
}

function digitKey(d: string, numpad: boolean, azerty: boolean): { key: string; code: string } {
  if (numpad) return { key: d, code: `Numpad${d}` };
  return { key: azerty ? (AZERTY_DIGITS[d] ?? d) : d, code: `Digit${d}` };
}

function charKey(c: string): { key: string; code: string } {
  if (/[0-9]/.test(c)) return { key: c, code: `Digit${c}` };
  if (c === ' ') return { key: ' ', code: 'Space' };
  if (c === '.') return { key: '.', code: 'Period' };
  if (c === '\n') return { key: 'Enter', code: 'Enter' };
  return { key: c, code: `Key${c.toUpperCase()}` };
}

interface Session {
  t: number;
  events: WedgeKeyEvent[];
  typed: string;
}

function emit(s: Session, k: { key: string; code: string }): void {
  s.events.push({ t: round2(s.t), key: k.key, code: k.code });
}

/** One scan: fast or slow scanner, maybe keypad/AZERTY, Enter/Tab/none, maybe one pause if terminated. */
function scan(s: Session, r: Rand, code: string): void {
  const slow = r() < 0.3;
  const gap = () => (slow ? uniform(r, 15, 40) : uniform(r, 1, 12));
  const numpad = r() < 0.2;
  const azerty = !numpad && r() < 0.2;
  const terminator = pick(r, ['Enter', 'Enter', 'Tab', 'none'] as const);
  const pauseAt = terminator !== 'none' && r() < 0.3 ? int(r, 0, code.length - 2) : -1;
  for (let i = 0; i < code.length; i++) {
    if (i > 0) s.t += i - 1 === pauseAt ? uniform(r, 40, 100) : gap();
    emit(s, digitKey(code[i] as string, numpad, azerty));
  }
  if (terminator !== 'none') {
    s.t += gap();
    emit(s, { key: terminator, code: terminator });
  }
}

const WORDS = ['coffee', 'table 4', 'ok', 'refund', 'tea', 'bag'];
const AMOUNTS = ['12.50', '19.99', '3.75', '50.00', '100', '42', '8', '2500', '1234', '12', '99'];

/** A person: 80–320 ms per key, or bursts of at most 6 keys at 35–70 ms; Enter after amounts. */
function human(s: Session, r: Rand): void {
  const parts = int(r, 1, 3);
  for (let p = 0; p < parts; p++) {
    if (p > 0) s.t += uniform(r, 80, 2500);
    const isAmount = r() < 0.7;
    const text = isAmount ? `${pick(r, AMOUNTS)}${r() < 0.8 ? '\n' : ''}` : pick(r, WORDS);
    const burst = r() < 0.4;
    let inBurst = 0;
    for (let i = 0; i < text.length; i++) {
      if (i > 0) {
        if (burst && inBurst < 6) {
          s.t += uniform(r, 35, 70);
        } else {
          s.t += uniform(r, 80, 320);
          inBurst = 0;
        }
      }
      inBurst++;
      emit(s, charKey(text[i] as string));
      s.typed += text[i];
    }
  }
}

/** A session of 1–9 segments (scans and typing), 150 ms to 3 s apart. */
export function syntheticTrace(seed: number): Trace {
  const r = prng(seed);
  const s: Session = { t: uniform(r, 0, 500), events: [], typed: '' };
  const expected: string[] = [];
  const segments = int(r, 1, 9);
  for (let i = 0; i < segments; i++) {
    if (i > 0) s.t += uniform(r, 150, 3000);
    if (r() < 0.55) {
      const code = randomCode(r);
      scan(s, r, code);
      expected.push(code);
    } else {
      human(s, r);
    }
  }
  return { name: `synthetic-${seed}`, events: s.events, expected, typed: s.typed };
}

export function syntheticTraces(count: number, firstSeed = 1): Trace[] {
  return Array.from({ length: count }, (_, i) => syntheticTrace(firstSeed + i));
}
