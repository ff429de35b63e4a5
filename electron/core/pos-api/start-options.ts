// When and where the POS API starts: off unless `--pos-api-port N` (or TILL_POS_API_PORT) is given;
// bound to 127.0.0.1 unless `--pos-api-host` says otherwise; the key from `--pos-api-key`, else
// TILL_POS_API_KEY, else the one saved in settings (the secret store). Both shells parse their own
// command lines and hand the flags here, so the rules are one.
export interface PosApiFlags {
  port?: string | null | undefined;
  key?: string | null | undefined;
  host?: string | null | undefined;
}

export interface PosApiStart {
  port: number;
  host: string;
  /** From the command line or environment; null: the key saved in settings. */
  key: string | null;
}

export const DEFAULT_POS_API_HOST = '127.0.0.1';

export function posApiStart(
  flags: PosApiFlags,
  env: Readonly<Record<string, string | undefined>>,
): PosApiStart | null {
  const given = flags.port ?? env.TILL_POS_API_PORT;
  if (given === undefined || given === null || given.trim() === '') return null;
  const port = Number(given);
  if (!/^\d{1,5}$/.test(given.trim()) || port > 65535)
    throw new Error('--pos-api-port must be 0 to 65535 (0 = any free port)');
  const key = flags.key ?? env.TILL_POS_API_KEY ?? null;
  if (key !== null && !/^[\x21-\x7e]{16,256}$/.test(key))
    throw new Error('the POS API key must be 16 to 256 printable characters without spaces');
  const host = flags.host?.trim() || DEFAULT_POS_API_HOST;
  return { port, host, key: key === '' ? null : key };
}
