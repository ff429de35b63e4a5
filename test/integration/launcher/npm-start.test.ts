// `npm start` on a machine where Electron cannot run: one plain line saying why, then the browser
// shell's own lines. Runs the launcher as `npm start` does after its build step, with the browser
// shell on port 0 and a temp data folder. A missing binary is first fetched by Electron's own
// installer, here from a local HTTP server standing as ELECTRON_MIRROR (a copy of the electron
// package without its binary, so the machine's own node_modules/electron is never touched); each
// test sets the whole Electron environment itself (CI exports ELECTRON_SKIP_BINARY_DOWNLOAD).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, it } from 'node:test';

const root = resolve(import.meta.dirname, '..', '..', '..');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;

let work: string;
let electronCopy: string;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'npm-start-'));
  // The electron package as `npm ci` leaves it with ELECTRON_SKIP_BINARY_DOWNLOAD: no dist, no path.txt.
  electronCopy = join(work, 'electron');
  mkdirSync(electronCopy, { recursive: true });
  for (const f of ['package.json', 'index.js', 'install.js', 'checksums.json'])
    copyFileSync(join(root, 'node_modules', 'electron', f), join(electronCopy, f));
  // Its installer finds @electron/get where the project has it.
  symlinkSync(join(root, 'node_modules'), join(electronCopy, 'node_modules'));
});
after(() => rmSync(work, { recursive: true, force: true }));

/** The test's environment without any Electron or npm-config variable the runner came with. */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (/^ELECTRON_|^electron_|^npm_(package_)?config_electron|^TILL_/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, WAYLAND_DISPLAY: '', TILL_ELECTRON_PACKAGE_DIR: electronCopy, ...extra };
}

/** Starts the launcher, reads stdout up to `customer display at`, then stops it with SIGTERM. */
async function npmStart(env: Record<string, string>): Promise<{ lines: string[]; stderr: string }> {
  const dataDir = mkdtempSync(join(work, 'data-'));
  const child = spawn(
    process.execPath,
    ['electron/launcher/start.ts', '--kiosk', '--data-dir', dataDir, '--port', '0'],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  // Reads on until the child ends (stdout stays drained: a closed pipe would fail the shell's writes).
  const lines: string[] = [];
  const announced = new Promise<void>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      lines.push(line);
      if (line.startsWith('customer display at ')) resolve();
    });
    rl.on('close', () => reject(new Error(`stdout ended early: ${lines.join(' | ')}\n${stderr}`)));
  });
  try {
    await announced;
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    assert.equal(code, 0, `the shells close cleanly on SIGTERM\n${stderr}`);
  }
  return { lines, stderr };
}

/** A mirror that answers every request with `answer` and records the paths asked for. */
async function mirror(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    paths.push(req.url ?? '');
    answer(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    paths,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function assertBrowserShellLines(lines: readonly string[], from: number): void {
  assert.match(lines[from] ?? '', /^till ready at http:\/\/127\.0\.0\.1:\d+\/\S*token=/);
  assert.match(lines[from + 1] ?? '', /^customer display at http:\/\/127\.0\.0\.1:\d+\/customer/);
}

const fetchingLine = new RegExp(
  `^Fetching the Electron ${electronVersion.replace(/\./g, '\\.')} binary for the desktop app \\(first start only; at most \\d+ s\\)…$`,
);

it('npm start without a display says why in one line and starts the browser shell, fetching nothing', async () => {
  const server = await mirror((_req, res) => res.writeHead(500).end());
  try {
    const { lines, stderr } = await npmStart(cleanEnv({ DISPLAY: '', ELECTRON_MIRROR: server.url }));
    assert.equal(
      lines[0],
      'The desktop app cannot start here: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set). Starting the till in the browser instead.',
      stderr,
    );
    assertBrowserShellLines(lines, 1);
    assert.deepEqual(server.paths, [], 'no download without a display');
    assert.doesNotMatch(stderr, /Electron failed to install correctly/);
  } finally {
    await server.close();
  }
});

it("a missing binary is fetched by Electron's installer from ELECTRON_MIRROR; a refusal ends in the browser shell", async () => {
  const server = await mirror((_req, res) => res.writeHead(403, 'Forbidden').end('no'));
  try {
    const { lines, stderr } = await npmStart(
      cleanEnv({ DISPLAY: ':99', ELECTRON_MIRROR: server.url, ELECTRON_CACHE: join(work, 'cache') }),
    );
    assert.deepEqual(server.paths, [`/v${electronVersion}/${zipName}`], 'the installer asked the mirror');
    assert.match(lines[0] ?? '', fetchingLine, stderr);
    assert.equal(
      lines[1],
      `The desktop app cannot start here: the Electron ${electronVersion} binary could not be fetched ` +
        `(Response code 403 (Forbidden) for ${server.url}v${electronVersion}/${zipName}). Starting the till in the browser instead.`,
    );
    assertBrowserShellLines(lines, 2);
    assert.doesNotMatch(stderr, /at FetchDownloader|HTTPError/, 'no stack trace');
  } finally {
    await server.close();
  }
});

it("a zip that fails the package's checksum is refused; ELECTRON_CUSTOM_DIR is honoured", async () => {
  const server = await mirror((_req, res) => res.writeHead(200).end('not the Electron you are looking for'));
  try {
    const { lines } = await npmStart(
      cleanEnv({
        DISPLAY: ':99',
        ELECTRON_MIRROR: server.url,
        ELECTRON_CUSTOM_DIR: 'mirror-{{ version }}',
        ELECTRON_CACHE: join(work, 'cache'),
      }),
    );
    assert.deepEqual(server.paths, [`/mirror-${electronVersion}/${zipName}`]);
    assert.match(lines[0] ?? '', fetchingLine);
    assert.match(
      lines[1] ?? '',
      /^The desktop app cannot start here: the Electron \S+ binary could not be fetched \(Generated checksum for "electron-v\S+\.zip" did not match expected checksum\)\. Starting the till in the browser instead\.$/,
    );
    assertBrowserShellLines(lines, 2);
  } finally {
    await server.close();
  }
});

it('a fetch that does not finish in time is stopped and ends in the browser shell', async () => {
  const held: ServerResponse[] = [];
  const server = await mirror((_req, res) => {
    held.push(res); // never answered
  });
  try {
    const { lines } = await npmStart(
      cleanEnv({ DISPLAY: ':99', ELECTRON_MIRROR: server.url, TILL_ELECTRON_FETCH_TIMEOUT_S: '1' }),
    );
    // Whether the installer got as far as asking in that second depends on the machine's load.
    assert.match(lines[0] ?? '', /at most 1 s\)…$/);
    assert.equal(
      lines[1],
      `The desktop app cannot start here: the Electron ${electronVersion} binary could not be fetched within 1 s. Starting the till in the browser instead.`,
    );
    assertBrowserShellLines(lines, 2);
  } finally {
    await server.close();
  }
});

it('an Electron binary that dies as it starts (the Ubuntu 24.04 sandbox refusal) falls back, saying why', async () => {
  const dist = join(work, 'dying-electron');
  mkdirSync(dist, { recursive: true });
  const fatal =
    '[4242:1207/101500.000000:FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, but is not configured correctly.';
  writeFileSync(join(dist, 'electron'), `#!/bin/sh\necho '${fatal}' >&2\nkill -TRAP $$\n`, { mode: 0o755 });
  const { lines, stderr } = await npmStart(cleanEnv({ DISPLAY: ':99', ELECTRON_OVERRIDE_DIST_PATH: dist }));
  assert.equal(
    lines[0],
    'The desktop app cannot start here: Electron stopped on signal SIGTRAP as it started: The SUID sandbox helper ' +
      'binary was found, but is not configured correctly; on Ubuntu 23.10 and later install the deb, whose ' +
      'AppArmor profile allows the sandbox (README). Starting the till in the browser instead.',
    stderr,
  );
  assertBrowserShellLines(lines, 1);
  assert.match(stderr, /FATAL:setuid_sandbox_host/, "Electron's own words are passed on");
});
