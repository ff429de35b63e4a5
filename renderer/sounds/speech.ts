// The spoken "paid" (issue 21): the announcement's recorded clips joined and played with Web Audio, so
// it works offline on any till, with no voice installed (the clips ship in the bundle: see README).
// A language's clips load once, ahead of the first payment, so speaking starts within milliseconds.
import type { Language, Wallet } from '../../shared/domain.ts';
import type { Currency } from '../../shared/money.ts';
import { type AnnouncementKind, announcement } from '../../shared/speech/announcement.ts';
import { type ClipTable, joinClips } from '../../shared/speech/wav.ts';

interface Clips {
  table: ClipTable;
  samples: Int16Array;
}

// One chunk per language: only the operator's language is ever loaded.
const LOADERS: Record<Language, () => Promise<[{ default: string }, { default: unknown }]>> = {
  en: () => Promise.all([import('../speech/clips-en.bin?inline'), import('../speech/clips-en.json')]),
  fr: () => Promise.all([import('../speech/clips-fr.bin?inline'), import('../speech/clips-fr.json')]),
  zh: () => Promise.all([import('../speech/clips-zh.bin?inline'), import('../speech/clips-zh.json')]),
};

const loaded = new Map<Language, Promise<Clips>>();

/** Loads (once) the clips of a language; call it when the language is known, well before a payment. */
export function loadClips(lang: Language): Promise<Clips> {
  let clips = loaded.get(lang);
  if (!clips) {
    clips = LOADERS[lang]().then(([bin, json]) => ({
      table: json.default as ClipTable,
      samples: samplesOf(bin.default),
    }));
    loaded.set(lang, clips);
  }
  return clips;
}

function samplesOf(dataUrl: string): Int16Array {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const samples = new Int16Array(binary.length >> 1);
  for (let i = 0; i < samples.length; i++) {
    const v = binary.charCodeAt(2 * i) | (binary.charCodeAt(2 * i + 1) << 8);
    samples[i] = v >= 0x8000 ? v - 0x10000 : v;
  }
  return samples;
}

let context: AudioContext | null = null;

/**
 * Opens the audio device ahead of the first payment (opening it can take most of a second). Where the
 * browser wants a gesture first, it opens suspended and resumes on the first key or tap.
 */
export function warmUpSpeech(): void {
  if (typeof AudioContext === 'undefined' || context) return;
  try {
    const ctx = new AudioContext();
    context = ctx;
    if (ctx.state === 'suspended') {
      const resume = () => void ctx.resume();
      window.addEventListener('pointerdown', resume, { once: true });
      window.addEventListener('keydown', resume, { once: true });
    }
  } catch {
    // No audio device: speech stays silent, the till works on.
  }
}

export interface SpokenDetail {
  sentence: string;
  /** performance.now() when playback was scheduled, and the device's output delay after it (ms). */
  at: number;
  outputDelayMs: number;
  kind: AnnouncementKind;
}

/**
 * Says the announcement at `volume` (0–100). Tells the page with a `till-spoken` event (what the
 * speaker box heard, and when); a failing audio device never breaks the till.
 */
export async function speak(
  kind: AnnouncementKind,
  wallet: Wallet,
  cents: number,
  currency: Currency,
  lang: Language,
  volume: number,
): Promise<void> {
  if (typeof AudioContext === 'undefined') return;
  try {
    const { table, samples } = await loadClips(lang);
    const said = announcement(kind, wallet, cents, currency, lang);
    const pcm = joinClips(table, samples, said.clips);
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const buffer = context.createBuffer(1, pcm.length, table.sampleRate);
    const channel = buffer.getChannelData(0);
    for (let i = 0; i < pcm.length; i++) channel[i] = (pcm[i] ?? 0) / 32768;
    const source = context.createBufferSource();
    const gain = context.createGain();
    gain.gain.value = Math.max(0, Math.min(1, volume / 100));
    source.buffer = buffer;
    source.connect(gain).connect(context.destination);
    source.start();
    const outputDelayMs = ((context.baseLatency ?? 0) + (context.outputLatency ?? 0)) * 1000;
    const detail: SpokenDetail = { sentence: said.sentence, at: performance.now(), outputDelayMs, kind };
    window.dispatchEvent(new CustomEvent('till-spoken', { detail }));
  } catch {
    // Speech is a courtesy, like the beeps.
  }
}
