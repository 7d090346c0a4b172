import { InvalidInput } from '../../../schema/errors.js';
import { terminalSafe } from '../../../scenarios/format.js';
import type { CliCommand } from '../command.js';
import { choice } from '../options.js';
import { STDIN, checkTextFile, readStdin, readTextFile } from '../input.js';
import { jsonLine } from '../output.js';
import { KIND_CHOICES as KINDS } from '../../../ingest/sources/kinds.js';

const ENTITY_SOURCES = ['seeds', 'store', 'none'] as const;
const EXPECTED = 'an article, feed, model card, policy, CSV or JSONL document';

const command: CliCommand = {
  name: 'extract',
  summary: 'print the fact records (JSONL) that documents yield; writes nothing',
  usage: [`extract <file…|-> [--kind ${KINDS.join('|')}] [--entities seeds|store|none]`],
  help: {
    '--kind K': 'how to read the files (default auto: by extension and content)',
    '--entities E': 'known entities for the gazetteer: the curated seeds (default), the store, or only the built-in lexicon',
  },
  options: { kind: { type: 'string', default: 'auto' }, entities: { type: 'string', default: 'seeds' } },
  async run(args, ctx) {
    const kind = choice('--kind', args.values.kind, KINDS);
    const source = choice('--entities', args.values.entities, ENTITY_SOURCES);
    if (!args.positionals.length) throw new InvalidInput('give at least one file (or - for standard input)');
    // every file is checked (exists, is text) before any output, so a typo in the last name costs nothing
    for (const file of args.positionals) if (file !== STDIN) checkTextFile(file, EXPECTED);
    const stdin = args.positionals.includes(STDIN) ? await readStdin(EXPECTED) : null;
    const { Gazetteer } = await import('../../../ingest/extract/gazetteer.js');
    const { readInput } = await import('../../../ingest/document.js');
    const { extract } = await import('../../../ingest/extract/extract.js');
    let entities: Parameters<typeof Gazetteer.build>[0] = [];
    if (source === 'seeds') entities = (await import('../../../seeds/load.js')).loadSeeds().entities;
    else if (source === 'store') entities = (await (await ctx.openStore()).readAll()).entities;
    const gazetteer = Gazetteer.build(entities);
    let failed = 0;
    for (const given of args.positionals) {
      const file = given === STDIN ? 'standard input' : given;
      try {
        const body = given === STDIN ? stdin! : readTextFile(given, EXPECTED);
        const { documents, items } = await readInput({ url: file, body }, gazetteer, kind);
        for (const d of documents) for (const r of d.records) ctx.out(jsonLine({ ...r, source: file }));
        // a feed's items are extracted from their own text: extract never fetches
        for (const item of items) {
          if (!item.text) continue;
          // records cite the file given; the item's own link rides along for the reader
          for (const r of extract(item.text, { source: file, gazetteer })) ctx.out(jsonLine({ ...r, url: item.link }));
        }
      } catch (err) {
        if (!(err instanceof InvalidInput)) throw err;
        failed++;
        ctx.err(terminalSafe(`extract: ${file}: ${err.message}`));
      }
    }
    return failed ? 1 : 0;
  },
};
export default command;
