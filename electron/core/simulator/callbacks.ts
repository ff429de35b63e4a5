// Call-backs to an order's call_back_url after it is paid, sealed like OTTPay's own: retried on
// failure (any non-2xx, a connection error or no answer in time), with test switches to deliver each
// one twice or to send a forged copy (an md5 that does not verify) first.
import http from 'node:http';
import https from 'node:https';
import type { Clock, TimerHandle } from '../clock.ts';
import { sealData, sealDataWithMd5 } from '../gateway/envelope.ts';
import { formatBeijingTime } from '../gateway/trade-time.ts';
import type { SimOrder } from './ledger.ts';

export interface CallbackDelivery {
  orderId: string;
  url: string;
  /** 1 for the first try of this copy. */
  attempt: number;
  copy: 'genuine' | 'duplicate' | 'forged';
  /** HTTP status of the receiver's answer, or null when there was none. */
  status: number | null;
  error: string | null;
  delivered: boolean;
  at: number;
}

export interface CallbackSenderOptions {
  clock: Clock;
  /** Wait before each retry; its length is the number of retries. */
  retryDelaysMs: readonly number[];
  timeoutMs: number;
  numericFields: boolean;
  exchangeRate: number;
  onDelivery: (delivery: CallbackDelivery) => void;
  /** How many of the newest deliveries `deliveries()` keeps (default KEPT_DELIVERIES). */
  keptDeliveries?: number;
}

// A sandbox till runs for weeks: the list the control API reads keeps only the newest deliveries,
// so it cannot grow with every sale (the soak saw it do so).
export const KEPT_DELIVERIES = 1_000;

export const DEFAULT_CALLBACK_RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

interface Job {
  orderId: string;
  url: string;
  body: string;
  copy: CallbackDelivery['copy'];
  retry: boolean;
  afterwards?: () => void;
}

export class CallbackSender {
  readonly #options: CallbackSenderOptions;
  readonly #deliveries: CallbackDelivery[] = [];
  readonly #timers = new Set<TimerHandle>();
  readonly #inFlight = new Set<http.ClientRequest>();
  #closed = false;

  constructor(options: CallbackSenderOptions) {
    this.#options = options;
  }

  /** Queues the call-back for a paid order. */
  send(order: SimOrder, signKey: string, switches: { duplicate: boolean; forged: boolean }): void {
    if (!order.callbackUrl) return;
    const url = order.callbackUrl;
    const data = this.#data(order);
    const sealed = sealData(data, signKey);
    const body = JSON.stringify({
      rsp_code: 'SUCCESS',
      rsp_msg: 'success',
      merchant_id: order.merchantId,
      ...sealed,
    });
    const genuine: Job = { orderId: order.orderId, url, body, copy: 'genuine', retry: true };
    if (switches.duplicate) {
      genuine.afterwards = () => this.#attempt({ ...genuine, copy: 'duplicate', afterwards: undefined }, 1);
    }
    if (switches.forged) {
      // Same data, encrypted so that it decrypts, but under an md5 that is not the data's.
      const forgedMd5 = flipHex(sealed.md5);
      const forged = sealDataWithMd5(data, forgedMd5, signKey);
      const forgedBody = JSON.stringify({
        rsp_code: 'SUCCESS',
        rsp_msg: 'success',
        merchant_id: order.merchantId,
        ...forged,
      });
      this.#attempt(
        {
          orderId: order.orderId,
          url,
          body: forgedBody,
          copy: 'forged',
          retry: false,
          afterwards: () => this.#attempt(genuine, 1),
        },
        1,
      );
      return;
    }
    this.#attempt(genuine, 1);
  }

  deliveries(): CallbackDelivery[] {
    return this.#deliveries.map((d) => ({ ...d }));
  }

  close(): void {
    this.#closed = true;
    for (const handle of this.#timers) this.#options.clock.clearTimeout(handle);
    this.#timers.clear();
    for (const req of this.#inFlight) req.destroy();
    this.#inFlight.clear();
  }

  #data(order: SimOrder): Record<string, string | number> {
    const { numericFields, exchangeRate, clock } = this.#options;
    return {
      order_id: order.orderId,
      merchant_id: order.merchantId,
      amount: String(order.amountCents),
      tip: String(order.tipCents),
      bizpay_order_id: order.walletTxnId ?? '',
      finish_time: formatBeijingTime(order.paidAt ?? clock.now()),
      order_status: order.status === 'success' ? 'success' : order.status,
      exchange_rate: numericFields ? exchangeRate : String(exchangeRate),
    };
  }

  #attempt(job: Job, attempt: number): void {
    if (this.#closed) return;
    post(job.url, job.body, this.#options.timeoutMs, this.#inFlight).then(({ status, error }) => {
      if (this.#closed) return;
      const delivered = status !== null && status >= 200 && status < 300;
      const delivery: CallbackDelivery = {
        orderId: job.orderId,
        url: job.url,
        attempt,
        copy: job.copy,
        status,
        error,
        delivered,
        at: this.#options.clock.now(),
      };
      this.#deliveries.push(delivery);
      const kept = this.#options.keptDeliveries ?? KEPT_DELIVERIES;
      if (this.#deliveries.length > kept) this.#deliveries.splice(0, this.#deliveries.length - kept);
      this.#options.onDelivery(delivery);
      const delay = this.#options.retryDelaysMs[attempt - 1];
      if (!delivered && job.retry && delay !== undefined) {
        const handle = this.#options.clock.setTimeout(() => {
          this.#timers.delete(handle);
          this.#attempt(job, attempt + 1);
        }, delay);
        this.#timers.add(handle);
        return;
      }
      job.afterwards?.();
    });
  }
}

function post(
  target: string,
  body: string,
  timeoutMs: number,
  inFlight: Set<http.ClientRequest>,
): Promise<{ status: number | null; error: string | null }> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      resolve({ status: null, error: 'bad call-back URL' });
      return;
    }
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') {
      resolve({ status: null, error: 'call-back URL is not http(s)' });
      return;
    }
    const req = (secure ? https : http).request(url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    });
    inFlight.add(req);
    const done = (result: { status: number | null; error: string | null }) => {
      inFlight.delete(req);
      resolve(result);
    };
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => done({ status: null, error: err.message }));
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => done({ status: res.statusCode ?? null, error: null }));
      res.on('error', () => done({ status: res.statusCode ?? null, error: 'answer cut short' }));
    });
    req.end(body);
  });
}

/** The same md5 with its first character changed: looks right, verifies wrong. */
export function flipHex(md5: string): string {
  const first = md5[0] === '0' ? '1' : '0';
  return `${first}${md5.slice(1)}`;
}
