import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyKey } from '../../../shared/scanning/key-chars.ts';
import {
  DEFAULT_WEDGE_TIMING,
  detectScans,
  WedgeDetector,
  type WedgeKeyEvent,
} from '../../../shared/scanning/wedge-detector.ts';
import { simulate } from './field-simulator.ts';
import { prng, syntheticTraces } from './synthetic-traces.ts';
import { recordedTraces } from './trace-files.ts';

/** Key-downs for `text` typed `gap` ms apart from `t0` (digits on the digit row). */
function typed(text: string, t0: number, gap: number | number[]): WedgeKeyEvent[] {
  return [...text].map((c, i) => {
    const t = t0 + (Array.isArray(gap) ? gap.slice(0, i).reduce((a, b) => a + b, 0) : i * gap);
    if (/\d/.test(c)) return { t, key: c, code: `Digit${c}` };
    if (c === '\n') return { t, key: 'Enter', code: 'Enter' };
    if (c === '\t') return { t, key: 'Tab', code: 'Tab' };
    return { t, key: c, code: c === ' ' ? 'Space' : `Key${c.toUpperCase()}` };
  });
}

const codes = (events: WedgeKeyEvent[]) => detectScans(events).map((s) => s.code);

describe('wedge detector on the recorded traces', () => {
  for (const trace of recordedTraces()) {
    it(`${trace.name}: exactly the expected codes, in order`, () => {
      assert.deepEqual(codes(trace.events), trace.expected);
    });
  }

  it('keeps its per-key contract on every recorded trace, with timer-driven ticks', () => {
    for (const trace of recordedTraces()) {
      const sim = simulate(trace.events);
      assert.deepEqual(sim.violations, [], trace.name);
      assert.deepEqual(
        sim.scans.map((s) => s.code),
        trace.expected,
        trace.name,
      );
    }
  });
});

describe('wedge detector on synthetic sessions built from the physical facts', () => {
  const traces = syntheticTraces(600, 1);

  it('reports exactly the expected codes on 600 seeded sessions', () => {
    const wrong = traces.filter((t) => JSON.stringify(codes(t.events)) !== JSON.stringify(t.expected));
    assert.deepEqual(
      wrong.map((t) => t.name),
      [],
    );
  });

  it('never lets a scan key into the field and never loses or reorders a typed key', () => {
    for (const trace of traces) {
      const sim = simulate(trace.events);
      assert.deepEqual(sim.violations, [], trace.name);
      assert.equal(sim.field, trace.typed, trace.name);
    }
  });

  it('never shows a key early to a shell that cannot take it back, and still gets every key right', () => {
    for (const trace of traces) {
      const sim = simulate(trace.events, {}, false);
      assert.equal(sim.retracted, 0, trace.name);
      assert.deepEqual(sim.violations, [], trace.name);
      assert.equal(sim.field, trace.typed, trace.name);
    }
  });

  it('holds a typed key at most burstHoldMs (one tick late at worst)', () => {
    const { burstHoldMs, keyGapMs } = DEFAULT_WEDGE_TIMING;
    let worst = 0;
    for (const trace of traces) worst = Math.max(worst, simulate(trace.events).maxHoldMs);
    assert.ok(worst <= Math.max(burstHoldMs, keyGapMs) + 1.01, `worst hold ${worst} ms`);
  });
});

describe('wedge detector decisions', () => {
  it("holds a first key, then releases it as typing once a scanner's key gap has passed", () => {
    const d = new WedgeDetector({}, { canRetract: true });
    const one = { t: 1000, key: '1', code: 'Digit1' };
    assert.deepEqual(d.feed(one), [{ type: 'hold', key: one }]);
    assert.equal(d.nextDeadline(), 1000 + DEFAULT_WEDGE_TIMING.keyGapMs);
    assert.deepEqual(d.tick(1000 + DEFAULT_WEDGE_TIMING.keyGapMs), []); // not yet past the deadline
    assert.deepEqual(d.tick(1000 + DEFAULT_WEDGE_TIMING.keyGapMs + 1), [
      { type: 'release', keys: [one], text: '1' },
    ]);
    assert.deepEqual(d.pending, []);
    // It could still begin a code whose scanner pauses after it, so the run lasts until pauseMs.
    assert.equal(d.nextDeadline(), 1000 + DEFAULT_WEDGE_TIMING.pauseMs);
    assert.deepEqual(d.tick(1000 + DEFAULT_WEDGE_TIMING.pauseMs + 1), []);
    assert.equal(d.nextDeadline(), null);
  });

  it('takes back keys it released when a scanner goes on after its one pause', () => {
    const d = new WedgeDetector({}, { canRetract: true });
    const keys = typed('135481333156664496\n', 0, [90, ...Array(17).fill(5)]);
    const out = keys.flatMap((k) => [...d.tick(k.t), ...d.feed(k)]);
    const types = out.filter((x) => x.type !== 'hold').map((x) => x.type);
    assert.deepEqual(types, ['release', 'retract', 'consume']);
    const retract = out.find((x) => x.type === 'retract');
    assert.ok(retract?.type === 'retract');
    assert.equal(retract.text, '1');
    const consume = out.at(-1);
    assert.ok(consume?.type === 'consume');
    assert.equal(consume.scan.code, '135481333156664496');
    assert.equal(consume.keys.length, 18, 'the held rest and the Enter');
  });

  it('shows a slow burst key after burstHoldMs, but never a key of a run faster than a person types', () => {
    const { burstHoldMs, personGapMs } = DEFAULT_WEDGE_TIMING;
    const burst = typed('12.50', 0, 40);
    const d = new WedgeDetector({}, { canRetract: true });
    const out = burst.flatMap((k) => [...d.tick(k.t), ...d.feed(k)]);
    out.push(...d.tick(burstHoldMs + 1));
    assert.ok(
      out.some((x) => x.type === 'release'),
      'a 40 ms burst is shown within burstHoldMs',
    );
    const fast = new WedgeDetector({}, { canRetract: true });
    const scanner = typed('1354813', 0, personGapMs - 1);
    const held = scanner.flatMap((k) => [...fast.tick(k.t), ...fast.feed(k)]);
    held.push(...fast.tick(scanner.at(-1)?.t ?? 0));
    assert.ok(!held.some((x) => x.type === 'release'));
  });

  it('consumes a terminated scan with its Enter, and the Enter is blocked too', () => {
    const d = new WedgeDetector();
    const keys = typed('135481333156664496\n', 0, 5);
    const out = keys.flatMap((k) => d.feed(k));
    const consume = out.find((x) => x.type === 'consume');
    assert.ok(consume && consume.type === 'consume');
    assert.equal(consume.scan.code, '135481333156664496');
    assert.equal(consume.scan.terminator, 'Enter');
    assert.equal(consume.keys.length, 19);
    assert.deepEqual(consume.scan.gaps, Array(18).fill(5));
    assert.ok(!out.some((x) => x.type === 'pass' || x.type === 'release'));
  });

  it("lets a person's Enter after an amount through, after releasing the held digits in order", () => {
    const d = new WedgeDetector();
    const keys = typed('12.50\n', 0, 200);
    const out = keys.flatMap((k) => d.feed(k));
    const texts = out.flatMap((x) =>
      x.type === 'release' ? [x.text] : x.type === 'pass' ? [x.key.key] : [],
    );
    assert.equal(texts.join(''), '12.50Enter');
    assert.equal(out.at(-1)?.type, 'pass');
  });

  it('reads digits from the physical key on AZERTY and on a keypad with NumLock off', () => {
    const azerty = '&é"\'(-è_çà'.split('').map((key, i) => ({ t: i * 3, key, code: `Digit${(i + 1) % 10}` }));
    assert.deepEqual(codes(azerty), ['1234567890']);
    const navKeys = [
      'End',
      'ArrowDown',
      'PageDown',
      'ArrowLeft',
      'Clear',
      'ArrowRight',
      'Home',
      'ArrowUp',
      'PageUp',
    ];
    const keypad = navKeys.map((key, i) => ({ t: i * 3, key, code: `Numpad${i + 1}` }));
    assert.deepEqual(codes([...keypad, { t: 30, key: 'Enter', code: 'NumpadEnter' }]), ['123456789']);
  });

  it('takes letters from the layout and ignores the Shift presses a scanner makes for capitals', () => {
    const code = 'hQVDUFYwMQAbc+/9xyz=';
    const events: WedgeKeyEvent[] = [];
    let t = 0;
    for (const c of code) {
      if (/[A-Z]/.test(c)) {
        t += 2;
        events.push({ t, key: 'Shift', code: 'ShiftLeft' });
      }
      t += 3;
      const physical = /\d/.test(c) ? `Digit${c}` : /[a-z]/i.test(c) ? `Key${c.toUpperCase()}` : 'Slash';
      events.push({ t, key: c, code: physical });
    }
    events.push({ t: t + 3, key: 'Tab', code: 'Tab' });
    assert.deepEqual(codes(events), [code]);
    const d = new WedgeDetector();
    const shiftFates = events
      .filter((e) => e.key === 'Shift')
      .map((e) => d.feed(e).find((x) => (x.type === 'hold' || x.type === 'pass') && x.key === e)?.type);
    assert.ok(shiftFates.every((f) => f === 'pass'));
  });

  it('tolerates one pause of up to 100 ms inside a terminated code', () => {
    const gaps = Array(17).fill(8);
    gaps[0] = 100; // right after the first character
    assert.deepEqual(codes(typed('135481333156664496\n', 0, [...gaps, 8])), ['135481333156664496']);
    gaps[0] = 8;
    gaps[16] = 95; // just before the last character
    assert.deepEqual(codes(typed('135481333156664496\t', 0, [...gaps, 8])), ['135481333156664496']);
  });

  it('does not merge two unterminated parts split by a pause (such codes have none)', () => {
    const gaps = Array(17).fill(8);
    gaps[8] = 90;
    assert.deepEqual(codes(typed('135481333156664496', 0, gaps)), ['135481333', '156664496']);
  });

  it('refuses a second pause: the keys before the first one are settled on their own', () => {
    const gaps = Array(17).fill(8);
    gaps[3] = 90;
    gaps[10] = 90;
    assert.deepEqual(codes(typed('135481333156664496\n', 0, [...gaps, 8])), ['81333156664496']);
  });

  it('tells two unterminated scans 150 ms apart', () => {
    const a = typed('6282612972269081948', 0, 10);
    const b = typed('9104391464678', 180 + 150, 4);
    assert.deepEqual(codes([...a, ...b]), ['6282612972269081948', '9104391464678']);
  });

  it('never takes a burst of six fast keys for a scan, terminated or not', () => {
    assert.deepEqual(codes(typed('50.00\n', 0, 35)), []);
    assert.deepEqual(codes(typed('123456', 0, 35)), []);
    assert.deepEqual(codes(typed('2500', 0, 35)), []);
  });

  it('settles held keys before passing Backspace, so edits keep their order', () => {
    const d = new WedgeDetector();
    d.feed({ t: 0, key: '4', code: 'Digit4' });
    const out = d.feed({ t: 90, key: 'Backspace', code: 'Backspace' });
    assert.deepEqual(
      out.map((x) => x.type),
      ['release', 'pass'],
    );
  });

  it('an unterminated scan interrupted by another key is still a scan', () => {
    const d = new WedgeDetector();
    const scanKeys = typed('9104391464678', 0, 4);
    for (const k of scanKeys) d.feed(k);
    const out = d.feed({ t: 60, key: 'Escape', code: 'Escape' });
    assert.equal(out[0]?.type, 'consume');
    assert.equal(out[1]?.type, 'pass');
  });

  it('releases a stuck key instead of holding it forever (bounded)', () => {
    const d = new WedgeDetector({ maxLength: 64 });
    const out = Array.from({ length: 65 }, (_, i) => d.feed({ t: i * 10, key: '1', code: 'Digit1' })).flat();
    const released = out.filter((x) => x.type === 'release');
    assert.equal(released.length, 1);
    assert.equal(released[0]?.type === 'release' && released[0].text.length, 65);
    assert.deepEqual(d.pending, []);
  });

  it('settles what it holds when time runs backwards or is not a number', () => {
    const d = new WedgeDetector();
    d.feed({ t: 500, key: '1', code: 'Digit1' });
    assert.equal(d.feed({ t: 100, key: '2', code: 'Digit2' })[0]?.type, 'release');
    assert.equal(d.feed({ t: Number.NaN, key: '3', code: 'Digit3' })[0]?.type, 'release');
  });

  it('classifies keys: digits by code, terminators, modifiers, others', () => {
    assert.deepEqual(classifyKey({ t: 0, key: 'à', code: 'Digit0' }), { kind: 'char', char: '0' });
    assert.deepEqual(classifyKey({ t: 0, key: 'Enter', code: 'NumpadEnter' }), {
      kind: 'terminator',
      name: 'Enter',
    });
    assert.deepEqual(classifyKey({ t: 0, key: 'Tab', code: 'Tab' }), { kind: 'terminator', name: 'Tab' });
    assert.deepEqual(classifyKey({ t: 0, key: 'CapsLock', code: 'CapsLock' }), { kind: 'modifier' });
    assert.deepEqual(classifyKey({ t: 0, key: 'F5', code: 'F5' }), { kind: 'other' });
    assert.deepEqual(classifyKey({ t: 0, key: 'Dead', code: 'BracketLeft' }), { kind: 'other' });
    assert.deepEqual(classifyKey({ t: 0, key: '\u0007', code: '' }), { kind: 'other' });
    assert.deepEqual(classifyKey({ t: 0, key: 'Q', code: 'KeyA' }), { kind: 'char', char: 'Q' });
  });

  it('survives key noise: odd keys, codes and times never throw nor break the per-key contract', () => {
    const r = prng(99);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)] as T;
    const keys = [
      '',
      'Enter',
      'Tab',
      'Shift',
      'Unidentified',
      'Dead',
      '\u0000',
      '\u001b',
      '\ud83d\ude00',
      'é',
      'x'.repeat(40),
      '7',
    ];
    const codes = ['', 'Digit7', 'Numpad3', 'KeyQ', 'Enter', 'IntlBackslash', 'Fn', 'x'.repeat(40)];
    let t = 0;
    const events: WedgeKeyEvent[] = [];
    for (let i = 0; i < 20_000; i++) {
      t += pick([0, 1, 5, 30, 60, 99, 150, 5000, -20, Number.NaN, Number.POSITIVE_INFINITY]);
      if (!Number.isFinite(t)) t = i;
      events.push({ t: r() < 0.01 ? Number.NaN : t, key: pick(keys), code: pick(codes) });
    }
    const sim = simulate(events);
    assert.deepEqual(sim.violations, []);
    for (const s of sim.scans) assert.ok(s.code.length >= DEFAULT_WEDGE_TIMING.minLength);
  });
});
