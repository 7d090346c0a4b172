import { basename } from 'node:path';
import { InvalidInput } from '../../../schema/errors.js';
import type { FactRecord } from '../../../schema/records.js';
import type { CliCommand } from '../command.js';
import { wholeNumber } from '../options.js';
import { STDIN, checkTextFile, readStdin, readTextFile, utf8Text } from '../input.js';

const EXPECTED = 'JSONL fact records';

type Marked = { status?: unknown; name?: unknown; candidates?: unknown };
const ambiguousMark = (x: unknown) => (x as Marked | undefined)?.status === 'ambiguous';

/** A record that is, or relates, a mention `extract` could not resolve to one entity. */
function isAmbiguous(r: FactRecord): boolean {
  return ambiguousMark(r) || (r.kind === 'fact' && (ambiguousMark(r.subject) || ambiguousMark(r.object)));
}

/** Names the ambiguous mention and its candidates. */
function describeAmbiguous(r: FactRecord): string {
  const marked = (ambiguousMark(r) ? r : r.kind === 'fact' ? [r.subject, r.object].find(ambiguousMark) : r) as Marked;
  const candidates = Array.isArray(marked.candidates) && marked.candidates.length ? ` (candidates ${marked.candidates.join(', ')})` : '';
  return `ambiguous mention "${String(marked.name ?? '?')}"${candidates}; not imported`;
}

const command: CliCommand = {
  name: 'import',
  summary: 'load fact records (JSONL) into the store; bad lines are reported and skipped, ambiguous mentions skipped',
  usage: ['import [<file.jsonl…>|-] [--batch N] [--verbose]   (no file or -: standard input)'],
  help: { '--batch N': 'records per transaction (default 2000)', '--verbose': 'print a line on stderr after each committed batch' },
  options: { batch: { type: 'string', default: '2000' }, verbose: { type: 'boolean', default: false } },
  async run(args, ctx) {
    const { parseFactLines, factsToBatch } = await import('../../../graph/facts.js');
    const batchSize = wholeNumber('--batch', args.values.batch, 1);
    // no file, or `-`, reads standard input: `chokepoint extract doc.html | chokepoint import`
    const files = args.positionals.length ? args.positionals : [STDIN];
    for (const file of files) if (file !== STDIN) checkTextFile(file, EXPECTED);
    const stdin = files.includes(STDIN) ? utf8Text(await readStdin(EXPECTED)) : '';
    const store = await ctx.openStore();
    let rejectedTotal = 0;
    for (const given of files) {
      const file = given === STDIN ? 'standard input' : given;
      const all = parseFactLines(given === STDIN ? stdin : utf8Text(readTextFile(given, EXPECTED)));
      // `extract` marks a mention with several candidate entities as ambiguous: it is never guessed into an entity
      const ambiguous = all.records.filter((r) => isAmbiguous(r.record));
      const parsed = { ...all, records: all.records.filter((r) => !isAmbiguous(r.record)) };
      for (const a of ambiguous) ctx.err(`${file}:${a.line}: skipped: ${describeAmbiguous(a.record)}`);
      const rejected = [...parsed.rejected];
      const recordLines = new Set(parsed.records.map((r) => r.line));
      let claims = 0;
      let entities = 0;
      // entities first so facts in later chunks resolve against them
      const ordered = [...parsed.records].sort((a, b) => (a.record.kind === b.record.kind ? a.line - b.line : a.record.kind === 'entity' ? -1 : 1));
      for (let i = 0; i < ordered.length; i += batchSize) {
        const chunk = ordered.slice(i, i + batchSize);
        const { batch, rejected: bad } = await factsToBatch(chunk, store, { defaultSource: basename(file) });
        rejected.push(...bad);
        try {
          const result = await store.write(batch);
          claims += result.claimsAdded;
          entities += result.entities;
        } catch (err) {
          if (!(err instanceof InvalidInput)) throw err;
          // one bad record must not sink its chunk: write the chunk's records one by one
          const named = chunk.filter((r) => r.record.kind === 'entity');
          for (const one of chunk) {
            const single = await factsToBatch(one.record.kind === 'entity' ? [one] : [...named, one], store, { defaultSource: basename(file) });
            try {
              const r = await store.write(single.batch);
              claims += r.claimsAdded;
              entities += r.entities;
            } catch (e) {
              if (!(e instanceof InvalidInput)) throw e;
              rejected.push({ line: one.line, reason: e.message });
            }
          }
        }
        if (args.values.verbose) ctx.err(`import: committed records ${i + 1}-${Math.min(i + batchSize, ordered.length)} of ${ordered.length}`);
        ctx.progress(`import ${basename(file)}`, Math.min(i + batchSize, ordered.length), ordered.length);
      }
      rejected.sort((a, b) => a.line - b.line);
      for (const r of rejected) ctx.err(`${file}:${r.line}: ${r.reason}`);
      ctx.out(
        `${file}: ${parsed.records.length - new Set(rejected.map((r) => r.line).filter((line) => recordLines.has(line))).size} records loaded (${entities} entities written, ${claims} claims added), ${rejected.length} rejected${ambiguous.length ? `, ${ambiguous.length} skipped as ambiguous` : ''}`,
      );
      rejectedTotal += rejected.length;
    }
    return rejectedTotal ? 1 : 0;
  },
};
export default command;
