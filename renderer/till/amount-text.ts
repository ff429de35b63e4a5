// Editing the amount text as keys arrive. Parsing into cents is shared/money.ts's job.
import type { KeypadKey } from '../components/Keypad.tsx';

const MAX_LENGTH = 12;

/** Keeps only what an amount may contain, and at most two decimals. */
export function cleanAmountText(text: string): string {
  const kept = text.replace(/[^\d.,]/g, '').slice(0, MAX_LENGTH);
  const m = /^([\d,]*)([.,]?)(\d{0,2})/.exec(kept);
  return m ? `${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}` : '';
}

export function applyKey(text: string, key: KeypadKey): string {
  if (key === 'clear') return '';
  if (key === 'back') return text.slice(0, -1);
  if (key === '.' && /[.,]/.test(text)) return text;
  return cleanAmountText(text + key);
}
