// Spoken clips to one sound: 16-bit mono PCM, concatenated with short pauses, written as a WAV file.
// Pure (no Node, no DOM): the renderer plays the samples, the CLI writes the file.

export interface ClipTable {
  sampleRate: number;
  /** Clip id → [first sample, sample count] in the language's sample array. */
  clips: Record<string, [number, number]>;
}

/** Pause after the wallet phrase, and between the words of the amount. */
const LEAD_PAUSE_S = 0.12;
const WORD_PAUSE_S = 0.02;

/** The announcement's samples: its clips in order, with pauses; an unknown clip id is an error. */
export function joinClips(table: ClipTable, samples: Int16Array, clipIds: string[]): Int16Array {
  const lead = Math.round(table.sampleRate * LEAD_PAUSE_S);
  const gap = Math.round(table.sampleRate * WORD_PAUSE_S);
  const parts = clipIds.map((id) => {
    const span = table.clips[id];
    if (!span) throw new Error(`no recorded clip for "${id}"`);
    return samples.subarray(span[0], span[0] + span[1]);
  });
  const total = parts.reduce((n, p, i) => n + p.length + (i === 0 ? lead : gap), 0);
  const out = new Int16Array(total);
  let at = 0;
  for (const [i, part] of parts.entries()) {
    out.set(part, at);
    at += part.length + (i === 0 ? lead : gap);
  }
  return out;
}

/** A canonical 44-byte-header PCM WAV. */
export function encodeWav(samples: Int16Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) view.setUint8(at + i, s.charCodeAt(i));
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) view.setInt16(44 + i * 2, samples[i] ?? 0, true);
  return bytes;
}

/** The samples of a 16-bit mono PCM WAV (the first `data` chunk), and its rate. */
export function decodeWav(bytes: Uint8Array): { samples: Int16Array; sampleRate: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a WAV file');
  let at = 12;
  let sampleRate = 0;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    let size = view.getUint32(at + 4, true);
    if (id === 'fmt ') {
      if (
        view.getUint16(at + 8, true) !== 1 ||
        view.getUint16(at + 10, true) !== 1 ||
        view.getUint16(at + 22, true) !== 16
      )
        throw new Error('only 16-bit mono PCM WAV is read');
      sampleRate = view.getUint32(at + 12, true);
    } else if (id === 'data') {
      // A streamed WAV (espeak-ng --stdout) may carry a placeholder size: the data runs to the end.
      if (size === 0 || size === 0xffffffff || at + 8 + size > bytes.length) size = bytes.length - at - 8;
      const count = Math.floor(size / 2);
      const samples = new Int16Array(count);
      for (let i = 0; i < count; i++) samples[i] = view.getInt16(at + 8 + i * 2, true);
      return { samples, sampleRate };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('WAV file without data');
}

/** Root mean square of the samples, 0 (silence) to 1 (full scale). */
export function rms(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += (s / 32768) ** 2;
  return samples.length === 0 ? 0 : Math.sqrt(sum / samples.length);
}
