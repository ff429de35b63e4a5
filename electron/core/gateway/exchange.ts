// One OTTPay exchange: our data sealed into its envelope, one HTTP POST, the answer opened, verified and
// judged by its rsp_code — or a GatewayError with a kind. Each exchange is logged (never the key, the
// data or the body). How often to send (once for pay, with retries for queries) is client.ts's call.
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { judge, type RawAnswer, readAnswer } from './answer-reading.ts';
import { sealData, type WireData } from './envelope.ts';
import { createKeptReadings } from './kept-readings.ts';
import { type ActionClass, DEFAULT_NOT_FOUND_RULES } from './response-codes.ts';
import { firstIssue } from './schemas.ts';
import { SignKeyCache } from './sign-key-cache.ts';
import { type Transport, TransportError, type TransportResponse } from './transport.ts';
import { type GatewayConfig, GatewayError } from './types.ts';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

/** One line per gateway call, for the till's log. Never holds the key, the data or the body. */
export interface GatewayLogEntry {
  action: string;
  orderId: string | null;
  attempt: number;
  outcome: 'ok' | GatewayError['kind'];
  rspCode: string | null;
  httpStatus: number | null;
  ms: number;
}

const configSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/, error: 'gateway URL must be an http:// or https:// URL' }),
  merchantId: z.string().trim().min(1, 'merchant id is missing'),
  operatorId: z.string().trim().min(1, 'operator id is missing'),
  terminalNo: z.string().optional(),
  signKey: z.string().min(1, 'sign key is missing'),
  timeoutMs: z.number().int().min(1).max(600_000).optional(),
  maxResponseBytes: z.number().int().min(1024).optional(),
});

/** One call's request; its sealed body is made on the first attempt and re-sent as is by retries. */
export interface Outgoing {
  action: string;
  data: WireData;
  /** The cashier's operator id for the envelope (default: the till's). */
  operatorId?: string;
  body?: string;
}

export interface ExchangeResult {
  answer: RawAnswer;
  /** PROCESSING: the customer is still confirming. */
  pending: boolean;
}

export interface ExchangeDeps {
  transport: Transport;
  clock: Clock;
  log?: (entry: GatewayLogEntry) => void;
}

export interface Exchange {
  (outgoing: Outgoing, actionClass: ActionClass, attempt: number): Promise<ExchangeResult>;
  /** Forgets the sealed query bodies and answer readings kept (the client closing). */
  forget(): void;
}

export function createExchange(config: GatewayConfig, deps: ExchangeDeps): Exchange {
  const { transport, clock } = deps;
  const notFoundRules = config.notFoundRules ?? DEFAULT_NOT_FOUND_RULES;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxResponseBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const checked = configSchema.safeParse(config);
  // A bad config refuses every call with the same plain reason; nothing is sent.
  const configProblem = checked.success ? null : `gateway settings: ${firstIssue(checked.error)}`;
  const endpoint = checked.success ? processUrl(config.baseUrl) : '';
  // A query polled for one order is the same bytes every time (md5 and AES key follow from the data and
  // the sign key; ECB has no IV), and so is its answer until the order changes: the sealed bodies and
  // the answers' readings are kept, in memory, for the sign key read from the config on every call
  // (kept-readings.ts). A pay answer is read every time: it is one of a kind. (Decipher contexts are not
  // kept: a repeated answer is not decrypted again at all, and a new one has a new key, so keeping them
  // only cost a context per answer.)
  const queryBodies = new SignKeyCache<string>();
  const readings = createKeptReadings();

  /** One request and its reading: the answer and whether it is pending, or a GatewayError (logged either way). */
  async function exchange(
    outgoing: Outgoing,
    actionClass: ActionClass,
    attempt: number,
  ): Promise<ExchangeResult> {
    const { action, data } = outgoing;
    const orderId = typeof data.order_id === 'string' ? data.order_id : null;
    const started = clock.now();
    let httpStatus: number | null = null;
    try {
      if (configProblem) throw new GatewayError('invalid_request', configProblem);
      outgoing.body ??= actionClass === 'query' ? queryBody(outgoing) : envelopeBody(outgoing);
      const body = outgoing.body;
      let response: TransportResponse;
      try {
        response = await transport.post({
          url: endpoint,
          body,
          timeoutMs,
          maxResponseBytes,
          freshConnection: actionClass === 'pay',
        });
      } catch (err) {
        if (err instanceof TransportError) {
          throw err.sent
            ? new GatewayError('unknown_outcome', `${action}: ${err.message} — outcome unknown`)
            : new GatewayError('network', `${action}: ${err.message} — nothing was sent`);
        }
        throw err;
      }
      httpStatus = response.status;
      const answer =
        actionClass === 'query'
          ? readings.read(action, body, response.status, response.body, config.signKey)
          : readAnswer(action, response.status, response.body, config.signKey);
      const pending = judge(action, answer, actionClass, notFoundRules);
      deps.log?.({
        action,
        orderId,
        attempt,
        outcome: 'ok',
        rspCode: answer.rspCode,
        httpStatus,
        ms: clock.now() - started,
      });
      return { answer, pending };
    } catch (err) {
      const gatewayError =
        err instanceof GatewayError
          ? err
          : new GatewayError('unknown_outcome', `${action}: unexpected failure`);
      deps.log?.({
        action,
        orderId,
        attempt,
        outcome: gatewayError.kind,
        rspCode: gatewayError.rspCode,
        httpStatus,
        ms: clock.now() - started,
      });
      throw gatewayError;
    }
  }

  /** The request envelope as sent: sealed data and md5 beside the plain fields. */
  function envelopeBody({ action, data, operatorId }: Outgoing): string {
    const sealed = sealData(data, config.signKey);
    return JSON.stringify({
      action,
      version: config.versions?.[action] ?? '1.0',
      merchant_id: config.merchantId,
      ...(config.terminalNo ? { terminal_no: config.terminalNo } : {}),
      operator_id: operatorId || config.operatorId,
      data: sealed.data,
      md5: sealed.md5,
    });
  }

  /** A query's envelope, sealed once per sign key and what it says. */
  function queryBody(outgoing: Outgoing): string {
    const { action, data, operatorId } = outgoing;
    // Everything the body is made of but the key (JSON.stringify leaves absent values out, as sealing does).
    const says = JSON.stringify([
      action,
      config.versions?.[action],
      config.merchantId,
      config.terminalNo,
      operatorId || config.operatorId,
      data,
    ]);
    const kept = queryBodies.get(config.signKey, says);
    if (kept !== undefined) return kept;
    const body = envelopeBody(outgoing);
    queryBodies.set(config.signKey, says, body);
    return body;
  }

  return Object.assign(exchange, {
    forget() {
      queryBodies.clear();
      readings.clear();
    },
  });
}

/** Accepts the origin ("https://frontapi.ottpay.com:443") or the full endpoint. */
function processUrl(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /\/processV2$/.test(trimmed) ? trimmed : `${trimmed}/processV2`;
}
