// POST /processV2 as the simulator answers it: the envelope read and verified under the merchant's sign
// key, any injected fault applied, then the action handed to its handler (pay-actions.ts,
// refund-action.ts, query-actions.ts). Returns what to send; server.ts does the HTTP.
import { openData } from '../gateway/envelope.ts';
import type { SimEngine } from './engine.ts';
import { activePay, passivePay } from './pay-actions.ts';
import { exchangeRate, statusQuery } from './query-actions.ts';
import { refund } from './refund-action.ts';
import { type About, Refusal, type SimRequest } from './request-fields.ts';
import { corrupt, lengthenCodeUrl, type ProtocolSettings, type Reply, refuse } from './sealed-answers.ts';

/** The 'oversized' fault's answer: far over any sane client limit. */
const OVERSIZED_BYTES = 1024 * 1024;
/** Faults that let the request be carried out and then spoil (or lose) its answer. */
const AFTER_THE_WORK: ReadonlySet<string> = new Set(['bad_md5', 'long_code_url', 'lost_answer']);

export function handleProcess(engine: SimEngine, settings: ProtocolSettings, rawBody: string): Reply {
  const about: About = { action: '', merchantId: null, orderId: null };
  const reply = answer(engine, settings, rawBody, about);
  const rspCode = reply.kind === 'json' ? String(reply.body.rsp_code ?? '') : reply.kind;
  engine.emit({ type: 'request', ...about, rspCode, http: reply.kind === 'json' ? reply.status : 0 });
  return reply;
}

function answer(engine: SimEngine, settings: ProtocolSettings, rawBody: string, about: About): Reply {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return refuse(400, 'PARAM_ERROR', 'request body is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return refuse(400, 'PARAM_ERROR', 'request body is not a JSON object');
  }
  const envelope = json as Record<string, unknown>;
  for (const field of ['action', 'version', 'merchant_id', 'data', 'md5']) {
    const value = envelope[field];
    if (typeof value !== 'string' || value === '') return refuse(200, 'PARAM_ERROR', `${field} is missing`);
  }
  const action = envelope.action as string;
  const merchantId = envelope.merchant_id as string;
  about.action = action;
  about.merchantId = merchantId;
  const signKey = engine.signKeys.get(merchantId);
  if (!signKey) return refuse(200, 'PARAM_ERROR', 'merchant_id does not exist');
  const opened = openData(envelope, signKey);
  if (!opened.ok) return refuse(200, 'PARAM_ERROR', `md5 check failed: ${opened.reason}`);
  const data = opened.data;
  about.orderId = typeof data.order_id === 'string' ? data.order_id : null;

  const fault = engine.takeFault(action);
  if (fault && !AFTER_THE_WORK.has(fault.mode)) {
    engine.log(`${action} ${merchantId}: injected fault ${fault.mode}`);
    if (fault.mode === 'http500') return { kind: 'garbage500' };
    if (fault.mode === 'drop') return { kind: 'drop' };
    if (fault.mode === 'hang') return { kind: 'hang', orderId: null };
    if (fault.mode === 'oversized') {
      return {
        kind: 'json',
        status: 200,
        body: { rsp_code: 'SYSTEM_ERROR', rsp_msg: 'x'.repeat(OVERSIZED_BYTES) },
      };
    }
    return refuse(200, fault.rspCode ?? 'SYSTEM_ERROR', 'injected fault');
  }

  const request: SimRequest = { action, merchantId, signKey, data, about };
  let reply: Reply;
  try {
    reply = dispatch(engine, settings, request);
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    reply = refuse(200, err.code, err.message);
  }
  if (fault?.mode === 'bad_md5' && reply.kind === 'json') reply = corrupt(reply, data, signKey);
  if (fault?.mode === 'long_code_url') reply = lengthenCodeUrl(reply, signKey);
  if (fault?.mode === 'lost_answer') reply = { kind: 'drop' };
  const code = reply.kind === 'json' ? String(reply.body.rsp_code) : reply.kind;
  engine.log(`${action} ${merchantId} order=${about.orderId ?? '-'} v${String(envelope.version)} → ${code}`);
  return reply;
}

function dispatch(engine: SimEngine, settings: ProtocolSettings, request: SimRequest): Reply {
  switch (request.action) {
    case 'PASSIVEPAY':
      return passivePay(engine, settings, request);
    case 'ACTIVEPAY':
      return activePay(engine, settings, request);
    case 'STATUS_QUERY':
    case 'REFUND_QUERY':
      return statusQuery(engine, settings, request);
    case 'REFUND':
      return refund(engine, settings, request);
    case 'EX_RATE_QUERY':
      return exchangeRate(settings, request);
    default:
      throw new Refusal('PARAM_ERROR', `action ${request.action.slice(0, 40)} is not supported`);
  }
}
