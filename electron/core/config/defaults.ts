// The settings a fresh till starts with: sandbox (no merchant), CAD, all three wallets.
import { DEFAULT_CUSTOMER_SIDE } from '../../../shared/customer-side.ts';
import type { PublicSettings } from '../../../shared/domain.ts';
import { SANDBOX_OPERATOR_ID } from '../simulator/sandbox.ts';

/** Settings as stored on disk: everything public except the derived `signKeySet`. */
export type StoredSettings = Omit<PublicSettings, 'signKeySet'>;

/** OTTPay's production endpoint (OTTPAY.md §1); only used once merchant credentials are set. */
export const OTTPAY_PRODUCTION_URL = 'https://frontapi.ottpay.com/processV2';

/** The supervisor PIN a new till starts with. Documented; the settings screen asks to change it. */
export const DEFAULT_PIN = '1234';

export function defaultSettings(): StoredSettings {
  return {
    merchantId: '',
    // The sandbox's own operator id: the shape of a real one (ten digits), so the field shows what to enter.
    operatorId: SANDBOX_OPERATOR_ID,
    terminalNo: '1',
    gatewayUrl: OTTPAY_PRODUCTION_URL,
    currency: 'CAD',
    maxAmountCents: 500_000,
    maxTipPercent: 100,
    tipPresetsPercent: [10, 15, 18],
    wallets: ['WECHATPAY', 'ALIPAY', 'UNIONPAY'],
    operatorLanguage: 'en',
    customerLanguage: 'en',
    soundsOn: true,
    qrExpirySeconds: 120,
    callback: { enabled: false, bindHost: '0.0.0.0', port: 0, publicUrl: '' },
    scanners: {
      serial: { enabled: false, path: '', baudRate: 9600, framing: 'CR', prefix: '', suffix: '' },
      wedge: { enabled: true },
    },
    customerDisplay: 'second-screen',
    gatewayVersions: {},
    refundQueryAction: 'STATUS_QUERY',
    shop: { name: '', address: '', phone: '' },
    // A new till has no printer: the screen printer shows each receipt, so the first sale shows one.
    receipts: { printer: 'screen', target: '', paper: '80mm', chinese: 'gb18030', afterPaid: 'customer' },
    idleLockMinutes: 5,
    shiftPerDay: false,
    storeSync: { url: '', storeId: '', staleMinutes: 15 },
    updates: { feedUrl: '', channel: 'stable' },
    posApi: { refunds: false },
    customerSide: { ...DEFAULT_CUSTOMER_SIDE },
    startWithComputer: 'kiosk',
  };
}
