// The camera as a scanner (issue 21): a live preview while the till can take a payment code (the
// amount screen, the scan screen); each frame is decoded, and a code two frames agree on goes through
// the same path as a code from the page's wedge scanner: the wallet rules (judgeCode), the amount
// screen's start, or the waiting sale — never a field. The decode time of each frame is kept on the
// element (data-decode-ms) for the benchmark.
import { useEffect, useRef, useState } from 'react';
import { createAgreement, createFrameDecoder } from '../../camera/frame-decoder.ts';
import { errorText } from '../../i18n/error-text.ts';
import { sendWalletCode } from '../send-wallet-code.ts';
import { type TillContextValue, useTill } from '../till-context.ts';

const FRAME_MS = 120;

export function CameraScanner({ onNotice }: { onNotice: (message: string | null) => void }) {
  const ctx = useTill();
  const latest = useRef<{ ctx: TillContextValue; onNotice: typeof onNotice }>({ ctx, onNotice });
  latest.current = { ctx, onNotice };
  const video = useRef<HTMLVideoElement>(null);
  const stats = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const decoder = createFrameDecoder();
    const agree = createAgreement();
    const canvas = document.createElement('canvas');
    const g = canvas.getContext('2d', { willReadFrequently: true });
    let frames = 0;
    let decodeMs = 0;

    const take = (code: string) => {
      const { ctx: c, onNotice: notify } = latest.current;
      const answer = sendWalletCode(c, code, notify);
      if (!answer) return;
      void answer.then((r) => {
        if (!r.ok) latest.current.onNotice(errorText(latest.current.ctx.tr, r.error));
      });
    };

    const tick = () => {
      const v = video.current;
      if (stopped || !v || !g) return;
      if (v.readyState >= 2 && v.videoWidth > 0) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        g.drawImage(v, 0, 0);
        const frame = g.getImageData(0, 0, canvas.width, canvas.height);
        const started = performance.now();
        const text = decoder.decode(frame.data, frame.width, frame.height);
        decodeMs += performance.now() - started;
        frames++;
        stats.current?.setAttribute('data-frames', String(frames));
        stats.current?.setAttribute('data-decode-ms', (decodeMs / frames).toFixed(1));
        const code = agree(text, performance.now());
        if (code) take(code);
      }
      timer = setTimeout(tick, FRAME_MS);
    };

    navigator.mediaDevices
      ?.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' } })
      .then((s) => {
        if (stopped) {
          for (const t of s.getTracks()) t.stop();
          return;
        }
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play().catch(() => {});
        }
        tick();
      })
      .catch((err: unknown) => setProblem(err instanceof Error ? err.name : String(err)));
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      for (const t of stream?.getTracks() ?? []) t.stop();
    };
  }, []);

  return (
    <div className="camera-scanner" data-testid="camera-scanner" ref={stats}>
      <video ref={video} muted playsInline aria-label={ctx.tr('camera.preview')} />
      <p className="hint">
        {problem ? ctx.tr('camera.unavailable', { reason: problem }) : ctx.tr('camera.preview')}
      </p>
    </div>
  );
}
