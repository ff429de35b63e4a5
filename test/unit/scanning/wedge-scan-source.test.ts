import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import type { Scan } from '../../../electron/core/devices/scan-source.ts';
import { WedgeScanSource } from '../../../electron/core/devices/wedge-scan-source.ts';
import { DEFAULT_WEDGE_TIMING } from '../../../shared/scanning/wedge-detector.ts';
import { recordedTraces } from './trace-files.ts';

function digit(c: string) {
  return { key: c, code: `Digit${c}` };
}

describe('WedgeScanSource', () => {
  it('blocks scan keys, emits the scan with its per-key timing', () => {
    const clock = new ManualClock(0);
    const wedge = new WedgeScanSource({ clock });
    wedge.start();
    const scans: Scan[] = [];
    const released: string[] = [];
    wedge.on('scan', (s) => scans.push(s));
    wedge.on('release', (r) => released.push(r.text));
    const blocked: boolean[] = [];
    for (const c of '135481333156664496') {
      blocked.push(wedge.feed(digit(c)).block);
      clock.advance(4);
    }
    blocked.push(wedge.feed({ key: 'Enter', code: 'Enter' }).block);
    assert.ok(blocked.every(Boolean));
    assert.equal(scans.length, 1);
    assert.equal(scans[0]?.raw, '135481333156664496');
    assert.equal(scans[0]?.source, 'wedge');
    assert.deepEqual(scans[0]?.timings, Array(18).fill(4));
    assert.deepEqual(wedge.lastScanTimings(), Array(18).fill(4));
    assert.deepEqual(released, []);
  });

  it("gives a person's key back through the idle timer once a scanner's key gap has passed, with no sleep", () => {
    const clock = new ManualClock(0);
    const wedge = new WedgeScanSource({ clock, canRetract: true });
    wedge.start();
    const released: string[] = [];
    wedge.on('release', (r) => released.push(r.text));
    assert.equal(wedge.feed({ key: '&', code: 'Digit1' }).block, true);
    clock.advance(DEFAULT_WEDGE_TIMING.keyGapMs);
    assert.deepEqual(released, []);
    clock.advance(1);
    assert.deepEqual(released, ['&'], "the layout's character is what the person typed");
    clock.advance(DEFAULT_WEDGE_TIMING.pauseMs); // the run it might still begin ends by idle time
    assert.deepEqual(released, ['&']);
    assert.equal(clock.pendingTimers, 0);
  });

  it('takes back a released head when a scanner goes on after a pause, and still emits the whole code', () => {
    const clock = new ManualClock(0);
    const wedge = new WedgeScanSource({ clock, canRetract: true });
    wedge.start();
    const field: string[] = [];
    const scans: string[] = [];
    wedge.on('release', (r) => field.push(r.text));
    wedge.on('retract', (r) => {
      assert.equal(field.join('').endsWith(r.text), true);
      field.splice(0, field.length, field.join('').slice(0, -r.text.length));
    });
    wedge.on('scan', (s) => scans.push(s.raw));
    wedge.feed(digit('1'));
    clock.advance(90); // a scanner's one pause: the 1 has gone to the field by now
    assert.deepEqual(field, ['1']);
    for (const c of '35481333156664496') {
      wedge.feed(digit(c));
      clock.advance(4);
    }
    wedge.feed({ key: 'Enter', code: 'Enter' });
    assert.deepEqual(scans, ['135481333156664496']);
    assert.equal(field.join(''), '');
  });

  it('uses the key times it is given (browser batches), timing idle ends from the clock', () => {
    const clock = new ManualClock(50_000);
    const wedge = new WedgeScanSource({ clock });
    wedge.start();
    const scans: string[] = [];
    wedge.on('scan', (s) => scans.push(s.raw));
    const trace = recordedTraces().find((t) => t.name === 'trace-004');
    assert.ok(trace);
    wedge.feedMany(trace.events);
    clock.advance(1000); // the last code of trace-004 has no terminator: it ends by idle time
    assert.deepEqual(scans, trace.expected);
  });

  it('passes every key while stopped, and flushes what it held when stopped', async () => {
    const clock = new ManualClock(0);
    const wedge = new WedgeScanSource({ clock });
    assert.equal(wedge.feed(digit('1')).block, false);
    wedge.start();
    const released: string[] = [];
    wedge.on('release', (r) => released.push(r.text));
    wedge.feed(digit('4'));
    await wedge.stop();
    assert.deepEqual(released, ['4']);
    assert.equal(wedge.status().state, 'disabled');
    assert.equal(clock.pendingTimers, 0);
  });
});
