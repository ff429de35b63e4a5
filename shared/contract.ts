// The one list of everything a renderer may ask of the core and everything the core pushes out.
// Electron IPC and the browser shell's HTTP/SSE are two transports for this same contract: both
// validate requests with these schemas and answer with the Result envelope (shared/result.ts).
import { z } from 'zod';
import { isCalendarDate } from './calendar-date.ts';
import { customerSideSettingsSchema } from './customer-side.ts';
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
import { printerTargetProblem } from './printing/printer-target.ts';
import type { ReceiptDoc } from './printing/receipt-layout.ts';
import type { ScanLogEntry } from './scanning/scan-log.ts';
import { type ShiftReport, type ShiftSummary, STAFF_ROLES, type StaffView } from './staff.ts';
import { storeSyncSettingsSchema } from './store-sync.ts';
import { hasUnsafeCharacters, UNSAFE_TEXT_MESSAGE } from './unsafe-text.ts';
import type { UpdateInstallAnswer, UpdateStatus } from './updates/update-status.ts';
import { updateSettingsSchema } from './updates/update-status.ts';

export type { ScanLogEntry } from './scanning/scan-log.ts';

const isPlainText = (s: string) => !hasUnsafeCharacters(s);

const cents = z.number().int().min(0).max(ABSOLUTE_MAX_CENTS);
const positiveCents = cents.min(1);
const wallet = z.enum(['WECHATPAY', 'ALIPAY', 'UNIONPAY']);
const language = z.enum(['en', 'fr', 'zh']);
const id = z.string().min(1).max(64);
const pin = z.string().regex(/^\d{4,8}$/, 'PIN is 4 to 8 digits');
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date is YYYY-MM-DD')
  .refine(isCalendarDate, 'date is not a real calendar day');
/** Names, notes, codes: never a control or text-direction character (shared/unsafe-text.ts). */
const text = (max: number) => z.string().trim().min(1).max(max).refine(isPlainText, UNSAFE_TEXT_MESSAGE);
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

function onlyActionKeys(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true; // the record schema refuses it
  return Object.keys(value).every((k) => (GATEWAY_ACTIONS as readonly string[]).includes(k));
}
/** Which printer receipts go to, and when they print (see shared/printing/printer-target.ts). */
const receiptSettingsSchema = z
  .object({
    printer: z.enum(['none', 'screen', 'network', 'serial', 'usb', 'system']),
    /** tcp://HOST:PORT, serial:PATH, /dev/usb/lpN, or the system printer's name. */
    target: z.string().trim().max(255),
    paper: z.enum(['80mm', '58mm']),
    /** Chinese text: the printer's GB18030 font, or an image of the line for printers without one. */
    chinese: z.enum(['gb18030', 'raster']),
    afterPaid: z.enum(['none', 'customer', 'customer+merchant']),
  })
  .strict()
  .superRefine((r, ctx) => {
    const problem = printerTargetProblem(r.printer, r.target);
    if (problem) ctx.addIssue({ code: 'custom', path: ['target'], message: problem });
  });

export const settingsPatchSchema = z
  .object({
    merchantId: z.string().regex(/^[A-Z]{2}\d{8}$/, 'merchant id looks like QC00005496'),
    operatorId: z.string().regex(/^\d{1,10}$/, 'operator id is up to 10 digits'),
    terminalNo: z.string().regex(/^[A-Za-z0-9]{1,4}$/, 'terminal number is 1 to 4 letters or digits'),
    gatewayUrl: z.url({ protocol: /^https?$/ }),
    currency: z.enum(['CAD', 'USD']),
    maxAmountCents: positiveCents,
    /** The largest tip as a percentage of the amount (100: no more than the amount itself). */
    maxTipPercent: z.number().int().min(0).max(1000),
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
    // Own keys are checked first: a JSON "__proto__" key would otherwise pass and be dropped silently.
    gatewayVersions: z
      .unknown()
      .refine(onlyActionKeys, 'keys are OTTPay action names, e.g. ACTIVEPAY')
      .pipe(
        z.partialRecord(
          z.enum(GATEWAY_ACTIONS),
          z.string().regex(/^\d{1,3}(\.\d{1,3}){0,2}$/, 'a version looks like 1.0'),
        ),
      ),
    /** How a refund is looked up: a status query on the refund's id, or OTTPay's REFUND_QUERY action. */
    refundQueryAction: z.enum(['STATUS_QUERY', 'REFUND_QUERY']),
    /** Printed at the top of every receipt. */
    shop: z
      .object({
        name: z.string().trim().max(64).refine(isPlainText, UNSAFE_TEXT_MESSAGE),
        address: z.string().trim().max(160).refine(isPlainText, UNSAFE_TEXT_MESSAGE),
        phone: z.string().trim().max(32).refine(isPlainText, UNSAFE_TEXT_MESSAGE),
      })
      .strict(),
    receipts: receiptSettingsSchema,
    idleLockMinutes: z.number().int().min(0).max(240),
    shiftPerDay: z.boolean(),
    /** Where this till ships its journal (a chain's central PostgreSQL); the password is a secret. */
    storeSync: storeSyncSettingsSchema,
    /** Where this till looks for updates (issue 19), and which channel it follows. */
    updates: updateSettingsSchema,
    /** The local POS API: whether a POS may refund over it (off: 403 refunds-disabled). */
    posApi: z.object({ refunds: z.boolean() }).strict(),
    /** Large text, the spoken "paid", the customer's tip, the camera (issue 21). */
    customerSide: customerSideSettingsSchema,
    /** Desktop app: a login item (Windows) or XDG autostart entry (Linux); 'kiosk': on in kiosk mode. */
    startWithComputer: z.enum(['kiosk', 'on', 'off']),
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
  /** Paid payments per signed-in cashier (null: taken before staff accounts, or with no one signed in). */
  byCashier: Array<{ cashierId: string | null; name: string; count: number; grossCents: number }>;
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
  /** The amount being keyed, before any payment: only shown on the customer display, never journaled. */
  'sale.draft': {
    request: z.object({ amountCents: cents, tipCents: cents }).strict(),
    result: null as unknown as null,
  },
  /** Ask the customer, on a touch customer display, for the tip on this amount; skip ends the ask. */
  'customer.askTip': {
    request: z.object({ amountCents: positiveCents }).strict(),
    result: null as unknown as null,
  },
  'customer.skipTip': { request: empty, result: null as unknown as null },
  /** A code the LAN customer display types to be the one that answers the tip ask (customer-pairing.ts). */
  'customer.pairDisplay': {
    request: empty,
    result: null as unknown as import('./customer-pairing.ts').PairingOffer,
  },
  'sale.cancel': { request: empty, result: null as unknown as SaleView | null },
  'sale.new': { request: empty, result: null as unknown as null },
  /** Next sale now, whatever the payment is doing: it is cancelled and resolved in the background. */
  'sale.setAside': { request: empty, result: null as unknown as null },
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
        cashierId: id.optional(),
        shiftId: z.number().int().min(1).optional(),
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
  /** Write-only, like the sign key: the central database's password and client-certificate key. */
  'settings.setStoreCredentials': {
    request: z
      .object({
        /** An empty string removes the saved one. */
        password: z.string().max(200).optional(),
        clientKey: z
          .union([
            z.literal(''),
            z
              .string()
              .max(16_384)
              .regex(/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a PEM private key'),
          ])
          .optional(),
        pin,
      })
      .strict(),
    result: null as unknown as PublicSettings,
  },
  /** Write-only, like the sign key: the key a POS must send to the local POS API. */
  'settings.setPosApiKey': {
    request: z
      .object({
        posApiKey: z
          .string()
          .regex(/^[\x21-\x7e]{16,256}$/, 'the POS API key is 16 to 256 printable characters without spaces'),
        pin,
      })
      .strict(),
    result: null as unknown as null,
  },
  'settings.changePin': {
    request: z.object({ oldPin: pin, newPin: pin }).strict(),
    result: null as unknown as null,
  },
  'scanner.listPorts': { request: empty, result: null as unknown as PortInfo[] },
  'scanner.diagnostics': { request: empty, result: null as unknown as ScannerDiagnostics },
  /** Raw key-downs for the core's wedge detector (tools and tests; both shells send completed codes). */
  'wedge.keys': {
    request: z.object({ events: z.array(keyEvent).max(256) }).strict(),
    result: null as unknown as null,
  },
  'diagnostics.get': { request: empty, result: null as unknown as { text: string } },
  /**
   * Leaving a locked till (Electron kiosk mode): the core checks the supervisor PIN; on success the
   * Electron shell quits. The browser shell locks nothing, so there it only checks the PIN.
   */
  'shell.quit': { request: z.object({ pin }).strict(), result: null as unknown as null },
  /** Reprint from history: the receipt of a paid payment (or of a refund), one job per copy. */
  'receipt.print': {
    request: z
      .object({
        kind: z.enum(['sale', 'refund']),
        refId: id,
        copies: z
          .array(z.enum(['customer', 'merchant']))
          .min(1)
          .max(2),
      })
      .strict(),
    result: null as unknown as { jobIds: number[] },
  },
  'receipt.testPage': { request: empty, result: null as unknown as { jobIds: number[] } },
  /** The receipt laid out as it prints: the receipt page (system printer, browser print dialog). */
  'receipt.preview': {
    request: z
      .object({
        kind: z.enum(['sale', 'refund', 'test']),
        refId: id.nullable(),
        copy: z.enum(['customer', 'merchant']),
      })
      .strict(),
    result: null as unknown as ReceiptDoc,
  },
  /** Signs a cashier in by PIN alone (PINs are unique per till); opens a shift when none is open. */
  'staff.signIn': { request: z.object({ pin }).strict(), result: null as unknown as StaffView },
  /** Signs out (locks the till); the shift stays open for the next cashier. */
  'staff.signOut': { request: empty, result: null as unknown as null },
  'staff.list': { request: empty, result: null as unknown as StaffView[] },
  /** A supervisor adds cashiers and supervisors; only an owner adds an owner. */
  'staff.add': {
    request: z
      .object({
        name: text(60),
        role: z.enum(STAFF_ROLES),
        pin,
        operatorId: z.string().regex(/^\d{1,10}$/, 'operator id is up to 10 digits'),
        approverPin: pin,
      })
      .strict(),
    result: null as unknown as StaffView,
  },
  'staff.setActive': {
    request: z.object({ staffId: id, active: z.boolean(), approverPin: pin }).strict(),
    result: null as unknown as StaffView,
  },
  /** Resets a forgotten PIN: a supervisor resets cashiers' and their own; only an owner resets an
   *  owner's or a supervisor's. The new PIN must be free on this till. */
  'staff.setPin': {
    request: z.object({ staffId: id, pin, approverPin: pin }).strict(),
    result: null as unknown as StaffView,
  },
  /** The X report: the open shift so far (null when none is open). */
  'shift.current': { request: empty, result: null as unknown as ShiftReport | null },
  'shift.list': { request: empty, result: null as unknown as ShiftSummary[] },
  /** X report of the open shift or the frozen Z report of a closed one. */
  'shift.report': {
    request: z.object({ shiftId: z.number().int().min(1) }).strict(),
    result: null as unknown as ShiftReport,
  },
  /**
   * Reconciles with OTTPay and closes the open shift (a supervisor's PIN); the Z report comes back.
   * The cashier stays signed in: the next sign-in or payment opens the next shift.
   */
  'shift.close': {
    request: z.object({ pin, acknowledgeUnresolved: z.boolean() }).strict(),
    result: null as unknown as ShiftReport,
  },
  'shift.exportCsv': {
    request: z.object({ shiftId: z.number().int().min(1) }).strict(),
    result: null as unknown as { filename: string; csv: string },
  },
  /** Updates: what Settings → About shows; "Check now" asks the feed at once. */
  'updates.status': { request: empty, result: null as unknown as UpdateStatus },
  'updates.check': { request: empty, result: null as unknown as UpdateStatus },
  /** A supervisor's "Install now": installs on an idle till, or as soon as the payment in the air ends. */
  'updates.install': { request: z.object({ pin }).strict(), result: null as unknown as UpdateInstallAnswer },
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

/**
 * The page's link to the till: open; lost (no heartbeat for a few seconds: the till is not running, or
 * unreachable); restarted (it answers again, but as a new process: this page's session is over).
 */
export type ConnectionState = 'open' | 'lost' | 'restarted';

/** The API a renderer sees, whichever transport is behind it (preload or browser client). */
export interface TillApi {
  invoke<K extends CommandName>(
    name: K,
    request: CommandRequest<K>,
  ): Promise<import('./result.ts').Result<CommandResult<K>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void): () => void;
  /** Where the transport can tell (the browser shell's heartbeat), changes of the link to the till. */
  onConnection?(listener: (state: ConnectionState) => void): () => void;
}
export interface CustomerApi {
  on(name: 'customer.view', listener: (payload: CustomerView) => void): () => void;
  /** A touch display's tip or language (absent where the display cannot send: it only listens). */
  choose?(choice: import('./customer-choice.ts').CustomerChoice): Promise<import('./result.ts').Result<null>>;
  /** The LAN display pairs with the till's code (absent in the Electron window: it needs no pairing). */
  pair?(code: string): Promise<import('./result.ts').Result<null>>;
  onConnection?(listener: (state: ConnectionState) => void): () => void;
}
