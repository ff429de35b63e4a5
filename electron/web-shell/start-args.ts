// Command-line flags of the browser shell: --port N, --data-dir D, --customer-host H (LAN address the
// customer display may be opened from), --store-pg URL and --store-id ID (the chain's central database,
// saved to the settings), --pos-api-port N, --pos-api-key KEY and --pos-api-host H (the local POS API).
// Unknown flags are an error, not silently ignored.
export interface StartArgs {
  port: number;
  dataDir: string | null;
  customerHost: string | null;
  storePg: string | null;
  storeId: string | null;
  posApiPort: string | null;
  posApiKey: string | null;
  posApiHost: string | null;
}

export function parseStartArgs(argv: readonly string[]): StartArgs {
  const out: StartArgs = {
    port: 8787,
    dataDir: null,
    customerHost: null,
    storePg: null,
    storeId: null,
    posApiPort: null,
    posApiKey: null,
    posApiHost: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--') continue;
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    i++;
    switch (flag) {
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0 to 65535');
        out.port = port;
        break;
      }
      case '--data-dir':
        out.dataDir = value;
        break;
      case '--customer-host':
        out.customerHost = value;
        break;
      case '--store-pg':
        out.storePg = value;
        break;
      case '--store-id':
        out.storeId = value;
        break;
      case '--pos-api-port':
        out.posApiPort = value;
        break;
      case '--pos-api-key':
        out.posApiKey = value;
        break;
      case '--pos-api-host':
        out.posApiHost = value;
        break;
      default:
        throw new Error(
          `unknown option ${flag} (known: --port, --data-dir, --customer-host, --store-pg, --store-id, ` +
            '--pos-api-port, --pos-api-key, --pos-api-host)',
        );
    }
  }
  return out;
}
