import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInput } from '../../../schema/errors.js';
import { terminalSafe } from '../../../scenarios/format.js';
import type { CliCommand } from '../command.js';
import { choice } from '../options.js';
import { escapeC1 } from '../output.js';

/**
 * The export as printed: in JSON a raw C1 control character can only sit inside a string, so it is
 * written as its \u escape (same data, no escape sequence for a terminal); graphml and csv, whose
 * bytes are the data, are shown with control characters replaced only when stdout is a terminal.
 */
function forStdout(text: string, format: string): string {
  if (format === 'json' || format === 'jsonl') return escapeC1(text);
  return process.stdout.isTTY ? text.split('\n').map(terminalSafe).join('\n') : text;
}

/** A one-line error for an --out directory that cannot be written (other failures go to the CLI's mapping). */
function outError(err: unknown, out: string): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return new InvalidInput(`--out ${out}: a file stands where the directory belongs`);
  if (code === 'EACCES' || code === 'EPERM') return new InvalidInput(`--out ${out}: permission denied`);
  return err;
}

const command: CliCommand = {
  name: 'export',
  summary: 'write the whole graph as json, jsonl fact records, graphml or csv',
  usage: ['export --format json|jsonl|graphml|csv [--out DIR]'],
  help: { '--format F': 'json | jsonl | graphml | csv (csv needs --out: it writes nodes.csv, edges.csv, claims.csv)', '--out DIR': 'write files into DIR instead of stdout' },
  options: { format: { type: 'string', default: 'jsonl' }, out: { type: 'string' } },
  async run(args, ctx) {
    const { EXPORT_FORMATS, dumpGraph, renderExport } = await import('../../../graph/export.js');
    const format = choice('--format', args.values.format, EXPORT_FORMATS);
    const out = args.values.out as string | undefined;
    if (format === 'csv' && !out) throw new InvalidInput('--out: csv export writes three files; give a directory');
    const files = renderExport(await dumpGraph(await ctx.openStore()), format);
    if (!out) {
      for (const text of Object.values(files)) process.stdout.write(forStdout(text, format));
      return 0;
    }
    try {
      mkdirSync(out, { recursive: true });
      for (const [name, text] of Object.entries(files)) {
        writeFileSync(join(out, name), text);
        ctx.err(terminalSafe(`export: wrote ${join(out, name)}`));
      }
    } catch (err) {
      throw outError(err, out);
    }
    return 0;
  },
};
export default command;
