// Where a charge's time goes, per charge: the journal and the gateway client the engine is given are
// wrapped (the engine is not changed) so each charge is split into its stages — before the first
// commit, the write-ahead commit (attempt + SEND, its fsync), from that commit to the request leaving,
// the ACTIVEPAY itself, the answer's commit, and from that commit to the QR event and to payActive's
// answer — and GC pauses (perf_hooks 'gc' entries) are laid over the charges they landed in.
import { PerformanceObserver, performance } from 'node:perf_hooks';
import type { GatewayClient } from '../../electron/core/gateway/types.ts';
import type { Journal } from '../../electron/core/journal/journal.ts';
import { fmt, percentile } from './bench-support.ts';

export const STAGES = [
  'before the first commit',
  'write-ahead commit (attempt + SEND)',
  'commit → request leaves',
  'ACTIVEPAY (client + HTTP)',
  "answer's commit (QR_ISSUED)",
  'commit → QR event',
  'QR event → payActive answers',
] as const;

interface Marks {
  start: number;
  writes: Array<[number, number]>;
  payStart: number;
  payEnd: number;
  qrEvent: number;
  end: number;
}

export interface ChargeStages {
  journal: Journal;
  gateway: GatewayClient;
  /** Call when a charge starts / when its QR event is heard / when payActive answered. */
  begin(): void;
  qrHeard(): void;
  end(): void;
  /** The stage split of each charge, in STAGES' order, and the GC time that overlapped it. */
  samples(): Array<{ stages: number[]; gcMs: number; total: number }>;
  stop(): void;
}

export function chargeStages(journal: Journal, gateway: GatewayClient): ChargeStages {
  const all: Marks[] = [];
  let cur: Marks | null = null;
  const gcs: Array<[number, number]> = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push([e.startTime, e.startTime + e.duration]);
  });
  obs.observe({ entryTypes: ['gc'] });
  const timedJournal: Journal = {
    ...journal,
    write<T>(fn: () => T): T {
      if (journal.db.inTransaction || !cur) return journal.write(fn);
      const t = performance.now();
      try {
        return journal.write(fn);
      } finally {
        cur?.writes.push([t, performance.now()]);
      }
    },
  };
  const timedGateway: GatewayClient = {
    ...gateway,
    async activePay(req) {
      const m = cur;
      if (m) m.payStart = performance.now();
      try {
        return await gateway.activePay(req);
      } finally {
        if (m) m.payEnd = performance.now();
      }
    },
  };
  return {
    journal: timedJournal,
    gateway: timedGateway,
    begin() {
      cur = { start: performance.now(), writes: [], payStart: 0, payEnd: 0, qrEvent: 0, end: 0 };
    },
    qrHeard() {
      if (cur && cur.qrEvent === 0) cur.qrEvent = performance.now();
    },
    end() {
      if (!cur) return;
      cur.end = performance.now();
      all.push(cur);
      cur = null;
    },
    samples() {
      return all.map((m) => {
        const [a1, b1] = m.writes[0] ?? [0, 0];
        const [a2, b2] = m.writes[1] ?? [0, 0];
        const stages = [
          a1 - m.start,
          b1 - a1,
          m.payStart - b1,
          m.payEnd - m.payStart,
          b2 - a2,
          m.qrEvent - b2,
          m.end - m.qrEvent,
        ];
        let gcMs = 0;
        for (const [a, b] of gcs) gcMs += Math.max(0, Math.min(b, m.end) - Math.max(a, m.start));
        return { stages, gcMs, total: m.end - m.start };
      });
    },
    stop() {
      obs.disconnect();
    },
  };
}

/** Per stage p50 / p99, then what the slowest 1% of charges spent where (their mean), beside the rest. */
export function printStages(samples: ReturnType<ChargeStages['samples']>): void {
  const byTotal = [...samples].sort((a, b) => b.total - a.total);
  const slow = byTotal.slice(0, Math.max(1, Math.ceil(samples.length / 100)));
  const rest = byTotal.slice(slow.length);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  console.log(`stages (${samples.length} charges): p50 / p99 / mean of the slowest 1% / mean of the rest`);
  STAGES.forEach((name, i) => {
    const xs = samples.map((s) => s.stages[i] ?? 0);
    console.log(
      `  ${name.padEnd(38)} ${fmt(percentile(xs, 50))} / ${fmt(percentile(xs, 99))} / ` +
        `${fmt(mean(slow.map((s) => s.stages[i] ?? 0)))} / ${fmt(mean(rest.map((s) => s.stages[i] ?? 0)))} ms`,
    );
  });
  const gcHit = samples.filter((s) => s.gcMs > 0);
  console.log(
    `  GC inside a charge: ${gcHit.length} of ${samples.length} charges, ${fmt(mean(gcHit.map((s) => s.gcMs)))} ms each; ` +
      `in the slowest 1%: ${slow.filter((s) => s.gcMs > 0).length} of ${slow.length} (${fmt(mean(slow.map((s) => s.gcMs)))} ms)`,
  );
}
