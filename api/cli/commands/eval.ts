import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidInput, NotFound } from '../../../schema/errors.js';
import { terminalSafe } from '../../../scenarios/format.js';
import type { CliCommand } from '../command.js';
import { choice, wholeNumber } from '../options.js';
import type { Prf } from '../../../ingest/eval/score.js';
import { KIND_CHOICES as KINDS } from '../../../ingest/sources/kinds.js';
import { EXTRACTOR_HELP, EXTRACTOR_OPTION, extractorMode, llmFor } from '../extractor.js';

const ENTITY_SOURCES = ['seeds', 'store', 'none'] as const;
/** The project's extraction corpus: one folder per set, documents beside their *.gold.jsonl. */
const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../../bench/corpus');

/** The scorer's figures, without the lists of missed and spurious keys. */
type Figures = Omit<Prf, 'missed' | 'spurious'>;

const f = (x: number, digits = 2) => x.toFixed(digits);
const prf = (s: Figures) => `${f(s.precision)} / ${f(s.recall)} / ${f(s.f1, 3)} (${s.matched}/${s.gold} gold, ${s.predicted} pred)`;
/** `doc#REL|subject|object` or `doc#name` as a reader wants it. */
const readable = (key: string) => {
  const k = key.slice(key.lastIndexOf('#', key.includes('|') ? key.indexOf('|') : key.length) + 1);
  const [rel, s, o] = k.split('|');
  return terminalSafe(o === undefined ? k : `${rel} ${s} -> ${o}`);
};

const command: CliCommand = {
  name: 'eval',
  summary: 'extract documents and score them against gold fact records: P/R/F1 per document, in total and per relation type',
  usage: ['eval [--set dev|holdout] [FOLDER…] [--gold FILE]… [DOC…] [--kind K] [--entities seeds|store|none] [--explicit-only] [--misses N] [--json] [--extractor rules|llm|both]'],
  help: {
    '--set S': 'a set of the project corpus, bench/corpus/<S> (default dev when nothing else is given)',
    FOLDER: 'every document in the folder, scored against the *.gold.jsonl files in it',
    '--gold FILE': 'a gold JSONL file (repeatable); its records meet documents by the file name their source ends with',
    '--kind K': 'how to read the documents (default auto), as extract',
    '--entities E': 'known entities for the gazetteer: curated seeds (default), the store, or only the built-in lexicon',
    '--explicit-only': 'leave out gold facts marked "inferred": true',
    '--misses N': 'list up to N missed and N spurious entities and facts per document',
    '--json': 'print the scores as JSON',
    '--extractor X': `${EXTRACTOR_HELP}: score a model on your documents`,
  },
  options: {
    set: { type: 'string', multiple: true },
    gold: { type: 'string', multiple: true },
    kind: { type: 'string', default: 'auto' },
    entities: { type: 'string', default: 'seeds' },
    'explicit-only': { type: 'boolean', default: false },
    misses: { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
    ...EXTRACTOR_OPTION,
  },
  async run(args, ctx) {
    const kind = choice('--kind', args.values.kind, KINDS);
    const entitySource = choice('--entities', args.values.entities, ENTITY_SOURCES);
    const misses = wholeNumber('--misses', args.values.misses, 0);
    const extractor = extractorMode(args.values.extractor) ?? 'rules';
    const llm = await llmFor([extractor], ctx, `--extractor ${extractor}`);
    const { corpusFolder } = await import('../../../ingest/eval/corpus.js');
    const { evaluate } = await import('../../../ingest/eval/evaluate.js');

    const sets = (args.values.set as string[] | undefined) ?? [];
    const explicitGold = ((args.values.gold as string[] | undefined) ?? []).map(String);
    // nothing named: the development set
    if (!sets.length && !args.positionals.length && !explicitGold.length) sets.push('dev');
    const folders: string[] = [];
    for (const set of sets) {
      if (!/^[a-z0-9][a-z0-9_-]*$/i.test(set)) throw new InvalidInput(`--set: expected the name of a folder of bench/corpus (dev, holdout), got "${set}"`);
      const dir = join(CORPUS, set);
      if (!existsSync(dir)) throw new NotFound(`--set: no set "${set}" in the corpus (bench/corpus/${set} does not exist)`);
      folders.push(dir);
    }
    const documents: string[] = [];
    for (const p of args.positionals) {
      let stat;
      try {
        stat = statSync(p);
      } catch {
        throw new NotFound(`eval: no such file or folder ${p}`);
      }
      if (stat.isDirectory()) folders.push(p);
      else documents.push(p);
    }
    const gold = [...explicitGold];
    for (const dir of folders) {
      const c = corpusFolder(dir);
      documents.push(...c.documents);
      // a folder's gold is used unless gold files are named
      if (!explicitGold.length) gold.push(...c.gold);
    }
    for (const g of gold) if (!existsSync(g)) throw new NotFound(`--gold: no such file ${g}`);

    let entities: Parameters<typeof evaluate>[0]['entities'] = [];
    if (entitySource === 'seeds') entities = (await import('../../../seeds/load.js')).loadSeeds().entities;
    else if (entitySource === 'store') entities = (await (await ctx.openStore()).readAll()).entities.filter((e) => e.label !== 'Document');

    const result = await evaluate({ documents, gold, kind, entities, explicitOnly: !!args.values['explicit-only'], progress: ctx.progress, extractor, ...(llm ? { llm } : {}) });
    for (const w of result.warnings) ctx.err(`eval: ${terminalSafe(w)}`);
    if (result.llm) {
      const { formatLlmStats } = await import('../../../ingest/extract/llm/extractor.js');
      ctx.err(terminalSafe(`eval: ${formatLlmStats(result.llm)}`));
    }
    const s = result.score;
    if (args.values.json) {
      const cut = <T extends { missed: string[]; spurious: string[] }>(x: T) => ({ ...x, missed: x.missed.slice(0, misses), spurious: x.spurious.slice(0, misses) });
      ctx.out(
        JSON.stringify({
          extractorVersion: result.extractorVersion,
          ...(result.llm ? { llm: result.llm } : {}),
          documents: s.documents.map((d) => ({ document: d.document, entities: cut(d.entities), facts: cut(d.facts), factsRelaxed: cut(d.factsRelaxed) })),
          total: { documents: s.documents.length, entities: cut(s.entities), facts: cut(s.facts), factsRelaxed: cut(s.factsRelaxed) },
          relations: s.relations.map((r) => ({ rel: r.rel, facts: cut(r.facts) })),
        }),
      );
      return 0;
    }
    const rows = [...s.documents.map((d) => ({ name: terminalSafe(d.document), x: d as typeof s | (typeof s.documents)[number] })), { name: `total (${s.documents.length} documents)`, x: s }];
    const w = [Math.max(8, ...rows.map((r) => r.name.length)), Math.max(8, ...rows.map((r) => prf(r.x.entities).length)), Math.max(5, ...rows.map((r) => prf(r.x.facts).length))] as const;
    const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(w[0])}  ${b.padEnd(w[1])}  ${c.padEnd(w[2])}  ${d}`;
    ctx.out(`extractor ${result.extractorVersion}; P / R / F1 (matched/gold, predicted); relaxed: fact F1 with names meeting on half their words`);
    ctx.out(line('document', 'entities', 'facts', 'relaxed'));
    for (const [i, { name, x }] of rows.entries()) {
      ctx.out(line(name, prf(x.entities), prf(x.facts), f(x.factsRelaxed.f1, 3)));
      const d = s.documents[i];
      if (!misses || !d) continue;
      for (const k of d.entities.missed.slice(0, misses)) ctx.out(`    missed entity   ${readable(k)}`);
      for (const k of d.entities.spurious.slice(0, misses)) ctx.out(`    spurious entity ${readable(k)}`);
      for (const k of d.facts.missed.slice(0, misses)) ctx.out(`    missed fact     ${readable(k)}`);
      for (const k of d.facts.spurious.slice(0, misses)) ctx.out(`    spurious fact   ${readable(k)}`);
    }
    ctx.out('');
    ctx.out(`${'facts by relation type'.padEnd(24)}  gold  pred  matched  P / R / F1`);
    for (const r of s.relations)
      ctx.out(
        `${r.rel.padEnd(24)}  ${String(r.facts.gold).padStart(4)}  ${String(r.facts.predicted).padStart(4)}  ${String(r.facts.matched).padStart(7)}  ${f(r.facts.precision)} / ${f(r.facts.recall)} / ${f(r.facts.f1, 3)}`,
      );
    return 0;
  },
};
export default command;
