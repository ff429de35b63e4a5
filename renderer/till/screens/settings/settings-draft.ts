// The settings form as text fields, and the patch of what changed (the core validates it again).
import type { SettingsPatch } from '../../../../shared/contract.ts';
import type { Language, PublicSettings, ReceiptSettings, Wallet } from '../../../../shared/domain.ts';
import { WALLETS } from '../../../../shared/domain.ts';
import type { Currency } from '../../../../shared/money.ts';
import { centsToPlain, parseAmount } from '../../../../shared/money.ts';
import type { MessageKey } from '../../../i18n/en.ts';

/** The contract allows up to four tip presets. */
export const TIP_PRESET_SLOTS = 4;
export const BAUD_RATES: readonly number[] = [9600, 19200, 38400, 57600, 115200];
export const FRAMINGS: readonly PublicSettings['scanners']['serial']['framing'][] = [
  'CR',
  'LF',
  'CRLF',
  'none',
];

type Serial = PublicSettings['scanners']['serial'];

export interface SettingsDraft {
  merchantId: string;
  operatorId: string;
  terminalNo: string;
  gatewayUrl: string;
  currency: Currency;
  maxAmount: string;
  maxTipPercent: string;
  /** One text per slot; an empty slot is no preset. */
  tipPresets: string[];
  wallets: Wallet[];
  qrExpirySeconds: string;
  callbackEnabled: boolean;
  callbackHost: string;
  callbackPort: string;
  callbackUrl: string;
  serialEnabled: boolean;
  serialPath: string;
  serialBaudRate: number;
  serialFraming: Serial['framing'];
  serialPrefix: string;
  serialSuffix: string;
  wedgeEnabled: boolean;
  customerDisplay: PublicSettings['customerDisplay'];
  operatorLanguage: Language;
  customerLanguage: Language;
  soundsOn: boolean;
  shopName: string;
  shopAddress: string;
  shopPhone: string;
  printer: ReceiptSettings['printer'];
  printerTarget: string;
  paper: ReceiptSettings['paper'];
  chinese: ReceiptSettings['chinese'];
  afterPaid: ReceiptSettings['afterPaid'];
  idleLockMinutes: string;
  shiftPerDay: boolean;
  startWithComputer: PublicSettings['startWithComputer'];
}

export function draftOf(s: PublicSettings): SettingsDraft {
  return {
    merchantId: s.merchantId,
    operatorId: s.operatorId,
    terminalNo: s.terminalNo,
    gatewayUrl: s.gatewayUrl,
    currency: s.currency,
    maxAmount: centsToPlain(s.maxAmountCents),
    maxTipPercent: String(s.maxTipPercent),
    tipPresets: Array.from({ length: TIP_PRESET_SLOTS }, (_, i) =>
      s.tipPresetsPercent[i] === undefined ? '' : String(s.tipPresetsPercent[i]),
    ),
    wallets: [...s.wallets],
    qrExpirySeconds: String(s.qrExpirySeconds),
    callbackEnabled: s.callback.enabled,
    callbackHost: s.callback.bindHost,
    callbackPort: String(s.callback.port),
    callbackUrl: s.callback.publicUrl,
    serialEnabled: s.scanners.serial.enabled,
    serialPath: s.scanners.serial.path,
    serialBaudRate: s.scanners.serial.baudRate,
    serialFraming: s.scanners.serial.framing,
    serialPrefix: s.scanners.serial.prefix,
    serialSuffix: s.scanners.serial.suffix,
    wedgeEnabled: s.scanners.wedge.enabled,
    customerDisplay: s.customerDisplay,
    operatorLanguage: s.operatorLanguage,
    customerLanguage: s.customerLanguage,
    soundsOn: s.soundsOn,
    shopName: s.shop.name,
    shopAddress: s.shop.address,
    shopPhone: s.shop.phone,
    printer: s.receipts.printer,
    printerTarget: s.receipts.target,
    paper: s.receipts.paper,
    chinese: s.receipts.chinese,
    afterPaid: s.receipts.afterPaid,
    idleLockMinutes: String(s.idleLockMinutes),
    shiftPerDay: s.shiftPerDay,
    startWithComputer: s.startWithComputer,
  };
}

/** A number typed in a field; an empty or unreadable one is NaN, which the core refuses with its own message. */
function numberOf(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what differs from the current settings; an error message if a field cannot be read. */
export function patchOf(s: PublicSettings, d: SettingsDraft): { patch: SettingsPatch } | { error: string } {
  const patch: SettingsPatch = {};
  if (d.merchantId !== s.merchantId) patch.merchantId = d.merchantId.trim();
  if (d.operatorId !== s.operatorId) patch.operatorId = d.operatorId.trim();
  if (d.terminalNo !== s.terminalNo) patch.terminalNo = d.terminalNo.trim();
  if (d.gatewayUrl !== s.gatewayUrl) patch.gatewayUrl = d.gatewayUrl.trim();
  if (d.currency !== s.currency) patch.currency = d.currency;
  const max = parseAmount(d.maxAmount);
  if (!max.ok) return { error: max.reason };
  if (max.cents !== s.maxAmountCents) patch.maxAmountCents = max.cents;
  const maxTip = numberOf(d.maxTipPercent);
  if (maxTip !== s.maxTipPercent) patch.maxTipPercent = maxTip;
  const tips = d.tipPresets.filter((t) => t.trim() !== '').map(numberOf);
  if (!same(tips, s.tipPresetsPercent)) patch.tipPresetsPercent = tips;
  // Keep the wallets in their usual order, whatever order they were ticked in.
  const wallets = WALLETS.filter((w) => d.wallets.includes(w));
  if (!same(wallets, s.wallets)) patch.wallets = wallets;
  const expiry = numberOf(d.qrExpirySeconds);
  if (expiry !== s.qrExpirySeconds) patch.qrExpirySeconds = expiry;
  const port = Number(d.callbackPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { error: 'Port is 0 to 65535' };
  const callback = {
    enabled: d.callbackEnabled,
    bindHost: d.callbackHost.trim(),
    port,
    publicUrl: d.callbackUrl.trim(),
  };
  const callbackChanged = (Object.keys(callback) as (keyof typeof callback)[]).some(
    (k) => callback[k] !== s.callback[k],
  );
  if (callbackChanged) patch.callback = callback;
  const serial: Serial = {
    enabled: d.serialEnabled,
    path: d.serialPath.trim(),
    baudRate: d.serialBaudRate,
    framing: d.serialFraming,
    prefix: d.serialPrefix,
    suffix: d.serialSuffix,
  };
  const serialChanged = (Object.keys(serial) as (keyof Serial)[]).some(
    (k) => serial[k] !== s.scanners.serial[k],
  );
  if (serialChanged || d.wedgeEnabled !== s.scanners.wedge.enabled) {
    patch.scanners = { serial, wedge: { enabled: d.wedgeEnabled } };
  }
  if (d.customerDisplay !== s.customerDisplay) patch.customerDisplay = d.customerDisplay;
  if (d.operatorLanguage !== s.operatorLanguage) patch.operatorLanguage = d.operatorLanguage;
  if (d.customerLanguage !== s.customerLanguage) patch.customerLanguage = d.customerLanguage;
  if (d.soundsOn !== s.soundsOn) patch.soundsOn = d.soundsOn;
  const shop = { name: d.shopName.trim(), address: d.shopAddress.trim(), phone: d.shopPhone.trim() };
  if (!same(shop, s.shop)) patch.shop = shop;
  const receipts: ReceiptSettings = {
    printer: d.printer,
    target: d.printerTarget.trim(),
    paper: d.paper,
    chinese: d.chinese,
    afterPaid: d.afterPaid,
  };
  if (!same(receipts, s.receipts)) patch.receipts = receipts;
  const idle = numberOf(d.idleLockMinutes);
  if (idle !== s.idleLockMinutes) patch.idleLockMinutes = idle;
  if (d.shiftPerDay !== s.shiftPerDay) patch.shiftPerDay = d.shiftPerDay;
  if (d.startWithComputer !== s.startWithComputer) patch.startWithComputer = d.startWithComputer;
  return { patch };
}

/** Where each form field lives in the core's settings patch, and its label: to name a refused field. */
export const FIELDS: Array<{ path: string; label: MessageKey }> = [
  { path: 'merchantId', label: 'settings.merchantId' },
  { path: 'operatorId', label: 'settings.operatorId' },
  { path: 'terminalNo', label: 'settings.terminalNo' },
  { path: 'gatewayUrl', label: 'settings.gatewayUrl' },
  { path: 'currency', label: 'settings.currency' },
  { path: 'maxAmountCents', label: 'settings.maxAmount' },
  { path: 'maxTipPercent', label: 'settings.maxTipPercent' },
  { path: 'tipPresetsPercent', label: 'settings.tipPresets' },
  { path: 'wallets', label: 'settings.wallets' },
  { path: 'qrExpirySeconds', label: 'settings.qrExpiry' },
  { path: 'idleLockMinutes', label: 'settings.idleLockMinutes' },
  { path: 'callback.bindHost', label: 'settings.callbackHost' },
  { path: 'callback.port', label: 'settings.callbackPort' },
  { path: 'callback.publicUrl', label: 'settings.callbackUrl' },
  { path: 'scanners.serial.path', label: 'settings.serialPath' },
  { path: 'scanners.serial.baudRate', label: 'settings.baudRate' },
  { path: 'scanners.serial.framing', label: 'settings.framing' },
  { path: 'scanners.serial.prefix', label: 'settings.prefix' },
  { path: 'scanners.serial.suffix', label: 'settings.suffix' },
  { path: 'shop.name', label: 'settings.shopName' },
  { path: 'shop.address', label: 'settings.shopAddress' },
  { path: 'shop.phone', label: 'settings.shopPhone' },
  { path: 'receipts.target', label: 'settings.printerTarget' },
];

export const PRINTERS: readonly ReceiptSettings['printer'][] = [
  'none',
  'screen',
  'network',
  'serial',
  'usb',
  'system',
];
export const AFTER_PAID: readonly ReceiptSettings['afterPaid'][] = ['none', 'customer', 'customer+merchant'];

/** The core's validation message ("… — patch.merchantId: merchant id looks like …") as field + reason. */
export function refusedField(message: string): { path: string; reason: string } | null {
  const match = /patch\.([\w.]+): (.+)$/.exec(message);
  if (!match?.[1] || !match[2]) return null;
  const issue = match[1];
  const field = FIELDS.find((f) => issue === f.path || issue.startsWith(`${f.path}.`));
  return field ? { path: field.path, reason: match[2] } : null;
}
