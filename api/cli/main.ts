// The `chokepoint` command line: discovers the subcommands in commands/, parses arguments, maps
// errors to exit codes (0 ok, 1 user error with one line naming the input, 2 internal error).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isUserError, StoreUnavailable } from '../../schema/errors.js';
import type { CliCommand } from './command.js';
import { createContext } from './context.js';

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

/** Loads every command module, sorted by name. */
export async function loadCommands(): Promise<CliCommand[]> {
  const files = readdirSync(commandsDir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  const mods = await Promise.all(files.map((f) => import(pathToFileURL(join(commandsDir, f)).href) as Promise<{ default: CliCommand }>));
  return mods.map((m) => m.default).sort((a, b) => a.name.localeCompare(b.name));
}

function usage(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'chokepoint - a knowledge graph of the AI supply chain and a what-if engine',
    '',
    'usage: chokepoint <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'chokepoint <command> --help shows a command\'s options.',
    'environment: STORE (embedded|neo4j), DATA_DIR, NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, PORT, LOG_LEVEL, API_KEYS',
  ].join('\n');
}

function commandHelp(c: CliCommand): string {
  const opts = Object.entries(c.help ?? {}).map(([k, v]) => `  ${k.padEnd(22)} ${v}`);
  return [`${c.summary}`, '', ...c.usage.map((u) => `usage: chokepoint ${u}`), ...(opts.length ? ['', 'options:', ...opts] : [])].join('\n');
}

/** Runs the CLI with argv (without node and script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const commands = await loadCommands();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage(commands) + '\n');
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`chokepoint: unknown command "${name}" (try chokepoint --help)\n`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(commandHelp(command) + '\n');
    return 0;
  }
  let args;
  try {
    args = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (err) {
    process.stderr.write(`chokepoint ${name}: ${(err as Error).message}\n`);
    return 1;
  }
  let ctx;
  try {
    ctx = createContext();
    return await command.run(args as Parameters<CliCommand['run']>[0], ctx);
  } catch (err) {
    if (isUserError(err) || err instanceof StoreUnavailable) {
      process.stderr.write(`chokepoint ${name}: ${(err as Error).message}\n`);
      return err instanceof StoreUnavailable ? 2 : 1;
    }
    process.stderr.write(`chokepoint ${name}: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 2;
  } finally {
    await ctx?.close().catch(() => undefined);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`chokepoint: internal error: ${String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
