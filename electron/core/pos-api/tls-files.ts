// The POS API's certificate and key, kept in the data folder (0600) so the fingerprint a POS pinned
// stays the same across restarts; made anew only when it is missing, unreadable, or does not name the
// host the API is now bound to.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSelfSignedCert, type TillCertificate } from './self-signed-cert.ts';

export const POS_TLS_FILE = 'pos-api-tls.json';

interface Stored {
  host: string;
  certPem: string;
  keyPem: string;
  fingerprint256: string;
}

export function loadOrMakeCertificate(dataDir: string, host: string): TillCertificate {
  const file = join(dataDir, POS_TLS_FILE);
  if (existsSync(file)) {
    try {
      const s = JSON.parse(readFileSync(file, 'utf8')) as Stored;
      if (s.host === host && s.certPem && s.keyPem && s.fingerprint256) return s;
    } catch {
      // Unreadable: a new certificate (the POS must pin the new fingerprint, shown in Settings).
    }
  }
  const made = makeSelfSignedCert(host === '0.0.0.0' || host === '::' ? [] : [host]);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify({ host, ...made } satisfies Stored), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  return made;
}

/** The fingerprint of the certificate kept in the data folder, if any (for Settings). */
export function storedFingerprint(dataDir: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(dataDir, POS_TLS_FILE), 'utf8')) as Stored).fingerprint256 ?? null;
  } catch {
    return null;
  }
}
