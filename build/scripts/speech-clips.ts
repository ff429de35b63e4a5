// Makes the spoken "paid" clips (issue 21): every word an announcement can need, in en, fr and zh,
// synthesised once by espeak-ng (Debian package espeak-ng) and committed under renderer/speech/, so the
// till speaks offline on any machine with no voice of its own. Run after changing the words:
//   node build/scripts/speech-clips.ts
// Each clip is trimmed of silence and resampled to 16 kHz; a language's clips are one raw 16-bit
// little-endian sample file (clips-<lang>.bin) with its index (clips-<lang>.json).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../shared/domain.ts';
import { LANGUAGES } from '../../shared/domain.ts';
import { clipVocabulary } from '../../shared/speech/announcement.ts';
import { type ClipTable, decodeWav } from '../../shared/speech/wav.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RATE = 16_000;
const VOICES: Record<Language, { voice: string; speed: number }> = {
  en: { voice: 'en-us', speed: 175 },
  fr: { voice: 'fr', speed: 170 },
  zh: { voice: 'cmn', speed: 190 },
};

function synthesise(text: string, lang: Language): Int16Array {
  const { voice, speed } = VOICES[lang];
  const wav = execFileSync('espeak-ng', ['-v', voice, '-s', String(speed), '--stdout', text]);
  const { samples, sampleRate } = decodeWav(new Uint8Array(wav));
  return resample(trim(samples), sampleRate, RATE);
}

/** Leading and trailing silence off (below 1 % of full scale), so the words follow each other closely. */
function trim(samples: Int16Array): Int16Array {
  const loud = (s: number | undefined) => Math.abs(s ?? 0) > 328;
  let start = 0;
  let end = samples.length;
  while (start < end && !loud(samples[start])) start++;
  while (end > start && !loud(samples[end - 1])) end--;
  return samples.slice(Math.max(0, start - 80), Math.min(samples.length, end + 80));
}

/** Linear interpolation: speech at 22.05 → 16 kHz loses nothing a counter speaker can play. */
function resample(samples: Int16Array, from: number, to: number): Int16Array {
  const out = new Int16Array(Math.floor((samples.length * to) / from));
  for (let i = 0; i < out.length; i++) {
    const x = (i * from) / to;
    const j = Math.floor(x);
    const a = samples[j] ?? 0;
    const b = samples[j + 1] ?? a;
    out[i] = Math.round(a + (b - a) * (x - j));
  }
  return out;
}

for (const lang of LANGUAGES) {
  const table: ClipTable = { sampleRate: RATE, clips: {} };
  const parts: Int16Array[] = [];
  let at = 0;
  for (const [clip, text] of clipVocabulary(lang)) {
    const samples = synthesise(text, lang);
    table.clips[clip] = [at, samples.length];
    parts.push(samples);
    at += samples.length;
  }
  const all = new Int16Array(at);
  let offset = 0;
  for (const p of parts) {
    all.set(p, offset);
    offset += p.length;
  }
  const bytes = new Uint8Array(all.length * 2);
  const view = new DataView(bytes.buffer);
  for (const [i, s] of all.entries()) view.setInt16(i * 2, s, true);
  writeFileSync(join(root, 'renderer', 'speech', `clips-${lang}.bin`), bytes);
  writeFileSync(
    join(root, 'renderer', 'speech', `clips-${lang}.json`),
    `${JSON.stringify(table, null, 2)}\n`,
  );
  console.error(
    `${lang}: ${Object.keys(table.clips).length} clips, ${(all.length / RATE).toFixed(1)} s, ${(bytes.length / 1024).toFixed(0)} KiB`,
  );
}
