// A pseudo-locale for finding text that skips the message table: every message is wrapped in ⟦…⟧
// and its letters accented (placeholders kept), so on a page opened with `?pseudo` any plain text
// left is text no translator would ever see. Used by the words end-to-end test; harmless otherwise.

const ACCENTED: Record<string, string> = {
  a: 'á',
  e: 'ë',
  i: 'ï',
  o: 'ø',
  u: 'ü',
  c: 'ç',
  n: 'ñ',
  y: 'ý',
  A: 'Å',
  E: 'É',
  I: 'Î',
  O: 'Ö',
  U: 'Û',
  C: 'Ç',
  N: 'Ñ',
};

export function pseudoLocalize(text: string): string {
  const body = text
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? part : part.replace(/[a-zA-Z]/g, (c) => ACCENTED[c] ?? c)))
    .join('');
  return `⟦${body}⟧`;
}

let on = false;

/** Turns the pseudo-locale on for this page when its address has `?pseudo` (or `&pseudo`). */
export function pseudoLocaleFromUrl(search: string): void {
  on = new URLSearchParams(search).has('pseudo');
}

export function pseudoLocaleOn(): boolean {
  return on;
}
