// The settings form as text fields, and the patch of what changed (the core validates it again).
import type { SettingsPatch } from '../../../shared/contract.ts';
import type { Language, PublicSettings } from '../../../shared/domain.ts';
import { centsToPlain, parseAmount } from '../../../shared/money.ts';

export interface SettingsDraft {
  merchantId: string;
  operatorId: string;
  terminalNo: string;
  gatewayUrl: string;
  maxAmount: string;
  callbackEnabled: boolean;
  callbackHost: string;
  callbackPort: string;
  callbackUrl: string;
  serialEnabled: boolean;
  serialPath: string;
  wedgeEnabled: boolean;
  customerDisplay: PublicSettings['customerDisplay'];
  operatorLanguage: Language;
  customerLanguage: Language;
  soundsOn: boolean;
}

export function draftOf(s: PublicSettings): SettingsDraft {
  return {
    merchantId: s.merchantId,
    operatorId: s.operatorId,
    terminalNo: s.terminalNo,
    gatewayUrl: s.gatewayUrl,
    maxAmount: centsToPlain(s.maxAmountCents),
    callbackEnabled: s.callback.enabled,
    callbackHost: s.callback.bindHost,
    callbackPort: String(s.callback.port),
    callbackUrl: s.callback.publicUrl,
    serialEnabled: s.scanners.serial.enabled,
    serialPath: s.scanners.serial.path,
    wedgeEnabled: s.scanners.wedge.enabled,
    customerDisplay: s.customerDisplay,
    operatorLanguage: s.operatorLanguage,
    customerLanguage: s.customerLanguage,
    soundsOn: s.soundsOn,
  };
}

/** Only what differs from the current settings; an error message if a field cannot be read. */
export function patchOf(s: PublicSettings, d: SettingsDraft): { patch: SettingsPatch } | { error: string } {
  const patch: SettingsPatch = {};
  if (d.merchantId !== s.merchantId) patch.merchantId = d.merchantId.trim();
  if (d.operatorId !== s.operatorId) patch.operatorId = d.operatorId.trim();
  if (d.terminalNo !== s.terminalNo) patch.terminalNo = d.terminalNo.trim();
  if (d.gatewayUrl !== s.gatewayUrl) patch.gatewayUrl = d.gatewayUrl.trim();
  const max = parseAmount(d.maxAmount);
  if (!max.ok) return { error: max.reason };
  if (max.cents !== s.maxAmountCents) patch.maxAmountCents = max.cents;
  const port = Number(d.callbackPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { error: 'Port is 0 to 65535' };
  const callback = {
    enabled: d.callbackEnabled,
    bindHost: d.callbackHost.trim(),
    port,
    publicUrl: d.callbackUrl.trim(),
  };
  if (JSON.stringify(callback) !== JSON.stringify(s.callback)) patch.callback = callback;
  const serial = { ...s.scanners.serial, enabled: d.serialEnabled, path: d.serialPath.trim() };
  if (
    serial.enabled !== s.scanners.serial.enabled ||
    serial.path !== s.scanners.serial.path ||
    d.wedgeEnabled !== s.scanners.wedge.enabled
  ) {
    patch.scanners = { serial, wedge: { enabled: d.wedgeEnabled } };
  }
  if (d.customerDisplay !== s.customerDisplay) patch.customerDisplay = d.customerDisplay;
  if (d.operatorLanguage !== s.operatorLanguage) patch.operatorLanguage = d.operatorLanguage;
  if (d.customerLanguage !== s.customerLanguage) patch.customerLanguage = d.customerLanguage;
  if (d.soundsOn !== s.soundsOn) patch.soundsOn = d.soundsOn;
  return { patch };
}
