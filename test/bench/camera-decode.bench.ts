// The camera scanner's cost per frame (issue 21): @zxing/library searching a 640×480 frame for a QR or
// Code 128 — a phone's payment code, the same blurred, half covered — against the floor measured in the
// same run: one pass over the frame's pixels (the luminance the decoder must compute anyway).
// BENCH_FRAMES sets the frames per case (20).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createFrameDecoder } from '../../renderer/camera/frame-decoder.ts';
import {
  type CodeDamage,
  VIDEO_HEIGHT,
  VIDEO_WIDTH,
  writePaymentCodeVideo,
} from '../support/payment-code-video.ts';

const FRAMES = Number(process.env.BENCH_FRAMES ?? 20);
const dir = mkdtempSync(join(tmpdir(), 'camera-bench-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function rgbaFrame(video: string): Uint8ClampedArray {
  const bytes = readFileSync(video);
  const start = bytes.indexOf('FRAME\n') + 'FRAME\n'.length;
  const grey = bytes.subarray(start, start + VIDEO_WIDTH * VIDEO_HEIGHT);
  const rgba = new Uint8ClampedArray(grey.length * 4);
  for (let i = 0; i < grey.length; i++)
    rgba.fill(grey[i] ?? 0, i * 4, i * 4 + 3).fill(255, i * 4 + 3, i * 4 + 4);
  return rgba;
}

try {
  execFileSync('convert', ['-version']);
  const decoder = createFrameDecoder();
  console.log(`frames per case: ${FRAMES} (machine shared and loaded: figures are upper bounds)`);
  let floor = 0;
  for (const damage of ['none', 'blurred', 'partial'] as CodeDamage[]) {
    const frame = rgbaFrame(
      await writePaymentCodeVideo(mkdtempSync(join(dir, `${damage}-`)), '134567890123456789', damage),
    );
    const pass: number[] = [];
    const times: number[] = [];
    let read: string | null = null;
    for (let i = 0; i < FRAMES; i++) {
      let t = performance.now();
      let sum = 0;
      for (let p = 0; p < frame.length; p += 4) sum += frame[p] ?? 0;
      pass.push(performance.now() - t + (sum < 0 ? 1 : 0));
      t = performance.now();
      read = decoder.decode(frame, VIDEO_WIDTH, VIDEO_HEIGHT);
      times.push(performance.now() - t);
    }
    floor = median(pass);
    console.log(
      `${damage.padEnd(8)} decode median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; read ${read ?? 'nothing'}; floor (one pixel pass) ${floor.toFixed(2)} ms; ratio ${(median(times) / Math.max(floor, 0.01)).toFixed(0)}×`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
