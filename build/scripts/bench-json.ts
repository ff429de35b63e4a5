// `npm run bench -- --json`: one JSON object per benchmark on its own line, so two runs compare line by
// line. `figures` holds every number the benchmark printed, keyed by its line with the numbers taken out
// (the same key in every run), plus whatever it handed over as named figures (emitBenchJson).
export const NUMBER = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi;

export interface BenchJson {
  benchmark: string;
  ok: boolean;
  seconds: number;
  figures: Record<string, number[]>;
  named: Record<string, unknown>;
}

export function benchJson(
  benchmark: string,
  stdout: string,
  ok: boolean,
  seconds: number,
  prefix: string,
): BenchJson {
  const figures: Record<string, number[]> = {};
  const named: Record<string, unknown> = {};
  for (const raw of stdout.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith(prefix)) {
      const { name, figures: f } = JSON.parse(line.slice(prefix.length)) as {
        name: string;
        figures: unknown;
      };
      named[name] = f;
      continue;
    }
    const numbers = (line.match(NUMBER) ?? []).map(Number);
    if (numbers.length === 0) continue;
    let key = line.replace(NUMBER, '#');
    // Two lines that read alike (a table's rows) keep their order.
    for (let n = 2; key in figures; n++) key = `${line.replace(NUMBER, '#')} [${n}]`;
    figures[key] = numbers;
  }
  return { benchmark, ok, seconds, figures, named };
}
