// Start-up: from process start to `till ready at` for the browser shell (`electron/web-shell/start.ts`,
// a fresh data folder and then a warm one), and on to the till page's first paint in Chromium (page
// load from the printed URL, and process start → first paint). The floor: a bare Node process started
// and heard from (what any start pays before the till's own code runs). Goal: ≤ 1 s on this machine.
// Needs `npm run build` (the pages come from dist/renderer).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/harness.ts';
import { emitBenchJson, fmt, percentile } from './bench-support.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'startup-bench-'));

/** Spawns `args`, resolves when a stdout line matches, with the ms since spawn and the child. */
function startUntil(args: string[], line: RegExp) {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  const rl = createInterface({ input: child.stdout });
  return new Promise<{ ms: number; text: string; child: typeof child; t0: number }>((resolve, reject) => {
    rl.on('line', (text) => {
      if (line.test(text)) resolve({ ms: performance.now() - t0, text, child, t0 });
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before printing ${line}`)));
  });
}

function stop(child: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const floor: number[] = [];
const fresh: number[] = [];
const warm: number[] = [];
const pageLoad: number[] = [];
const toPaint: number[] = [];
const browser = await launchBrowser();
try {
  for (let i = 0; i < RUNS; i++) {
    const bare = await startUntil(['-e', "process.stdout.write('up\\n')"], /^up$/);
    floor.push(bare.ms);
    const data = join(dir, `data-${i}`);
    const first = await startUntil(
      ['electron/web-shell/start.ts', '--port', '0', '--data-dir', data],
      /^till ready at /,
    );
    fresh.push(first.ms);
    await stop(first.child);
    const again = await startUntil(
      ['electron/web-shell/start.ts', '--port', '0', '--data-dir', data],
      /^till ready at /,
    );
    warm.push(again.ms);
    const url = again.text.replace(/^till ready at /, '');
    const page = await browser.newPage();
    const navStart = performance.now();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    );
    // The page's own clock starts at its navigation; ours at the goto: take the later of the two views.
    const load = Math.max(fcp, 0);
    pageLoad.push(load);
    toPaint.push(navStart - again.t0 + load);
    await page.close();
    await stop(again.child);
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}

const med = (xs: number[]) => percentile(xs, 50);
console.log(`bare Node process start (floor), median of ${RUNS}: ${fmt(med(floor))} ms`);
console.log(
  `browser shell, fresh data folder → till ready at: median ${fmt(med(fresh))} ms (${fmt(med(fresh) / med(floor))}× floor)`,
);
console.log(
  `browser shell, warm data folder → till ready at: median ${fmt(med(warm))} ms (${fmt(med(warm) / med(floor))}× floor)`,
);
console.log(`till page first contentful paint after navigation: median ${fmt(med(pageLoad))} ms`);
console.log(`process start → till page first paint (warm): median ${fmt(med(toPaint))} ms (goal ≤ 1000 ms)`);
emitBenchJson('startup', {
  runs: RUNS,
  floorMs: med(floor),
  freshReadyMs: med(fresh),
  warmReadyMs: med(warm),
  pageFirstPaintMs: med(pageLoad),
  startToFirstPaintMs: med(toPaint),
});
