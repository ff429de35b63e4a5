// Wraps serialport's platform binding so that an unplugged device is noticed on Linux and macOS.
// Why: @serialport/bindings-cpp 13 retries a read that returns 0 bytes forever
// (serialport/bindings-cpp#162): when a USB-CDC scanner is unplugged, or the far end of a pty goes
// away, read() returns end-of-file, the stream spins on the thread pool, never reports a disconnect,
// and memory grows. Here a 0-byte read is what POSIX says it is — the device is gone — and surfaces as
// a disconnect, so the stream closes and the scanner reconnects. Windows reads are left untouched.
import { read } from 'node:fs';

export interface PortBindingLike {
  readonly isOpen: boolean;
  read(buffer: Buffer, offset: number, length: number): Promise<{ buffer: Buffer; bytesRead: number }>;
}

export interface BindingLike<P extends PortBindingLike, O> {
  open(options: O): Promise<P>;
  list(): Promise<unknown[]>;
}

/** The POSIX parts of bindings-cpp's port binding that a read needs (public fields of LinuxPortBinding). */
interface PosixPort {
  fd: number | null;
  poller: { once(event: 'readable', callback: (err: Error | null) => void): unknown };
}

type ReadError = Error & { code?: string; disconnect?: boolean; canceled?: boolean };

/** Marks a port whose reads are already end-of-file safe (so wrapping twice changes nothing). */
const EOF_SAFE = Symbol.for('ottpay-till.eof-safe-read');

function isPosixPort(port: unknown): port is PosixPort {
  const p = port as Partial<PosixPort> | null;
  return typeof p?.fd === 'number' && typeof p.poller?.once === 'function';
}

function readOnce(fd: number, buffer: Buffer, offset: number, length: number): Promise<number> {
  return new Promise((resolve, reject) => {
    read(fd, buffer, offset, length, null, (err, bytesRead) => (err ? reject(err) : resolve(bytesRead)));
  });
}

function readable(port: PosixPort): Promise<void> {
  return new Promise((resolve, reject) => {
    port.poller.once('readable', (err) => (err ? reject(err) : resolve()));
  });
}

function canceled(): ReadError {
  return Object.assign(new Error('Port is not open'), { canceled: true });
}

async function posixRead(
  port: PortBindingLike & PosixPort,
  buffer: Buffer,
  offset: number,
  length: number,
): Promise<{ buffer: Buffer; bytesRead: number }> {
  for (;;) {
    const fd = port.fd;
    if (!port.isOpen || fd === null) throw canceled();
    try {
      const bytesRead = await readOnce(fd, buffer, offset, length);
      if (bytesRead === 0) {
        throw Object.assign(new Error('end of file: the device went away'), {
          code: 'EOF',
          disconnect: true,
        });
      }
      return { buffer, bytesRead };
    } catch (e) {
      const err = e as ReadError;
      if (err.canceled) throw err;
      if (err.code === 'EAGAIN' || err.code === 'EWOULDBLOCK' || err.code === 'EINTR') {
        if (!port.isOpen) throw canceled();
        await readable(port);
        continue;
      }
      err.disconnect = true;
      throw err;
    }
  }
}

function wrapPort<P extends PortBindingLike>(port: P): P {
  if (!isPosixPort(port) || (port as { [EOF_SAFE]?: boolean })[EOF_SAFE] === true) return port;
  const posix = port as P & PosixPort;
  return new Proxy(port, {
    get(target, prop) {
      if (prop === EOF_SAFE) return true;
      if (prop === 'read') {
        return (buffer: Buffer, offset: number, length: number) => posixRead(posix, buffer, offset, length);
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The same binding, with reads that report end-of-file as a disconnect. */
export function eofSafeBinding<P extends PortBindingLike, O, B extends BindingLike<P, O>>(inner: B): B {
  return {
    ...inner,
    list: () => inner.list(),
    open: async (options: O) => wrapPort(await inner.open(options)),
  } as B;
}
