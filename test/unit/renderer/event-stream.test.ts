// The page's event stream on a manual clock, against a stand-in for the browser's EventSource that
// behaves as Chromium does (measured): a dropped stream or a refused connection errors with readyState
// CONNECTING and, left alone, is retried by the browser after the shell's `retry:` (2 s); an HTTP
// refusal errors with readyState CLOSED and is never retried. The page must be back within a second
// of a restarted till answering, however long it was away, without hammering a till that is not there.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import {
  createEventStream,
  type EventSourceLike,
  type EventStreamDeps,
} from '../../../renderer/transport/event-stream.ts';
import type { ConnectionState } from '../../../shared/contract.ts';

/** What the browser needs to reach the stream's URL: a connection (and its answer) takes this long. */
const CONNECT_MS = 5;
/** The shell's `retry:` field, which Chromium waits before it retries a stream left to it. */
const BROWSER_RETRY_MS = 2_000;

type Till = 'up' | 'down' | 'refusing';

class FakeBrowser {
  till: Till = 'up';
  boot = 'boot-1';
  readonly attempts: number[] = [];
  readonly sources: FakeSource[] = [];
  readonly clock: ManualClock;
  constructor(clock: ManualClock) {
    this.clock = clock;
  }

  open(): FakeSource {
    const source = new FakeSource(this);
    this.sources.push(source);
    this.connect(source);
    return source;
  }

  connect(source: FakeSource): void {
    this.attempts.push(this.clock.now());
    this.clock.setTimeout(() => {
      if (source.closed) return;
      if (this.till === 'up') source.opened();
      else if (this.till === 'refusing') source.refused();
      else source.dropped();
    }, CONNECT_MS);
  }

  /** The till's streams drop; after that it is `next` (gone, or answering with a refusal). */
  stop(next: Till = 'down'): void {
    this.till = next;
    for (const s of this.sources) if (s.readyState === 1) s.dropped();
  }

  /** A stream the page is listening to now (open, not closed by the page). */
  live(): FakeSource | undefined {
    return this.sources.find((s) => s.readyState === 1);
  }
}

class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  onopen: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  readonly #listeners = new Map<string, ((e: { data: string }) => void)[]>();
  readonly browser: FakeBrowser;
  constructor(browser: FakeBrowser) {
    this.browser = browser;
  }

  addEventListener(name: string, listener: (e: { data: string }) => void): void {
    this.#listeners.set(name, [...(this.#listeners.get(name) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  emit(name: string, payload: unknown): void {
    for (const l of this.#listeners.get(name) ?? []) l({ data: JSON.stringify(payload) });
  }
  opened(): void {
    this.readyState = 1;
    this.onopen?.({});
    this.emit('heartbeat', { boot: this.browser.boot });
    this.emit('till.snapshot', { sale: null, boot: this.browser.boot });
  }
  refused(): void {
    this.readyState = 2;
    this.onerror?.({});
  }
  /** Chromium: readyState CONNECTING, the error event, and its own retry unless the page closes it. */
  dropped(): void {
    this.readyState = 0;
    this.onerror?.({});
    if (this.closed) return;
    this.browser.clock.setTimeout(() => {
      if (!this.closed) this.browser.connect(this);
    }, BROWSER_RETRY_MS);
  }
}

function setup(opts: { probe?: boolean } = {}) {
  const clock = new ManualClock(0);
  const browser = new FakeBrowser(clock);
  const deps: EventStreamDeps = {
    now: () => clock.now(),
    setTimeout: (fn, ms) => clock.setTimeout(fn, ms),
    openSource: () => browser.open(),
  };
  let probes = 0;
  const snapshots: number[] = [];
  const states: ConnectionState[] = [];
  const stream = createEventStream('/api/events?token=t', ['till.snapshot'], {
    followRestart: false,
    ...(opts.probe
      ? {
          probeBoot: () => {
            probes++;
            return Promise.resolve(null);
          },
        }
      : {}),
    deps,
  });
  stream.on('till.snapshot', () => snapshots.push(clock.now()));
  stream.onConnection((s) => states.push(s));
  clock.advance(CONNECT_MS);
  assert.ok(browser.live(), 'the stream opened');
  return {
    clock,
    browser,
    snapshots,
    states,
    probes: () => probes,
  };
}

describe('event stream reconnect', () => {
  // Just after one of the attempts the browser would make on its own (every 2 s): the worst moment
  // for a page that left the retry to it.
  for (const awayMs of [0, 300, 2_010, 4_020, 10_060, 60_300]) {
    it(`is back within a second of a till that was away ${awayMs} ms answering again`, () => {
      const { clock, browser, snapshots } = setup();
      browser.stop();
      const stoppedAt = clock.now();
      clock.advance(awayMs);
      const attemptsWhileAway = browser.attempts.filter((t) => t > stoppedAt).length;
      // Bounded: the first two within 750 ms, then no more than one a second.
      assert.ok(
        attemptsWhileAway <= 2 + Math.floor(awayMs / 1_000),
        `${attemptsWhileAway} attempts in ${awayMs} ms`,
      );
      browser.till = 'up';
      const upAt = clock.now();
      const heard = snapshots.length;
      clock.advance(1_000 + CONNECT_MS);
      assert.ok(browser.live(), `open again within a second of the till answering (away ${awayMs} ms)`);
      assert.equal(snapshots.length, heard + 1, 'the current snapshot arrived, once');
      assert.ok((snapshots.at(-1) ?? 0) <= upAt + 1_000 + CONNECT_MS);
      assert.equal(
        browser.sources.filter((s) => !s.closed).length,
        1,
        'one stream at a time: each failed one was closed, none left to the browser',
      );
    });
  }

  it('backs off from 1 s to 15 s while the till answers and refuses the stream, asking which till it is', () => {
    const { clock, browser, probes } = setup({ probe: true });
    const from = clock.now();
    browser.stop('refusing');
    clock.advance(60_000);
    const attempts = browser.attempts.filter((t) => t > from);
    // The wait before each attempt: the drop is "unreachable" (250 ms), every later one followed a
    // refusal that came CONNECT_MS after its attempt.
    const waits = attempts.map((t, i) => (i === 0 ? t - from : t - (attempts[i - 1] ?? 0) - CONNECT_MS));
    assert.deepEqual(waits, [250, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
    assert.equal(probes(), attempts.length, 'each refusal asks which till answers');
  });

  it('a till that refused while closing, then was away, is heard within a second of answering', () => {
    const { clock, browser, snapshots } = setup();
    browser.stop('refusing');
    clock.advance(4_000); // drop → 250 ms → refused → 1 s → refused → 2 s wait under way
    browser.till = 'down';
    clock.advance(7_000);
    browser.till = 'up';
    clock.advance(1_000 + CONNECT_MS);
    assert.ok(browser.live(), 'open again within a second of answering');
    assert.equal(snapshots.length, 2, 'the first snapshot, and the current one once back');
  });

  it('still calls the till lost a few seconds after the stream failed, and open once it is back', () => {
    const { clock, browser, states } = setup();
    browser.stop();
    clock.advance(4_500);
    assert.deepEqual(states, ['lost']);
    browser.till = 'up';
    clock.advance(1_000 + CONNECT_MS);
    assert.deepEqual(states, ['lost', 'open']);
  });
});
