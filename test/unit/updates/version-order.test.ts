import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareVersions, formatVersion, parseVersion } from '../../../shared/updates/version-order.ts';

const cmp = (a: string, b: string) => {
  const x = parseVersion(a);
  const y = parseVersion(b);
  assert.ok(x && y, `${a} and ${b} parse`);
  return compareVersions(x, y);
};

test('orders versions by semver precedence, pre-releases below their release', () => {
  const ordered = [
    '0.1.0',
    '0.2.0-alpha',
    '0.2.0-alpha.1',
    '0.2.0-alpha.beta',
    '0.2.0-beta.2',
    '0.2.0-beta.11',
    '0.2.0',
    '0.10.0',
    '1.0.0',
  ];
  for (let i = 0; i < ordered.length - 1; i++) {
    assert.equal(
      cmp(ordered[i] as string, ordered[i + 1] as string),
      -1,
      `${ordered[i]} < ${ordered[i + 1]}`,
    );
    assert.equal(cmp(ordered[i + 1] as string, ordered[i] as string), 1);
  }
  assert.equal(cmp('1.2.3+build.5', '1.2.3'), 0, 'build metadata does not count');
});

test('refuses what is not a semantic version', () => {
  for (const bad of ['', '1.2', '01.2.3', '1.2.3-', 'latest', '1.2.3.4'])
    assert.equal(parseVersion(bad), null, bad);
  assert.equal(formatVersion(parseVersion('v2.0.1-beta.3') as never), '2.0.1-beta.3');
});
