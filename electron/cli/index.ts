// The till's command-line tool: `npm run --silent cli -- <command> [options]`.
// Each command is one file in ./commands exporting `run(args: string[]): Promise<number>` (exit code)
// and a one-line `summary`.

const COMMANDS = [
  'simulate',
  'decode',
  'encode',
  'pay-active',
  'pay-passive',
  'query',
  'refund',
  'rate',
  'wedge-replay',
  'receipt',
  'staff',
  'shift',
  'store',
  'update',
  'pos',
  'say',
] as const;
type CommandName = (typeof COMMANDS)[number];

interface CommandModule {
  summary: string;
  run(args: string[]): Promise<number>;
}

function isCommand(name: string | undefined): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name ?? '');
}

async function load(name: CommandName): Promise<CommandModule> {
  return (await import(`./commands/${name}.ts`)) as CommandModule;
}

async function usage(): Promise<string> {
  const lines = ['usage: npm run --silent cli -- <command> [options]', '', 'commands:'];
  for (const name of COMMANDS) {
    const summary = await load(name).then(
      (m) => m.summary,
      () => '(not available)',
    );
    lines.push(`  ${name.padEnd(14)} ${summary}`);
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    process.stdout.write(`${await usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (!isCommand(name)) {
    process.stderr.write(`unknown command: ${name}\n${await usage()}\n`);
    return 2;
  }
  return (await load(name)).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
