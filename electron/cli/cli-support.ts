// What the gateway commands of the command-line tool share: settings from flags and environment,
// order ids, stdin, and one-line error text. The sign key is read, never printed.
import { randomInt } from 'node:crypto';
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { GATEWAY_ACTIONS } from '../../shared/contract.ts';
import { WALLETS, type Wallet } from '../../shared/domain.ts';
import { parseAmount } from '../../shared/money.ts';
import { escapeUnsafe } from '../../shared/unsafe-text.ts';
import { sleep, systemClock } from '../core/clock.ts';
import { type ClosableGatewayClient, createGatewayClient } from '../core/gateway/client.ts';
import {
  type GatewayConfig,
  GatewayError,
  type OrderState,
  type OrderStatus,
} from '../core/gateway/types.ts';

/** Flags every gateway command takes; each falls back to an environment variable. */
export const GATEWAY_FLAGS = {
  url: { type: 'string' },
  'merchant-id': { type: 'string' },
  'operator-id': { type: 'string' },
  'terminal-no': { type: 'string' },
  'sign-key': { type: 'string' },
  'timeout-ms': { type: 'string' },
  versions: { type: 'string' },
  'refund-query': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const GATEWAY_FLAGS_HELP = `gateway settings (flag, or environment variable):
  --url URL              OTTPAY_URL          e.g. http://127.0.0.1:8070 (the simulator) or https://frontapi.ottpay.com
  --merchant-id ID       OTTPAY_MERCHANT_ID
  --operator-id ID       OTTPAY_OPERATOR_ID
  --terminal-no NO       OTTPAY_TERMINAL_NO  (optional)
  --sign-key KEY         OTTPAY_SIGN_KEY     (prefer the variable: a flag stays in shell history)
  --timeout-ms N         OTTPAY_TIMEOUT_MS   per request, default 20000
  --versions A=V,…       OTTPAY_VERSIONS     protocol version per action, e.g. ACTIVEPAY=1.1 (default 1.0)
  --refund-query ACTION  OTTPAY_REFUND_QUERY STATUS_QUERY (default) or REFUND_QUERY`;

export type SettingsResult = { ok: true; config: GatewayConfig } | { ok: false; reason: string };

export function gatewaySettings(
  values: Partial<Record<keyof typeof GATEWAY_FLAGS, string | boolean | undefined>>,
  env: Readonly<Record<string, string | undefined>>,
): SettingsResult {
  const pick = (flag: keyof typeof GATEWAY_FLAGS, name: string) => {
    const value = values[flag];
    return typeof value === 'string' && value !== '' ? value : env[name] || undefined;
  };
  const baseUrl = pick('url', 'OTTPAY_URL');
  const merchantId = pick('merchant-id', 'OTTPAY_MERCHANT_ID');
  const operatorId = pick('operator-id', 'OTTPAY_OPERATOR_ID');
  const signKey = pick('sign-key', 'OTTPAY_SIGN_KEY');
  const missing = [
    baseUrl ? null : '--url (OTTPAY_URL)',
    merchantId ? null : '--merchant-id (OTTPAY_MERCHANT_ID)',
    operatorId ? null : '--operator-id (OTTPAY_OPERATOR_ID)',
    signKey ? null : '--sign-key (OTTPAY_SIGN_KEY)',
  ].filter((m) => m !== null);
  if (missing.length > 0 || !baseUrl || !merchantId || !operatorId || !signKey) {
    return { ok: false, reason: `missing gateway settings: ${missing.join(', ')}` };
  }
  const timeoutText = pick('timeout-ms', 'OTTPAY_TIMEOUT_MS');
  const timeoutMs = timeoutText === undefined ? undefined : Number(timeoutText);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
    return { ok: false, reason: '--timeout-ms must be a whole number of milliseconds' };
  }
  const terminalNo = pick('terminal-no', 'OTTPAY_TERMINAL_NO');
  const versions = parseVersions(pick('versions', 'OTTPAY_VERSIONS'));
  if (!versions.ok) return versions;
  const refundQuery = pick('refund-query', 'OTTPAY_REFUND_QUERY');
  if (refundQuery !== undefined && refundQuery !== 'STATUS_QUERY' && refundQuery !== 'REFUND_QUERY') {
    return { ok: false, reason: '--refund-query is STATUS_QUERY or REFUND_QUERY' };
  }
  return {
    ok: true,
    config: {
      baseUrl,
      merchantId,
      operatorId,
      signKey,
      ...(terminalNo ? { terminalNo } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(versions.versions ? { versions: versions.versions } : {}),
      ...(refundQuery ? { refundQueryAction: refundQuery } : {}),
    },
  };
}

/** "ACTIVEPAY=1.1,STATUS_QUERY=1.0" → { ACTIVEPAY: '1.1', STATUS_QUERY: '1.0' }. */
function parseVersions(
  text: string | undefined,
): { ok: true; versions: Record<string, string> | null } | { ok: false; reason: string } {
  if (text === undefined) return { ok: true, versions: null };
  const versions: Record<string, string> = {};
  for (const part of text.split(',')) {
    const [action = '', version = ''] = part.split('=').map((s) => s.trim());
    if (
      !(GATEWAY_ACTIONS as readonly string[]).includes(action) ||
      !/^\d{1,3}(\.\d{1,3}){0,2}$/.test(version)
    ) {
      return {
        ok: false,
        reason: `--versions: "${part.trim()}" is not ACTION=VERSION (actions: ${GATEWAY_ACTIONS.join(', ')})`,
      };
    }
    versions[action] = version;
  }
  return { ok: true, versions };
}

/** 20 letters and digits: a prefix letter, the UTC time to the second, 5 random digits. */
export function newOrderId(prefix: string, now: number = Date.now()): string {
  const stamp = new Date(now).toISOString().replace(/\D/g, '').slice(0, 14);
  return `${prefix.slice(0, 1)}${stamp}${String(randomInt(0, 100_000)).padStart(5, '0')}`;
}

/** "declined (PWD_INCORRECT): …" — one line for stderr. */
export function describeError(err: unknown): string {
  if (err instanceof GatewayError) {
    const code = err.rspCode ? ` (${err.rspCode}${err.notFound ? ', not found' : ''})` : '';
    return `${err.kind}${code}: ${oneLine(err.message)}`;
  }
  return `error: ${oneLine(err instanceof Error ? err.message : String(err))}`;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Reads all of stdin as UTF-8, refusing more than `limit` bytes. */
export async function readStdin(limit = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) throw new Error(`input is larger than ${limit} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** parseArgs with the tool's conventions: unknown flags are errors, reported as one line. */
export function parseFlags(
  args: string[],
  options: ParseArgsOptionsConfig,
  allowPositionals = false,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } | { error: string } {
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals });
    return {
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
    };
  } catch (err) {
    return { error: oneLine(err instanceof Error ? err.message : String(err)) };
  }
}

/** Writes a value as indented JSON on stdout. */
export function printJson(value: unknown): void {
  // JSON leaves C1 controls and text-direction characters raw: written as \u escapes, the same JSON.
  process.stdout.write(`${escapeUnsafe(JSON.stringify(value, null, 2), '\n')}\n`);
}

/** A flag's value is wrong: exit code 2 with the usage text. */
export class UsageError extends Error {}

type Values = Record<string, string | boolean | undefined>;

/**
 * The shape of every gateway command: flags and settings, one client, the action, its result as JSON
 * on stdout (exit 0), or one line on stderr (exit 1 for a gateway error, 2 for misuse).
 */
export async function runGatewayCommand(
  args: string[],
  spec: { usage: string; flags: ParseArgsOptionsConfig; positionals?: boolean },
  act: (client: ClosableGatewayClient, values: Values, positionals: string[]) => Promise<unknown>,
): Promise<number> {
  const usage = `${spec.usage}\n\n${GATEWAY_FLAGS_HELP}\n`;
  const parsed = parseFlags(args, { ...GATEWAY_FLAGS, ...spec.flags }, spec.positionals ?? false);
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n${usage}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const settings = gatewaySettings(parsed.values, process.env);
  if (!settings.ok) {
    process.stderr.write(`${settings.reason}\n`);
    return 2;
  }
  const client = createGatewayClient(settings.config);
  try {
    printJson(await act(client, parsed.values, parsed.positionals));
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${oneLine(err.message)}\n${usage}`);
      return 2;
    }
    process.stderr.write(`${describeError(err)}\n`);
    return 1;
  } finally {
    client.close();
  }
}

const FINAL: ReadonlySet<OrderStatus> = new Set([
  'success',
  'failure',
  'orderclosed',
  'partial_refunded',
  'fully_refunded',
]);

/** Polls STATUS_QUERY every `everyMs` until the order is final or `seconds` have passed. */
export async function waitForFinal(
  client: ClosableGatewayClient,
  orderId: string,
  seconds: number,
  everyMs = 2_000,
): Promise<OrderState | null> {
  const deadline = systemClock.now() + seconds * 1000;
  let last: OrderState | null = null;
  while (systemClock.now() < deadline) {
    try {
      last = await client.query(orderId);
      process.stderr.write(`${orderId}: ${last.status}\n`);
      if (FINAL.has(last.status)) return last;
    } catch (err) {
      process.stderr.write(`${describeError(err)}\n`);
      if (err instanceof GatewayError && (err.kind === 'invalid_request' || err.notFound)) return last;
    }
    await sleep(systemClock, everyMs);
  }
  return last;
}

/** Whole seconds from a flag, or the default. */
export function secondsFlag(value: string | boolean | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 3600) throw new UsageError(`--${name} must be 0 to 3600 seconds`);
  return n;
}

/** An amount flag as the cashier would type it ("12.34") → cents. */
export function centsFlag(value: string | boolean | undefined, name: string, required: boolean): number {
  if (value === undefined || value === '') {
    if (required) throw new UsageError(`--${name} is required, e.g. --${name} 12.34`);
    return 0;
  }
  const parsed = parseAmount(String(value));
  if (!parsed.ok) throw new UsageError(`--${name}: ${parsed.reason}`);
  return parsed.cents;
}

export function walletFlag(value: string | boolean | undefined): Wallet | null {
  if (value === undefined) return null;
  const upper = String(value).toUpperCase();
  if (!(WALLETS as readonly string[]).includes(upper))
    throw new UsageError('--wallet must be WECHATPAY, ALIPAY or UNIONPAY');
  return upper as Wallet;
}
