// Small pieces the benchmarks share: percentiles, a raw HTTP POST (the floor of any gateway call), a
// sealed OTTPay request body.
import http from 'node:http';
import { sealData, type WireData } from '../../electron/core/gateway/envelope.ts';
import {
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
} from '../../electron/core/simulator/index.ts';

/** The p-th percentile (0..100) by nearest rank; NaN for no samples. */
export function percentile(xs: readonly number[], p: number): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
}

export const msSince = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

export const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

/** p50 / p95 / p99 of a list of milliseconds, for one printed line. */
export function spread(xs: readonly number[]): string {
  return `p50 ${fmt(percentile(xs, 50))} ms, p95 ${fmt(percentile(xs, 95))} ms, p99 ${fmt(percentile(xs, 99))} ms`;
}

export function post(url: string, body: string, agent: http.Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve());
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** An OTTPay request for the sandbox merchant, sealed beforehand: what the floor posts raw. */
export function sealedRequest(action: string, data: WireData): string {
  return JSON.stringify({
    action,
    version: '1.0',
    merchant_id: SANDBOX_MERCHANT_ID,
    operator_id: SANDBOX_OPERATOR_ID,
    ...sealData(data, SANDBOX_SIGN_KEY),
  });
}

/** The prefix of a line that carries a benchmark's figures as JSON (read by `npm run bench -- --json`). */
export const BENCH_JSON_PREFIX = 'BENCH_JSON ';

/** Hands `npm run bench -- --json` a benchmark's figures as named numbers (besides its printed lines). */
export function emitBenchJson(name: string, figures: Record<string, unknown>): void {
  console.log(`${BENCH_JSON_PREFIX}${JSON.stringify({ name, figures })}`);
}
