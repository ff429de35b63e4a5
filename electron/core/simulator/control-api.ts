// The simulator's control surface for tests and demos: the in-process object, and the same operations
// as HTTP endpoints under /_sim/ (pay or cancel an order as the customer, inject faults, read the
// ledger of what was charged and refunded, read the call-back deliveries).
import { z } from 'zod';
import type { CallbackDelivery, CallbackSender } from './callbacks.ts';
import type { FaultSpec, SimEngine, SimEvent, SimFaults, SimOrderView } from './engine.ts';
import type { LedgerSummary } from './ledger.ts';

export class SimulatorControlError extends Error {
  readonly status: 404 | 409;
  constructor(status: 404 | 409, message: string) {
    super(message);
    this.name = 'SimulatorControlError';
    this.status = status;
  }
}

const faultSpec = z
  .object({
    mode: z.enum([
      'http500',
      'drop',
      'hang',
      'bad_md5',
      'rsp_code',
      'oversized',
      'long_code_url',
      'lost_answer',
    ]),
    action: z
      .string()
      .regex(/^[A-Z_]{1,40}$/, 'action is an OTTPay action name')
      .optional(),
    rspCode: z
      .string()
      .regex(/^[A-Z_]{1,40}$/, 'rspCode is an OTTPay rsp_code')
      .optional(),
    count: z.number().int().min(1).max(1000).optional(),
  })
  .strict();

export const faultsPatchSchema = z
  .object({
    duplicateCallbacks: z.boolean().optional(),
    forgedCallbacks: z.boolean().optional(),
    /** Replaces the queue of one-shot faults. */
    next: z.array(faultSpec).max(100).optional(),
    /** Appends one fault to the queue. */
    add: faultSpec.optional(),
  })
  .strict();

export type FaultsPatch = z.infer<typeof faultsPatchSchema>;

export interface SimulatorControl {
  /** The customer pays an order waiting for payment (active, or a passive one still confirming). */
  pay(orderId: string): SimOrderView;
  /** The customer cancels: the order ends as `failure`. */
  cancel(orderId: string): SimOrderView;
  order(orderId: string): SimOrderView | null;
  orders(): SimOrderView[];
  /** What money actually moved. */
  ledger(): LedgerSummary;
  callbacks(): CallbackDelivery[];
  /** How many orders the books hold in memory (the rest are in their file): a soak sees it stay flat. */
  ordersInMemory(): number;
  faults(): SimFaults;
  setFaults(patch: FaultsPatch): SimFaults;
  /** Shorthand for setFaults({ add: fault }). */
  injectFault(fault: FaultSpec): void;
  subscribe(listener: (event: SimEvent) => void): () => void;
  /** Resolves on the first event (from now on) that matches. */
  waitFor(match: (event: SimEvent) => boolean): Promise<SimEvent>;
}

export function createControl(engine: SimEngine, callbacks: CallbackSender): SimulatorControl {
  const find = (orderId: string) => {
    const order = engine.book.get(orderId);
    if (!order) throw new SimulatorControlError(404, `no order ${orderId}`);
    return order;
  };
  const control: SimulatorControl = {
    pay(orderId) {
      const order = find(orderId);
      if (!engine.pay(order))
        throw new SimulatorControlError(409, `order ${orderId} is ${order.status}, not payable`);
      return engine.view(order);
    },
    cancel(orderId) {
      const order = find(orderId);
      if (!engine.unpay(order, 'failure')) {
        throw new SimulatorControlError(409, `order ${orderId} is ${order.status}, not cancellable`);
      }
      return engine.view(order);
    },
    order(orderId) {
      const order = engine.book.get(orderId);
      return order ? engine.view(order) : null;
    },
    orders: () => engine.book.all().map((o) => engine.view(o)),
    ledger: () => engine.book.ledger(),
    callbacks: () => callbacks.deliveries(),
    ordersInMemory: () => engine.book.cachedOrders,
    faults: () => structuredClone(engine.faults),
    setFaults(patch) {
      const checked = faultsPatchSchema.parse(patch);
      const faults = engine.faults;
      if (checked.duplicateCallbacks !== undefined) faults.duplicateCallbacks = checked.duplicateCallbacks;
      if (checked.forgedCallbacks !== undefined) faults.forgedCallbacks = checked.forgedCallbacks;
      if (checked.next) faults.next = [...checked.next];
      if (checked.add) faults.next.push(checked.add);
      return structuredClone(faults);
    },
    injectFault(fault) {
      control.setFaults({ add: fault });
    },
    subscribe: (listener) => engine.subscribe(listener),
    waitFor(match) {
      return new Promise((resolve) => {
        const stop = engine.subscribe((event) => {
          if (!match(event)) return;
          stop();
          resolve(event);
        });
      });
    },
  };
  return control;
}

export interface ControlReply {
  status: number;
  body: unknown;
}

/** Routes /_sim/… requests; `body` is the request body text (already size-limited). */
export function handleControlRequest(
  control: SimulatorControl,
  method: string,
  path: string,
  body: string,
): ControlReply {
  try {
    const orderAction = /^\/_sim\/orders\/([^/]+)\/(pay|cancel)$/.exec(path);
    if (orderAction && method === 'POST') {
      const id = decodeURIComponent(orderAction[1] ?? '');
      return { status: 200, body: orderAction[2] === 'pay' ? control.pay(id) : control.cancel(id) };
    }
    const orderOnly = /^\/_sim\/orders\/([^/]+)$/.exec(path);
    if (orderOnly && method === 'GET') {
      const order = control.order(decodeURIComponent(orderOnly[1] ?? ''));
      return order ? { status: 200, body: order } : { status: 404, body: { error: 'no such order' } };
    }
    if (path === '/_sim/orders' && method === 'GET') return { status: 200, body: control.orders() };
    if (path === '/_sim/ledger' && method === 'GET') return { status: 200, body: control.ledger() };
    if (path === '/_sim/callbacks' && method === 'GET') return { status: 200, body: control.callbacks() };
    if (path === '/_sim/faults' && method === 'GET') return { status: 200, body: control.faults() };
    if (path === '/_sim/faults' && method === 'POST') {
      let json: unknown;
      try {
        json = JSON.parse(body || '{}');
      } catch {
        return { status: 400, body: { error: 'body is not JSON' } };
      }
      const parsed = faultsPatchSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
          status: 400,
          body: { error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` },
        };
      }
      return { status: 200, body: control.setFaults(parsed.data) };
    }
    if (path === '/_sim/health' && method === 'GET') return { status: 200, body: { ok: true } };
    return { status: 404, body: { error: `no control endpoint ${method} ${path}` } };
  } catch (err) {
    if (err instanceof SimulatorControlError) return { status: err.status, body: { error: err.message } };
    if (err instanceof URIError) return { status: 400, body: { error: 'bad order id in path' } };
    throw err;
  }
}
