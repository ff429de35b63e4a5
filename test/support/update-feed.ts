// A real update feed for tests: a folder of installers with the channel file electron-builder
// writes (the same fields and the same YAML serialiser, builder-util's serializeToYaml), served by a
// plain HTTP server on a loopback port, as a shop's IT would serve it.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join, normalize } from 'node:path';
import { serializeToYaml } from 'builder-util';

export interface FeedEntry {
  /** The installer, already in the feed folder. */
  file: string;
  /** Defaults to the file's own sha512 (base64), as electron-builder computes it. */
  sha512?: string;
}

/** Writes `channelFile` (e.g. latest-linux.yml) into `dir` the way electron-builder does for a deb. */
export function writeChannelFile(
  dir: string,
  channelFile: string,
  o: { version: string; entries: FeedEntry[]; stagingPercentage?: number; releaseDate?: string },
): string {
  const files = o.entries.map((e) => ({
    url: basename(e.file),
    sha512: e.sha512 ?? sha512Of(e.file),
    size: statSync(e.file).size,
  }));
  const first = files[0];
  if (!first) throw new Error('a feed needs an installer');
  const info: Record<string, unknown> = {
    version: o.version,
    files,
    path: first.url,
    sha512: first.sha512,
    releaseDate: o.releaseDate ?? new Date().toISOString(),
  };
  if (o.stagingPercentage !== undefined) info.stagingPercentage = o.stagingPercentage;
  const path = join(dir, channelFile);
  writeFileSync(path, serializeToYaml(info, false, true));
  return path;
}

export function sha512Of(file: string): string {
  return createHash('sha512').update(readFileSync(file)).digest('base64');
}

export interface ServedFeed {
  url: string;
  /** Paths requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `dir` read-only on 127.0.0.1, port 0. */
export async function serveFeed(dir: string): Promise<ServedFeed> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-length': size, 'content-type': 'application/octet-stream' });
    createReadStream(file, { highWaterMark: 1 << 20 }).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
