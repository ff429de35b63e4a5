import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { createLogger, createMemorySink } from '../../../electron/core/logging/logger.ts';
import { createRotatingFileSink, tailLogFiles } from '../../../electron/core/logging/rotating-file-sink.ts';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'till-log-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('rotates to till.1.log … when the file would pass maxBytes, keeping maxFiles old files', () => {
  const sink = createRotatingFileSink({ dir, maxBytes: 100, maxFiles: 2 });
  const line = (n: number) => `line-${n}-${'x'.repeat(30)}`; // 38 bytes + newline
  for (let n = 1; n <= 8; n++) sink.write(line(n));
  assert.deepEqual(
    sink.files().map((f) => f.slice(dir.length + 1)),
    ['till.log', 'till.1.log', 'till.2.log'],
  );
  assert.equal(readFileSync(join(dir, 'till.log'), 'utf8'), `${line(7)}\n${line(8)}\n`);
  assert.equal(readFileSync(join(dir, 'till.1.log'), 'utf8'), `${line(5)}\n${line(6)}\n`);
  assert.equal(readFileSync(join(dir, 'till.2.log'), 'utf8'), `${line(3)}\n${line(4)}\n`);
  // lines 1–2 were in the oldest file and are gone
  assert.deepEqual(tailLogFiles(sink.files(), 3), [line(6), line(7), line(8)]);
  assert.deepEqual(sink.recent(2), [line(7), line(8)]);
});

test('a new sink continues the existing file size (rotation survives restarts)', () => {
  createRotatingFileSink({ dir, maxBytes: 50 }).write('a'.repeat(30));
  const again = createRotatingFileSink({ dir, maxBytes: 50 });
  again.write('b'.repeat(30));
  assert.equal(again.files().length, 2);
});

test('logger writes JSON lines with redacted message and fields, honouring the level', () => {
  const sink = createMemorySink();
  const log = createLogger({ sink, now: () => Date.UTC(2026, 0, 15), minLevel: 'info' }).child('ipc');
  log.debug('not written');
  log.info('set key 0123456789ABCDEF', { signKey: '0123456789ABCDEF', amountCents: 5 });
  const lines = sink.lines();
  assert.equal(lines.length, 1);
  assert.deepEqual(JSON.parse(lines[0] ?? ''), {
    at: '2026-01-15T00:00:00.000Z',
    level: 'info',
    scope: 'ipc',
    msg: 'set key [redacted]',
    signKey: '[redacted]',
    amountCents: 5,
  });
});

test('a failing sink never throws into the caller', () => {
  const log = createLogger({
    sink: {
      write: () => {
        throw new Error('disk full');
      },
    },
  });
  assert.doesNotThrow(() => log.error('boom'));
});
