// Keyboard-wedge detection accuracy: our detector next to two simple published rules (Odoo's, and
// onScan.js's defaults) on the 40 recorded traces and on synthetic sessions built from the same
// physical facts. Accuracy = sessions where exactly the expected codes came out, in order; codes
// found / missed / false are counted over all sessions. The floor is the better published rule.
import { detectScans } from '../../shared/scanning/wedge-detector.ts';
import { simulate } from '../unit/scanning/field-simulator.ts';
import { syntheticTraces, type Trace } from '../unit/scanning/synthetic-traces.ts';
import { recordedTraces } from '../unit/scanning/trace-files.ts';
import { odooRule, onScanDefaults } from './wedge-baselines.ts';

type Rule = { name: string; run: (t: Trace) => string[] };

const RULES: Rule[] = [
  { name: 'our detector', run: (t) => detectScans(t.events).map((s) => s.code) },
  { name: 'Odoo rule', run: (t) => odooRule(t.events) },
  { name: 'onScan.js defaults', run: (t) => onScanDefaults(t.events) },
];

interface Score {
  right: number;
  total: number;
  found: number;
  missed: number;
  falseCodes: number;
  ms: number;
}

function score(rule: Rule, traces: Trace[]): Score {
  const s: Score = { right: 0, total: traces.length, found: 0, missed: 0, falseCodes: 0, ms: 0 };
  const start = performance.now();
  const outputs = traces.map((t) => rule.run(t));
  s.ms = performance.now() - start;
  traces.forEach((t, i) => {
    const got = outputs[i] ?? [];
    if (JSON.stringify(got) === JSON.stringify(t.expected)) s.right++;
    const want = new Map<string, number>();
    for (const c of t.expected) want.set(c, (want.get(c) ?? 0) + 1);
    for (const c of got) {
      const n = want.get(c) ?? 0;
      if (n > 0) {
        want.set(c, n - 1);
        s.found++;
      } else {
        s.falseCodes++;
      }
    }
    for (const n of want.values()) s.missed += n;
  });
  return s;
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;

function table(title: string, traces: Trace[]): void {
  const keys = traces.reduce((n, t) => n + t.events.length, 0);
  const codes = traces.reduce((n, t) => n + t.expected.length, 0);
  console.log(`\n${title}: ${traces.length} sessions, ${keys} key-downs, ${codes} scanned codes`);
  const header = ['rule', 'sessions right', 'accuracy', 'codes found', 'missed', 'false', 'keys/ms'];
  const rows = RULES.map((rule) => {
    const s = score(rule, traces);
    return {
      s,
      cells: [
        rule.name,
        `${s.right}/${s.total}`,
        pct(s.right, s.total),
        `${s.found}/${codes}`,
        String(s.missed),
        String(s.falseCodes),
        (keys / Math.max(s.ms, 0.001)).toFixed(0),
      ],
    };
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.cells[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r.cells));
  const ours = rows[0]?.s.right ?? 0;
  const floor = Math.max(...rows.slice(1).map((r) => r.s.right));
  console.log(
    `ratio: our detector ${ours} sessions right vs best published rule ${floor} → ×${(ours / Math.max(1, floor)).toFixed(2)}`,
  );
}

function holdLatency(traces: Trace[], canRetract: boolean): void {
  const holds: number[] = [];
  let retracted = 0;
  let retractingSessions = 0;
  for (const t of traces) {
    const sim = simulate(t.events, {}, canRetract);
    if (sim.field !== t.typed || sim.violations.length > 0) console.log(`  field mismatch in ${t.name}`);
    holds.push(sim.maxHoldMs);
    retracted += sim.retracted;
    if (sim.retracted > 0) retractingSessions++;
  }
  holds.sort((a, b) => a - b);
  const q = (p: number) => (holds[Math.min(holds.length - 1, Math.floor(p * holds.length))] ?? 0).toFixed(0);
  const shell = canRetract
    ? 'a shell that takes text back (the page)'
    : 'a shell that cannot take text back (nothing shown early)';
  console.log(
    `\nlongest hold of a typed key per synthetic session, ${shell} (ms): median ${q(0.5)}, p95 ${q(0.95)}, max ${q(1)}` +
      ' (every typed key reached the field, in order; the field ends without any scan key)',
  );
  if (!canRetract) return;
  console.log(
    `scan keys shown early and taken back when their scan went on: ${retracted} keys in ${retractingSessions} of ${traces.length} sessions`,
  );
}

const recorded = recordedTraces();
const synthetic = syntheticTraces(5000, 100_000);
console.log(
  'keyboard-wedge detection — characters decoded the same way for all rules (digits by physical key)',
);
table('recorded traces (test/fixtures/scanner-traces)', recorded);
table('synthetic sessions (seeded, facts of scanner-traces/README.md at their edges)', synthetic);
holdLatency(synthetic, false);
holdLatency(synthetic, true);
