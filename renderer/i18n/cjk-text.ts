// Which characters of a text need the Chinese font: the CJK blocks, from the radicals (U+2E80) up to
// the full-width forms (U+FFEF). Latin, accents, arrows and symbols are left to the Latin fonts.
const CJK_FIRST = 0x2e80;
const CJK_LAST = 0xffef;

/** The distinct CJK characters of `text`, in order of first appearance ('' when there are none). */
export function cjkCharsOf(text: string): string {
  const seen = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= CJK_FIRST && cp <= CJK_LAST) seen.add(ch);
  }
  return [...seen].join('');
}

/** The distinct CJK characters of every message in `tables`. */
export function cjkCharsOfTables(tables: ReadonlyArray<Record<string, string>>): string {
  return cjkCharsOf(tables.flatMap((table) => Object.values(table)).join(''));
}
