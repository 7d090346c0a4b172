import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInput } from '../../../schema/errors.js';
import type { CliCommand } from '../command.js';

const command: CliCommand = {
  name: 'export',
  summary: 'write the whole graph as json, jsonl fact records, graphml or csv',
  usage: ['export --format json|jsonl|graphml|csv [--out DIR]'],
  help: { '--format F': 'json | jsonl | graphml | csv (csv needs --out: it writes nodes.csv, edges.csv, claims.csv)', '--out DIR': 'write files into DIR instead of stdout' },
  options: { format: { type: 'string', default: 'jsonl' }, out: { type: 'string' } },
  async run(args, ctx) {
    const { EXPORT_FORMATS, dumpGraph, renderExport } = await import('../../../graph/export.js');
    const format = String(args.values.format) as (typeof EXPORT_FORMATS)[number];
    if (!EXPORT_FORMATS.includes(format)) throw new InvalidInput(`--format: expected one of ${EXPORT_FORMATS.join(', ')}, got "${format}"`);
    const out = args.values.out as string | undefined;
    if (format === 'csv' && !out) throw new InvalidInput('--out: csv export writes three files; give a directory');
    const files = renderExport(await dumpGraph(await ctx.openStore()), format);
    if (!out) {
      for (const text of Object.values(files)) process.stdout.write(text);
      return 0;
    }
    mkdirSync(out, { recursive: true });
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(out, name), text);
      ctx.err(`export: wrote ${join(out, name)}`);
    }
    return 0;
  },
};
export default command;
