// Pairing the LAN customer display with the till (issue 21): the till shows a short code, the display
// sends it once to POST /customer/pair and is given a pairing cookie. Only the paired display sees the
// tip ask's id and may answer it; any other display still shows the amount and the QR.
import { z } from 'zod';

/** Six digits, shown on the till as "123 456"; spaces typed with it are allowed. */
export const PAIRING_CODE_DIGITS = 6;
/** How long a code shown on the till can be typed on the display. */
export const PAIRING_CODE_MS = 5 * 60_000;
/** Wrong codes before the one shown is void (a new one must be asked for on the till). */
export const PAIRING_MAX_TRIES = 5;

export const customerPairSchema = z
  .object({
    code: z
      .string()
      .max(20)
      .transform((s) => s.replace(/\s/g, ''))
      .pipe(z.string().regex(/^\d{6}$/, 'six digits')),
  })
  .strict();

/** What the till shows while a code waits for the display. */
export interface PairingOffer {
  code: string;
  expiresAt: number;
}

/** The customer view's word on this display: may it answer the tip ask? (LAN display only.) */
export type DisplayPairing = 'paired' | 'unpaired';
