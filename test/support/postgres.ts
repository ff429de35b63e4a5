// A real PostgreSQL server for tests and benches: initdb in a temporary folder, started with pg_ctl on a
// free loopback port (and a unix socket in the same folder), stopped and removed after. PostgreSQL
// refuses to run as root, so under root (a clean CI machine) the folder is handed to the `postgres`
// user and every server command runs as that user through runuser.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestCerts } from './test-certs.ts';

export const TEST_PG_PASSWORD = 'test-pg-secret';

export interface TestPostgres {
  port: number;
  /** With `ssl` or `clientCert`: the test CA's certificate (for sslrootcert), else null. */
  caFile: string | null;
  /** With `clientCert`: a certificate for the `postgres` user and its key's PEM. */
  clientCert: { crtFile: string; keyPem: string } | null;
  /** A URL without the password (the till keeps it in its secret store). */
  url(database?: string): string;
  /** The same URL with the password in it (for the CLI and direct clients). */
  urlWithPassword(database?: string): string;
  createDatabase(name: string): Promise<void>;
  /** Stops the server: `fast` ends sessions cleanly, `immediate` is a crash-like stop. */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** Stops the server (if running) and removes its folder. */
  dispose(): void;
}

/** Debian keeps each version's binaries in /usr/lib/postgresql/<version>/bin; TILL_PG_BIN overrides. */
export function findPostgresBin(): string {
  const given = process.env.TILL_PG_BIN;
  if (given) return given;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const onPath = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim()) return onPath.stdout.trim();
  throw new Error('PostgreSQL binaries not found (install postgresql, or set TILL_PG_BIN)');
}

function giveToPostgres(path: string): void {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(path, uid, gid);
  chmodSync(path, 0o700);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * `ssl`: the server takes TCP connections over TLS only (certificates from a throwaway CA);
 * `clientCert`: the same, and the login is a client certificate instead of the password.
 */
export async function startTestPostgres(
  options: { ssl?: boolean; clientCert?: boolean } = {},
): Promise<TestPostgres> {
  const bin = findPostgresBin();
  const asRoot = process.getuid?.() === 0;
  let dir = mkdtempSync(join(tmpdir(), 'till-pg-'));
  if (asRoot) {
    // The postgres user must reach the folder: a root-only TMPDIR (say under /root) is no good.
    giveToPostgres(dir);
    if (spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-w', dir]).status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync('/tmp/till-pg-');
      giveToPostgres(dir);
    }
  }
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, `${TEST_PG_PASSWORD}\n`);
  if (asRoot) giveToPostgres(pwfile);
  const run = (tool: string, args: string[]): void => {
    const cmd = asRoot ? 'runuser' : join(bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    const res = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir });
    if (res.status !== 0) throw new Error(`${tool} failed: ${res.stderr || res.stdout}`);
  };
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=scram-sha-256',
    `--pwfile=${pwfile}`,
    '--no-sync',
    '--encoding=UTF8',
    '--locale=C',
  ]);

  let sslFlags = '';
  let caFile: string | null = null;
  let clientCert: TestPostgres['clientCert'] = null;
  if (options.ssl || options.clientCert) {
    const certs = makeTestCerts(dir);
    if (asRoot) for (const f of [certs.serverKey, certs.serverCrt, certs.caCrt]) giveToPostgres(f);
    chmodSync(certs.serverKey, 0o600);
    for (const f of [certs.serverCrt, certs.caCrt, certs.clientCrt]) chmodSync(f, 0o644);
    // TCP only over TLS; with clientCert, the client certificate is the login (no password).
    writeFileSync(
      join(data, 'pg_hba.conf'),
      `local all all scram-sha-256\nhostssl all all 127.0.0.1/32 ${options.clientCert ? 'cert' : 'scram-sha-256'}\n`,
    );
    sslFlags = ` -c ssl=on -c ssl_cert_file=${certs.serverCrt} -c ssl_key_file=${certs.serverKey} -c ssl_ca_file=${certs.caCrt}`;
    caFile = certs.caCrt;
    clientCert = { crtFile: certs.clientCrt, keyPem: certs.clientKeyPem };
  }

  let port = 0;
  let running = false;
  const start = (): void => {
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60${sslFlags}`,
      'start',
    ]);
    running = true;
  };
  // A port found free may be taken before the server binds it: try a few.
  for (let i = 0; ; i++) {
    port = await freePort();
    try {
      start();
      break;
    } catch (err) {
      if (i >= 4) {
        rmSync(dir, { recursive: true, force: true });
        throw err;
      }
    }
  }

  const url = (db = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${db}`;
  const urlWithPassword = (db = 'postgres') =>
    `postgresql://postgres:${TEST_PG_PASSWORD}@127.0.0.1:${port}/${db}`;
  const stop = (mode: 'fast' | 'immediate' = 'fast'): void => {
    if (!running) return;
    run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
    running = false;
  };
  return {
    port,
    caFile,
    clientCert,
    url,
    urlWithPassword,
    async createDatabase(name) {
      const pg = await import('pg');
      // Through the unix socket, which works with or without `ssl`.
      const client = new pg.default.Client({
        host: dir,
        port,
        user: 'postgres',
        password: TEST_PG_PASSWORD,
        database: 'postgres',
      });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
    },
    stop,
    start,
    dispose() {
      try {
        stop('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
