import { QRCodeSVG } from 'qrcode.react';
import { QrErrorBoundary } from './QrErrorBoundary.tsx';

/**
 * Black on white with a quiet zone: readable by phones and by zbarimg from a screenshot. `cannotShow`
 * is what the screen says, in its own language, if the payload cannot be drawn as a QR code.
 */
export function QrBox({
  payload,
  size,
  label,
  cannotShow = '',
}: {
  payload: string;
  size: number;
  label: string;
  cannotShow?: string;
}) {
  const fallback = (
    <div className="qr-box qr-box-unusable" data-testid="qr-unusable" role="alert" style={{ maxWidth: size }}>
      {cannotShow}
    </div>
  );
  return (
    <QrErrorBoundary key={payload} fallback={fallback}>
      <div className="qr-box" data-testid="qr" data-payload-length={payload.length}>
        <QRCodeSVG
          value={payload}
          size={size}
          level="M"
          marginSize={4}
          bgColor="#ffffff"
          fgColor="#000000"
          role="img"
          aria-label={label}
        />
      </div>
    </QrErrorBoundary>
  );
}
