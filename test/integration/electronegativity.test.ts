// Runs @doyensec/electronegativity over the Electron shell (electron/main, electron/preload), the
// renderer HTML, and the exact BrowserWindow options window-options.ts produces, written out as
// literals. Fails on any HIGH or MEDIUM finding not justified in electron/main/electronegativity-
// exceptions.ts, and on exceptions that match nothing. A deliberately insecure canary file proves the
// scanner really reads the tree.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  ELECTRONEGATIVITY_EXCEPTIONS,
  EXCLUDED_CHECKS,
} from '../../electron/main/electronegativity-exceptions.ts';
import { customerWindowOptions, tillWindowOptions } from '../../electron/main/window-options.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

interface Finding {
  file: string;
  id: string;
  severity: { name: string };
  confidence: { name: string };
  location: { line: number; column: number };
  sample?: string | null;
  description: string;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: Finding[];
}
type Run = (options: Record<string, unknown>) => Promise<ScanResult>;

function generatedOptionsSource(): string {
  const common = { preloadPath: '/preload/till.cjs', devTools: false };
  const bounds = { x: 0, y: 0, width: 1024, height: 768 };
  const all = [
    tillWindowOptions({ ...common, kiosk: false, bounds }),
    customerWindowOptions({
      preloadPath: '/preload/customer.cjs',
      devTools: false,
      placement: { kind: 'fullscreen', displayId: 2, bounds },
    }),
    customerWindowOptions({
      preloadPath: '/preload/customer.cjs',
      devTools: false,
      placement: { kind: 'window', displayId: 1, bounds },
    }),
  ];
  return [
    "const { BrowserWindow } = require('electron');",
    ...all.map((o, i) => `const w${i} = new BrowserWindow(${JSON.stringify(o, null, 2)});`),
    '',
  ].join('\n');
}

const CANARY = [
  "const { BrowserWindow } = require('electron');",
  'const bad = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });',
  '',
].join('\n');

let dir = '';
let result: ScanResult;
let findings: Finding[] = [];

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const tree = join(dir, 'scan');
  cpSync(join(root, 'electron', 'main'), join(tree, 'main'), { recursive: true });
  cpSync(join(root, 'electron', 'preload'), join(tree, 'preload'), { recursive: true });
  for (const role of ['till', 'customer']) {
    mkdirSync(join(tree, 'renderer', role), { recursive: true });
    cpSync(join(root, 'renderer', role, 'index.html'), join(tree, 'renderer', role, 'index.html'));
  }
  mkdirSync(join(tree, 'generated'));
  writeFileSync(join(tree, 'generated', 'window-options.js'), generatedOptionsSource());
  mkdirSync(join(tree, 'canary'));
  writeFileSync(join(tree, 'canary', 'insecure.js'), CANARY);
  const electronVersion = (
    JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const mod = require('@doyensec/electronegativity') as Run | { default: Run };
  const run = typeof mod === 'function' ? mod : mod.default;
  result = await run({
    input: tree,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: EXCLUDED_CHECKS.map((c) => c.check),
    parserPlugins: [],
  });
  findings = result.issues;
});

after(() => rmSync(dir, { recursive: true, force: true }));

const serious = (f: Finding) => f.severity.name === 'HIGH' || f.severity.name === 'MEDIUM';
const isException = (f: Finding) =>
  ELECTRONEGATIVITY_EXCEPTIONS.find(
    (e) => e.check === f.id && e.file === f.file && (f.sample ?? '').includes(e.sample),
  );
const describe = (f: Finding) =>
  `${f.severity.name} ${f.id} ${f.file}:${f.location.line} ${f.sample ?? ''} — ${f.description}`;

test('every file parses (TypeScript included)', () => {
  assert.ok(result.atomicChecks > 20 && result.globalChecks > 3, 'checks loaded');
  assert.deepEqual(
    result.errors.filter((e) => !e.tolerable),
    [],
  );
});

test('the canary proves the scanner reads the tree and reports what is insecure', () => {
  const canary = new Set(findings.filter((f) => f.file === join('canary', 'insecure.js')).map((f) => f.id));
  for (const id of ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']) {
    assert.ok(canary.has(id), `canary must raise ${id}`);
  }
});

test('no HIGH or MEDIUM finding in the shell beyond the justified exceptions', () => {
  const unexplained = findings.filter((f) => !f.file.startsWith('canary') && serious(f) && !isException(f));
  assert.deepEqual(unexplained.map(describe), []);
});

test('the generated window options pass every BrowserWindow hardening check', () => {
  const generated = findings.filter((f) => f.file === join('generated', 'window-options.js'));
  assert.deepEqual(generated.filter((f) => f.id !== 'PRELOAD_JS_CHECK').map(describe), []);
});

test('navigation, permission and CSP global checks are satisfied', () => {
  const globals = findings.filter((f) => f.file === 'N/A').map(describe);
  assert.deepEqual(globals, []);
});

test('every exception still matches a finding and carries a reason', () => {
  for (const e of ELECTRONEGATIVITY_EXCEPTIONS) {
    assert.ok(e.reason.length > 20, `${e.check} ${e.file}: reason`);
    assert.ok(
      findings.some((f) => isException(f) === e),
      `stale exception: ${e.check} ${e.file} "${e.sample}"`,
    );
  }
});
