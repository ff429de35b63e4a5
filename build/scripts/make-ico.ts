// Packs the committed PNGs of build/icons/ into build/icons/icon.ico (an ICO whose images are PNGs,
// which Windows reads since Vista). electron-builder uses a ready .ico as it is; from a PNG it would
// first fetch its icon converter from GitHub. Run after make-icons.ts; the .ico is committed.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const icons = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons');
const SIZES = [16, 32, 48, 64, 128, 256];

export function encodeIco(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

if (import.meta.main) {
  const images = SIZES.map((size) => ({ size, png: readFileSync(join(icons, `${size}x${size}.png`)) }));
  writeFileSync(join(icons, 'icon.ico'), encodeIco(images));
  console.log(`build/icons/icon.ico: ${SIZES.join(', ')} px`);
}
