// The crash harness reads a restarted child's last stdout line as its report: a child's end is taken
// once its output pipes are closed, not at its exit (an "exit" can come while a pipe still holds the
// line, and a report read then is empty: "Unexpected end of JSON input").
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { childEnd } from '../../bench/crash-children.ts';

describe("crash harness: a child's end", () => {
  it('comes with all that was written to its pipes, also what reached them after the exit', async () => {
    // The child hands its stdout to a grandchild that writes its line only once the child is gone
    // (its stdin, the child's end of a pipe, closes when the child exits).
    const grandchild = `process.stdin.resume(); process.stdin.on('end', () => process.stdout.write('{"report":1}\\n'));`;
    const child = `
      const { spawn } = require('node:child_process');
      spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: ['pipe', 'inherit', 'inherit'] }).unref();
      process.stdout.write('first\\n');
      process.exitCode = 3;`;
    const end = await childEnd(spawn(process.execPath, ['-e', child], { stdio: ['ignore', 'pipe', 'pipe'] }));
    assert.equal(end.code, 3);
    assert.equal(end.out, 'first\n{"report":1}\n');
  });
});
