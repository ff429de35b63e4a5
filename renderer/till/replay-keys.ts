// Replaying keys the wedge detector held but a person typed: a synthetic keydown first (so keyboard
// shortcuts still work), then the character at the caret of the focused field if nobody took it.
// Each key is applied with React's flushSync, so a shortcut replayed right after digits (or a pay
// action right after a flush) sees the amount those digits made, not the one before them.
import { flushSync } from 'react-dom';
import type { WedgeKeyEvent } from '../../shared/scanning/wedge-detector.ts';

/** Keydowns we dispatched ourselves: the detector must not see them again. */
export const replayed = new WeakSet<Event>();

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** The field as it was just before a replayed key went into it, for a retract. */
const before = new WeakMap<WedgeKeyEvent, { field: TextField; value: string }>();

export function replayKeys(keys: readonly WedgeKeyEvent[]): void {
  for (const key of keys) {
    const target = document.activeElement ?? document.body;
    const event = new KeyboardEvent('keydown', {
      key: key.key,
      code: key.code,
      bubbles: true,
      cancelable: true,
    });
    replayed.add(event);
    flushSync(() => {
      const notTaken = target.dispatchEvent(event);
      const field = textField(target);
      if (notTaken && field && [...key.key].length === 1) {
        before.set(key, { field, value: field.value });
        insertAtCaret(field, key.key);
      }
    });
  }
}

/**
 * Keys replayed earlier turned out to begin a scan: the field gets back the value it had before the
 * first of them, if it still has focus (nothing else can have typed into it meanwhile: every key
 * since was held). Restoring the value, rather than deleting characters, stays right when the field
 * cleaned what it was given (an amount field drops a third decimal).
 */
export function retractKeys(keys: readonly WedgeKeyEvent[]): void {
  const first = keys[0];
  const snap = first ? before.get(first) : undefined;
  if (!snap || document.activeElement !== snap.field) return;
  flushSync(() => setValue(snap.field, snap.value, snap.value.length));
}

function textField(target: Element): TextField | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (
    target instanceof HTMLInputElement &&
    ['text', 'search', 'password', 'tel', 'url', ''].includes(target.type)
  )
    return target;
  return null;
}

/** Sets the value through the native setter and fires `input`, which React's controlled inputs follow. */
function insertAtCaret(target: TextField, text: string): void {
  const start = target.selectionStart ?? target.value.length;
  const end = target.selectionEnd ?? start;
  setValue(target, target.value.slice(0, start) + text + target.value.slice(end), start + text.length);
}

function setValue(target: TextField, value: string, caret: number): void {
  const proto =
    target instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(target, value);
  target.setSelectionRange(caret, caret);
  target.dispatchEvent(new Event('input', { bubbles: true }));
}
