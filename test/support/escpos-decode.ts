// Reads ESC/POS bytes back into what a printer would print: text lines (code page text and GB18030 in
// Chinese mode), QR payloads, raster images and cuts. Written for the commands the receipt encoder
// sends; an unknown command is an error, so a test notices bytes it does not understand.
import CodepageEncoder from '@point-of-sale/codepage-encoder';

export interface DecodedReceipt {
  lines: string[];
  qr: string[];
  /** Each raster image as rows of '#' and ' ' (1 = black). */
  images: Array<{ width: number; height: number; rows: string[] }>;
  cuts: number;
  /** Each line's index in `lines` printed bold (at its start). */
  boldLines: number[];
}

const EPSON_PAGES: Record<number, 'cp437' | 'cp850' | 'cp858' | 'windows1252'> = {
  0: 'cp437',
  2: 'cp850',
  16: 'windows1252',
  19: 'cp858',
};

export function decodeEscpos(bytes: Uint8Array): DecodedReceipt {
  const out: DecodedReceipt = { lines: [], qr: [], images: [], cuts: 0, boldLines: [] };
  let page = CodepageEncoder.getCodepoints('cp437', true);
  let chinese = false;
  let bold = false;
  let line = '';
  let gb: number[] = [];
  const gbDecoder = new TextDecoder('gb18030');
  const flushGb = () => {
    if (gb.length) line += gbDecoder.decode(Uint8Array.from(gb));
    gb = [];
  };
  const endLine = () => {
    flushGb();
    if (bold) out.boldLines.push(out.lines.length);
    out.lines.push(line);
    line = '';
  };
  let i = 0;
  const at = (k: number): number => {
    const v = bytes[i + k];
    if (v === undefined) throw new Error(`ESC/POS ends inside a command at byte ${i}`);
    return v;
  };
  while (i < bytes.length) {
    const b = at(0);
    if (b === 0x0a) {
      endLine();
      i += 1;
    } else if (b === 0x0d) {
      i += 1;
    } else if (b === 0x1b) {
      const c = at(1);
      if (c === 0x40) {
        chinese = false;
        bold = false;
        i += 2;
      } else if (c === 0x74) {
        const name = EPSON_PAGES[at(2)];
        if (!name) throw new Error(`code page ${at(2)} is not known to the decoder`);
        page = CodepageEncoder.getCodepoints(name, true);
        i += 3;
      } else if (c === 0x45) {
        bold = at(2) === 1;
        i += 3;
      } else if ([0x4d, 0x21, 0x61, 0x64, 0x4a, 0x2d, 0x47, 0x56, 0x7b, 0x33].includes(c)) {
        i += 3;
      } else if (c === 0x32) {
        i += 2;
      } else throw new Error(`unknown ESC command 0x${c.toString(16)} at byte ${i}`);
    } else if (b === 0x1d) {
      const c = at(1);
      if (c === 0x21 || c === 0x42 || c === 0x62 || c === 0x48 || c === 0x68 || c === 0x77 || c === 0x66) {
        i += 3;
      } else if (c === 0x56) {
        out.cuts += 1;
        i += at(2) === 0x41 || at(2) === 0x42 ? 4 : 3;
      } else if (c === 0x28 && at(2) === 0x6b) {
        const len = at(3) + at(4) * 256;
        const fn = at(6);
        if (at(5) === 0x31 && fn === 0x50) {
          out.qr.push(new TextDecoder().decode(bytes.subarray(i + 8, i + 5 + len)));
        }
        i += 5 + len;
      } else if (c === 0x76 && at(2) === 0x30) {
        const wBytes = at(4) + at(5) * 256;
        const h = at(6) + at(7) * 256;
        const rows: string[] = [];
        for (let y = 0; y < h; y++) {
          let row = '';
          for (let x = 0; x < wBytes; x++) {
            const v = bytes[i + 8 + y * wBytes + x] ?? 0;
            for (let bit = 7; bit >= 0; bit--) row += v & (1 << bit) ? '#' : ' ';
          }
          rows.push(row);
        }
        out.images.push({ width: wBytes * 8, height: h, rows });
        i += 8 + wBytes * h;
      } else throw new Error(`unknown GS command 0x${c.toString(16)} at byte ${i}`);
    } else if (b === 0x1c) {
      const c = at(1);
      if (c === 0x26) {
        chinese = true;
      } else if (c === 0x2e) {
        flushGb();
        chinese = false;
      } else throw new Error(`unknown FS command 0x${c.toString(16)} at byte ${i}`);
      i += 2;
    } else if (b < 0x20) {
      throw new Error(`unknown control byte 0x${b.toString(16)} at byte ${i}`);
    } else if (chinese) {
      gb.push(b);
      i += 1;
    } else {
      line += String.fromCodePoint(page[b] ?? 0x3f);
      i += 1;
    }
  }
  if (line !== '' || gb.length) endLine();
  return out;
}
