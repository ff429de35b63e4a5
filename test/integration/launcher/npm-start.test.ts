// `npm start` on a machine where Electron cannot run (here: no Electron binary, no display): one
// plain line saying why, then the browser shell's own lines. Runs the launcher as `npm start` does
// after its build step, with the browser shell on port 0 and a temp data folder.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { it } from 'node:test';

it('npm start without a usable Electron says why in one line and starts the browser shell', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'npm-start-'));
  const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' };
  const child = spawn(
    process.execPath,
    ['electron/launcher/start.ts', '--kiosk', '--data-dir', dataDir, '--port', '0'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
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
    assert.match(
      lines[0] ?? '',
      /^The desktop app cannot start here: (the Electron binary is not installed|there is no display)[^.]*\. Starting the till in the browser instead\.$/,
      stderr,
    );
    assert.match(lines[1] ?? '', /^till ready at http:\/\/127\.0\.0\.1:\d+\/\S*token=/);
    assert.match(lines[2] ?? '', /^customer display at http:\/\/127\.0\.0\.1:\d+\/customer/);
    assert.doesNotMatch(stderr, /Electron failed to install correctly/);
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    rmSync(dataDir, { recursive: true, force: true });
    assert.equal(code, 0, `the shells close cleanly on SIGTERM\n${stderr}`);
  }
});
