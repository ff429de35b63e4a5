// Paid → spoken (issue 21): from the simulator turning a QR payment paid to the till starting to say
// it (playback scheduled plus the audio device's reported output delay), against the floor measured in
// the same run: from the same moment to the till showing Paid on screen. The speech's own cost is the
// difference. Real browser shell and Chromium. BENCH_RUNS sets the payments (6).
import { chromium } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  gotoTill,
  newestSimOrder,
  openPage,
  pollUntil,
  simulatorRequest,
  startShell,
} from '../e2e/harness.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 6);

const RECORD = `(() => {
  window.__marks = { shown: [], spoken: [] };
  let wasPaid = false;
  new MutationObserver(() => {
    const paid = !!document.querySelector('.status-paid');
    if (paid && !wasPaid) window.__marks.shown.push(Date.now());
    wasPaid = paid;
  }).observe(document.body, { childList: true, subtree: true });
  window.addEventListener('till-spoken', (e) => window.__marks.spoken.push(Date.now() + e.detail.outputDelayMs));
})()`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const max = (xs: number[]) => Math.max(...xs);

const shell = await startShell();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'],
});
try {
  const till = await openPage(browser);
  await gotoTill(till, shell);
  await till.evaluate(RECORD);
  const shown: number[] = [];
  const spoken: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const amount = till.getByLabel('Amount', { exact: true });
    await amount.fill(`${10 + i}.45`);
    await till.keyboard.press('w');
    await till.getByTestId('qr').waitFor();
    const order = await newestSimOrder(shell);
    const t0 = Date.now();
    await simulatorRequest(shell, `/_sim/orders/${order.orderId}/pay`, {});
    await pollUntil(
      async () =>
        (await till.evaluate(
          `window.__marks.spoken.length === ${i + 1} && window.__marks.shown.length === ${i + 1}`,
        )) === true,
      'the payment is shown and said',
      20_000,
    );
    const marks = (await till.evaluate('window.__marks')) as { shown: number[]; spoken: number[] };
    shown.push((marks.shown[i] ?? 0) - t0);
    spoken.push((marks.spoken[i] ?? 0) - t0);
    await till.getByRole('button', { name: 'New sale' }).click();
  }
  const extra = spoken.map((s, i) => s - (shown[i] ?? 0));
  console.log(`payments: ${RUNS} (machine shared and loaded: figures are upper bounds)`);
  console.log(`floor  paid → Paid shown:   median ${median(shown)} ms, max ${max(shown)} ms`);
  console.log(
    `       paid → speech starts: median ${median(spoken)} ms, max ${max(spoken)} ms (budget 300 ms after Paid)`,
  );
  console.log(`       speech after Paid shown: median ${median(extra)} ms, max ${max(extra)} ms`);
  console.log(`       each run after Paid shown: ${extra.join(', ')} ms`);
  console.log(`ratio  speech / shown: ${(median(spoken) / Math.max(1, median(shown))).toFixed(2)}×`);
} finally {
  await browser.close();
  await shell.stop();
}
