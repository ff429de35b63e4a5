// `npm run start:web [-- --port N] [-- --data-dir D] [-- --customer-host 0.0.0.0] [-- --store-pg URL
// --store-id ID]`: the till in a
// browser. The first two stdout lines are exactly the till URL (with its session token) and the
// customer display URL; logs go to stderr. SIGINT/SIGTERM close everything cleanly.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTillCore } from '../core/app/till-core.ts';
import { DEFAULT_PIN } from '../core/config/defaults.ts';
import { createFileSecretStore } from '../core/config/secret-store.ts';
import { posApiStart } from '../core/pos-api/start-options.ts';
import { followCustomerLanSetting } from './customer-lan.ts';
import { createWebShell } from './server.ts';
import { parseStartArgs } from './start-args.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const args = parseStartArgs(process.argv.slice(2));
  const dataDir = resolve(args.dataDir ?? process.env.TILL_DATA_DIR ?? join(process.cwd(), '.till-data'));
  const core = await createTillCore({
    dataDir,
    secrets: createFileSecretStore(join(dataDir, 'secrets.json')),
    env: process.env,
    logger: { write: (line) => process.stderr.write(`${line}\n`) },
    storeStart: { url: args.storePg, storeId: args.storeId },
    posApi: posApiStart({ port: args.posApiPort, key: args.posApiKey, host: args.posApiHost }, process.env),
  });
  const shell = await createWebShell({
    core,
    port: args.port,
    rendererDir: join(root, 'dist', 'renderer'),
    customerLanHost: args.customerHost,
  });
  // Without --customer-host, the "Browser (LAN)" display setting decides (on its own fixed port).
  const customerLan = args.customerHost
    ? null
    : followCustomerLanSetting(core, {
        rendererDir: join(root, 'dist', 'renderer'),
        report: (line) => process.stderr.write(`${line}\n`),
      });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: closing the till\n`);
    (customerLan?.close() ?? Promise.resolve())
      .finally(() => shell.close())
      .finally(() => core.close())
      .then(
        () => {
          process.exitCode = 0;
        },
        (err: unknown) => {
          process.stderr.write(`shutdown failed: ${err instanceof Error ? err.message : String(err)}\n`);
          process.exitCode = 1;
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // Announced only once SIGINT/SIGTERM are handled: whoever reads these lines may stop the till at once.
  process.stdout.write(`till ready at ${shell.tillUrl}\ncustomer display at ${shell.customerUrl}\n`);
  for (const url of shell.customerLanUrls) process.stdout.write(`customer display on the LAN at ${url}\n`);
  if (core.posApi) process.stdout.write(`pos api at ${core.posApi.url}\n`);
  const sandbox = core.sandboxInfo;
  if (sandbox) {
    process.stdout.write(
      `sandbox — no real money: the QR opens the simulator's wallet page, where you pay (simulator at ${sandbox.simulatorUrl})\n` +
        `supervisor PIN is ${DEFAULT_PIN} until you change it in settings\n`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`the till could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
