// simulate: run the OTTPay simulator until Ctrl-C. First stdout line: "listening on http://HOST:PORT".

import { SANDBOX_MERCHANT_ID, SANDBOX_OPERATOR_ID } from '../../core/simulator/sandbox.ts';
import { createSimulator } from '../../core/simulator/server.ts';
import { parseFlags } from '../cli-support.ts';

export const summary = 'run the OTTPay simulator (--host H --port N --merchant-id ID --sign-key KEY)';

const USAGE = `usage: npm run --silent cli -- simulate [--host 127.0.0.1] [--port 8070] [--merchant-id ID] [--sign-key KEY]
       [--public-url URL] [--realistic] [--quiet]
Without --merchant-id/--sign-key it serves the built-in sandbox merchant ${SANDBOX_MERCHANT_ID} (operator
${SANDBOX_OPERATOR_ID}). --sign-key alone gives that merchant your key; --merchant-id takes its key from
--sign-key or else OTTPAY_SIGN_KEY. Bind --host 0.0.0.0 so a phone on the LAN can open the wallet page; --realistic
answers code_url as weixin:// or https://qr.alipay.com/… (pay those through /_sim/orders/ID/pay).`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseFlags(args, {
    host: { type: 'string' },
    port: { type: 'string' },
    'merchant-id': { type: 'string' },
    'sign-key': { type: 'string' },
    'public-url': { type: 'string' },
    realistic: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  const port = Number(values.port ?? 8070);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('--port must be 0 to 65535\n');
    return 2;
  }
  const flagKey = typeof values['sign-key'] === 'string' ? values['sign-key'] : undefined;
  const givenMerchant = typeof values['merchant-id'] === 'string' ? values['merchant-id'] : undefined;
  // The environment's key is for a merchant named on the command line; a plain `simulate` stays sandbox.
  const signKey = flagKey ?? (givenMerchant === undefined ? undefined : process.env.OTTPAY_SIGN_KEY);
  if (givenMerchant !== undefined && signKey === undefined) {
    process.stderr.write('--merchant-id needs a sign key: --sign-key KEY or OTTPAY_SIGN_KEY\n');
    return 2;
  }
  const merchantId = givenMerchant ?? (signKey === undefined ? undefined : SANDBOX_MERCHANT_ID);
  const log = values.quiet ? undefined : (line: string) => process.stdout.write(`${line}\n`);
  let sim: Awaited<ReturnType<typeof createSimulator>>;
  try {
    sim = await createSimulator({
      host,
      port,
      ...(merchantId && signKey ? { merchants: [{ merchantId, signKey }] } : {}),
      ...(typeof values['public-url'] === 'string' ? { publicBaseUrl: values['public-url'] } : {}),
      realisticUrls: values.realistic === true,
      ...(log ? { log } : {}),
    });
  } catch (err) {
    process.stderr.write(`cannot start the simulator: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  // Listen for the stop signals before saying we are listening: a caller may signal at once.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const shownHost = host.includes(':') ? `[${host}]` : host;
  process.stdout.write(`listening on http://${shownHost}:${sim.port}\n`);
  process.stdout.write(
    `merchant ${merchantId ?? `${SANDBOX_MERCHANT_ID} (sandbox, operator ${SANDBOX_OPERATOR_ID})`}; wallet pages at ${sim.publicBaseUrl}/wallet/…; control at ${sim.url}/_sim/\n`,
  );
  await stopped;
  await sim.close();
  return 0;
}
