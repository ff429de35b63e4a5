// A phone showing a wallet payment code, as a video for Chromium's fake camera (Y4M): the Code 128
// barcode above the QR code of the same number, black on white, as WeChat Pay and Alipay show them.
// bwip-js draws the codes, ImageMagick places them on a 640×480 frame (and blurs or covers them for
// the negative cases), and the grey frame is written as YUV 4:2:0 with neutral chroma.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import bwipjs from 'bwip-js';

export const VIDEO_WIDTH = 640;
export const VIDEO_HEIGHT = 480;

/** none: both codes sharp; barcodeOnly: the Code 128 alone (no QR to fall back on). */
export type CodeDamage = 'none' | 'barcodeOnly' | 'blurred' | 'partial';

export async function writePaymentCodeVideo(dir: string, code: string, damage: CodeDamage): Promise<string> {
  const barcode = join(dir, 'code128.png');
  const qr = join(dir, 'qr.png');
  writeFileSync(barcode, await bwipjs.toBuffer({ bcid: 'code128', text: code, scale: 2, height: 16 }));
  writeFileSync(
    qr,
    await bwipjs.toBuffer({ bcid: 'qrcode', text: code, scale: 6, paddingwidth: 2, paddingheight: 2 }),
  );
  const args = [
    '-size',
    `${VIDEO_WIDTH}x${VIDEO_HEIGHT}`,
    'xc:white',
    barcode,
    '-gravity',
    'north',
    '-geometry',
    '+0+40',
    '-composite',
    ...(damage === 'barcodeOnly' ? [] : [qr, '-gravity', 'south', '-geometry', '+0+30', '-composite']),
  ];
  // Partial: the right half of both codes is off the phone's screen (covered white).
  if (damage === 'partial')
    args.push(
      '-gravity',
      'northwest',
      '-fill',
      'white',
      '-draw',
      `rectangle ${VIDEO_WIDTH / 2},0 ${VIDEO_WIDTH},${VIDEO_HEIGHT}`,
    );
  if (damage === 'blurred') args.push('-blur', '0x9');
  args.push('-colorspace', 'gray', '-depth', '8', 'gray:-');
  const grey = execFileSync('convert', args, { maxBuffer: 16 * 1024 * 1024 });
  if (grey.length !== VIDEO_WIDTH * VIDEO_HEIGHT) throw new Error(`unexpected frame size ${grey.length}`);
  const chroma = Buffer.alloc((VIDEO_WIDTH / 2) * (VIDEO_HEIGHT / 2) * 2, 128);
  const header = Buffer.from(`YUV4MPEG2 W${VIDEO_WIDTH} H${VIDEO_HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  const frames: Buffer[] = [header];
  for (let i = 0; i < 10; i++) frames.push(Buffer.from('FRAME\n'), grey, chroma);
  const file = join(dir, `payment-code-${damage}.y4m`);
  writeFileSync(file, Buffer.concat(frames));
  return file;
}
