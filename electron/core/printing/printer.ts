// One interface for every way a receipt reaches paper: a network printer (raw TCP, port 9100), a
// serial printer, a Linux USB printer device (/dev/usb/lp*), the system printer (a shell prints the
// receipt page) and the screen printer (no hardware: the receipt is shown).

export type PrintFailure =
  | 'unreachable'
  | 'offline'
  | 'paper_out'
  | 'cover_open'
  | 'printer_error'
  | 'timeout';

/** A print that did not happen, with a kind the screen words and a detail for the log. */
export class PrintError extends Error {
  readonly kind: PrintFailure;
  constructor(kind: PrintFailure, message: string) {
    super(message);
    this.name = 'PrintError';
    this.kind = kind;
  }
}

export interface Printer {
  /** Where it prints, as the settings name it (never a secret). */
  readonly target: string;
  /** Sends a whole receipt; resolves once the last byte is handed to the device. */
  print(bytes: Uint8Array): Promise<void>;
}
