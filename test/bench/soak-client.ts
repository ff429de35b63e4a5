// The soak's side of the browser shell, as its pages use it: commands posted over loopback HTTP with the
// till token, and SSE streams read as an EventSource does (the newest of each event kept, waiters woken).
import http from 'node:http';

export interface CommandResult<T> {
  ok: boolean;
  value?: T;
  error?: unknown;
}

export function request(
  agent: http.Agent,
  method: string,
  url: string,
  body?: string,
  headers: Record<string, string> = {},
  retried = false,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed as the request went out (its idle timeout, on a loaded
      // machine): the request never reached it, so it is sent again on a new socket, once.
      if (req.reusedSocket && err.code === 'ECONNRESET' && !retried)
        resolve(request(agent, method, url, body, headers, true));
      else reject(new Error(`${method} ${url}: ${err.message}`));
    });
    req.end(body);
  });
}

export function commander(agent: http.Agent, port: number, token: string) {
  return async <T>(name: string, payload: unknown): Promise<CommandResult<T>> => {
    const text = await request(
      agent,
      'POST',
      `http://127.0.0.1:${port}/api/command/${name}`,
      JSON.stringify(payload),
      { 'Content-Type': 'application/json', 'X-Till-Token': token },
    );
    return JSON.parse(text) as CommandResult<T>;
  };
}

export interface EventStream {
  /** Resolves with the first event of this name (the newest already seen, or a later one) that passes. */
  until<T>(name: string, test: (v: T) => boolean): Promise<T>;
  close(): void;
}

/** An SSE client as a page's EventSource: keeps the newest of each event and wakes waiters. */
export function eventStream(url: string): EventStream {
  let latest: Record<string, unknown> = {};
  const waiters = new Set<{
    name: string;
    test: (v: unknown) => boolean;
    resolve: (v: unknown) => void;
    reject: (err: Error) => void;
  }>();
  let failure: Error | null = null;
  const req = http.get(url, (res) => {
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!name || data === undefined) continue;
        const value = JSON.parse(data) as unknown;
        latest = { ...latest, [name]: value };
        for (const w of waiters)
          if (w.name === name && w.test(value)) {
            waiters.delete(w);
            w.resolve(value);
          }
      }
    });
    res.on('error', (err) => fail(err));
  });
  // A stream that breaks fails its waiters, naming itself (closing it on purpose breaks nothing).
  let closing = false;
  const fail = (err: Error) => {
    if (closing) return;
    failure = new Error(`stream ${url}: ${err.message}`);
    for (const w of waiters) w.reject(failure);
    waiters.clear();
  };
  req.on('error', fail);
  return {
    until<T>(name: string, test: (v: T) => boolean): Promise<T> {
      const now = latest[name];
      if (now !== undefined && test(now as T)) return Promise.resolve(now as T);
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) =>
        waiters.add({
          name,
          test: test as (v: unknown) => boolean,
          resolve: resolve as (v: unknown) => void,
          reject,
        }),
      );
    },
    close: () => {
      closing = true;
      req.destroy();
    },
  };
}
