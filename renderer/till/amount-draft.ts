// The amount and tip being keyed for the next sale. They live outside the amount screen so that
// leaving it — Cancel on the scan screen, another tab and back — does not lose what the cashier
// typed; a sale that ends (paid or failed) or is set aside, or Esc, clears them for the next customer.
import type { TipChoice } from './screens/TipPicker.tsx';

export interface AmountDraft {
  text: string;
  tip: TipChoice;
}

const EMPTY: AmountDraft = { text: '', tip: { kind: 'none' } };
let draft: AmountDraft = EMPTY;

export function readDraft(): AmountDraft {
  return draft;
}

export function saveDraft(next: AmountDraft): void {
  draft = next;
}

export function clearDraft(): void {
  draft = EMPTY;
}
