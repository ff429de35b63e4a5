// How many printer columns a piece of text takes: East Asian wide and full-width characters take two
// (a receipt printer in Chinese mode prints them as 24×24 dots beside 12×24 Latin ones).

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function charWidth(ch: string): number {
  return isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
}

export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** True when the text holds a character outside Latin-1 and the usual punctuation (needs Chinese mode). */
export function hasWide(text: string): boolean {
  for (const ch of text) if (isWide(ch.codePointAt(0) ?? 0)) return true;
  return false;
}

/** Cuts text to at most `columns` columns, never splitting a wide character. */
export function clip(text: string, columns: number): string {
  let w = 0;
  let out = '';
  for (const ch of text) {
    const cw = charWidth(ch);
    if (w + cw > columns) break;
    out += ch;
    w += cw;
  }
  return out;
}

/** Splits text into lines of at most `columns` columns, at spaces where it can. */
export function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (textWidth(rest) > columns) {
    const head = clip(rest, columns);
    const space = head.lastIndexOf(' ');
    const cut = space > columns / 3 ? space : head.length;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '' || lines.length === 0) lines.push(rest);
  return lines;
}
