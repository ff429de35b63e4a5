// `npm run --silent cli -- store <report|serve|migrate>`: the central side of a chain.
//   store report  --pg URL --day YYYY-MM-DD [--store ID] [--json]
//   store serve   --pg URL --port N [--host H]   (read-only owner's page; prints its URL with the token)
//   store migrate --pg URL                       (applies the central schema; tills also do it on connect)
//   store add-till --pg URL --role NAME [--till ID]  (a database login of its own for one till)
// The password may be in the URL or in PGPASSWORD; it is never printed.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import { redactText } from '../../core/logging/index.ts';
import { addTillLogin } from '../../store/add-till.ts';
import { migrateCentral } from '../../store/migrate.ts';
import { pgClientConfig, pgUrlProblem, redactPgUrl } from '../../store/pg-config.ts';
import { chainDayReport } from '../../store/report.ts';
import { reportText } from '../../store/report-text.ts';
import { serveStoreReport } from '../../store/serve.ts';

export const summary =
  'chain reports from the central PostgreSQL: report, serve (owner page), migrate, add-till (a login per till)';

const USAGE = `usage:
  npm run --silent cli -- store report --pg URL --day YYYY-MM-DD [--store ID] [--json]
  npm run --silent cli -- store serve --pg URL --port N [--host H]
  npm run --silent cli -- store migrate --pg URL
  npm run --silent cli -- store add-till --pg URL --role NAME [--till ID]
`;

const pgUrl = z.string().superRefine((v, ctx) => {
  const problem = pgUrlProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'is YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'is not a real date',
  );
const storeId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'is 1 to 64 letters, digits, . _ -');

const schemas = {
  report: z.object({ pg: pgUrl, day, store: storeId.optional(), json: z.boolean().optional() }).strict(),
  serve: z
    .object({
      pg: pgUrl,
      port: z.coerce.number().int().min(0).max(65535),
      host: z.string().min(1).optional(),
    })
    .strict(),
  migrate: z.object({ pg: pgUrl }).strict(),
  'add-till': z
    .object({
      pg: pgUrl,
      role: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'is a lower-case letter, then letters, digits or _'),
      till: z
        .string()
        .regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'is the till id (letters, digits, . _ : -)')
        .optional(),
    })
    .strict(),
};
type Sub = keyof typeof schemas;

function parse<S extends Sub>(sub: S, args: string[]): z.infer<(typeof schemas)[S]> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      pg: { type: 'string' },
      day: { type: 'string' },
      store: { type: 'string' },
      json: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      role: { type: 'string' },
      till: { type: 'string' },
    },
  });
  const parsed = schemas[sub].safeParse(values);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const flag = first?.path[0] ? `--${String(first.path[0])}` : 'options';
    throw new Error(`${flag} ${first?.message ?? 'invalid'}`);
  }
  return parsed.data as z.infer<(typeof schemas)[S]>;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client(pgClientConfig(url, { password: process.env.PGPASSWORD ?? null }));
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`cannot reach ${redactPgUrl(url)}: ${(err as Error).message}`);
  }
  return client;
}

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'report' && sub !== 'serve' && sub !== 'migrate' && sub !== 'add-till') {
    process.stderr.write(USAGE);
    return 2;
  }
  try {
    if (sub === 'report') {
      const o = parse('report', rest);
      const client = await connect(o.pg);
      try {
        const report = await chainDayReport(client, o.day, o.store ?? null);
        process.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
      } finally {
        await client.end();
      }
      return 0;
    }
    if (sub === 'migrate') {
      const o = parse('migrate', rest);
      const client = await connect(o.pg);
      try {
        const applied = await migrateCentral(client);
        process.stdout.write(
          applied.length
            ? `applied central migrations ${applied.join(', ')}\n`
            : 'central schema is up to date\n',
        );
      } finally {
        await client.end();
      }
      return 0;
    }
    if (sub === 'add-till') {
      const o = parse('add-till', rest);
      const client = await connect(o.pg);
      try {
        await migrateCentral(client);
        const added = await addTillLogin(client, o.role, o.till ?? null);
        process.stdout.write(
          `added till login ${added.role} (${added.tillId ? `till ${added.tillId}` : 'bound to its till by its first batch'})\n` +
            `password: ${added.password}\n` +
            'shown once: enter it in that till’s Settings → Central store database, with this login in the URL\n',
        );
      } finally {
        await client.end();
      }
      return 0;
    }
    const o = parse('serve', rest);
    const server = await serveStoreReport({
      pgConfig: pgClientConfig(o.pg, { password: process.env.PGPASSWORD ?? null }),
      port: o.port,
      host: o.host ?? '127.0.0.1',
      token: process.env.TILL_STORE_TOKEN,
    });
    process.stdout.write(`store report at ${server.url}\n`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return await new Promise<number>(() => undefined);
  } catch (err) {
    process.stderr.write(`store ${sub}: ${redactText((err as Error).message)}\n`);
    return err instanceof TypeError || /^--/.test((err as Error).message) ? 2 : 1;
  }
}
