// The one entry both transports (Electron IPC, browser shell HTTP) call: role check, command lookup,
// the sign-in check (a locked till answers only shared/open-while-locked.ts), request validation, the handler, and every failure turned into the Result envelope. Internal error
// text never crosses: only AppError messages (written for cashiers) and fixed gateway wordings do.
import {
  type CommandName,
  type CommandResult,
  isCommandName,
  parseCommandRequest,
  ROLE_CAN_INVOKE,
  type Role,
} from '../../shared/contract.ts';
import { needsSignIn } from '../../shared/open-while-locked.ts';
import { type AppErrorData, assertNever, fail, ok, type Result, toErrorData } from '../../shared/result.ts';
import { errorFields } from './app/core-logger.ts';
import type { Handlers } from './app/handler-types.ts';
import { GatewayError } from './gateway/types.ts';

export interface Dispatchable {
  readonly handlers: Handlers;
  /** Someone is signed in at the till (false: the till is locked). */
  signedIn(): boolean;
  readonly logger?: { error(message: string, fields?: Record<string, unknown>): void };
}

export async function dispatch<K extends CommandName>(
  core: Dispatchable,
  role: Role,
  name: K | string,
  payload: unknown,
): Promise<Result<CommandResult<K>>> {
  if (!Object.hasOwn(ROLE_CAN_INVOKE, role) || ROLE_CAN_INVOKE[role] !== true) {
    return fail('NOT_ALLOWED', 'This display cannot send commands');
  }
  if (!isCommandName(name)) return fail('VALIDATION', 'unknown command');
  if (needsSignIn(name) && !core.signedIn()) return lockedTill();
  const parsed = parseCommandRequest(name, payload);
  if (!parsed.ok) return fail('VALIDATION', parsed.message);
  try {
    const handler = core.handlers[name] as (req: unknown) => Promise<CommandResult<K>>;
    return ok(await handler(parsed.value));
  } catch (err) {
    const data = errorToData(err);
    if (data.code === 'INTERNAL') core.logger?.error(`command ${name} failed`, errorFields(err));
    return { ok: false, error: data };
  }
}

function lockedTill(): Result<never> {
  return {
    ok: false,
    error: { code: 'NOT_ALLOWED', message: 'Sign in first', retryable: false, reason: 'sign-in-needed' },
  };
}

/** AppError → its data; GatewayError → a gateway code with a fixed message; anything else → INTERNAL. */
export function errorToData(err: unknown): AppErrorData {
  if (err instanceof GatewayError) {
    switch (err.kind) {
      case 'declined':
        return {
          code: 'GATEWAY_DECLINED',
          message: err.rspCode
            ? `The payment service declined it (${safeCode(err.rspCode)})`
            : 'The payment service declined it',
          retryable: false,
        };
      case 'invalid_request':
        return {
          code: 'GATEWAY_INVALID_REQUEST',
          message: 'The payment service refused the request — check the merchant settings',
          retryable: false,
        };
      case 'unknown_outcome':
        return {
          code: 'GATEWAY_UNKNOWN_OUTCOME',
          message: 'No clear answer from the payment service — the till keeps checking; do not charge again',
          retryable: false,
        };
      case 'network':
        return {
          code: 'GATEWAY_UNREACHABLE',
          message: 'The payment service cannot be reached — no wallet payment is possible right now',
          retryable: true,
        };
      default:
        return assertNever(err.kind, 'gateway error kind');
    }
  }
  return toErrorData(err);
}

/** rsp_code is a short upper-case token; anything else is not shown. */
function safeCode(code: string): string {
  return /^[A-Z0-9_]{1,40}$/.test(code) ? code : 'code withheld';
}
