// Characters no name or note needs and that an attacker can use to rewrite what a terminal, a printer
// or a reader sees: C0 and C1 controls and DEL (terminal escape sequences, carriage returns, printer
// commands) and Unicode's invisible formatting (bidi marks, embeddings, overrides and isolates — U+061C,
// U+200E/F, U+202A–E, U+2066–9 — zero-width space, word joiners, line and paragraph separators, the
// BOM, interlinear annotations). Zero-width (non-)joiners stay allowed: scripts and emoji need them.
// Pure: the contract refuses them; anything printed to a terminal escapes them.

const UNSAFE_SOURCE =
  '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b\\u200e\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffb]';
const UNSAFE = new RegExp(UNSAFE_SOURCE);
const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, 'g');

export const UNSAFE_TEXT_MESSAGE = 'no control or text-direction characters';

export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * Each unsafe character as visible text (ESC → \u001B), which is also how JSON writes it; the rest of
 * the text is left as it is. `keep`: characters the caller put there itself (a JSON text's newlines).
 */
export function escapeUnsafe(text: string, keep = ''): string {
  return text.replace(UNSAFE_ALL, (c) =>
    keep.includes(c) ? c : `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
