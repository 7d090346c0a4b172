// The `chokepoint` command line: discovers the subcommands in commands/, parses arguments, maps
// errors to exit codes (failure.ts: 0 ok, 1 user error with one line naming the input, 2 unavailable
// or internal).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { terminalSafe } from '../../scenarios/format.js';
import type { CliCommand } from './command.js';
import { createContext, type CliContext } from './context.js';
import { EXIT, describeFailure, isBrokenPipe } from './failure.js';

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

/** Loads every command module, sorted by name. */
export async function loadCommands(): Promise<CliCommand[]> {
  const files = readdirSync(commandsDir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
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
    "chokepoint <command> --help shows a command's options.",
    'environment: STORE (embedded|neo4j), DATA_DIR, NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, NEO4J_MAX_POOL_SIZE, PORT, LOG_LEVEL, API_KEYS',
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
    process.stderr.write(`chokepoint: unknown command "${terminalSafe(name)}" (try chokepoint --help)\n`);
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
    process.stderr.write(`chokepoint ${name}: ${terminalSafe(optionError(err as Error))}\n`);
    return 1;
  }
  let ctx: CliContext | undefined;
  // a reader that stops early (`chokepoint export | head`) closes the pipe: stop quietly, store closed
  const onStdoutError = (err: unknown) => {
    if (!isBrokenPipe(err)) throw err;
    void (ctx?.close() ?? Promise.resolve()).catch(() => undefined).finally(() => process.exit(EXIT.ok));
  };
  process.stdout.on('error', onStdoutError);
  try {
    ctx = createContext();
    return await command.run(args as Parameters<CliCommand['run']>[0], ctx);
  } catch (err) {
    const failure = describeFailure(err);
    process.stderr.write(`chokepoint ${name}: ${terminalSafe(failure.line)}\n`);
    if (failure.stack && /^(debug|trace)$/.test(process.env.LOG_LEVEL ?? '')) process.stderr.write(`${failure.stack}\n`);
    return failure.code;
  } finally {
    await ctx?.close().catch(() => undefined);
  }
}

/** parseArgs' message for a bad option, shortened to its first line ("--top -1" reads -1 as an option). */
function optionError(err: Error): string {
  const first = err.message.split('\n')[0]!;
  const value = /Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(first);
  if (value) return `${value[1]}: its value looks like an option; write ${value[1]}=<value> (e.g. ${value[1]}=-1)`;
  return first.replace(/\. To specify a positional argument starting with a '-'.*$/, '');
}
