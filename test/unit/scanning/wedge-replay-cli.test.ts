// `npm run --silent cli -- wedge-replay FILE` prints the detected codes, one per line, nothing else.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { TRACE_DIR } from './trace-files.ts';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', '..', '..', 'electron', 'cli', 'index.ts');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [
      '--disable-warning=ExperimentalWarning',
      CLI,
      ...args,
    ]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cli wedge-replay', () => {
  for (const name of ['trace-001', 'trace-004', 'trace-034']) {
    it(`${name}: stdout is exactly the .expected file`, async () => {
      const r = await cli('wedge-replay', join(TRACE_DIR, `${name}.jsonl`));
      assert.equal(r.code, 0);
      assert.equal(r.stdout, readFileSync(join(TRACE_DIR, `${name}.expected`), 'utf8'));
      assert.equal(r.stderr, '');
    });
  }

  it('prints nothing for a session with no scans, and a clear error for bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wedge-replay-'));
    try {
      const typing = join(dir, 'typing.jsonl');
      writeFileSync(typing, '{"t":0,"key":"1","code":"Digit1"}\n{"t":200,"key":"Enter","code":"Enter"}\n');
      assert.deepEqual(await cli('wedge-replay', typing), { code: 0, stdout: '', stderr: '' });
      const bad = join(dir, 'bad.jsonl');
      writeFileSync(bad, '{"t":0,"key":"1","code":"Digit1"}\n{"t":"soon"}\n');
      const r = await cli('wedge-replay', bad);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /line 2: expected/);
      const missing = await cli('wedge-replay', join(dir, 'nope.jsonl'));
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /cannot read .*ENOENT/);
      assert.equal((await cli('wedge-replay')).code, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
