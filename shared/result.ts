// The result envelope every command answers with, on both transports (Electron IPC and the
// browser shell's HTTP). Electron drops custom fields of thrown errors across `invoke`, so errors
// travel as plain data.

export type ErrorCode =
  | 'VALIDATION' // the request itself is malformed (bad amount, bad payload, unknown command)
  | 'NOT_ALLOWED' // the caller or state forbids it (customer role, live attempt, wrong PIN)
  | 'NOT_FOUND'
  | 'CONFLICT' // a state rule refused it (one live attempt per sale, code already used)
  | 'GATEWAY_DECLINED'
  | 'GATEWAY_INVALID_REQUEST'
  | 'GATEWAY_UNKNOWN_OUTCOME'
  | 'GATEWAY_UNREACHABLE'
  | 'DEVICE_UNAVAILABLE'
  | 'STORAGE'
  | 'INTERNAL';

export interface AppErrorData {
  code: ErrorCode;
  /** Safe to show to a cashier; never carries a secret. */
  message: string;
  retryable: boolean;
  /** A stable key a renderer can word in the operator's language (e.g. a ScanRefusal); message is the fallback. */
  reason?: string;
  /** Values for the reason's wording ({seconds}, {limit}, …). */
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly reason: string | undefined;
  readonly params: Record<string, string | number> | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    retryable = false,
    reason?: string,
    params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.retryable = retryable;
    this.reason = reason;
    this.params = params;
  }
  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.reason !== undefined) data.reason = this.reason;
    if (this.params !== undefined) data.params = { ...this.params };
    return data;
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, retryable = false): Result<never> {
  return { ok: false, error: { code, message, retryable } };
}

/** Anything thrown becomes an envelope; unexpected errors are not echoed (they may hold internals). */
export function toErrorData(err: unknown): AppErrorData {
  if (err instanceof AppError) return err.toData();
  return { code: 'INTERNAL', message: 'Internal error — see the till log', retryable: false };
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
