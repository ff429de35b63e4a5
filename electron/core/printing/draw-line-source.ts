// The page-side drawing of one receipt line for printers without a Chinese font (Node has no font
// engine, so a shell runs this in a page: Electron in a hidden window, tests in Chromium). Each
// character is drawn at its printer column (12 dots, 24 for a wide character), so the image lines up
// with the text lines above and below it. Returns the RGBA pixels of a black-on-white canvas.

export const LINE_HEIGHT_DOTS = 32;

/** JavaScript source of `(text, bold, widthDots) => ({ width, height, data: number[] })`. */
export const DRAW_LINE_SOURCE = `(text, bold, widthDots) => {
  const height = ${LINE_HEIGHT_DOTS};
  const canvas = document.createElement('canvas');
  canvas.width = widthDots;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, widthDots, height);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'alphabetic';
  const wide = (cp) => (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
  let x = 0;
  for (const ch of text) {
    const w = wide(ch.codePointAt(0)) ? 24 : 12;
    ctx.font = (bold ? 'bold ' : '') + (w === 24 ? '24px' : '20px') +
      ' "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", monospace';
    if (ch !== ' ') ctx.fillText(ch, x, 25, w);
    x += w;
    if (x >= widthDots) break;
  }
  const image = ctx.getImageData(0, 0, widthDots, height);
  return { width: widthDots, height, data: Array.from(image.data) };
}`;

export interface DrawnLine {
  width: number;
  height: number;
  data: number[];
}
