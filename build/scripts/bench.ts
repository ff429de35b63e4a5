// `npm run bench [-- name … --flag value …]`: runs every test/bench/*.bench.ts (or the named ones) one
// after the other, each in its own process so one benchmark's heap and timers do not skew the next.
// Flags (from the first `--x` on) go to every chosen benchmark, e.g. `-- store-sync --seconds 60`.
// `--json`: instead of the benchmarks' lines, one JSON object per benchmark (bench-json.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_JSON_PREFIX } from '../../test/bench/bench-support.ts';
import { benchJson } from './bench-json.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchDir = join(root, 'test', 'bench');
const all = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const args = process.argv.slice(2);
const firstFlag = args.findIndex((a) => a.startsWith('--'));
const wanted = firstFlag < 0 ? args : args.slice(0, firstFlag);
const json = args.includes('--json');
const flags = (firstFlag < 0 ? [] : args.slice(firstFlag)).filter((a) => a !== '--json');
const chosen = wanted.length === 0 ? all : all.filter((f) => wanted.some((w) => f.startsWith(w)));
if (chosen.length === 0) {
  console.error(`no benchmark matches ${wanted.join(' ')}; have: ${all.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const file of chosen) {
  if (json) {
    const started = performance.now();
    const r = spawnSync(process.execPath, [join(benchDir, file), ...flags], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (r.status !== 0) failed++;
    const name = file.replace(/\.bench\.ts$/, '');
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify(benchJson(name, r.stdout ?? '', r.status === 0, seconds, BENCH_JSON_PREFIX)));
    continue;
  }
  console.log(`\n== ${file}`);
  const r = spawnSync(process.execPath, [join(benchDir, file), ...flags], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
