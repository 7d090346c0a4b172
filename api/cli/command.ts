// The shape of one `chokepoint` subcommand. main.ts discovers every file in commands/.
import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
}

export interface CliCommand {
  /** the first word: `chokepoint <name> …` */
  name: string;
  /** one line for `chokepoint --help` */
  summary: string;
  /** usage lines, e.g. `seed [--reset]` */
  usage: string[];
  /** option name -> description, shown by `chokepoint <name> --help` */
  help?: Record<string, string>;
  options?: OptionSpec;
  /** returns the exit code (0 on success) */
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}
