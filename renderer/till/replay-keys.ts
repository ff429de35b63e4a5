// Replaying keys the wedge detector held but a person typed: a synthetic keydown first (so keyboard
// shortcuts still work), then the character at the caret of the focused field if nobody took it.
import type { WedgeKeyEvent } from '../../shared/scanning/wedge-detector.ts';

/** Keydowns we dispatched ourselves: the detector must not see them again. */
export const replayed = new WeakSet<Event>();

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
    const notTaken = target.dispatchEvent(event);
    if (notTaken && [...key.key].length === 1) insertAtCaret(target, key.key);
  }
}

/** Sets the value through the native setter and fires `input`, which React's controlled inputs follow. */
function insertAtCaret(target: Element, text: string): void {
  if (!(target instanceof HTMLInputElement) && !(target instanceof HTMLTextAreaElement)) return;
  if (
    target instanceof HTMLInputElement &&
    !['text', 'search', 'password', 'tel', 'url', ''].includes(target.type)
  )
    return;
  const start = target.selectionStart ?? target.value.length;
  const end = target.selectionEnd ?? start;
  const next = target.value.slice(0, start) + text + target.value.slice(end);
  const proto =
    target instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(target, next);
  target.setSelectionRange(start + text.length, start + text.length);
  target.dispatchEvent(new Event('input', { bubbles: true }));
}
