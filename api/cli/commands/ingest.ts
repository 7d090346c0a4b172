import { InvalidInput, NotFound, StoreUnavailable, Unauthorized } from '../../../schema/errors.js';
import type { GraphStore } from '../../../graph/store.js';
import type { IngestTarget } from '../../../ingest/pipeline/pipeline.js';
import type { DeadLetter, RunReport } from '../../../ingest/pipeline/run-log.js';
import type { ServerTarget } from '../../graphql/client.js';
import type { CliCommand, ParsedArgs } from '../command.js';
import type { CliContext } from '../context.js';
import { readTextFile } from '../input.js';
import { choice } from '../options.js';
import { KIND_CHOICES as KINDS, type DocumentKind as Kind } from '../../../ingest/sources/kinds.js';
import { EXTRACTOR_HELP, EXTRACTOR_OPTION, extractorMode, llmFor } from '../extractor.js';

// the server's per-call limits (api/graphql/resolvers/ingest.ts INGEST_LIMITS)
const PER_CALL = 20;
const MAX_BYTES = 5 * 1024 * 1024;

const RUN = `id job owner startedAt finishedAt documents { added changed unchanged notModified fromFeedText }
  claimsAdded claimsRetracted entitiesWritten ambiguous skippedEntities failures { job url reason message at }
  llm { extractor documents cacheHits requests promptTokens completionTokens totalTokens latencyMs failures plainJsonFallback facts drops }`;
const INGEST_DOCUMENTS = `mutation($documents: [IngestDocumentInput!]!) { ingestDocuments(documents: $documents) { run { ${RUN} } } }`;
const RUN_JOBS = `mutation($jobs: [String!]) { runIngestJobs(jobs: $jobs) { job run { ${RUN} } } }`;
const STATUS = `query { ingestRuns(first: 20) { ${RUN} } deadLetters(first: 50) { job url reason message at } }`;

const isUrl = (s: string) => /^https?:\/\//i.test(s);
// `scheme://…`: a URL, never a local path, even when its scheme is not one ingest fetches
const URL_LIKE = /^([a-z][a-z0-9+.-]*):\/\//i;
const EXPECTED = 'an article, feed, model card, policy, CSV or JSONL document';

interface FileInputs {
  /** what the pipeline (or the server) gets: URLs, readable text files with their bytes, missing paths (they become dead letters) */
  targets: IngestTarget[];
  /** one line per local input refused before ingest: a directory, unreadable, binary content */
  refused: string[];
}

const deadLetter = (url: string, message: string): DeadLetter => ({ job: 'manual', url, reason: 'ingest_error', message, at: new Date().toISOString() });

/**
 * Sorts `ingest file` arguments: http(s) URLs go as they are, other URL schemes are refused at once
 * (`ftp://…` is never read as a local path), local files are read here and sniffed, so binary
 * bytes are refused by name instead of being stored as a document.
 */
function readFileInputs(locations: string[], kind: Kind): FileInputs {
  const out: FileInputs = { targets: [], refused: [] };
  for (const location of locations) {
    const scheme = URL_LIKE.exec(location)?.[1];
    if (scheme && !isUrl(location)) throw new InvalidInput(`${location}: unsupported URL scheme "${scheme.toLowerCase()}:" (ingest fetches http and https URLs; name a local file by its path)`);
  }
  for (const location of locations) {
    if (isUrl(location)) {
      out.targets.push({ location, kind });
      continue;
    }
    try {
      out.targets.push({ location, kind, content: readTextFile(location, EXPECTED) });
    } catch (err) {
      // a missing file stays a dead letter of the run (shown by `ingest status`), as before
      if (err instanceof NotFound) out.targets.push({ location, kind });
      else out.refused.push((err as Error).message);
    }
  }
  return out;
}
const LOCKED = /in use by another process/;

/** The store, or (when a running server holds the embedded store) the server to hand the work to. */
async function storeOrServer(args: ParsedArgs, ctx: CliContext): Promise<{ store: GraphStore } | { server: ServerTarget; locked: string }> {
  try {
    return { store: await ctx.openStore() };
  } catch (err) {
    if (ctx.config.store !== 'embedded' || !(err instanceof StoreUnavailable) || !LOCKED.test(err.message)) throw err;
    const { serverUrl } = await import('../../graphql/client.js');
    const url =
      typeof args.values.server === 'string'
        ? serverUrl(args.values.server, '--server')
        : ctx.config.client.server
          ? serverUrl(ctx.config.client.server, 'CHOKEPOINT_SERVER')
          : `http://localhost:${ctx.config.port}`;
    const apiKey = typeof args.values['api-key'] === 'string' ? args.values['api-key'] : ctx.config.client.apiKey;
    return { server: { url, ...(apiKey ? { apiKey } : {}) }, locked: err.message };
  }
}

/** Writes to the server need an editor key; say so before sending anything. */
function needKey(server: ServerTarget): void {
  if (!server.apiKey) throw new Unauthorized(`the store is held by the server at ${server.url}; handing the work to it needs an API key with the editor role (CHOKEPOINT_API_KEY or --api-key)`);
}

/** Sends `ingest file` inputs to the server: local files as their bytes, URLs for the server to fetch. */
async function handFiles(server: ServerTarget, targets: IngestTarget[], ctx: CliContext): Promise<{ runs: RunReport[]; local: DeadLetter[] }> {
  const { requestServer } = await import('../../graphql/client.js');
  const local: DeadLetter[] = [];
  const documents: { source: string; contentBase64?: string; kind: string }[] = [];
  for (const { location, kind, content } of targets) {
    if (content) {
      if (content.byteLength > MAX_BYTES) local.push(deadLetter(location, `${content.byteLength} bytes; the server takes at most ${MAX_BYTES} bytes per document`));
      else documents.push({ source: location, contentBase64: Buffer.from(content).toString('base64'), kind: kind ?? 'auto' });
    } else if (isUrl(location)) documents.push({ source: location, kind: kind ?? 'auto' });
    else local.push(deadLetter(location, 'no such file'));
  }
  const runs: RunReport[] = [];
  for (let i = 0; i < documents.length; i += PER_CALL) {
    const data = await requestServer<{ ingestDocuments: { run: RunReport } }>(server, INGEST_DOCUMENTS, { documents: documents.slice(i, i + PER_CALL) });
    runs.push(data.ingestDocuments.run);
    ctx.progress('manual', Math.min(i + PER_CALL, documents.length), documents.length);
  }
  return { runs, local };
}

const command: CliCommand = {
  name: 'ingest',
  summary: 'run the configured ingest jobs, ingest given documents, or show recent runs and dead letters',
  usage: [
    'ingest [--once] [--config FILE] [--job NAME…] [--allow-private] [--extractor rules|llm|both]',
    'ingest file <path|url…> [--kind K] [--allow-private] [--extractor rules|llm|both]',
    'ingest status [--json]',
    'with a running server holding the store: [--server URL] [--api-key KEY] (or CHOKEPOINT_SERVER, CHOKEPOINT_API_KEY)',
  ],
  help: {
    '--once': 'run every job once and exit, 1 when a document failed (otherwise stay up and run them on their cron schedules)',
    '--config FILE': 'the sources file (default INGEST_CONFIG or ingest/sources.yaml); refused while a server holds the store',
    '--job NAME': 'only this job (repeatable)',
    '--allow-private': 'let fetches reach loopback and private addresses (off by default: SSRF guard)',
    '--kind K': `for \`ingest file\`: ${KINDS.filter((k) => k !== 'auto').join(', ')} or auto (default)`,
    '--json': 'for `ingest status`: the run records as JSON',
    '--extractor X': `${EXTRACTOR_HELP}; for jobs, overrides each job's own \`extractor\``,
    '--server URL': 'the server to hand work to when it holds the embedded store (default CHOKEPOINT_SERVER or http://localhost:$PORT)',
    '--api-key KEY': 'an editor key for that server (default CHOKEPOINT_API_KEY)',
  },
  options: {
    once: { type: 'boolean', default: false },
    config: { type: 'string' },
    job: { type: 'string', multiple: true },
    'allow-private': { type: 'boolean', default: false },
    kind: { type: 'string', default: 'auto' },
    json: { type: 'boolean', default: false },
    server: { type: 'string' },
    'api-key': { type: 'string' },
    ...EXTRACTOR_OPTION,
  },
  async run(args, ctx) {
    const { createPipeline, formatRun, formatStatus, ingestStatus, leaseHeldLine } = await import('../../../ingest/ingest-service.js');
    const { terminalSafe } = await import('../../../scenarios/format.js');
    // dead letters carry URLs and messages that came from fetched documents: no escape sequences reach the terminal
    const safeLines = (text: string) => text.split('\n').map(terminalSafe).join('\n');
    const [sub, ...rest] = args.positionals;
    const allowPrivate = !!args.values['allow-private'] || ctx.config.ingest.allowPrivate;
    const only = Array.isArray(args.values.job) ? args.values.job.map(String) : undefined;
    const printRun = (report: RunReport) => {
      ctx.out(formatRun(report));
      for (const f of report.failures) ctx.err(terminalSafe(`ingest: ${f.url}: ${f.reason}: ${f.message}`));
      return report.failures.length;
    };
    if (sub !== undefined && sub !== 'status' && sub !== 'file') throw new InvalidInput(`unknown subcommand "${sub}" (expected file or status)`);
    const kind = choice('--kind', args.values.kind, KINDS);
    const flag = sub === 'status' ? undefined : extractorMode(args.values.extractor);
    // `ingest file` with a model not configured is refused before anything is read
    const fileLlm = sub === 'file' ? await llmFor([flag], ctx, `--extractor ${flag}`) : undefined;
    let files: FileInputs = { targets: [], refused: [] };
    if (sub === 'file') {
      if (!rest.length) throw new InvalidInput('file: give at least one path or URL');
      files = readFileInputs(rest, kind);
    }
    const refuse = () => {
      for (const line of files.refused) ctx.err(`ingest: ${line}`);
      return files.refused.length;
    };

    const target = await storeOrServer(args, ctx);
    if ('server' in target) {
      const { requestServer } = await import('../../graphql/client.js');
      const { server } = target;
      if (sub === 'status') {
        const data = await requestServer<{ ingestRuns: RunReport[]; deadLetters: DeadLetter[] }>(server, STATUS);
        ctx.out(args.values.json ? JSON.stringify(data.ingestRuns, null, 2) : safeLines(formatStatus(data.ingestRuns, data.deadLetters)));
        return 0;
      }
      if (sub === undefined && !args.values.once)
        throw new StoreUnavailable(`${target.locked}; that server runs the scheduled jobs itself (unless started with --no-ingest), and \`ingest --once\` hands it a run`);
      if (sub === undefined && typeof args.values.config === 'string')
        throw new InvalidInput(
          `--config ${args.values.config}: the server at ${server.url} holds the store and runs only the jobs of its own sources file; stop the server to run this file's jobs here, or name the server's jobs with --job`,
        );
      if (flag && flag !== 'rules')
        throw new InvalidInput(
          `--extractor ${flag}: the server at ${server.url} holds the store and reads handed documents with the rules and its jobs with their own \`extractor\`; stop the server to read with a model here, or set \`extractor\` on its jobs`,
        );
      needKey(server);
      ctx.err(`ingest: the store is held by the server at ${server.url}; handing the work to it`);
      if (args.values['allow-private']) ctx.err("ingest: --allow-private is not sent: the server's own setting (INGEST_ALLOW_PRIVATE) guards its fetches");
      if (sub === 'file') {
        const { runs, local } = await handFiles(server, files.targets, ctx);
        let failures = refuse() + local.length;
        for (const l of local) ctx.err(terminalSafe(`ingest: ${l.url}: ${l.reason}: ${l.message}`));
        for (const run of runs) failures += printRun(run);
        return failures ? 1 : 0;
      }
      const data = await requestServer<{ runIngestJobs: { job: string; run: RunReport | null }[] }>(server, RUN_JOBS, { jobs: only ?? null });
      let failures = 0;
      for (const o of data.runIngestJobs) {
        if (o.run) failures += printRun(o.run);
        else ctx.out(leaseHeldLine(o.job));
      }
      return failures ? 1 : 0;
    }

    const { store } = target;
    if (sub === 'status') {
      const { text, runs } = await ingestStatus(store);
      ctx.out(args.values.json ? JSON.stringify(runs, null, 2) : safeLines(text));
      return 0;
    }
    if (sub === 'file') {
      const pipeline = createPipeline(store, null, { allowPrivate, progress: ctx.progress, ...(flag ? { extractor: flag } : {}), ...(fileLlm ? { llm: fileLlm } : {}) });
      const refused = refuse();
      if (!files.targets.length) return 1;
      const report = await pipeline.run('manual', files.targets);
      return printRun(report) + refused ? 1 : 0;
    }
    const { loadSourcesConfig, DEFAULT_SOURCES } = await import('../../../ingest/scheduler/config.js');
    const { runAllOnce, scheduleJobs } = await import('../../../ingest/scheduler/scheduler.js');
    const read = loadSourcesConfig(typeof args.values.config === 'string' ? args.values.config : (ctx.config.ingest.sources ?? DEFAULT_SOURCES));
    // --extractor overrides every job's own setting
    const config = flag ? { ...read, jobs: read.jobs.map((j) => ({ ...j, extractor: flag })) } : read;
    const unknown = only?.filter((j) => !config.jobs.some((c) => c.name === j));
    if (unknown?.length) throw new InvalidInput(`--job: no job named ${unknown.join(', ')} in the sources file`);
    const running = config.jobs.filter((j) => j.enabled && (!only || only.includes(j.name)));
    const wanting = running.find((j) => j.extractor === 'llm' || j.extractor === 'both');
    const llm = await llmFor(
      running.map((j) => j.extractor),
      ctx,
      flag ? `--extractor ${flag}` : `the job "${wanting?.name ?? ''}" (extractor: ${wanting?.extractor ?? ''})`,
    );
    const pipeline = createPipeline(store, config, { allowPrivate, progress: ctx.progress, ...(llm ? { llm } : {}) });
    if (args.values.once) {
      // exit 1 when any document of any job failed, as `ingest file` does
      let failures = 0;
      for (const o of await runAllOnce(config, pipeline, only)) {
        if (o.report) failures += printRun(o.report);
        else ctx.out(leaseHeldLine(o.job));
      }
      return failures ? 1 : 0;
    }
    const filtered = only ? { ...config, jobs: config.jobs.filter((j) => only.includes(j.name)) } : config;
    const inFlight = new Set<Promise<void>>();
    const tasks = scheduleJobs(
      filtered,
      pipeline,
      (o) => ctx.out(o.report ? formatRun(o.report) : leaseHeldLine(o.job)),
      (job, err) => ctx.err(terminalSafe(`ingest: job ${job} failed: ${(err as Error).message}`)),
      inFlight,
    );
    ctx.err(`ingest: ${tasks.length} jobs scheduled; Ctrl-C to stop`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        for (const t of tasks) void t.stop();
        pipeline.stop();
        resolve();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    // a running job ends after its current document, before the store closes
    await Promise.allSettled([...inFlight]);
    return 0;
  },
};
export default command;
