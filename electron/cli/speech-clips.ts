// The recorded clips of one language as the CLI reads them from the source tree (renderer/speech/).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../shared/domain.ts';
import type { ClipTable } from '../../shared/speech/wav.ts';

const SPEECH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'renderer', 'speech');

export function readClips(lang: Language): { table: ClipTable; samples: Int16Array } {
  const table = JSON.parse(readFileSync(join(SPEECH_DIR, `clips-${lang}.json`), 'utf8')) as ClipTable;
  const bytes = readFileSync(join(SPEECH_DIR, `clips-${lang}.bin`));
  const samples = new Int16Array(bytes.length / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2);
  return { table, samples };
}
