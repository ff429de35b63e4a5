// A polled order answers with the same text poll after poll until the order changes (OTTPay's AES key
// follows from the data and ECB has no IV, so even the sealed part repeats). Reading an answer — JSON,
// Base64, AES, padding, md5 — is a pure function of its HTTP status, its text and the sign key: when a
// query's last answer comes back the same (compared whole, character for character), its reading is
// given again without decrypting it again. Only readings that succeeded are kept (a refused text is
// refused afresh every time), only of small answers, frozen, one per query (its sealed request: the same
// string poll after poll, so finding it costs no hashing of the answer) in a SignKeyCache: bounded,
// emptied the moment the sign key differs.
import { forgetKeptReading, type RawAnswer, readAnswer } from './answer-reading.ts';
import { SignKeyCache } from './sign-key-cache.ts';

/** OTTPay's answers are well under 1 KiB; a larger text is read every time rather than kept. */
export const MAX_KEPT_ANSWER_CHARS = 4096;

export interface KeptReadings {
  /**
   * readAnswer's result for this status, text and sign key: the kept one when `request`'s last answer
   * was this very status and text, else read now (and kept, if it reads).
   */
  read(action: string, request: string, status: number, body: string, signKey: string): RawAnswer;
  clear(): void;
}

interface LastAnswer {
  status: number;
  body: string;
  answer: RawAnswer;
}

export function createKeptReadings(): KeptReadings {
  const kept = new SignKeyCache<LastAnswer>();
  return {
    read(action, request, status, body, signKey) {
      const last = kept.get(signKey, request);
      if (last !== undefined && last.status === status && last.body === body) return last.answer;
      const answer = readAnswer(action, status, body, signKey);
      if (body.length <= MAX_KEPT_ANSWER_CHARS) {
        if (answer.data) Object.freeze(answer.data);
        kept.set(signKey, request, { status, body, answer: Object.freeze(answer) });
      }
      return answer;
    },
    clear() {
      kept.clear();
      forgetKeptReading();
    },
  };
}
