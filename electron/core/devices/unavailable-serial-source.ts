// Stands in for the serial scanner when the serial port driver did not load (serial-driver.ts): the
// settings and status bar show why serial scanning is out, while the rest of the till works.
import type { ScannerStatus } from '../../../shared/domain.ts';
import { Emitter } from './emitter.ts';
import type { ScanSource, ScanSourceEvents } from './scan-source.ts';

export class UnavailableSerialSource implements ScanSource {
  readonly kind = 'serial' as const;
  readonly id: string;
  readonly #reason: string;
  readonly #events = new Emitter<ScanSourceEvents>();
  #status: ScannerStatus;

  constructor(reason: string, id = 'serial') {
    this.id = id;
    this.#reason = reason;
    this.#status = { id, kind: 'serial', state: 'disabled', detail: null };
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
    this.#set('failed', `serial scanners cannot work here: ${this.#reason}`);
  }

  async stop(): Promise<void> {
    this.#set('disabled', null);
  }

  #set(state: ScannerStatus['state'], detail: string | null): void {
    if (this.#status.state === state && this.#status.detail === detail) return;
    this.#status = { id: this.id, kind: 'serial', state, detail };
    this.#events.emit('status', this.status());
  }
}
