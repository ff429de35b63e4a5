// The LAN customer display's pairing on the wire (issue 21): the cookie the paired display presents on
// its event stream and on POST /customer/choice, and the view each display is sent. HttpOnly (the page's
// scripts never hold it), SameSite=Strict (no other site's page can post with it), Path=/customer.
import type { DisplayPairing } from '../../shared/customer-pairing.ts';
import type { CustomerView } from '../../shared/domain.ts';

export const PAIRING_COOKIE = 'till-display';
/** The browser may keep it a week; a till restart renews the pairing before that anyway. */
const COOKIE_MAX_AGE_S = 7 * 24 * 3600;

/** The pairing token the request's Cookie header carries, or null. */
export function pairingToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === PAIRING_COOKIE) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

export function pairingCookie(token: string): string {
  return `${PAIRING_COOKIE}=${token}; Path=/customer; Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Strict`;
}

/**
 * What one display is sent: the paired one the whole view; any other the amount and the QR as before,
 * without the tip ask (its id is what answers it), told that it is not paired.
 */
export function viewForDisplay(
  view: CustomerView,
  paired: boolean,
): CustomerView & { pairing: DisplayPairing } {
  if (paired) return { ...view, pairing: 'paired' };
  const { tipAsk: _withheld, ...rest } = view;
  return { ...rest, pairing: 'unpaired' };
}
