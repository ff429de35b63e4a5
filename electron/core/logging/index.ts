// Logging for the core and the shells: a redacting JSON-lines logger and a rotating file sink.
export {
  createLogger,
  createMemorySink,
  formatLine,
  type LogFields,
  type Logger,
  type LogLevel,
  type LogSink,
  silentLogger,
} from './logger.ts';
export { maskDigits, REDACTED, redact, redactText } from './redact.ts';
export {
  createRotatingFileSink,
  type RotatingFileSink,
  rotatedName,
  tailLogFiles,
} from './rotating-file-sink.ts';
