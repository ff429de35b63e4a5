// A throwaway certificate authority for TLS tests, made with openssl (which Debian's postgresql package
// brings along): a server certificate for 127.0.0.1 and a client certificate for the `postgres` user.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TestCerts {
  caCrt: string;
  serverCrt: string;
  serverKey: string;
  clientCrt: string;
  /** The client key's PEM text (what the till keeps in its secret store). */
  clientKeyPem: string;
}

function openssl(args: string[]): void {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
}

function signed(dir: string, name: string, subject: string, ext: string | null): void {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  openssl(['req', '-new', '-nodes', '-subj', subject, '-keyout', key, '-out', csr]);
  const extArgs: string[] = [];
  if (ext) {
    const extFile = join(dir, `${name}.ext`);
    writeFileSync(extFile, `${ext}\n`);
    extArgs.push('-extfile', extFile);
  }
  openssl([
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    join(dir, 'ca.crt'),
    '-CAkey',
    join(dir, 'ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-out',
    join(dir, `${name}.crt`),
    ...extArgs,
  ]);
}

export function makeTestCerts(dir: string): TestCerts {
  openssl([
    'req',
    '-new',
    '-x509',
    '-days',
    '2',
    '-nodes',
    '-subj',
    '/CN=till-test-ca',
    '-keyout',
    join(dir, 'ca.key'),
    '-out',
    join(dir, 'ca.crt'),
  ]);
  signed(dir, 'server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1');
  signed(dir, 'client', '/CN=postgres', null);
  return {
    caCrt: join(dir, 'ca.crt'),
    serverCrt: join(dir, 'server.crt'),
    serverKey: join(dir, 'server.key'),
    clientCrt: join(dir, 'client.crt'),
    clientKeyPem: readFileSync(join(dir, 'client.key'), 'utf8'),
  };
}
