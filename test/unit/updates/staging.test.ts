import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inRollout, rolloutPlace } from '../../../shared/updates/staging.ts';

test("a till's place in a rollout is its id's last four bytes over 0xffffffff", () => {
  assert.equal(rolloutPlace(`${'0'.repeat(24)}00000000`), 0);
  assert.equal(rolloutPlace(`${'a'.repeat(24)}ffffffff`), 1);
  assert.equal(rolloutPlace(`${'0'.repeat(24)}80000000`), 0x80000000 / 0xffffffff);
  assert.equal(rolloutPlace('not-an-id'), null);
});

test('staged rollout: below the percentage takes it, above waits; none or 100 means every till', () => {
  const early = `${'1'.repeat(24)}0a3d70a3`; // ≈ 4 %
  const late = `${'1'.repeat(24)}e6666666`; // ≈ 90 %
  assert.equal(inRollout(early, 10), true);
  assert.equal(inRollout(late, 10), false);
  assert.equal(inRollout(late, 95), true);
  assert.equal(inRollout(late, 100), true);
  assert.equal(inRollout(late, undefined), true);
  assert.equal(inRollout('', 50), false, 'a till without an id waits for the full rollout');
  assert.equal(inRollout(early, 0), false, '0 % is nobody');
});
