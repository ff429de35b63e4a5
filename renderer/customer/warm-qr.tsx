import { QRCodeSVG } from 'qrcode.react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

/** As long as a wallet's code_url or the sandbox wallet page's address. */
const SAMPLE = 'https://qr.example.invalid/pay/00000000000000000000000000000000';

/**
 * Draws one throwaway QR code off the page while the display is idle, so the first real one is drawn
 * by compiled code: the QR encoder's first run in a page took several times longer than the ones after
 * it, which made the first sale's QR the slowest to appear.
 */
export function warmQrEncoder(): void {
  const root = createRoot(document.createElement('div'));
  flushSync(() => root.render(<QRCodeSVG value={SAMPLE} size={360} level="M" marginSize={4} />));
  root.unmount();
}

/** Runs `warm` once the page is idle (or soon, where there is no idle callback). */
export function whenIdle(warm: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(warm, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(warm, 200);
  return () => clearTimeout(id);
}
