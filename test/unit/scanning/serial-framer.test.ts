import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type FramerOutput,
  type Framing,
  SerialFramer,
} from '../../../electron/core/devices/serial-framer.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const frames = (out: FramerOutput[]) => out.flatMap((o) => (o.type === 'frame' ? [o.text] : []));
const discards = (out: FramerOutput[]) => out.flatMap((o) => (o.type === 'discarded' ? [o.reason] : []));
const CODE = '135481333156664496';
const TERMINATORS: Record<Exclude<Framing, 'none'>, string> = { CR: '\r', LF: '\n', CRLF: '\r\n' };

describe('serial framer: line framings', () => {
  for (const [framing, end] of Object.entries(TERMINATORS) as Array<[Framing, string]>) {
    it(`${framing}: one code, two codes in one read, and a code split at every byte`, () => {
      const f = new SerialFramer({ framing });
      assert.deepEqual(frames(f.push(bytes(`${CODE}${end}`), 0)), [CODE]);
      assert.deepEqual(frames(f.push(bytes(`${CODE}${end}4006381333931${end}`), 1)), [CODE, '4006381333931']);
      const whole = bytes(`${CODE}${end}`);
      for (let cut = 1; cut < whole.length; cut++) {
        const g = new SerialFramer({ framing });
        const out = [...g.push(whole.slice(0, cut), 10), ...g.push(whole.slice(cut), 11)];
        assert.deepEqual(frames(out), [CODE], `cut at ${cut}`);
        assert.equal(g.buffered, 0);
      }
    });
  }

  it('CR framing tolerates a CRLF scanner (the stray LF is dropped)', () => {
    const f = new SerialFramer({ framing: 'CR' });
    assert.deepEqual(frames(f.push(bytes(`${CODE}\r\n4006381333931\r\n`), 0)), [CODE, '4006381333931']);
  });

  it('removes the configured prefix and suffix, STX/ETX and surrounding spaces', () => {
    const f = new SerialFramer({ framing: 'CR', prefix: 'S:', suffix: '#' });
    assert.deepEqual(frames(f.push(bytes(`S:${CODE}#\r`), 0)), [CODE]);
    assert.deepEqual(frames(f.push(bytes(`\u0002${CODE}\u0003\r`), 1)), [CODE]);
    assert.deepEqual(frames(f.push(bytes(`  ${CODE} \r`), 2)), [CODE]);
    assert.deepEqual(frames(f.push(bytes(`${CODE}\r`), 3)), [CODE], 'a missing prefix is not an error');
  });

  it('ignores empty lines', () => {
    const f = new SerialFramer({ framing: 'LF' });
    assert.deepEqual(f.push(bytes('\n\n\r\n'), 0), []);
  });

  it('an oversized line is dropped up to its terminator, reported once, and the next code gets through', () => {
    const f = new SerialFramer({ framing: 'CR', maxBytes: 64 });
    const out = [...f.push(bytes('9'.repeat(100)), 0), ...f.push(bytes('9'.repeat(100)), 1)];
    assert.deepEqual(discards(out), ['too-long']);
    assert.ok(f.buffered <= 64);
    assert.deepEqual(
      f.push(bytes(`999\r${CODE}\r`), 2).map((o) => o.type),
      ['frame'],
    );
  });

  it('10 kB without a terminator: bounded buffer, one "line too long" report, no frame', () => {
    const f = new SerialFramer({ framing: 'CRLF' });
    const out = f.push(bytes('7'.repeat(10_240)), 0);
    assert.equal(out.length, 1);
    assert.equal(
      out[0]?.type === 'discarded' && out[0].message,
      'line too long (over 1024 bytes), discarded',
    );
    assert.ok(f.buffered <= 1024);
    // The tail of the long line never becomes a code; the line after it does.
    assert.deepEqual(frames(f.push(bytes(`777\r\n${CODE}\r\n`), 5)), [CODE]);
  });

  it('binary noise and control characters are reported as unreadable, not passed on', () => {
    const f = new SerialFramer({ framing: 'CR' });
    const noise = new Uint8Array([0x00, 0xff, 0x13, 0x88, 0x7f, 0x01, 0xfe, 0x0d]);
    const out = f.push(noise, 0);
    assert.deepEqual(discards(out), ['unreadable']);
    assert.match(out[0]?.type === 'discarded' ? out[0].message : '', /baud rate/);
    assert.deepEqual(discards(f.push(bytes('1354\u00078133\r'), 1)), ['unreadable']);
    assert.deepEqual(
      discards(f.push(new Uint8Array([0x31, 0xc3, 0x28, 0x0d]), 2)),
      ['unreadable'],
      'bad UTF-8',
    );
    assert.deepEqual(frames(f.push(bytes(`${CODE}\r`), 3)), [CODE]);
  });

  it('a partial line that never gets its terminator is reported after the line timeout', () => {
    const f = new SerialFramer({ framing: 'CRLF', lineTimeoutMs: 1000 });
    assert.deepEqual(f.push(bytes(`${CODE}\r`), 0), []);
    assert.equal(f.nextDeadline(), 1000);
    assert.deepEqual(f.tick(999), []);
    const out = f.tick(1000);
    assert.deepEqual(discards(out), ['incomplete']);
    assert.match(out[0]?.type === 'discarded' ? out[0].message : '', /no CRLF terminator.*framing setting/);
    assert.equal(f.nextDeadline(), null);
  });
});

describe('serial framer: no terminator (inter-byte timeout)', () => {
  it('a code ends after idleMs of silence, also across several reads', () => {
    const f = new SerialFramer({ framing: 'none', idleMs: 50 });
    assert.deepEqual(f.push(bytes(CODE.slice(0, 7)), 0), []);
    assert.deepEqual(f.push(bytes(CODE.slice(7)), 20), []);
    assert.equal(f.nextDeadline(), 70);
    assert.deepEqual(f.tick(69), []);
    assert.deepEqual(frames(f.tick(70)), [CODE]);
  });

  it('a new read after the idle time ends the previous code first', () => {
    const f = new SerialFramer({ framing: 'none', idleMs: 50 });
    f.push(bytes(CODE), 0);
    const out = f.push(bytes('4006381333931'), 200);
    assert.deepEqual(frames(out), [CODE]);
    assert.deepEqual(frames(f.tick(250)), ['4006381333931']);
  });

  it('an oversized burst is reported and dropped until the line goes quiet', () => {
    const f = new SerialFramer({ framing: 'none', idleMs: 50, maxBytes: 32 });
    assert.deepEqual(discards(f.push(bytes('1'.repeat(10_000)), 0)), ['too-long']);
    assert.deepEqual(f.tick(50), []);
    f.push(bytes(CODE), 100);
    assert.deepEqual(frames(f.tick(150)), [CODE]);
  });
});
