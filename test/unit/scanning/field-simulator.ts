// Plays a key-down session through the wedge detector the way a shell does — feeding keys, calling
// tick() when its timer would fire — and records what would land in the focused field, checking the
// per-key contract on the way: every key gets exactly one immediate hold or pass; every held key later
// gets exactly one release or consume; a released key is retracted at most once, only right before
// its scan's consume, and only while its text is still the last thing in the field.
import { typedText } from '../../../shared/scanning/key-chars.ts';
import {
  type WedgeDecision,
  WedgeDetector,
  type WedgeKeyEvent,
  type WedgeScan,
  type WedgeTiming,
} from '../../../shared/scanning/wedge-detector.ts';

export interface Simulation {
  scans: WedgeScan[];
  /** Text the focused field got: released text and passed keys (Enter as a newline). */
  field: string;
  /** Largest delay between a key being held and being released, ms. */
  maxHoldMs: number;
  /** Keys released and later taken back because they began a scan. */
  retracted: number;
  /** Contract violations found (empty when the detector kept its promises). */
  violations: string[];
}

/** `canRetract` false plays a shell that cannot take text back (then nothing is shown early). */
export function simulate(
  events: readonly WedgeKeyEvent[],
  timing: Partial<WedgeTiming> = {},
  canRetract = true,
): Simulation {
  const detector = new WedgeDetector(timing, { canRetract });
  const held = new Set<WedgeKeyEvent>();
  const shown = new Set<WedgeKeyEvent>();
  const scans: WedgeScan[] = [];
  const violations: string[] = [];
  let field = '';
  let maxHoldMs = 0;
  let retracted = 0;
  let retractPending = false;

  const settle = (d: WedgeDecision, now: number) => {
    if (retractPending && d.type !== 'consume') violations.push('a retract not followed by its consume');
    retractPending = false;
    if (d.type === 'retract') {
      for (const k of d.keys) {
        if (!shown.delete(k)) violations.push(`retract of a key that was not released: ${JSON.stringify(k)}`);
      }
      if (d.text !== typedText(d.keys)) violations.push('retract text differs from its keys');
      if (!field.endsWith(d.text)) violations.push('retracted text is not at the end of the field');
      field = field.slice(0, field.length - d.text.length);
      retracted += d.keys.length;
      retractPending = true;
    } else if (d.type === 'release' || d.type === 'consume') {
      for (const k of d.keys) {
        if (!held.delete(k)) violations.push(`${d.type} of a key that was not held: ${JSON.stringify(k)}`);
        if (d.type === 'release') {
          shown.add(k);
          maxHoldMs = Math.max(maxHoldMs, now - k.t);
        }
      }
      if (d.type === 'release') {
        if (d.text !== typedText(d.keys)) violations.push('release text differs from its keys');
        field += d.text;
      } else {
        scans.push(d.scan);
      }
    }
  };

  for (const ev of events) {
    for (let due = detector.nextDeadline(); due !== null && due + 1 < ev.t; due = detector.nextDeadline()) {
      for (const d of detector.tick(due + 1)) settle(d, due + 1);
    }
    const decisions = detector.feed(ev);
    const own = decisions.filter((d) => (d.type === 'hold' || d.type === 'pass') && d.key === ev);
    if (own.length !== 1) violations.push(`key at ${ev.t} got ${own.length} immediate fates`);
    const others = decisions.filter((d) => (d.type === 'hold' || d.type === 'pass') && d.key !== ev);
    if (others.length > 0) violations.push(`feed at ${ev.t} decided the immediate fate of another key`);
    // Decisions are applied in order: releases of older keys before this key's own default action.
    for (const d of decisions) {
      if (d.type === 'hold') held.add(d.key);
      else if (d.type === 'pass') field += d.key.key === 'Enter' ? '\n' : typedText([d.key]);
      else settle(d, ev.t);
    }
  }
  const end = events.at(-1)?.t ?? 0;
  for (const d of detector.flush()) settle(d, end);
  if (held.size > 0) violations.push(`${held.size} keys still held after flush`);
  return { scans, field, maxHoldMs, retracted, violations };
}
