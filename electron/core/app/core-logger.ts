// The core's logger: the shared redacting Logger (core/logging), teeing every line into a small memory
// ring that diagnostics.get shows, and into the shell's sink (stderr, rotating file) when given.
import { createLogger, createMemorySink, type Logger, type LogSink } from '../logging/index.ts';

export interface CoreLogger extends Logger {
  /** The most recent (already redacted) lines, oldest first. */
  recent(): string[];
}

export function createCoreLogger(now: () => number, sink?: LogSink, keep = 200): CoreLogger {
  const memory = createMemorySink(keep);
  const tee: LogSink = {
    write(line) {
      memory.write(line);
      sink?.write(line);
    },
  };
  const logger = createLogger({ sink: tee, now, scope: 'core' });
  return { ...logger, recent: () => memory.lines() };
}

/** Error fields for a log line: name and message only (the logger redacts them again). */
export function errorFields(err: unknown): Record<string, unknown> {
  return err instanceof Error ? { err: `${err.name}: ${err.message}` } : {};
}
