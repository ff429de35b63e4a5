import { QRCodeSVG } from 'qrcode.react';

/** Black on white with a quiet zone: readable by phones and by zbarimg from a screenshot. */
export function QrBox({ payload, size, label }: { payload: string; size: number; label: string }) {
  return (
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
  );
}
