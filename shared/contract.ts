// The one list of everything a renderer may ask of the core and everything the core pushes out.
// Electron IPC and the browser shell's HTTP/SSE are two transports for this same contract: both
// validate requests with these schemas and answer with the Result envelope (shared/result.ts).
import { z } from 'zod';
import type {
  AttemptView,
  CustomerView,
  PublicSettings,
  RefundView,
  SaleView,
  ScannerStatus,
  TillSnapshot,
} from './domain.ts';
import type { EventName, EventPayloads } from './events.ts';
import { ABSOLUTE_MAX_CENTS } from './money.ts';
import type { ScanRefusal } from './scanning/scan-refusal.ts';

const cents = z.number().int().min(0).max(ABSOLUTE_MAX_CENTS);
const positiveCents = cents.min(1);
const wallet = z.enum(['WECHATPAY', 'ALIPAY', 'UNIONPAY']);
const language = z.enum(['en', 'fr', 'zh']);
const id = z.string().min(1).max(64);
const pin = z.string().regex(/^\d{4,8}$/, 'PIN is 4 to 8 digits');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date is YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const empty = z.object({}).strict();

/** The OTTPay actions the till sends (OTTPAY.md), each with a configurable protocol version. */
export const GATEWAY_ACTIONS = [
  'ACTIVEPAY',
  'PASSIVEPAY',
  'STATUS_QUERY',
  'REFUND',
  'REFUND_QUERY',
  'EX_RATE_QUERY',
] as const;
export type GatewayAction = (typeof GATEWAY_ACTIONS)[number];

export const settingsPatchSchema = z
  .object({
    merchantId: z.string().regex(/^[A-Z]{2}\d{8}$/, 'merchant id looks like QC00005496'),
    operatorId: z.string().regex(/^\d{1,10}$/, 'operator id is up to 10 digits'),
    terminalNo: z.string().regex(/^[A-Za-z0-9]{1,4}$/, 'terminal number is 1 to 4 letters or digits'),
    gatewayUrl: z.url({ protocol: /^https?$/ }),
    currency: z.enum(['CAD', 'USD']),
    maxAmountCents: positiveCents,
    tipPresetsPercent: z.array(z.number().int().min(1).max(100)).max(4),
    wallets: z.array(wallet).min(1),
    operatorLanguage: language,
    customerLanguage: language,
    soundsOn: z.boolean(),
    qrExpirySeconds: z.number().int().min(30).max(900),
    callback: z
      .object({
        enabled: z.boolean(),
        bindHost: z.string().min(1).max(255),
        port: z.number().int().min(0).max(65535),
        publicUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
      })
      .strict(),
    scanners: z
      .object({
        serial: z
          .object({
            enabled: z.boolean(),
            path: z.string().max(255),
            baudRate: z.number().int().min(300).max(921600),
            framing: z.enum(['CR', 'LF', 'CRLF', 'none']),
            prefix: z.string().max(8),
            suffix: z.string().max(8),
          })
          .strict(),
        wedge: z.object({ enabled: z.boolean() }).strict(),
      })
      .strict(),
    customerDisplay: z.enum(['window', 'second-screen', 'browser', 'off']),
    /** Per action, for a gateway that wants another protocol version than 1.0 (support sets these). */
    gatewayVersions: z.partialRecord(
      z.enum(GATEWAY_ACTIONS),
      z.string().regex(/^\d{1,3}(\.\d{1,3}){0,2}$/, 'a version looks like 1.0'),
    ),
    /** How a refund is looked up: a status query on the refund's id, or OTTPay's REFUND_QUERY action. */
    refundQueryAction: z.enum(['STATUS_QUERY', 'REFUND_QUERY']),
  })
  .strict()
  .partial();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export interface DailyReport {
  date: string;
  currency: string;
  byWallet: Array<{
    wallet: string;
    count: number;
    grossCents: number;
    refundedCents: number;
    netCents: number;
  }>;
  byOperator: Array<{ operatorId: string; count: number; grossCents: number }>;
  refunds: { count: number; totalCents: number };
  manualOverrides: AttemptView[];
  grossCents: number;
  tipCents: number;
  netCents: number;
}

export interface ReconcileReport {
  date: string;
  checked: number;
  differences: Array<{ orderId: string; journal: string; gateway: string; note: string }>;
}

export interface ScannerDiagnostics {
  statuses: ScannerStatus[];
  log: ScanLogEntry[];
  /** Per-key gaps (ms) of the last scan the wedge detector recognised. */
  lastScanTimings: number[];
}

export interface ScanLogEntry {
  at: number;
  source: 'serial' | 'wedge' | 'manual';
  /** Wallet codes are masked; product barcodes are shown as scanned. */
  shown: string;
  kind: 'wallet' | 'product' | 'rejected';
  wallet: string | null;
  note: string | null;
  /** Why (a refusal), or 'delivered': the key the page words the note from in its own language. */
  outcome?: ScanRefusal | 'delivered';
}

export interface PortInfo {
  path: string;
  manufacturer: string | null;
  serialNumber: string | null;
  vendorId: string | null;
  productId: string | null;
}

const keyEvent = z
  .object({ t: z.number().finite(), key: z.string().max(32), code: z.string().max(32) })
  .strict();

/** Every command: request schema, and the value type of a successful answer. */
export const commands = {
  'till.snapshot': { request: empty, result: null as unknown as TillSnapshot },
  'sale.payActive': {
    request: z.object({ amountCents: positiveCents, tipCents: cents, wallet }).strict(),
    result: null as unknown as AttemptView,
  },
  'sale.payPassive': {
    request: z.object({ amountCents: positiveCents, tipCents: cents }).strict(),
    result: null as unknown as SaleView,
  },
  /** A wallet code typed by hand or recognised by a page-side wedge detector. */
  'sale.submitScan': {
    request: z
      .object({
        code: text(512),
        source: z.enum(['wedge', 'manual']),
        /** Page-side detector: the gaps (ms) between the scan's keys, for the diagnostics view. */
        timings: z.array(z.number().finite().min(0).max(60_000)).max(512).optional(),
      })
      .strict(),
    result: null as unknown as AttemptView,
  },
  /** While a sale waits for a wallet code: the wallet the operator names by hand (null: from the code). */
  'sale.pickScanWallet': {
    request: z.object({ wallet: wallet.nullable() }).strict(),
    result: null as unknown as null,
  },
  'sale.cancel': { request: empty, result: null as unknown as SaleView | null },
  'sale.new': { request: empty, result: null as unknown as null },
  'attempt.recheck': {
    request: z.object({ attemptId: id }).strict(),
    result: null as unknown as AttemptView,
  },
  'attention.list': { request: empty, result: null as unknown as AttemptView[] },
  'history.search': {
    request: z
      .object({
        text: z.string().max(64).optional(),
        from: day.optional(),
        to: day.optional(),
        wallet: wallet.optional(),
        amountCents: positiveCents.optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    result: null as unknown as AttemptView[],
  },
  'refund.create': {
    request: z.object({ attemptId: id, amountCents: positiveCents, pin }).strict(),
    result: null as unknown as RefundView,
  },
  'refund.list': { request: z.object({ attemptId: id }).strict(), result: null as unknown as RefundView[] },
  'override.markPaid': {
    request: z.object({ attemptId: id, walletTxnId: text(64), reason: text(200), pin }).strict(),
    result: null as unknown as AttemptView,
  },
  'override.markFailed': {
    request: z.object({ attemptId: id, reason: text(200), pin }).strict(),
    result: null as unknown as AttemptView,
  },
  /** A finished payment flagged for a person (paid after cancel, paid twice…): a supervisor notes what was done. */
  'attention.acknowledge': {
    request: z.object({ attemptId: id, reason: text(200), pin }).strict(),
    result: null as unknown as AttemptView,
  },
  'report.daily': { request: z.object({ date: day }).strict(), result: null as unknown as DailyReport },
  'report.reconcile': {
    request: z.object({ date: day }).strict(),
    result: null as unknown as ReconcileReport,
  },
  'report.exportCsv': {
    request: z.object({ date: day }).strict(),
    result: null as unknown as { filename: string; csv: string },
  },
  'settings.get': { request: empty, result: null as unknown as PublicSettings },
  'settings.update': {
    request: z.object({ patch: settingsPatchSchema, pin }).strict(),
    result: null as unknown as PublicSettings,
  },
  /** Write-only: the key is never sent back to any renderer. */
  'settings.setSignKey': {
    request: z
      .object({
        signKey: z.string().regex(/^[0-9A-F]{16}$/, 'sign key is 16 upper-case hex characters'),
        pin,
      })
      .strict(),
    result: null as unknown as PublicSettings,
  },
  'settings.changePin': {
    request: z.object({ oldPin: pin, newPin: pin }).strict(),
    result: null as unknown as null,
  },
  'scanner.listPorts': { request: empty, result: null as unknown as PortInfo[] },
  'scanner.diagnostics': { request: empty, result: null as unknown as ScannerDiagnostics },
  /** Browser shell: raw key-downs for the core's wedge detector (Electron feeds it from main). */
  'wedge.keys': {
    request: z.object({ events: z.array(keyEvent).max(256) }).strict(),
    result: null as unknown as null,
  },
  'diagnostics.get': { request: empty, result: null as unknown as { text: string } },
} as const;

export type CommandName = keyof typeof commands;
export type CommandRequest<K extends CommandName> = z.input<(typeof commands)[K]['request']>;
export type CommandResult<K extends CommandName> = (typeof commands)[K]['result'];

export type { EventName, EventPayloads, Role } from './events.ts';
export { EVENT_NAMES, ROLE_CAN_INVOKE, ROLE_EVENTS } from './events.ts';

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

/** The same validation both transports run at the boundary. */
export function parseCommandRequest<K extends CommandName>(
  name: K,
  payload: unknown,
): { ok: true; value: z.output<(typeof commands)[K]['request']> } | { ok: false; message: string } {
  const parsed = commands[name].request.safeParse(payload ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as z.output<(typeof commands)[K]['request']> };
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return { ok: false, message: `invalid ${name} request — ${where}${first?.message ?? 'bad payload'}` };
}

/** The API a renderer sees, whichever transport is behind it (preload or browser client). */
export interface TillApi {
  invoke<K extends CommandName>(
    name: K,
    request: CommandRequest<K>,
  ): Promise<import('./result.ts').Result<CommandResult<K>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void;
}
export interface CustomerApi {
  on(name: 'customer.view', listener: (payload: CustomerView) => void): () => void;
}
