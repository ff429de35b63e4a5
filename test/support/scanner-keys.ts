// A scan as the key-downs a keyboard-wedge scanner makes, in the form the core's wedge source takes
// (the wedge.keys command): one key per character,
// `gapMs` apart from `start`, with the physical key code a US layout gives, and Enter last if asked.
import type { WedgeKeyEvent } from '../../shared/scanning/key-chars.ts';

export function scannerKeys(
  code: string,
  opts: { start?: number; gapMs?: number; enter?: boolean } = {},
): WedgeKeyEvent[] {
  const { start = 1000, gapMs = 5, enter = true } = opts;
  const keys = enter ? [...code, 'Enter'] : [...code];
  return keys.map((key, i) => ({ t: start + i * gapMs, key, code: physicalCode(key) }));
}

function physicalCode(key: string): string {
  if (key === 'Enter') return 'Enter';
  if (/^\d$/.test(key)) return `Digit${key}`;
  return `Key${key.toUpperCase()}`;
}
