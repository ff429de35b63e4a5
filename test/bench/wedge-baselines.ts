// Two simple published keyboard-wedge rules, run offline over the same key-down traces as our
// detector, for the bench's comparison. Both read characters exactly as our detector does (digits
// from the physical key), so the comparison is about the timing rules alone.
//   Odoo's barcode events: a gap over 100 ms flushes the buffer; Enter or Tab ends a code of at
//     least 3 characters; no terminator, no code.
//   onScan.js defaults: avgTimeByChar 30 ms, minLength 6, suffix Enter/Tab, timeBeforeScanTest
//     100 ms: the buffer is tested 100 ms after the last key (or at once on a suffix key) and is a
//     code when long enough and (last key − first key) ≤ length × 30 ms.
import { classifyKey, type WedgeKeyEvent } from '../../shared/scanning/key-chars.ts';

export function odooRule(events: readonly WedgeKeyEvent[]): string[] {
  const codes: string[] = [];
  let buffer = '';
  let last = Number.NEGATIVE_INFINITY;
  for (const ev of events) {
    if (ev.t - last > 100) buffer = '';
    last = ev.t;
    const k = classifyKey(ev);
    if (k.kind === 'terminator') {
      if (buffer.length >= 3) codes.push(buffer);
      buffer = '';
    } else if (k.kind === 'char') {
      buffer += k.char;
    } else if (k.kind === 'other') {
      buffer = '';
    }
  }
  return codes;
}

export function onScanDefaults(events: readonly WedgeKeyEvent[]): string[] {
  const codes: string[] = [];
  let text = '';
  let first = 0;
  let last = 0;
  let armed = false; // the 100 ms test timer is pending
  const validate = () => {
    if (text.length >= 6 && last - first <= text.length * 30) codes.push(text);
    text = '';
    first = 0;
    armed = false;
  };
  for (const ev of events) {
    if (armed && ev.t - last >= 100) validate();
    const k = classifyKey(ev);
    if (k.kind === 'char') text += k.char;
    if (first === 0) first = ev.t || Number.MIN_VALUE;
    last = ev.t;
    if (k.kind === 'terminator') validate();
    else armed = true;
  }
  if (armed) validate();
  return codes;
}
