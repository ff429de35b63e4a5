// GB18030 encoding for printers in Chinese mode. Node has a GB18030 decoder (TextDecoder, WHATWG) but
// no encoder, so the table is built once, lazily, by decoding every two-byte sequence and the four-byte
// sequences that cover the rest of the BMP: one big decode each, one UTF-16 unit per sequence.

let table: Map<number, number[]> | null = null;

function build(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  const decoder = new TextDecoder('gb18030');
  const two: number[] = [];
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) two.push(a, b);
  const twoText = decoder.decode(new Uint8Array(two));
  for (let i = 0; i < twoText.length; i++) {
    const cp = twoText.charCodeAt(i);
    if (cp !== 0xfffd && !map.has(cp)) map.set(cp, [two[2 * i] ?? 0, two[2 * i + 1] ?? 0]);
  }
  const four: number[] = [];
  for (let a = 0x81; a <= 0x84; a++)
    for (let b = 0x30; b <= 0x39; b++)
      for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) four.push(a, b, c, d);
  const fourText = decoder.decode(new Uint8Array(four));
  for (let i = 0; i < fourText.length; i++) {
    const cp = fourText.charCodeAt(i);
    if (cp !== 0xfffd && !map.has(cp)) map.set(cp, four.slice(4 * i, 4 * i + 4));
  }
  return map;
}

/** The GB18030 bytes of `text`, or null when a character has none (then the line is printed as an image). */
export function encodeGb18030(text: string): Uint8Array | null {
  table ??= build();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const bytes = table.get(cp);
    if (!bytes) return null;
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}
