// `Authorization: Bearer KEY`, compared in constant time: both sides hashed first, so neither the
// key's length nor its first wrong byte shows in how long the answer takes.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function bearerMatches(header: string | undefined, key: string): boolean {
  const m = /^Bearer ([\x21-\x7e]{1,256})$/.exec(header ?? '');
  const given = digest(m?.[1] ?? '');
  return timingSafeEqual(given, digest(key)) && m !== null && key.length > 0;
}
