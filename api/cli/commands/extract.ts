import { readFileSync, statSync } from 'node:fs';
import { InvalidInput, NotFound } from '../../../schema/errors.js';
import type { CliCommand } from '../command.js';

const KINDS = ['news', 'model-card', 'policy', 'feed', 'auto'] as const;
type Kind = (typeof KINDS)[number];

const command: CliCommand = {
  name: 'extract',
  summary: 'print the fact records (JSONL) that documents yield; writes nothing',
  usage: ['extract <file…> [--kind news|model-card|policy|feed|auto] [--entities seeds|store|none]'],
  help: {
    '--kind K': 'how to read the files (default auto: by extension and content)',
    '--entities E': 'known entities for the gazetteer: the curated seeds (default), the store, or only the built-in lexicon',
  },
  options: { kind: { type: 'string', default: 'auto' }, entities: { type: 'string', default: 'seeds' } },
  async run(args, ctx) {
    const kind = String(args.values.kind) as Kind;
    if (!KINDS.includes(kind)) throw new InvalidInput(`--kind: expected one of ${KINDS.join(', ')}, got "${kind}"`);
    const source = String(args.values.entities);
    if (!['seeds', 'store', 'none'].includes(source)) throw new InvalidInput(`--entities: expected seeds, store or none, got "${source}"`);
    if (!args.positionals.length) throw new InvalidInput('extract: give at least one file');
    for (const file of args.positionals) {
      try {
        if (!statSync(file).isFile()) throw new Error();
      } catch {
        throw new NotFound(`extract: no such file ${file}`);
      }
    }
    const { Gazetteer } = await import('../../../ingest/extract/gazetteer.js');
    const { readInput } = await import('../../../ingest/document.js');
    const { extract } = await import('../../../ingest/extract/extract.js');
    let entities: Parameters<typeof Gazetteer.build>[0] = [];
    if (source === 'seeds') entities = (await import('../../../seeds/load.js')).loadSeeds().entities;
    else if (source === 'store') entities = (await (await ctx.openStore()).readAll()).entities;
    const gazetteer = Gazetteer.build(entities);
    let failed = 0;
    for (const file of args.positionals) {
      try {
        const { documents, items } = await readInput({ url: file, body: readFileSync(file) }, gazetteer, kind);
        for (const d of documents) for (const r of d.records) ctx.out(JSON.stringify({ ...r, source: file }));
        // a feed's items are extracted from their own text: extract never fetches
        for (const item of items) {
          if (!item.text) continue;
          // records cite the file given; the item's own link rides along for the reader
          for (const r of extract(item.text, { source: file, gazetteer })) ctx.out(JSON.stringify({ ...r, url: item.link }));
        }
      } catch (err) {
        if (!(err instanceof InvalidInput)) throw err;
        failed++;
        ctx.err(`extract: ${file}: ${err.message}`);
      }
    }
    return failed ? 1 : 0;
  },
};
export default command;
