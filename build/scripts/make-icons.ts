// Draws the app icon (a QR-like mark on a teal tile) as PNGs in build/icons/, with no image tools:
// a tiny PNG encoder over node:zlib. Run once when the design changes; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'icons');
const SIZES = [16, 32, 48, 64, 128, 256, 512];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// 7×7 finder-pattern mark on a 9-cell grid: recognisably "scan me" at 16 px and at 512 px.
const MARK = [
  '111111100',
  '100000100',
  '101110101',
  '101110100',
  '101110101',
  '100000100',
  '111111101',
  '000000000',
  '101011011',
];

function iconPixel(size: number) {
  const radius = size * 0.18;
  return (x: number, y: number): [number, number, number, number] => {
    const cx = Math.min(x, size - 1 - x);
    const cy = Math.min(y, size - 1 - y);
    if (cx < radius && cy < radius && Math.hypot(radius - cx, radius - cy) > radius) return [0, 0, 0, 0];
    const inset = size * 0.18;
    const cell = (size - 2 * inset) / 9;
    const gx = Math.floor((x - inset) / cell);
    const gy = Math.floor((y - inset) / cell);
    if (gx >= 0 && gx < 9 && gy >= 0 && gy < 9 && MARK[gy]?.[gx] === '1') return [255, 255, 255, 255];
    return [0, 122, 110, 255];
  };
}

for (const size of SIZES)
  writeFileSync(join(outDir, `${size}x${size}.png`), encodePng(size, iconPixel(size)));
writeFileSync(join(outDir, 'icon.png'), encodePng(512, iconPixel(512)));
console.log(`wrote ${SIZES.length + 1} icons to build/icons`);
