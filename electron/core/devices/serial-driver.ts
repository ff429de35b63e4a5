// serialport, loaded when the scanner stack starts instead of when the main process loads: it loads
// its native addon on import, and a till whose serial driver cannot load (a missing or broken
// prebuild) must still take QR payments and keyboard-wedge scans, and say why serial is out.
import type { SerialPort } from 'serialport';

export type SerialPortClass = typeof SerialPort;

export type SerialDriver = { loaded: true; SerialPort: SerialPortClass } | { loaded: false; reason: string };

export async function loadSerialDriver(
  load: () => Promise<{ SerialPort: SerialPortClass }> = () => import('serialport'),
): Promise<SerialDriver> {
  try {
    const mod = await load();
    if (typeof mod.SerialPort?.list !== 'function') throw new Error('serialport has no SerialPort.list');
    return { loaded: true, SerialPort: mod.SerialPort };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { loaded: false, reason: `the serial port driver did not load (${why.split('\n')[0]})` };
  }
}
