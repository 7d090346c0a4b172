import { InvalidInput } from '../../../schema/errors.js';
import { terminalSafe } from '../../../scenarios/format.js';
import type { CliCommand } from '../command.js';
import { EXTRACTOR_HELP, EXTRACTOR_OPTION, extractorMode, llmFor } from '../extractor.js';

const command: CliCommand = {
  name: 'reextract',
  summary: 're-run the current extractor over stored documents; supersedes claims of older extractor versions',
  usage: ['reextract [--source S…] [--dry-run] [--json] [--extractor rules|llm|both]'],
  help: {
    '--source S': 'only documents whose id, URL or ingest job is S, or whose URL starts with S (repeatable)',
    '--dry-run': 'report what would be added and removed; write nothing',
    '--json': 'print the report as JSON',
    '--extractor X': `${EXTRACTOR_HELP}; documents last read otherwise are read again`,
  },
  options: { source: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, ...EXTRACTOR_OPTION },
  async run(args, ctx) {
    if (args.positionals.length) throw new InvalidInput(`reextract: unexpected argument "${args.positionals[0]}" (use --source to pick documents)`);
    const sources = ((args.values.source as string[] | undefined) ?? []).map((s) => s.trim());
    if (sources.some((s) => !s)) throw new InvalidInput('--source: expected a document id, URL, URL prefix or ingest job, got an empty value');
    const extractor = extractorMode(args.values.extractor) ?? 'rules';
    const llm = await llmFor([extractor], ctx, `--extractor ${extractor}`);
    const { reextract } = await import('../../../ingest/pipeline/reextract.js');
    const store = await ctx.openStore();
    const dryRun = !!args.values['dry-run'];
    const report = await reextract({ store, dryRun, ...(sources.length ? { sources } : {}), progress: ctx.progress, extractor, ...(llm ? { llm } : {}) });
    if (sources.length && !report.matched && !report.withoutInput.length) throw new InvalidInput(`--source: no stored document matches ${sources.map((s) => `"${s}"`).join(', ')}`);
    if (args.values.json) {
      ctx.out(JSON.stringify(report));
      return report.totals.failed || report.totals.llmFailed ? 1 : 0;
    }
    const fact = (f: { rel: string; subject: string; object: string }) => terminalSafe(`${f.rel} ${f.subject} -> ${f.object}`);
    for (const d of report.documents) {
      const was = d.fromVersions.length ? ` (was ${d.fromVersions.join(', ')})` : '';
      if (d.llmError) ctx.err(terminalSafe(`reextract: ${d.url}: ${d.llmError}; read by the rules instead`));
      if (d.status === 'failed') {
        ctx.out(`${terminalSafe(d.url)}  failed: ${terminalSafe(d.error ?? '')}`);
        continue;
      }
      // a document read again with nothing to change is counted in the summary only
      if (!d.claimsAdded && !d.claimsRetracted && !d.entitiesAdded) continue;
      ctx.out(`${terminalSafe(d.url)}  facts +${d.factsAdded.length} -${d.factsRemoved.length}, claims +${d.claimsAdded} -${d.claimsRetracted}, entities +${d.entitiesAdded}${was}`);
      for (const f of d.factsAdded) ctx.out(`  + ${fact(f)}`);
      for (const f of d.factsRemoved) ctx.out(`  - ${fact(f)}`);
    }
    const t = report.totals;
    ctx.err(
      `reextract: extractor ${report.version}; ${report.matched} stored documents, ${report.current} already current, ${report.documents.length} read again` +
        `${t.failed ? ` (${t.failed} failed)` : ''}: facts +${t.factsAdded} -${t.factsRemoved}, claims +${t.claimsAdded} -${t.claimsRetracted}, entities +${t.entitiesAdded}` +
        (dryRun ? ' (dry run: nothing written)' : ''),
    );
    if (report.llm) {
      const { formatLlmStats } = await import('../../../ingest/extract/llm/extractor.js');
      ctx.err(terminalSafe(`reextract: ${formatLlmStats(report.llm)}`));
    }
    if (report.withoutInput.length)
      ctx.err(
        `reextract: ${report.withoutInput.length} documents hold claims of older extractor versions but no stored input (imported, or ingested before inputs were kept); ingest them again to re-extract them, e.g. ${terminalSafe(report.withoutInput[0]!)}`,
      );
    return t.failed || t.llmFailed ? 1 : 0;
  },
};
export default command;
