// Downloads an installer into a folder and keeps it only if its sha512 is the feed's: the bytes go to
// a hidden part file while being hashed, and only a matching file is renamed to its own name. A
// mismatch, a short file or a broken connection leaves nothing behind, so nothing half-downloaded
// can ever be installed.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FeedFile } from './feed-info.ts';

export class VerifyError extends Error {}

export interface DownloadOptions {
  file: FeedFile & { href: string };
  dir: string;
  /** With no bytes for this long, the download is abandoned. */
  timeoutMs?: number;
}

/** The file name an installer URL is saved under: its last path segment, nothing that climbs out. */
export function installerFileName(href: string): string {
  const name = basename(decodeURIComponent(new URL(href).pathname));
  if (!name || name === '.' || name === '..' || /[\\/\0]/.test(name))
    throw new VerifyError(`the feed names no usable file in ${href}`);
  return name;
}

/** Downloads and verifies; returns the verified file's path. Throws VerifyError naming the mismatch. */
export async function downloadVerified(o: DownloadOptions): Promise<string> {
  const name = installerFileName(o.file.href);
  await mkdir(o.dir, { recursive: true });
  const target = join(o.dir, name);
  const part = join(o.dir, `.${name}.${randomBytes(6).toString('hex')}.part`);
  try {
    // node:http rather than fetch: its streams move a 100 MB installer several times faster here
    // (npm run bench -- updates).
    const res = await respond(o.file.href, o.timeoutMs ?? 60_000, name);
    const { sha512, size } = await hashWhileWriting(res, part);
    checkAgainstFeed(name, o.file, sha512, size);
    await rename(part, target);
    return target;
  } finally {
    await rm(part, { force: true });
  }
}

/** sha512 (base64, as the feed writes it) and size of a file already on disk. */
export async function hashFile(file: string): Promise<{ sha512: string; size: number }> {
  const hash = createHash('sha512');
  let size = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha512: hash.digest('base64'), size };
}

/** Checks a file on disk against the feed's entry; throws VerifyError naming the mismatch. */
export async function verifyFile(file: string, expected: FeedFile): Promise<void> {
  const { sha512, size } = await hashFile(file);
  checkAgainstFeed(basename(file), expected, sha512, size);
}

function checkAgainstFeed(name: string, expected: FeedFile, sha512: string, size: number): void {
  if (expected.size !== undefined && expected.size !== size)
    throw new VerifyError(
      `size mismatch for ${name}: the feed says ${expected.size} bytes, the download has ${size}`,
    );
  if (sha512 !== expected.sha512)
    throw new VerifyError(
      `sha512 mismatch for ${name}: the feed says ${expected.sha512}, the download has ${sha512}`,
    );
}

/** The response to a GET, following up to five redirects; anything but 200 is refused. */
async function respond(href: string, idleMs: number, name: string, hops = 0): Promise<IncomingMessage> {
  const url = new URL(href);
  const get = url.protocol === 'https:' ? httpsGet : url.protocol === 'http:' ? httpGet : null;
  if (!get) throw new VerifyError(`${name} could not be downloaded: ${url.protocol} is not http or https`);
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = get(url, resolve);
    req.setTimeout(idleMs, () => req.destroy(new Error('no data in time')));
    req.on('error', (err) => reject(new VerifyError(`${name} could not be downloaded: ${err.message}`)));
  });
  const status = res.statusCode ?? 0;
  if (status >= 300 && status < 400 && res.headers.location && hops < 5) {
    res.resume();
    return respond(new URL(res.headers.location, url).href, idleMs, name, hops + 1);
  }
  if (status !== 200) {
    res.resume();
    throw new VerifyError(`${name} could not be downloaded: the feed answered ${status}`);
  }
  return res;
}

async function hashWhileWriting(
  source: IncomingMessage,
  file: string,
): Promise<{ sha512: string; size: number }> {
  const hash = createHash('sha512');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, tap, createWriteStream(file, { flags: 'wx' }));
  } catch (err) {
    throw new VerifyError(`${basename(file)} broke off while downloading: ${(err as Error).message}`);
  }
  return { sha512: hash.digest('base64'), size };
}
