// A network receipt printer on loopback (port 0): takes raw TCP connections as a port-9100 printer
// does, keeps each connection's bytes as one job, and answers DLE EOT status requests with the status
// the test set (paper present, paper out, cover open) or not at all.
import { createServer, type Server, type Socket } from 'node:net';

export type FakeStatus = 'ok' | 'paper_out' | 'cover_open' | 'silent';

export interface FakeNetworkPrinter {
  port: number;
  target: string;
  status: FakeStatus;
  /** Bytes of every finished job (status requests removed), in order; empty when started with keepJobs false. */
  jobs: Buffer[];
  /** How many jobs finished, kept or not. */
  received: number;
  /** Resolves with the next finished job (or one already finished and not yet taken); rejects if
   *  none comes within timeoutMs (the wait is then withdrawn, so a later job is not lost to it). */
  nextJob(timeoutMs?: number): Promise<Buffer>;
  close(): Promise<void>;
}

/** DLE EOT n → the byte a printer answers (fixed bits 0x12). */
function answer(status: FakeStatus, n: number): number | null {
  if (status === 'silent') return null;
  if (n === 4) return status === 'paper_out' ? 0x12 | 0x60 : 0x12;
  if (n === 2) return 0x12 | (status === 'cover_open' ? 0x04 : 0) | (status === 'paper_out' ? 0x20 : 0);
  return 0x12 | (status === 'ok' ? 0 : 0x08);
}

/** keepJobs false: a long run (the soak) counts its receipts without holding every one's bytes. */
export async function startFakeNetworkPrinter(
  options: { keepJobs?: boolean } = {},
): Promise<FakeNetworkPrinter> {
  const keepJobs = options.keepJobs ?? true;
  const jobs: Buffer[] = [];
  let taken = 0;
  const waiters: Array<(b: Buffer) => void> = [];
  const sockets = new Set<Socket>();
  const printer: FakeNetworkPrinter = {
    port: 0,
    target: '',
    status: 'ok',
    jobs,
    received: 0,
    nextJob(timeoutMs = 10_000) {
      if (taken < jobs.length) return Promise.resolve(jobs[taken++] as Buffer);
      return new Promise((resolve, reject) => {
        const waiter = (b: Buffer) => {
          clearTimeout(timer);
          resolve(b);
        };
        const timer = setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          reject(new Error(`the fake printer received no job within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    let printing = false;
    socket.on('data', (chunk: Buffer) => {
      let data = chunk;
      // Status requests come before the receipt (which starts with ESC @).
      while (!printing && data.length >= 3 && data[0] === 0x10 && data[1] === 0x04) {
        const reply = answer(printer.status, data[2] ?? 0);
        if (reply !== null) socket.write(Uint8Array.of(reply));
        data = data.subarray(3);
      }
      if (data.length > 0) {
        printing = true;
        chunks.push(data);
      }
    });
    socket.on('end', () => {
      socket.end();
      if (!printing) return;
      const job = Buffer.concat(chunks);
      printer.received += 1;
      if (!keepJobs) return;
      jobs.push(job);
      const w = waiters.shift();
      if (w) {
        taken++;
        w(job);
      }
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  printer.port = typeof addr === 'object' && addr ? addr.port : 0;
  printer.target = `tcp://127.0.0.1:${printer.port}`;
  return printer;
}
