// Issue 22, finding 3: a printer target could overwrite any file (a test page to the journal turned its
// header into ESC/POS). Only printer devices pass: refused as a setting (the settings boundary) and
// again when the device is opened (a file or link put there since). Real things throughout: the
// till's own journal file, a symlink, /etc/passwd, a fifo, /dev/null and a socat pty as the serial port.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SerialPort } from 'serialport';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { defaultSettings } from '../../../electron/core/config/defaults.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { SETTINGS_FILE } from '../../../electron/core/config/settings-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { SANDBOX_JOURNAL_FILE } from '../../../electron/core/journal/journal-files.ts';
import { checkSerialDevice, openCharDevice } from '../../../electron/core/printing/char-device.ts';
import { createDevicePrinter } from '../../../electron/core/printing/device-printer.ts';
import { openPrinter } from '../../../electron/core/printing/open-printer.ts';
import { PrintError } from '../../../electron/core/printing/printer.ts';
import { createSerialPrinter } from '../../../electron/core/printing/serial-printer.ts';
import { parsePrinterTarget, printerTargetProblem } from '../../../shared/printing/printer-target.ts';
import { signIn } from '../../support/sign-in.ts';
import { startPtyPair } from '../serial/pty-pair.ts';

const ESC_POS = new Uint8Array([0x1b, 0x40, 0x48, 0x49, 0x0a, 0x1d, 0x56, 0x00]); // init, "HI", cut

let dir: string;
let core: TillCore;
let journalPath: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'printer-attacks-'));
  core = await createTillCore({ dataDir: dir, secrets: createMemorySecretStore() });
  await signIn(core); // a locked till refuses settings before it looks at them
  journalPath = join(dir, SANDBOX_JOURNAL_FILE);
});

after(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

function journalHeader(): string {
  return readFileSync(journalPath).subarray(0, 16).toString('latin1');
}

function usb(target: string) {
  return { printer: 'usb', target, paper: '80mm', chinese: 'gb18030', afterPaid: 'none' };
}

const refusedAtOpen = (e: unknown) => e instanceof PrintError && /refused/.test(e.message);

describe('a printer target as a setting', () => {
  it('refuses the journal, an ordinary file, a link, /etc/passwd, /dev/null and Windows paths', async () => {
    const plain = join(dir, 'plain.bin');
    writeFileSync(plain, 'keep me');
    const link = join(dir, 'lp0');
    symlinkSync(journalPath, link);
    for (const receipts of [
      usb(journalPath),
      usb(plain),
      usb(link),
      usb('/etc/passwd'),
      usb('/dev/null'),
      usb('/dev/usb/../../etc/passwd'),
      usb('C:\\till\\journal.sqlite'),
      usb('\\\\server\\share\\x'),
      { ...usb(`serial:${journalPath}`), printer: 'serial' },
      { ...usb('serial:/etc/passwd'), printer: 'serial' },
      { ...usb('serial:/dev/../etc/passwd'), printer: 'serial' },
      { ...usb(`serial:${link}`), printer: 'serial' },
    ]) {
      const r = await dispatch(core, 'till', 'settings.update', { pin: '1234', patch: { receipts } });
      assert.equal(r.ok, false, `${receipts.target} was accepted`);
      assert.match(JSON.stringify(r), /receipts\.target/);
    }
    assert.equal(core.snapshot().settings.receipts.printer, 'screen');
    assert.equal(journalHeader(), 'SQLite format 3\0');
    assert.equal(readFileSync(plain, 'utf8'), 'keep me');
  });

  it('still accepts the real device names', () => {
    for (const [printer, target] of [
      ['usb', '/dev/usb/lp0'],
      ['usb', '/dev/usb/lp12'],
      ['serial', 'serial:/dev/ttyUSB0@19200'],
      ['serial', 'serial:/dev/serial/by-id/usb-Prolific_Technology_Inc._USB-Serial-if00-port0'],
      ['serial', 'serial:COM3'],
      ['serial', 'serial:\\\\.\\COM12'],
    ] as const)
      assert.equal(printerTargetProblem(printer, target), null, target);
    assert.throws(() => parsePrinterTarget('serial:COM0'), /not a serial port/);
  });

  it('a settings file naming the journal as the printer is not used, and the journal is untouched', async () => {
    const d = mkdtempSync(join(tmpdir(), 'printer-attacks-file-'));
    try {
      const first = await createTillCore({ dataDir: d, secrets: createMemorySecretStore() });
      await first.close();
      const stored = { ...defaultSettings(), receipts: usb(join(d, SANDBOX_JOURNAL_FILE)) };
      writeFileSync(join(d, SETTINGS_FILE), JSON.stringify(stored));
      const again = await createTillCore({ dataDir: d, secrets: createMemorySecretStore() });
      try {
        assert.equal(again.snapshot().settings.receipts.printer, 'screen');
        await signIn(again);
        const r = await dispatch(again, 'till', 'receipt.testPage', {});
        assert.ok(r.ok, JSON.stringify(r));
      } finally {
        await again.close();
      }
      assert.equal(
        readFileSync(join(d, SANDBOX_JOURNAL_FILE)).subarray(0, 16).toString('latin1'),
        'SQLite format 3\0',
      );
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('a printer device when it is opened', () => {
  it('a test page to the journal, a file or a link is refused and writes nothing', async () => {
    const before = readFileSync(journalPath);
    const plain = join(dir, 'plain2.bin');
    writeFileSync(plain, 'keep me');
    const link = join(dir, 'link-to-journal');
    symlinkSync(journalPath, link);
    // /etc/passwd only as a name here: on a till without the fix this loop would write into it.
    for (const target of [journalPath, plain, link, '/dev/null'])
      await assert.rejects(createDevicePrinter(target).print(ESC_POS), refusedAtOpen, target);
    assert.throws(() => openPrinter(journalPath), /not a USB printer device/);
    for (const path of [journalPath, plain, link, '/etc/passwd'])
      await assert.rejects(openCharDevice(path), refusedAtOpen, path);
    assert.deepEqual(readFileSync(journalPath).subarray(0, 100), before.subarray(0, 100));
    assert.equal(readFileSync(plain, 'utf8'), 'keep me');
    assert.match(readFileSync('/etc/passwd', 'utf8'), /^root:/);
  });

  it('refuses a fifo at once instead of blocking on its open', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await assert.rejects(openCharDevice(fifo), /a fifo/);
  });

  it('an unplugged USB printer is offline, not a file to create', async () => {
    await assert.rejects(
      createDevicePrinter('/dev/usb/lp987').print(ESC_POS),
      (e: unknown) => e instanceof PrintError && e.kind === 'offline',
    );
  });

  it('/dev/null is a character device but no printer: refused as a USB printer and as a serial port', async () => {
    const h = await openCharDevice('/dev/null');
    await h.close(); // the device check alone would take it …
    await assert.rejects(createDevicePrinter('/dev/null').print(ESC_POS), /not a USB printer device/);
    await assert.rejects(checkSerialDevice('/dev/null'), /not a serial port/);
  });
});

describe('a serial printer on a real pty (socat)', () => {
  it('prints to the terminal device, refuses the link to it and a non-tty', async () => {
    const pair = await startPtyPair(dir, { a: 'printer', b: 'wire' });
    const reader = new SerialPort({ path: pair.b, baudRate: 9600, autoOpen: false });
    try {
      await new Promise<void>((resolve, reject) => reader.open((err) => (err ? reject(err) : resolve())));
      const device = realpathSync(pair.a); // /dev/pts/N: a character device and a tty
      const got = new Promise<Buffer>((resolve) => {
        const chunks: Buffer[] = [];
        reader.on('data', (c: Buffer) => {
          chunks.push(c);
          if (Buffer.concat(chunks).length >= ESC_POS.length) resolve(Buffer.concat(chunks));
        });
      });
      await openPrinter(`serial:${device}`).print(ESC_POS);
      assert.deepEqual(new Uint8Array(await got), ESC_POS);
      // The link socat made (outside /dev) is no serial port name; opened as a device, it is a link.
      assert.throws(() => parsePrinterTarget(`serial:${pair.a}`), /not a serial port/);
      await assert.rejects(openCharDevice(pair.a), /a symbolic link/);
      // The pty itself is accepted by the device check.
      const again = new Promise<Buffer>((resolve) => reader.once('data', (c: Buffer) => resolve(c)));
      const h = await openCharDevice(device, { tty: true });
      try {
        await h.write(new Uint8Array([0x0a]));
      } finally {
        await h.close();
      }
      assert.deepEqual([...(await again)], [0x0a]);
      // A serial "printer" that is the journal is refused before serialport opens anything.
      await assert.rejects(
        createSerialPrinter({ path: journalPath, baudRate: 9600 }).print(ESC_POS),
        /not a serial port/,
      );
    } finally {
      await new Promise<void>((resolve) => (reader.isOpen ? reader.close(() => resolve()) : resolve()));
      await pair.stop();
    }
    assert.equal(journalHeader(), 'SQLite format 3\0');
  });
});
