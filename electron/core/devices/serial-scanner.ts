// A serial (USB-CDC / COM port) scanner as a ScanSource. Opens the port from settings, frames the
// bytes into codes (serial-framer.ts), notices an unplug and reopens with capped exponential backoff,
// and reports every state change with plain reasons (e.g. Linux: the user is not in 'dialout').
// A 'failed' scanner (no permission) keeps retrying at the longest interval, so fixing the cause is
// enough. Time and timers come from an injected Clock (tests: ManualClock; pty tests: small backoff).
// serialport itself is passed in (serial-driver.ts loads it), so importing this file loads no addon.
import type { SerialPort } from 'serialport';
import type { ScannerStatus } from '../../../shared/domain.ts';
import { type Clock, systemClock, type TimerHandle } from '../clock.ts';
import { Emitter } from './emitter.ts';
import { type BindingLike, eofSafeBinding, type PortBindingLike } from './eof-safe-binding.ts';
import type { ScanSource, ScanSourceEvents } from './scan-source.ts';
import type { SerialPortClass } from './serial-driver.ts';
import { type FramerOutput, type Framing, SerialFramer } from './serial-framer.ts';

export interface SerialScannerOptions {
  /** serialport's SerialPort class, as serial-driver.ts loaded it. */
  serialPort: SerialPortClass;
  id?: string;
  path: string;
  baudRate: number;
  framing: Framing;
  prefix?: string;
  suffix?: string;
  /** framing none: inter-byte timeout that ends a code, ms. */
  idleMs?: number;
  /** Longest line kept, bytes. */
  maxBytes?: number;
  /** Line framings: how long a partial line may wait for its terminator, ms. */
  lineTimeoutMs?: number;
  /** Reopen delays: initialMs, doubling up to maxMs. */
  backoff?: { initialMs?: number; maxMs?: number };
  clock?: Clock;
  /** serialport binding; default: the platform's, with end-of-file reported as a disconnect. */
  binding?: BindingLike<PortBindingLike, never>;
  /** For the wording of reasons (dialout on Linux). */
  platform?: NodeJS.Platform;
}

export const SERIAL_BACKOFF_DEFAULTS = { initialMs: 250, maxMs: 5000 } as const;

/** What went wrong opening a port, in words a cashier or support can act on. */
export function describeOpenError(
  err: unknown,
  path: string,
  platform: NodeJS.Platform = process.platform,
): { state: 'reconnecting' | 'failed'; reason: string } {
  const message = (err instanceof Error ? err.message : String(err)).replace(/^(Error: )+/, '');
  if (/permission denied|EACCES|EPERM|access is denied|access denied/i.test(message)) {
    if (platform === 'win32')
      return { state: 'reconnecting', reason: `${path} is in use by another program` };
    const fix =
      platform === 'linux'
        ? "add this user to the 'dialout' group (sudo usermod -aG dialout $USER), then log out and in"
        : 'check the permissions of the device';
    return { state: 'failed', reason: `no permission to open ${path}: ${fix}` };
  }
  if (/no such file|ENOENT|not found|cannot find|does not exist/i.test(message)) {
    return { state: 'reconnecting', reason: `${path} not found (scanner unplugged?)` };
  }
  if (/busy|EBUSY|lock/i.test(message)) {
    return { state: 'reconnecting', reason: `${path} is in use by another program` };
  }
  return { state: 'reconnecting', reason: `cannot open ${path}: ${message}` };
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

export class SerialScanner implements ScanSource {
  readonly kind = 'serial' as const;
  readonly id: string;
  readonly #options: SerialScannerOptions;
  readonly #clock: Clock;
  readonly #binding: BindingLike<PortBindingLike, never>;
  readonly #initialMs: number;
  readonly #maxMs: number;
  readonly #events = new Emitter<ScanSourceEvents>();
  readonly #framer: SerialFramer;
  #status: ScannerStatus;
  #running = false;
  /** Bumped whenever a port is given up, so late events from an old port are ignored. */
  #generation = 0;
  #port: SerialPort | null = null;
  #retryTimer: TimerHandle | null = null;
  #frameTimer: TimerHandle | null = null;
  #nextDelay: number;

  constructor(options: SerialScannerOptions) {
    this.#options = options;
    this.id = options.id ?? 'serial';
    this.#clock = options.clock ?? systemClock;
    this.#binding = eofSafeBinding(
      options.binding ?? (options.serialPort.binding as unknown as BindingLike<PortBindingLike, never>),
    );
    this.#initialMs = options.backoff?.initialMs ?? SERIAL_BACKOFF_DEFAULTS.initialMs;
    this.#maxMs = Math.max(this.#initialMs, options.backoff?.maxMs ?? SERIAL_BACKOFF_DEFAULTS.maxMs);
    this.#nextDelay = this.#initialMs;
    this.#framer = new SerialFramer({
      framing: options.framing,
      prefix: options.prefix ?? '',
      suffix: options.suffix ?? '',
      ...(options.idleMs === undefined ? {} : { idleMs: options.idleMs }),
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
      ...(options.lineTimeoutMs === undefined ? {} : { lineTimeoutMs: options.lineTimeoutMs }),
    });
    this.#status = { id: this.id, kind: 'serial', state: 'disabled', detail: null };
  }

  get path(): string {
    return this.#options.path;
  }

  status(): ScannerStatus {
    return { ...this.#status };
  }

  on<E extends keyof ScanSourceEvents>(
    event: E,
    listener: (payload: ScanSourceEvents[E]) => void,
  ): () => void {
    return this.#events.on(event, listener);
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#nextDelay = this.#initialMs;
    this.#open();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#generation++;
    this.#clearTimers();
    const port = this.#port;
    this.#port = null;
    this.#framer.reset();
    if (port?.isOpen) {
      await new Promise<void>((resolve) => {
        port.close(() => resolve());
      });
    }
    if (this.#status.state !== 'disabled') this.#setStatus('disabled', null);
  }

  #open(): void {
    if (!this.#running) return;
    const { path, baudRate } = this.#options;
    if (path.trim() === '') {
      this.#setStatus('failed', 'no serial port chosen — pick one in Settings');
      return;
    }
    const generation = ++this.#generation;
    let port: SerialPort;
    try {
      // SerialPort spreads its options over its default binding, so `binding` replaces it.
      const options = { path, baudRate, autoOpen: false, binding: this.#binding };
      port = new this.#options.serialPort(options as ConstructorParameters<SerialPortClass>[0]);
    } catch (err) {
      this.#retryLater({ state: 'failed', reason: `cannot use ${path}: ${(err as Error).message}` });
      return;
    }
    this.#port = port;
    const current = () => generation === this.#generation;
    port.on('data', (chunk: Buffer) => {
      if (current()) this.#onData(chunk);
    });
    port.on('close', (err: (Error & { disconnected?: boolean }) | null) => {
      if (current()) this.#onLost(err?.message ?? 'port closed');
    });
    port.on('error', (err: Error) => {
      if (!current()) return;
      if (port.isOpen) this.#problem(`serial port error: ${err.message}`);
      else this.#onLost(err.message);
    });
    port.open((err) => {
      if (!current()) {
        if (!err) port.close(() => {});
        return;
      }
      if (err) {
        this.#port = null;
        this.#generation++;
        this.#retryLater(describeOpenError(err, path, this.#options.platform));
        return;
      }
      this.#nextDelay = this.#initialMs;
      this.#framer.reset();
      this.#setStatus('connected', `${path} at ${baudRate} baud`);
    });
  }

  #onData(chunk: Uint8Array): void {
    this.#handle(this.#framer.push(chunk, this.#clock.now()));
    this.#armFrameTimer();
  }

  /** The port went away under us (unplugged, driver reset): give it up and reopen after a delay. */
  #onLost(why: string): void {
    const port = this.#port;
    this.#port = null;
    this.#generation++;
    if (port?.isOpen) port.close(() => {});
    if (this.#frameTimer !== null) this.#clock.clearTimeout(this.#frameTimer);
    this.#frameTimer = null;
    if (this.#framer.buffered > 0) this.#problem('a partial code was lost when the port closed');
    this.#framer.reset();
    if (!this.#running) return;
    this.#nextDelay = this.#initialMs;
    this.#retryLater({ state: 'reconnecting', reason: `${this.#options.path} disconnected (${why})` });
  }

  #retryLater(why: { state: 'reconnecting' | 'failed'; reason: string }): void {
    if (!this.#running) return;
    // A failure needs a person to fix something: retry at the slowest pace meanwhile.
    const delay = why.state === 'failed' ? this.#maxMs : this.#nextDelay;
    this.#nextDelay = Math.min(this.#maxMs, this.#nextDelay * 2);
    if (this.#retryTimer !== null) this.#clock.clearTimeout(this.#retryTimer);
    this.#retryTimer = this.#clock.setTimeout(() => {
      this.#retryTimer = null;
      this.#open();
    }, delay);
    this.#setStatus(why.state, `${why.reason} — retrying in ${seconds(delay)}`);
  }

  #armFrameTimer(): void {
    if (this.#frameTimer !== null) this.#clock.clearTimeout(this.#frameTimer);
    this.#frameTimer = null;
    const deadline = this.#framer.nextDeadline();
    if (deadline === null) return;
    this.#frameTimer = this.#clock.setTimeout(
      () => {
        this.#frameTimer = null;
        this.#handle(this.#framer.tick(this.#clock.now()));
        this.#armFrameTimer();
      },
      Math.max(0, deadline - this.#clock.now()),
    );
  }

  #handle(outputs: FramerOutput[]): void {
    for (const o of outputs) {
      if (o.type === 'frame') {
        this.#events.emit('scan', {
          raw: o.text,
          source: 'serial',
          sourceId: this.id,
          at: this.#clock.now(),
          timings: null,
        });
      } else {
        this.#problem(o.message);
      }
    }
  }

  #problem(message: string): void {
    this.#events.emit('problem', { sourceId: this.id, source: 'serial', at: this.#clock.now(), message });
  }

  #setStatus(state: ScannerStatus['state'], detail: string | null): void {
    this.#status = { id: this.id, kind: 'serial', state, detail };
    this.#events.emit('status', this.status());
  }

  #clearTimers(): void {
    if (this.#retryTimer !== null) this.#clock.clearTimeout(this.#retryTimer);
    if (this.#frameTimer !== null) this.#clock.clearTimeout(this.#frameTimer);
    this.#retryTimer = null;
    this.#frameTimer = null;
  }
}
