// What the CLI and the server call: a pipeline configured from sources.yaml (or given fetch
// settings) over a store, a readable status of recent runs and dead letters, and the service a
// server runs in-process (scheduled jobs, documents and job runs handed over by a CLI).
import { join } from 'node:path';
import type { ScheduledTask } from 'node-cron';
import { InvalidInput, StoreUnavailable } from '../schema/errors.js';
import type { GraphStore } from '../graph/store.js';
import type { DocumentKind } from './extract/extract.js';
import { LlmExtractor, formatLlmStats } from './extract/llm/extractor.js';
import { llmSettingsFromEnv, usesLlm, type ExtractorMode } from './extract/llm/settings.js';
import { Fetcher, type FetchOptions } from './fetch/fetcher.js';
import { IngestPipeline, type TargetOutcome } from './pipeline/pipeline.js';
import { recentDeadLetters, recentRuns, recordDeadLetter, type DeadLetter, type RunReport } from './pipeline/run-log.js';
import { DEFAULT_SOURCES, loadSourcesConfig, type SourcesConfig } from './scheduler/config.js';
import { runAllOnce, scheduleJobs, type JobOutcome } from './scheduler/scheduler.js';
import { useHtmlParsePool } from './sources/html-pool.js';

/** A pipeline with the fetch settings of a sources file, optionally allowing private addresses. */
export function createPipeline(
  store: GraphStore,
  config: SourcesConfig | null,
  opts: {
    allowPrivate?: boolean;
    progress?: (label: string, done: number, total?: number) => void;
    fetch?: Partial<FetchOptions>;
    localFiles?: boolean;
    /** what reads documents whose job names no extractor (default rules) */
    extractor?: ExtractorMode;
    llm?: LlmExtractor;
  } = {},
): IngestPipeline {
  const settings = config?.defaults.fetch ?? {};
  const fetcher = new Fetcher({ ...settings, ...(opts.fetch ?? {}), ...(opts.allowPrivate !== undefined ? { allowPrivate: opts.allowPrivate || !!settings.allowPrivate } : {}) });
  return new IngestPipeline({
    store,
    fetcher,
    ...(opts.progress ? { progress: opts.progress } : {}),
    ...(opts.localFiles !== undefined ? { localFiles: opts.localFiles } : {}),
    ...(opts.extractor ? { extractor: opts.extractor } : {}),
    ...(opts.llm ? { llm: opts.llm } : {}),
  });
}

/** The model for a run that asks for one: settings from the environment (a one-line refusal naming the variable), answers cached under DATA_DIR/llm-cache. */
export function llmExtractorFromEnv(env: Record<string, string | undefined>, dataDir: string, asked?: string): LlmExtractor {
  return new LlmExtractor(llmSettingsFromEnv(env, asked), { cacheDir: join(dataDir, 'llm-cache') });
}

/** One line per run: when, job, documents and claims, failures (and a second line for a model's cost, when one read documents). */
export function formatRun(r: RunReport): string {
  const d = r.documents;
  const line = `${r.finishedAt}  ${r.job.padEnd(22)} docs +${d.added} ~${d.changed} =${d.unchanged} 304:${d.notModified} feed-text:${d.fromFeedText}  claims +${r.claimsAdded} -${r.claimsRetracted}  failures ${r.failures.length}`;
  return r.llm ? `${line}\n  ${formatLlmStats(r.llm)}` : line;
}

/** The status text of recent runs and dead letters (newest first). */
export function formatStatus(runs: RunReport[], letters: DeadLetter[]): string {
  const lines = ['recent runs:', ...(runs.length ? runs.map(formatRun) : ['  (none)']), '', 'dead letters:'];
  lines.push(...(letters.length ? letters.map((l) => `${l.at}  ${l.job.padEnd(22)} ${l.reason.padEnd(18)} ${l.url}  ${l.message}`) : ['  (none)']));
  return lines.join('\n');
}

/** The status report `chokepoint ingest status` prints. */
export async function ingestStatus(store: GraphStore, limit = 20): Promise<{ text: string; runs: RunReport[] }> {
  const runs = await recentRuns(store, limit);
  return { text: formatStatus(runs, await recentDeadLetters(store, 50)), runs };
}

/** The logging the service needs (a pino logger fits). */
export interface IngestLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface IngestServiceOptions {
  /** the sources file (default ingest/sources.yaml) */
  sourcesPath?: string;
  /** let fetches reach loopback and private addresses (also `allowPrivate` in the sources file) */
  allowPrivate?: boolean;
  log: IngestLog;
  /** how long stop() waits for running jobs before giving up on them (default 15 s) */
  stopGraceMs?: number;
  /** where jobs with `extractor: llm` or `both` find the model: the environment (LLM_BASE_URL, LLM_MODEL, …) and the data directory for its cache */
  llm?: { env: Record<string, string | undefined>; dataDir: string };
}

/** A document handed over for ingest: a URL to fetch, or content keyed by its file name or URL. */
export interface HandedDocument {
  location: string;
  content?: Uint8Array;
  kind: DocumentKind;
}

/** The line printed for a job whose lease another worker holds. */
export const leaseHeldLine = (job: string) => `${job}: skipped, another worker holds its lease`;

/**
 * Ingest inside a process that owns the store (the server): the scheduled jobs of the sources
 * file under store leases, and the documents and job runs other processes hand over. stop()
 * ends scheduling and lets running work finish its current document before the store closes.
 */
export class IngestService {
  private config: SourcesConfig | null = null;
  private tasks: ScheduledTask[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly pipelines = new Set<IngestPipeline>();
  private stopped = false;
  /** the model the sources file's jobs ask for; null when none asks or it is not configured */
  private llm: LlmExtractor | null | undefined;

  constructor(
    private readonly store: GraphStore,
    private readonly opts: IngestServiceOptions,
  ) {
    // this process serves requests: fetched pages are parsed off its event loop
    useHtmlParsePool();
  }

  /** The sources file, read and validated once; errors name the file and the field. */
  sources(): SourcesConfig {
    this.config ??= loadSourcesConfig(this.opts.sourcesPath ?? DEFAULT_SOURCES);
    return this.config;
  }

  /**
   * The model for jobs that ask for one, built once. Not configured, it is said once in the log and
   * those jobs' documents are read by the rules, each with a dead letter saying why.
   */
  private llmExtractor(): LlmExtractor | undefined {
    if (this.llm !== undefined) return this.llm ?? undefined;
    const wanting = this.sources()
      .jobs.filter((j) => j.enabled && usesLlm(j.extractor))
      .map((j) => j.name);
    this.llm = null;
    if (!wanting.length) return undefined;
    try {
      if (!this.opts.llm) throw new InvalidInput('no model is configured for this process');
      this.llm = llmExtractorFromEnv(this.opts.llm.env, this.opts.llm.dataDir, `the ingest job "${wanting[0]}" (extractor: llm or both)`);
    } catch (err) {
      this.opts.log.error({ jobs: wanting }, `${(err as Error).message}; these jobs' documents are read by the rules`);
    }
    return this.llm ?? undefined;
  }

  /** Schedules the enabled jobs of the sources file with node-cron; returns how many. */
  schedule(): number {
    const config = this.sources();
    const pipeline = this.pipeline();
    const log = this.opts.log;
    this.tasks = scheduleJobs(
      config,
      pipeline,
      (o) => {
        if (!o.report) return log.info({ job: o.job }, leaseHeldLine(o.job));
        const r = o.report;
        log.info({ job: o.job, run: r.id, documents: r.documents, claimsAdded: r.claimsAdded, claimsRetracted: r.claimsRetracted, failures: r.failures.length }, 'ingest job finished');
        for (const f of r.failures) log.warn({ job: f.job, url: f.url, reason: f.reason }, `ingest failure: ${f.message}`);
      },
      async (job, err) => {
        const message = (err as Error).message ?? String(err);
        log.error({ job, err }, 'ingest job failed');
        await recordDeadLetter(this.store, { job, url: `job:${job}`, reason: 'job_error', message, at: new Date().toISOString() }).catch((e: unknown) =>
          log.error({ job, err: e }, 'could not record the dead letter of a failed job'),
        );
      },
      this.running,
    );
    return this.tasks.length;
  }

  /** Ingests documents handed over as one run named `job`, with the outcome of each document. */
  async ingestDocuments(docs: HandedDocument[], job = 'manual'): Promise<{ report: RunReport; outcomes: TargetOutcome[] }> {
    const outcomes: TargetOutcome[] = [];
    const report = await this.track(this.pipeline(), (p) =>
      p.run(
        job,
        docs.map((d) => ({ location: d.location, kind: d.kind, ...(d.content ? { content: d.content } : {}) })),
        (o) => outcomes.push(o),
      ),
    );
    return { report, outcomes };
  }

  /** Runs the named jobs of the sources file (every enabled one when none are named) once, under their leases. */
  async runJobs(names?: string[]): Promise<JobOutcome[]> {
    const config = this.sources();
    const unknown = names?.filter((n) => !config.jobs.some((j) => j.name === n));
    if (unknown?.length) throw new InvalidInput(`jobs: no job named ${unknown.join(', ')} in ${this.opts.sourcesPath ?? DEFAULT_SOURCES}`);
    return this.track(this.pipeline(), (p) => runAllOnce(config, p, names));
  }

  /** Stops scheduling, asks running work to end after its current document, and waits for it (bounded). */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.tasks.map((t) => t.stop()));
    for (const p of this.pipelines) p.stop();
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.opts.stopGraceMs ?? 15_000);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...this.running]), grace]);
    clearTimeout(timer);
  }

  private pipeline(): IngestPipeline {
    if (this.stopped) throw new StoreUnavailable('ingest is stopping: the server is shutting down');
    // the server reads no local path: handed documents carry their bytes, feed links are fetched
    const llm = this.config ? this.llmExtractor() : undefined;
    const pipeline = createPipeline(this.store, this.config, { allowPrivate: !!this.opts.allowPrivate, localFiles: false, ...(llm ? { llm } : {}) });
    this.pipelines.add(pipeline);
    return pipeline;
  }

  private async track<T>(pipeline: IngestPipeline, work: (p: IngestPipeline) => Promise<T>): Promise<T> {
    const result = work(pipeline);
    const done = result.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(done);
    try {
      return await result;
    } finally {
      this.running.delete(done);
      this.pipelines.delete(pipeline);
    }
  }
}
