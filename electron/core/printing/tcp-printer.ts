// A network receipt printer: raw bytes over TCP (port 9100 by convention). Before a receipt, the
// printer is asked for its status (DLE EOT); a printer that does not answer within the status wait is
// printed to anyway, as many cheap printers never answer.
import { connect, type Socket } from 'node:net';
import { PrintError, type Printer } from './printer.ts';
import {
  isStatusByte,
  offlineCause,
  paperCause,
  STATUS_OFFLINE_CAUSE,
  STATUS_PAPER,
} from './printer-status.ts';

export interface TcpPrinterOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
  /** 0: do not ask for status. */
  statusWaitMs?: number;
}

export function createTcpPrinter(opts: TcpPrinterOptions): Printer {
  const target = `tcp://${opts.host}:${opts.port}`;
  return {
    target,
    async print(bytes) {
      const socket = await open(opts.host, opts.port, opts.connectTimeoutMs ?? 5000);
      try {
        if ((opts.statusWaitMs ?? 800) > 0) await checkStatus(socket, opts.statusWaitMs ?? 800);
        await writeAll(socket, bytes);
      } finally {
        socket.destroy();
      }
    },
  };
}

function open(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.setNoDelay(true);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new PrintError('unreachable', `no answer from the printer at ${host}:${port}`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      resolve(socket);
    });
    const onError = (err: Error) => {
      clearTimeout(timer);
      reject(new PrintError('unreachable', `printer at ${host}:${port}: ${err.message}`));
    };
    socket.once('error', onError);
  });
}

/** Asks one status and reads one byte; null when none came within the wait. */
function ask(socket: Socket, request: Uint8Array, waitMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const done = (value: number | null) => {
      clearTimeout(timer);
      socket.off('data', onData);
      resolve(value);
    };
    const onData = (chunk: Buffer) => done(chunk[chunk.length - 1] ?? null);
    const timer = setTimeout(() => done(null), waitMs);
    socket.on('data', onData);
    socket.write(request);
  });
}

async function checkStatus(socket: Socket, waitMs: number): Promise<void> {
  const paper = await ask(socket, STATUS_PAPER, waitMs);
  if (paper === null || !isStatusByte(paper)) return;
  const cause = await ask(socket, STATUS_OFFLINE_CAUSE, waitMs);
  const failure = (cause !== null && isStatusByte(cause) ? offlineCause(cause) : null) ?? paperCause(paper);
  if (failure) throw new PrintError(failure, `the printer reports ${failure.replace('_', ' ')}`);
}

function writeAll(socket: Socket, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('error', (err) =>
      reject(new PrintError('unreachable', `printer connection: ${err.message}`)),
    );
    socket.end(bytes, () => resolve());
  });
}
