// A ScanSource driven by hand: tests, demos and the simulator mode push scans and status changes.
import type { ScannerStatus } from '../../../shared/domain.ts';
import type { Clock } from '../clock.ts';
import { systemClock } from '../clock.ts';
import { Emitter } from './emitter.ts';
import type { ScanSource, ScanSourceEvents } from './scan-source.ts';

export class FakeScanSource implements ScanSource {
  readonly id: string;
  readonly kind: 'serial' | 'wedge';
  readonly #clock: Clock;
  readonly #events = new Emitter<ScanSourceEvents>();
  #status: ScannerStatus;

  constructor(options: { id?: string; kind?: 'serial' | 'wedge'; clock?: Clock } = {}) {
    this.kind = options.kind ?? 'serial';
    this.id = options.id ?? `fake-${this.kind}`;
    this.#clock = options.clock ?? systemClock;
    this.#status = { id: this.id, kind: this.kind, state: 'disabled', detail: null };
  }

  status(): ScannerStatus {
    return { ...this.#status };
  }

  start(): void {
    if (this.#status.state === 'disabled') this.setStatus('connected');
  }

  async stop(): Promise<void> {
    if (this.#status.state !== 'disabled') this.setStatus('disabled');
  }

  on<E extends keyof ScanSourceEvents>(
    event: E,
    listener: (payload: ScanSourceEvents[E]) => void,
  ): () => void {
    return this.#events.on(event, listener);
  }

  /** Delivers a scan as if the device had read `raw`. */
  scan(raw: string, timings: number[] | null = null): void {
    this.#events.emit('scan', { raw, source: this.kind, sourceId: this.id, at: this.#clock.now(), timings });
  }

  setStatus(state: ScannerStatus['state'], detail: string | null = null): void {
    this.#status = { id: this.id, kind: this.kind, state, detail };
    this.#events.emit('status', this.status());
  }

  problem(message: string): void {
    this.#events.emit('problem', { sourceId: this.id, source: this.kind, at: this.#clock.now(), message });
  }
}
