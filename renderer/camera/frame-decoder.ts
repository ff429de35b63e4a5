// One camera frame → the payment code in it, if any (issue 21). @zxing/library (Apache-2.0), pure
// JavaScript: it reads QR codes and Code 128 (the 1-D barcode of WeChat Pay, Alipay and UnionPay
// payment codes) and needs no WebAssembly, which the till page's CSP does not allow.
import * as zxingModule from '@zxing/library';

// The bundler takes the package's ES module; Node (the benchmark) its CommonJS build, whose exports
// come as the default export.
const zxing = ((zxingModule as unknown as { default?: typeof zxingModule }).default ??
  zxingModule) as typeof zxingModule;
const { BinaryBitmap, Code128Reader, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } =
  zxing;

export interface FrameDecoder {
  /** The text of a QR or Code 128 in the frame (RGBA pixels), or null. */
  decode(rgba: Uint8ClampedArray, width: number, height: number): string | null;
}

export function createFrameDecoder(): FrameDecoder {
  // One reader per format (not MultiFormatReader, which logs every frame without a code).
  const qr = new QRCodeReader();
  const code128 = new Code128Reader();
  const hints = new Map<zxingModule.DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
  const attempt = (read: () => { getText(): string }): string | null => {
    try {
      return read().getText();
    } catch {
      return null; // not found, or a checksum or format failure: no code, never a guess
    }
  };
  return {
    decode(rgba, width, height) {
      // Luminance, as ZXing takes it: one byte a pixel.
      const luma = new Uint8ClampedArray(width * height);
      for (let i = 0, p = 0; i < luma.length; i++, p += 4) {
        luma[i] = ((rgba[p] ?? 0) * 306 + (rgba[p + 1] ?? 0) * 601 + (rgba[p + 2] ?? 0) * 117) >> 10;
      }
      const bitmap = () => new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luma, width, height)));
      return attempt(() => qr.decode(bitmap(), hints)) ?? attempt(() => code128.decode(bitmap(), hints));
    },
  };
}

/**
 * A code counts once two frames in a row agree on it (a misread of one blurred frame never does),
 * and the same code is not given again for `repeatMs` (the phone stays in view while it is paid).
 */
export function createAgreement(repeatMs = 5000) {
  let last: string | null = null;
  let given: { code: string; at: number } | null = null;
  return (code: string | null, now: number): string | null => {
    const agreed = code !== null && code === last;
    last = code;
    if (!agreed || code === null) return null;
    if (given && given.code === code && now - given.at < repeatMs) return null;
    given = { code, at: now };
    return code;
  };
}
