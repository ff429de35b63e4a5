// The scanner stack as the app layer uses it (it fits app/ports.ts ScannerPort): a serial scanner and
// a keyboard-wedge source built from settings, both attached to one ScanRouter; settings changes
// rebuild what changed. The payments engine talks to `router` (waitForWalletCode, setCodeUsedCheck);
// Electron main feeds before-input-event keys to `wedge.feed()` and replays its 'release' text.
// When the serial port driver did not load, serial is a source that only says why; the rest works.
import type { PortInfo, ScanLogEntry, ScannerDiagnostics } from '../../../shared/contract.ts';
import type { PublicSettings, ScannerStatus } from '../../../shared/domain.ts';
import { AppError } from '../../../shared/result.ts';
import type { ScanRefusedEvent } from '../../../shared/scanning/scan-refusal.ts';
import type { WedgeKeyEvent } from '../../../shared/scanning/wedge-detector.ts';
import { type Clock, systemClock } from '../clock.ts';
import type { BindingLike, PortBindingLike } from './eof-safe-binding.ts';
import { listPorts, type RawPortInfo, withKernelFallback } from './port-list.ts';
import { ScanRouter } from './scan-router.ts';
import type { ScanSource } from './scan-source.ts';
import type { SerialDriver } from './serial-driver.ts';
import { SerialScanner, type SerialScannerOptions } from './serial-scanner.ts';
import { UnavailableSerialSource } from './unavailable-serial-source.ts';
import { WedgeScanSource } from './wedge-scan-source.ts';

export type ScannerSettings = PublicSettings['scanners'];

export interface ScannerServiceOptions {
  settings: ScannerSettings;
  /** serialport as loadSerialDriver() found it: loaded, or why not. */
  driver: SerialDriver;
  clock?: Clock;
  /** From the payments engine (may also be set later on `router`). */
  isCodeUsed?: (code: string) => boolean;
  /** Serial tuning and test seams: backoff, idle/line timeouts, a mock binding. */
  serial?: Pick<SerialScannerOptions, 'backoff' | 'idleMs' | 'lineTimeoutMs' | 'maxBytes'> & {
    binding?: BindingLike<PortBindingLike, never>;
  };
  listPorts?: () => Promise<RawPortInfo[]>;
  dedupeWindowMs?: number;
}

export class ScannerService {
  readonly router: ScanRouter;
  readonly wedge: WedgeScanSource;
  readonly #options: ScannerServiceOptions;
  readonly #clock: Clock;
  #settings: ScannerSettings;
  #serial: ScanSource;
  #detachSerial: () => void;

  constructor(options: ScannerServiceOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#settings = structuredClone(options.settings);
    this.router = new ScanRouter({
      clock: this.#clock,
      ...(options.isCodeUsed ? { isCodeUsed: options.isCodeUsed } : {}),
      ...(options.dedupeWindowMs === undefined ? {} : { dedupeWindowMs: options.dedupeWindowMs }),
    });
    this.wedge = new WedgeScanSource({ clock: this.#clock });
    this.router.attach(this.wedge);
    this.#serial = this.#makeSerial(this.#settings.serial);
    this.#detachSerial = this.router.attach(this.#serial);
  }

  get serial(): ScanSource {
    return this.#serial;
  }

  start(): void {
    if (this.#settings.wedge.enabled) this.wedge.start();
    if (this.#settings.serial.enabled) this.#serial.start();
  }

  /** New scanner settings: the serial port is reopened only if its own settings changed. */
  async applySettings(next: ScannerSettings): Promise<void> {
    const prev = this.#settings;
    this.#settings = structuredClone(next);
    if (next.wedge.enabled) this.wedge.start();
    else await this.wedge.stop();
    if (JSON.stringify(prev.serial) !== JSON.stringify(next.serial)) {
      this.#detachSerial();
      await this.#serial.stop();
      this.#serial = this.#makeSerial(next.serial);
      this.#detachSerial = this.router.attach(this.#serial);
      if (next.serial.enabled) this.#serial.start();
    }
  }

  statuses(): ScannerStatus[] {
    return this.router.statuses();
  }

  diagnostics(): ScannerDiagnostics {
    return this.router.diagnostics();
  }

  async listPorts(): Promise<PortInfo[]> {
    const driver = this.#options.driver;
    if (!driver.loaded)
      throw new AppError('DEVICE_UNAVAILABLE', `cannot list serial ports: ${driver.reason}`, false);
    return listPorts(this.#options.listPorts ?? withKernelFallback(() => driver.SerialPort.list()));
  }

  /** Key-downs recorded by a page (browser shell); Electron main calls wedge.feed() per key instead. */
  feedWedgeKeys(events: readonly WedgeKeyEvent[]): void {
    this.wedge.feedMany(events);
  }

  record(entry: ScanLogEntry): void {
    this.router.record(entry);
  }

  onLog(listener: (entry: ScanLogEntry) => void): () => void {
    return this.router.onLog(listener);
  }

  onStatus(listener: (statuses: ScannerStatus[]) => void): () => void {
    return this.router.onStatus(listener);
  }

  onRefused(listener: (event: ScanRefusedEvent) => void): () => void {
    return this.router.onRefused(listener);
  }

  async close(): Promise<void> {
    await Promise.all([this.#serial.stop(), this.wedge.stop()]);
  }

  #makeSerial(s: ScannerSettings['serial']): ScanSource {
    const driver = this.#options.driver;
    if (!driver.loaded) return new UnavailableSerialSource(driver.reason);
    const tuning = this.#options.serial ?? {};
    return new SerialScanner({
      serialPort: driver.SerialPort,
      id: 'serial',
      path: s.path,
      baudRate: s.baudRate,
      framing: s.framing,
      prefix: s.prefix,
      suffix: s.suffix,
      clock: this.#clock,
      ...tuning,
    });
  }
}
