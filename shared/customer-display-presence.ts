// Can a customer display answer the tip ask right now? (issue 21) The till asks; if no display can
// answer, the cashier is told at once (and may skip) instead of waiting for a customer who sees nothing.
// The Electron customer window counts while it is open (it answers over IPC, no pairing needed); a LAN
// display counts while its event stream is connected AND it is the paired one (an unpaired display is
// never sent the ask; a display paired before another loses its pairing).

export type PresentDisplay = { kind: 'window' } | { kind: 'lan'; paired: boolean };

export function canAnswerTipAsk(displays: readonly PresentDisplay[]): boolean {
  return displays.some((d) => d.kind === 'window' || d.paired);
}

/** The till snapshot's word on it. */
export interface CustomerDisplayPresence {
  canAnswerTipAsk: boolean;
}
