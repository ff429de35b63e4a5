// One line of the scanner log the settings screen shows: what was scanned, from where, and what
// became of it. Its own file so the events (which push it) and the commands (which fetch it) both
// name it without naming each other.
import type { ScanRefusal } from './scan-refusal.ts';

export interface ScanLogEntry {
  at: number;
  source: 'serial' | 'wedge' | 'manual';
  /** Wallet codes are masked; product barcodes are shown as scanned. */
  shown: string;
  kind: 'wallet' | 'product' | 'rejected';
  wallet: string | null;
  note: string | null;
  /** Why (a refusal), or 'delivered': the key the page words the note from in its own language. */
  outcome?: ScanRefusal | 'delivered';
}
