// The page's view of its link to the till, on a fake clock: lost after the heartbeat stops, open again
// when it comes back, and a restart told apart by a new boot id (followed by the customer display,
// final for the till page, whose session the new till does not know).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLinkMonitor } from '../../../renderer/transport/link-monitor.ts';

describe('link monitor', () => {
  it('calls the till lost only after the heartbeat has been missing for lostAfterMs', () => {
    const link = createLinkMonitor({
      lostAfterMs: 7_000,
      now: 0,
      lostAfterErrorMs: 3_000,
      followRestart: false,
    });
    const seen: string[] = [];
    link.onChange((s) => seen.push(s));
    link.heard(0, 'boot-1');
    for (let t = 2_000; t <= 6_000; t += 2_000) {
      link.heard(t, 'boot-1');
      link.check(t + 1_000);
    }
    assert.equal(link.state(), 'open');
    link.check(13_000);
    assert.equal(link.state(), 'open', 'exactly lostAfterMs is not yet lost');
    link.check(13_001);
    assert.equal(link.state(), 'lost');
    link.heard(14_000, 'boot-1');
    assert.equal(link.state(), 'open', 'the same till came back');
    assert.deepEqual(seen, ['lost', 'open']);
  });

  it('any event counts as a sign of life', () => {
    const link = createLinkMonitor({
      lostAfterMs: 5_000,
      now: 0,
      lostAfterErrorMs: 3_000,
      followRestart: false,
    });
    link.heard(4_000, null);
    link.check(8_000);
    assert.equal(link.state(), 'open');
  });

  it('the till page: a new boot, or a refused session, means restarted, and stays so', () => {
    const link = createLinkMonitor({
      lostAfterMs: 5_000,
      now: 0,
      lostAfterErrorMs: 3_000,
      followRestart: false,
    });
    link.heard(0, 'boot-1');
    link.heard(1_000, 'boot-2');
    assert.equal(link.state(), 'restarted');
    link.heard(2_000, 'boot-2');
    assert.equal(link.state(), 'restarted');
    const other = createLinkMonitor({
      lostAfterMs: 5_000,
      now: 0,
      lostAfterErrorMs: 3_000,
      followRestart: false,
    });
    other.heard(0, 'boot-1');
    other.check(6_000);
    other.refused();
    assert.equal(other.state(), 'restarted');
  });

  it('the customer display follows a restarted till', () => {
    const link = createLinkMonitor({
      lostAfterMs: 5_000,
      now: 0,
      lostAfterErrorMs: 3_000,
      followRestart: true,
    });
    link.heard(0, 'boot-1');
    link.check(6_000);
    assert.equal(link.state(), 'lost');
    link.heard(7_000, 'boot-2');
    assert.equal(link.state(), 'open');
    assert.equal(link.boot(), 'boot-2');
  });

  it('once the stream failed, a shorter silence is enough', () => {
    const link = createLinkMonitor({
      lostAfterMs: 7_000,
      lostAfterErrorMs: 3_000,
      now: 0,
      followRestart: false,
    });
    link.heard(1_000, 'boot-1');
    link.failed(1_500);
    link.check(4_000);
    assert.equal(link.state(), 'open', '3 s of silence not yet over');
    link.check(4_001);
    assert.equal(link.state(), 'lost');
    link.heard(5_000, 'boot-1');
    link.check(9_000);
    assert.equal(link.state(), 'open', 'heard again: the long window applies again');
  });
});
