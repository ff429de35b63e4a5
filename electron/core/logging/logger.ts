// The Logger everyone writes to: the core, the shells, the CLI. Lines are redacted before they are
// stored anywhere, so a secret passed by mistake still never reaches the disk.
import { redact, redactText } from './redact.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** Same sink, every line tagged with `scope`. */
  child(scope: string): Logger;
}

/** Where finished (already redacted) lines go. */
export interface LogSink {
  write(line: string): void;
}

export interface LoggerOptions {
  sink: LogSink;
  now?: () => number;
  minLevel?: LogLevel;
  scope?: string;
}

/** One JSON object per line: {at, level, scope?, msg, ...fields}. */
export function formatLine(
  at: number,
  level: LogLevel,
  scope: string | null,
  message: string,
  fields?: LogFields,
) {
  const safeFields = fields ? (redact(fields) as LogFields) : {};
  const record: LogFields = { at: new Date(at).toISOString(), level };
  if (scope) record.scope = scope;
  record.msg = redactText(message);
  for (const [k, v] of Object.entries(safeFields)) if (!(k in record)) record[k] = v;
  return JSON.stringify(record);
}

export function createLogger(options: LoggerOptions): Logger {
  const now = options.now ?? Date.now;
  const min = LOG_LEVELS.indexOf(options.minLevel ?? 'info');
  const make = (scope: string | null): Logger => {
    const emit = (level: LogLevel) => (message: string, fields?: LogFields) => {
      if (LOG_LEVELS.indexOf(level) < min) return;
      try {
        options.sink.write(formatLine(now(), level, scope, message, fields));
      } catch {
        // Logging must never take the till down (disk full, folder removed).
      }
    };
    return {
      debug: emit('debug'),
      info: emit('info'),
      warn: emit('warn'),
      error: emit('error'),
      child: (sub) => make(scope ? `${scope}.${sub}` : sub),
    };
  };
  return make(options.scope ?? null);
}

/** Discards everything: for tests and tools that have nowhere to log. */
export const silentLogger: Logger = createLogger({ sink: { write: () => {} } });

/** Keeps lines in memory (tests, and the diagnostics "recent lines" view). */
export function createMemorySink(limit = 500): LogSink & { lines(): string[] } {
  const lines: string[] = [];
  return {
    write(line) {
      lines.push(line);
      if (lines.length > limit) lines.splice(0, lines.length - limit);
    },
    lines: () => [...lines],
  };
}
