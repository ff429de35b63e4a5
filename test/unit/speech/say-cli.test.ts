// Issue 21, item 2: `cli say` prints the sentence on one line and, with --out, writes audio that is
// really speech: seconds long, not silence (RMS of its samples), from clips that cover every word.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readClips } from '../../../electron/cli/speech-clips.ts';
import { LANGUAGES } from '../../../shared/domain.ts';
import { clipVocabulary } from '../../../shared/speech/announcement.ts';
import { decodeWav, rms } from '../../../shared/speech/wav.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const run = promisify(execFile);
const cli = (args: string[]) =>
  run(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', join(root, 'electron/cli/index.ts'), ...args],
    {
      cwd: root,
    },
  );

describe('cli say', () => {
  const dir = mkdtempSync(join(tmpdir(), 'till-say-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [lang, sentence] of [
    ['zh', '微信收款 二十三点四五加元'],
    ['en', 'WeChat Pay received twenty-three dollars and forty-five cents'],
    ['fr', 'WeChat Pay, paiement reçu vingt-trois dollars et quarante-cinq cents'],
  ] as const) {
    it(`speaks ${lang}: one line, and a WAV of speech`, async () => {
      const out = join(dir, `${lang}.wav`);
      const { stdout } = await cli([
        'say',
        '--amount',
        '23.45',
        '--wallet',
        'WECHATPAY',
        '--lang',
        lang,
        '--out',
        out,
      ]);
      assert.equal(stdout, `${sentence}\n`);
      const { samples, sampleRate } = decodeWav(new Uint8Array(readFileSync(out)));
      const seconds = samples.length / sampleRate;
      assert.ok(seconds > 1.5 && seconds < 8, `${seconds.toFixed(2)} s of audio`);
      const level = rms(samples);
      assert.ok(level > 0.02, `RMS ${level.toFixed(4)}: not silence`);
      // Speech fills most of it: at most a third of 20 ms windows are near-silent.
      const window = sampleRate / 50;
      let quiet = 0;
      let windows = 0;
      for (let i = 0; i + window <= samples.length; i += window, windows++) {
        if (rms(samples.subarray(i, i + window)) < 0.005) quiet++;
      }
      assert.ok(quiet / windows < 0.34, `${quiet} of ${windows} windows silent`);
    });
  }

  it('without --out prints only the sentence; bad input is a usage error', async () => {
    const { stdout } = await cli(['say', '--amount', '1005', '--wallet', 'ALIPAY', '--lang', 'zh']);
    assert.equal(stdout, '支付宝收款 一千零五加元\n');
    await assert.rejects(
      cli(['say', '--amount', '12.345', '--wallet', 'ALIPAY', '--lang', 'zh']),
      (err: { code: number; stderr: string }) => {
        assert.equal(err.code, 2);
        assert.match(err.stderr, /--amount/);
        return true;
      },
    );
    await assert.rejects(cli(['say', '--amount', '1', '--wallet', 'PAYPAL', '--lang', 'zh']), /--wallet/);
    await assert.rejects(cli(['say', '--amount', '1', '--wallet', 'ALIPAY', '--lang', 'de']), /--lang/);
  });

  it('the recorded clips cover every word of every language', () => {
    for (const lang of LANGUAGES) {
      const { table, samples } = readClips(lang);
      for (const clip of clipVocabulary(lang).keys()) {
        const span = table.clips[clip];
        assert.ok(span, `${lang}: no clip for "${clip}"`);
        assert.ok(
          span[0] + span[1] <= samples.length && span[1] > table.sampleRate / 20,
          `${lang}: "${clip}" is cut`,
        );
      }
    }
  });
});
