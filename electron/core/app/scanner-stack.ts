// Builds the scanner stack (devices/ScannerService: serial + keyboard-wedge sources on one router) and
// presents it as the app's ScannerPort. serialport is loaded here, so a driver that cannot load costs
// serial scanning only (logged, and shown as the serial scanner's status), never the till.
import { ScannerService } from '../devices/scanner-service.ts';
import { loadSerialDriver, type SerialDriver } from '../devices/serial-driver.ts';
import type { ScannerPort } from './ports.ts';
import type { ScannerStackInput } from './stack-types.ts';

export async function startScannerStack(
  input: ScannerStackInput,
  loadDriver: () => Promise<SerialDriver> = loadSerialDriver,
): Promise<ScannerPort> {
  const driver = await loadDriver();
  if (!driver.loaded) input.logger.error('serial scanning is unavailable', { reason: driver.reason });
  const service = new ScannerService({
    driver,
    settings: input.settings.scanners,
    clock: input.clock,
    isCodeUsed: input.isCodeUsed,
  });
  service.start();
  return {
    statuses: () => service.statuses(),
    diagnostics: () => service.diagnostics(),
    listPorts: () => service.listPorts(),
    feedWedgeKeys: (events) => service.feedWedgeKeys(events),
    route(code, source, timings) {
      const r = service.router.route(code, source, timings ? { timings } : {});
      if (r.outcome === 'payment') return { outcome: 'payment' };
      if (r.outcome === 'product')
        return { outcome: 'product', reason: 'product', message: 'a product barcode, not a payment code' };
      return r;
    },
    waitForWalletCode(onCode, onRefused, picked = null) {
      return service.router.waitForWalletCode({
        wallet: picked,
        onCode: (scan) => onCode(scan.code, scan.source, scan.wallet),
        onRefused,
      });
    },
    takeIdleWalletCodes(ready, onCode) {
      return service.router.takeIdleWalletCodes({
        ready,
        onCode: (scan) => onCode(scan.code, scan.source, scan.wallet),
      });
    },
    onLog: (listener) => service.onLog(listener),
    onStatus: (listener) => service.onStatus(() => listener()),
    onRefused: (listener) => service.onRefused(listener),
    close: () => service.close(),
  };
}
