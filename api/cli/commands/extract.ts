import { InvalidInput } from '../../../schema/errors.js';
import { terminalSafe } from '../../../scenarios/format.js';
import type { CliCommand } from '../command.js';
import { choice } from '../options.js';
import { STDIN, checkTextFile, readStdin, readTextFile } from '../input.js';
import { jsonLine } from '../output.js';
import { KIND_CHOICES as KINDS } from '../../../ingest/sources/kinds.js';
import { EXTRACTOR_HELP, EXTRACTOR_OPTION, extractorMode, llmFor } from '../extractor.js';

const ENTITY_SOURCES = ['seeds', 'store', 'none'] as const;
const EXPECTED = 'an article, feed, model card, policy, CSV or JSONL document';

const command: CliCommand = {
  name: 'extract',
  summary: 'print the fact records (JSONL) that documents yield; writes nothing',
  usage: [`extract <file…|-> [--kind ${KINDS.join('|')}] [--entities seeds|store|none] [--extractor rules|llm|both]`],
  help: {
    '--kind K': 'how to read the files (default auto: by extension and content)',
    '--entities E': 'known entities for the gazetteer: the curated seeds (default), the store, or only the built-in lexicon',
    '--extractor X': `${EXTRACTOR_HELP}; a model's answers are cached under DATA_DIR/llm-cache`,
  },
  options: { kind: { type: 'string', default: 'auto' }, entities: { type: 'string', default: 'seeds' }, ...EXTRACTOR_OPTION },
  async run(args, ctx) {
    const kind = choice('--kind', args.values.kind, KINDS);
    const source = choice('--entities', args.values.entities, ENTITY_SOURCES);
    const mode = extractorMode(args.values.extractor) ?? 'rules';
    // a model asked for without LLM_BASE_URL / LLM_MODEL is refused before anything is read
    const llm = await llmFor([mode], ctx, `--extractor ${mode}`);
    if (!args.positionals.length) throw new InvalidInput('give at least one file (or - for standard input)');
    // every file is checked (exists, is text) before any output, so a typo in the last name costs nothing
    for (const file of args.positionals) if (file !== STDIN) checkTextFile(file, EXPECTED);
    const stdin = args.positionals.includes(STDIN) ? await readStdin(EXPECTED) : null;
    const { Gazetteer } = await import('../../../ingest/extract/gazetteer.js');
    const { readInput } = await import('../../../ingest/document.js');
    const { extract } = await import('../../../ingest/extract/extract.js');
    const { extractWith } = await import('../../../ingest/extract/llm/combine.js');
    const { emptyStats, formatLlmStats } = await import('../../../ingest/extract/llm/extractor.js');
    const stats = llm ? emptyStats(llm.id) : undefined;
    const chosen = { mode, ...(llm ? { llm } : {}), ...(stats ? { stats } : {}) };
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
        let modelFailed = false;
        const read = async (text: string, structured: readonly (typeof documents)[number]['records'][number][], rules: () => (typeof documents)[number]['records']) => {
          const out = await extractWith(chosen, { text, source: file, gazetteer, structured, rules });
          if (out.error) {
            modelFailed = true;
            ctx.err(terminalSafe(`extract: ${file}: ${out.error.reason}: ${out.error.message}; the rules' records are printed instead`));
          }
          return out.records;
        };
        for (const d of documents)
          for (const r of await read(
            d.document.text,
            d.document.records.map((x) => ({ ...x, source: file })),
            () => d.records,
          ))
            ctx.out(jsonLine({ ...r, source: file }));
        // a feed's items are extracted from their own text: extract never fetches
        for (const item of items) {
          if (!item.text) continue;
          // records cite the file given; the item's own link rides along for the reader
          for (const r of await read(item.text, [], () => extract(item.text!, { source: file, gazetteer }))) ctx.out(jsonLine({ ...r, url: item.link }));
        }
        if (modelFailed) failed++;
      } catch (err) {
        if (!(err instanceof InvalidInput)) throw err;
        failed++;
        ctx.err(terminalSafe(`extract: ${file}: ${err.message}`));
      }
    }
    if (stats) ctx.err(terminalSafe(`extract: ${formatLlmStats(stats)}`));
    return failed ? 1 : 0;
  },
};
export default command;
