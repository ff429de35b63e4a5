// Issue 21, item 3: the camera's decoder reads a phone's payment code from a frame — the QR, or the
// Code 128 alone — and reads nothing at all from a blurred or half-covered one; a code counts only once
// two frames agree, and is not given again while the phone stays in view.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createAgreement, createFrameDecoder } from '../../../renderer/camera/frame-decoder.ts';
import {
  type CodeDamage,
  VIDEO_HEIGHT,
  VIDEO_WIDTH,
  writePaymentCodeVideo,
} from '../../support/payment-code-video.ts';

const dir = mkdtempSync(join(tmpdir(), 'frame-decoder-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function frame(code: string, damage: CodeDamage): Promise<Uint8ClampedArray> {
  const bytes = readFileSync(await writePaymentCodeVideo(mkdtempSync(join(dir, `${damage}-`)), code, damage));
  const start = bytes.indexOf('FRAME\n') + 'FRAME\n'.length;
  const rgba = new Uint8ClampedArray(VIDEO_WIDTH * VIDEO_HEIGHT * 4);
  for (let i = 0; i < VIDEO_WIDTH * VIDEO_HEIGHT; i++) {
    const y = bytes[start + i] ?? 0;
    rgba.set([y, y, y, 255], i * 4);
  }
  return rgba;
}

describe('the camera frame decoder', () => {
  const decoder = createFrameDecoder();
  const code = '281234567890123456';

  it('reads the QR and the barcode alone', async () => {
    assert.equal(decoder.decode(await frame(code, 'none'), VIDEO_WIDTH, VIDEO_HEIGHT), code);
    assert.equal(decoder.decode(await frame(code, 'barcodeOnly'), VIDEO_WIDTH, VIDEO_HEIGHT), code);
  });

  it('reads nothing from a blurred or half-covered code', async () => {
    assert.equal(decoder.decode(await frame(code, 'blurred'), VIDEO_WIDTH, VIDEO_HEIGHT), null);
    assert.equal(decoder.decode(await frame(code, 'partial'), VIDEO_WIDTH, VIDEO_HEIGHT), null);
  });

  it('two frames must agree; the same code is not given twice while in view', () => {
    const agree = createAgreement(5000);
    assert.equal(agree('A', 0), null, 'one frame is not enough');
    assert.equal(agree('B', 100), null, 'a different reading starts again');
    assert.equal(agree('B', 200), 'B');
    assert.equal(agree('B', 300), null, 'not again while in view');
    assert.equal(agree(null, 400), null);
    assert.equal(agree('B', 6000), null);
    assert.equal(agree('B', 6100), 'B', 'again after the repeat time');
  });
});
