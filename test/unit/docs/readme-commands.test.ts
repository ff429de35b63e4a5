// The README promises a newcomer two commands; CI must run exactly the install-and-test one, and the
// scripts both name must exist.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';

const readme = readFileSync('README.md', 'utf8');
const ciRun = readFileSync('.ci/run', 'utf8');
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
  .scripts;

function commandAfter(comment: string): string {
  const lines = readme.split('\n');
  const at = lines.findIndex((l) => l.trim() === comment);
  assert.ok(at >= 0, `README has the line "${comment}"`);
  return (lines[at + 1] ?? '').trim();
}

it('README names the install-and-run and install-and-test commands', () => {
  assert.equal(
    commandAfter('# install and run the till (desktop app, sandbox gateway)'),
    'npm install && npm start',
  );
  assert.equal(commandAfter('# install and run the tests'), 'npm install && npm test');
});

it('.ci/run runs the README test command as its last step', () => {
  const lastCommand = ciRun
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .at(-1);
  assert.equal(lastCommand, commandAfter('# install and run the tests'));
});

it('every npm script the README names exists', () => {
  const named = new Set([...readme.matchAll(/npm run (?:--silent )?([a-z:]+)/g)].map((m) => m[1] ?? ''));
  for (const name of named)
    assert.ok(name in scripts, `README names "npm run ${name}", which package.json lacks`);
  assert.ok('start' in scripts && 'test' in scripts);
});
