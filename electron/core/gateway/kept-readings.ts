// A polled order answers with the same text poll after poll until the order changes (OTTPay's AES key
// follows from the data and ECB has no IV, so even the sealed part repeats). Reading an answer — JSON,
// Base64, AES, padding, md5 — is a pure function of its HTTP status, its text and the sign key: a text
// read whole before under this sign key gets the same reading back without being decrypted again.
// Only readings that succeeded are kept (a refused text is refused afresh every time), only of small
// answers, frozen, and in a SignKeyCache: bounded, emptied the moment the sign key differs.
import { type RawAnswer, readAnswer } from './answer-reading.ts';
import { SignKeyCache } from './sign-key-cache.ts';

/** OTTPay's answers are well under 1 KiB; a larger text is read every time rather than kept. */
export const MAX_KEPT_ANSWER_CHARS = 4096;

export interface KeptReadings {
  /** readAnswer's result for this status, text and sign key (the same one, or an equal one read now). */
  read(action: string, status: number, body: string, signKey: string): RawAnswer;
  clear(): void;
}

export function createKeptReadings(): KeptReadings {
  const kept = new SignKeyCache<RawAnswer>();
  return {
    read(action, status, body, signKey) {
      if (body.length > MAX_KEPT_ANSWER_CHARS) return readAnswer(action, status, body, signKey);
      // The status leads the key: the same text under another status is another reading.
      const key = `${status} ${body}`;
      const known = kept.get(signKey, key);
      if (known) return known;
      const answer = readAnswer(action, status, body, signKey);
      if (answer.data) Object.freeze(answer.data);
      kept.set(signKey, key, Object.freeze(answer));
      return answer;
    },
    clear() {
      kept.clear();
    },
  };
}
