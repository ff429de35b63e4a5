// What one key-down means to a barcode scanner reading, whatever the OS keyboard layout.
// Digits come from the physical key (`code`: Digit1, Numpad1…) because an AZERTY layout turns the
// digit row into `&é"'(-è_çà` and NumLock-off turns the keypad into navigation keys; the scanner still
// pressed the digit. Letters and punctuation come from `key` (what the layout produced).

/** A key-down as a browser or Electron's before-input-event reports it; `t` in milliseconds. */
export interface WedgeKeyEvent {
  t: number;
  key: string;
  code: string;
}

export type KeyClass =
  /** A character a code may contain (digits from the physical key). */
  | { kind: 'char'; char: string }
  /** Enter (either one) or Tab: what scanners send after a code, and what people press after amounts. */
  | { kind: 'terminator'; name: 'Enter' | 'Tab' }
  /** Shift, Control, CapsLock…: no text of their own (scanners press Shift for capitals). */
  | { kind: 'modifier' }
  /** Backspace, arrows, Escape, F-keys, dead keys…: never part of a code. */
  | { kind: 'other' };

const MODIFIERS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'Super',
  'Hyper',
  'Fn',
  'FnLock',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Symbol',
  'SymbolLock',
]);

const PHYSICAL_DIGIT = /^(?:Digit|Numpad)([0-9])$/;

/** True for exactly one printable character (a surrogate pair counts as one). */
export function isPrintableChar(key: string): boolean {
  if (key.length === 0 || key.length > 2) return false;
  const chars = [...key];
  if (chars.length !== 1) return false;
  const cp = chars[0]?.codePointAt(0) ?? 0;
  return cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0);
}

export function classifyKey(ev: WedgeKeyEvent): KeyClass {
  const digit = PHYSICAL_DIGIT.exec(ev.code);
  if (digit?.[1] !== undefined) return { kind: 'char', char: digit[1] };
  if (ev.code === 'Enter' || ev.code === 'NumpadEnter' || ev.key === 'Enter')
    return { kind: 'terminator', name: 'Enter' };
  if (ev.code === 'Tab' || ev.key === 'Tab') return { kind: 'terminator', name: 'Tab' };
  if (MODIFIERS.has(ev.key)) return { kind: 'modifier' };
  if (isPrintableChar(ev.key)) return { kind: 'char', char: ev.key };
  return { kind: 'other' };
}

/** The text a person meant by these keys (what the layout produced), for replaying released keys. */
export function typedText(keys: readonly WedgeKeyEvent[]): string {
  let text = '';
  for (const k of keys) if (isPrintableChar(k.key)) text += k.key;
  return text;
}
