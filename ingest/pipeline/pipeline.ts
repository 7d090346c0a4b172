// The ingest pipeline: inputs (URLs or files) -> fetch -> source -> extraction -> one atomic store
// write per document. A document whose content hash is unchanged is skipped; a changed one
// retracts its old claims in the same write that adds the new ones. Every failure becomes a
// dead letter with a named reason, and the run goes on.
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { LeaseLost, type GraphStore, type Lease, type LeaseFence } from '../../graph/store.js';
import type { EntityRecord } from '../../schema/records.js';
import { LABELS } from '../../schema/generated/model.js';
import { InvalidInput } from '../../schema/errors.js';
import { Gazetteer } from '../extract/gazetteer.js';
import type { DocumentKind } from '../extract/extract.js';
import { extractParsedWith } from '../document.js';
import { LlmError } from '../extract/llm/client.js';
import { emptyStats, type LlmExtractor, type LlmStats } from '../extract/llm/extractor.js';
import type { ExtractorMode } from '../extract/llm/settings.js';
import { FetchError } from '../fetch/fetch-error.js';
import { Fetcher } from '../fetch/fetcher.js';
import { pickSource } from '../sources/index.js';
import { ParseLimitError } from '../sources/html-pool.js';
import type { FeedItem, ParsedDocument, RawInput } from '../sources/source.js';
import { cachedValidators, recordRun, rememberValidators, type DeadLetter, type RunReport } from './run-log.js';
import { storedInput, type InputOrigin } from './stored-input.js';
import { documentRecord, prepareWrite } from './to-batch.js';

export interface PipelineOptions {
  store: GraphStore;
  fetcher?: Fetcher;
  /** who runs this (for leases and run records) */
  owner?: string;
  now?: () => Date;
  /** progress callback: a label and how many inputs are done */
  progress?: (label: string, done: number, total?: number) => void;
  /** called after each document is written (tests use it to interrupt a run) */
  onDocument?: (url: string) => void;
  /**
   * Whether a target that is not an http(s) URL is read as a local file (default true: the
   * operator named it on the command line). A server sets false: documents handed to it come
   * with their bytes. Links found inside documents are never read locally either way.
   */
  localFiles?: boolean;
  /** what reads documents whose target names no extractor (default rules) */
  extractor?: ExtractorMode;
  /** the model, for targets read with `llm` or `both`; without it they are read by the rules and a dead letter says why */
  llm?: LlmExtractor;
}

export interface IngestTarget {
  /** a URL (fetched) or a file path (read); with content, the name the document is keyed by */
  location: string;
  kind?: DocumentKind;
  /** the document's bytes, handed over instead of being read or fetched */
  content?: Uint8Array;
  /** what reads it: the rules, a model, or both (default: the pipeline's) */
  extractor?: ExtractorMode;
}

/** What one target of a run produced (the run report's counters, for this target alone). */
export interface TargetOutcome {
  location: string;
  documents: RunReport['documents'];
  claimsAdded: number;
  claimsRetracted: number;
  failures: DeadLetter[];
}

type Outcome = 'added' | 'changed' | 'unchanged';

/** An input the run did not reach because the pipeline was stopped (a shutdown). */
class StoppedError extends Error {
  constructor() {
    super('not read: ingest was stopped (the process shut down) before this input');
  }
}

/** The lease a leased run writes under, and why it was lost (once it was). */
interface RunLease {
  fence: LeaseFence;
  lost: string | null;
}

/** Labels whose names a gazetteer holds: every label but documents (a text document's title is its first line, which would mask it). */
const NAMED_LABELS = LABELS.filter((l) => l !== 'Document');

const countersOf = (r: RunReport): TargetOutcome => ({ location: '', documents: { ...r.documents }, claimsAdded: r.claimsAdded, claimsRetracted: r.claimsRetracted, failures: [...r.failures] });

/** The difference between a report now and a copy of its counters taken before one target. */
function outcomeSince(location: string, before: TargetOutcome, r: RunReport): TargetOutcome {
  const d = r.documents;
  const b = before.documents;
  return {
    location,
    documents: {
      added: d.added - b.added,
      changed: d.changed - b.changed,
      unchanged: d.unchanged - b.unchanged,
      notModified: d.notModified - b.notModified,
      fromFeedText: d.fromFeedText - b.fromFeedText,
    },
    claimsAdded: r.claimsAdded - before.claimsAdded,
    claimsRetracted: r.claimsRetracted - before.claimsRetracted,
    failures: r.failures.slice(before.failures.length),
  };
}

/** A feed item's title and date, which its page falls back on. */
const itemDates = (item: FeedItem) => ({ ...(item.title ? { title: item.title } : {}), ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}) });

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Why a link found inside a document may not be fetched (only http(s) URLs may), or null when it may. */
export function documentLinkProblem(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return `"${link.slice(0, 200)}" is not an absolute http(s) URL; a link inside a document is never read as a local path`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol} links inside a document are not followed; only http(s) URLs are fetched`;
  return null;
}

export class IngestPipeline {
  readonly fetcher: Fetcher;
  private readonly owner: string;
  private readonly now: () => Date;
  private gazetteer: Gazetteer | null = null;
  /** the entities the gazetteer was built from: read once per run, then extended with what the run writes */
  private known: Map<string, EntityRecord> | null = null;
  private stopping = false;
  /** leased runs in progress, by job: their writes carry the lease's token */
  private readonly leases = new Map<string, RunLease>();
  /** the model's counters for the run in progress */
  private llmStats: LlmStats | null = null;

  constructor(private readonly opts: PipelineOptions) {
    this.fetcher = opts.fetcher ?? new Fetcher();
    this.owner = opts.owner ?? `ingest-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.now = opts.now ?? (() => new Date());
  }

  /**
   * The gazetteer of the store's names: the entities (no relations, no documents) read once per
   * run, page by page; entities the run writes are added in memory, never by reading again.
   */
  private async knownEntities(): Promise<Gazetteer> {
    this.known ??= new Map((await this.opts.store.entitiesOf(NAMED_LABELS)).map((e) => [e.id, e]));
    this.gazetteer ??= Gazetteer.build([...this.known.values()]);
    return this.gazetteer;
  }

  /** Ends runs early: each run finishes the document it is writing, records the inputs it did not reach, and returns. */
  stop(): void {
    this.stopping = true;
  }

  /** Whether stop() was called. */
  get stopped(): boolean {
    return this.stopping;
  }

  /** Ingests targets as one run named job; records the run and its dead letters; never throws for one bad input. */
  async run(job: string, targets: IngestTarget[], onTarget?: (outcome: TargetOutcome) => void): Promise<RunReport> {
    this.gazetteer = null;
    this.known = null;
    this.llmStats = null;
    const report: RunReport = {
      id: `${job}:${this.now().toISOString()}:${randomUUID().slice(0, 8)}`,
      job,
      owner: this.owner,
      startedAt: this.now().toISOString(),
      finishedAt: '',
      documents: { added: 0, changed: 0, unchanged: 0, notModified: 0, fromFeedText: 0 },
      claimsAdded: 0,
      claimsRetracted: 0,
      entitiesWritten: 0,
      ambiguous: [],
      skippedEntities: [],
      failures: [],
    };
    let done = 0;
    for (const target of targets) {
      const before = countersOf(report);
      const lost = this.leases.get(job)?.lost;
      if (this.stopping) this.fail(report, job, target.location, new StoppedError());
      else if (lost) this.fail(report, job, target.location, new LeaseLost(`not read: ${lost}`));
      else await this.ingestTarget(job, target, report, target.extractor ?? this.opts.extractor ?? 'rules');
      onTarget?.(outcomeSince(target.location, before, report));
      this.opts.progress?.(job, ++done, targets.length);
    }
    report.ambiguous = [...new Set(report.ambiguous)];
    if (this.llmStats) report.llm = this.llmStats;
    report.finishedAt = this.now().toISOString();
    await recordRun(this.opts.store, report);
    return report;
  }

  private fail(report: RunReport, job: string, url: string, err: unknown): void {
    const reason =
      err instanceof FetchError || err instanceof ParseLimitError || err instanceof LlmError
        ? err.reason
        : err instanceof InvalidInput
          ? 'parse_error'
          : err instanceof StoppedError
            ? 'stopped'
            : err instanceof LeaseLost
              ? 'lease_lost'
              : 'ingest_error';
    if (err instanceof LeaseLost) {
      // another worker runs this job now: the rest of this run is its, not ours
      const lease = this.leases.get(job);
      if (lease) lease.lost ??= err.message;
    }
    const message =
      err instanceof FetchError
        ? err.message.replace(`${err.reason}: ${err.url}: `, '')
        : err instanceof LlmError
          ? `${err.message}; the rules' records were written instead`
          : ((err as Error).message ?? String(err));
    const letter: DeadLetter = { job, url, reason, message, at: this.now().toISOString() };
    report.failures.push(letter);
  }

  private async load(location: string, report: RunReport, content?: Uint8Array): Promise<RawInput | null> {
    if (content) return { url: location, body: content };
    if (!isUrl(location)) {
      if (this.opts.localFiles === false) throw new FetchError('bad_url', location, 'not an http(s) URL, and this process reads no local files: send the document with its content');
      return { url: location, body: await readFile(location) };
    }
    const validators = await cachedValidators(this.opts.store, location);
    const res = await this.fetcher.fetch(location, validators);
    if (res.notModified) {
      report.documents.notModified++;
      return null;
    }
    await rememberValidators(this.opts.store, location, res.validators, this.now().toISOString());
    return { url: res.url, body: res.body, ...(res.contentType ? { contentType: res.contentType } : {}) };
  }

  private async ingestTarget(job: string, target: IngestTarget, report: RunReport, mode: ExtractorMode): Promise<void> {
    let input: RawInput | null;
    try {
      input = await this.load(target.location, report, target.content);
    } catch (err) {
      this.fail(report, job, target.location, err);
      return;
    }
    if (!input) return;
    try {
      const gazetteer = await this.knownEntities();
      const out = await pickSource(input, target.kind ?? 'auto').parse(input, { gazetteer });
      for (const doc of out.documents) await this.write(job, doc, report, { raw: input, readAs: target.kind ?? 'auto' }, mode);
      for (const item of out.items) {
        if (this.stopping) this.fail(report, job, item.link, new StoppedError());
        else await this.ingestItem(job, item, report, mode);
      }
    } catch (err) {
      this.fail(report, job, target.location, err);
    }
  }

  /** A feed item: its page when it can be fetched, else the item's own text. */
  private async ingestItem(job: string, item: FeedItem, report: RunReport, mode: ExtractorMode): Promise<void> {
    try {
      const problem = documentLinkProblem(item.link);
      // the link is the document's word, not the operator's: it is fetched under the guard or not at all
      if (problem) throw new FetchError('bad_url', item.link, problem);
      const input = await this.load(item.link, report);
      if (!input) return;
      const gazetteer = await this.knownEntities();
      const out = await pickSource(input, 'auto').parse(input, { gazetteer });
      for (const doc of out.documents)
        await this.write(
          job,
          { ...doc, title: doc.title ?? item.title, publishedAt: doc.publishedAt ?? item.publishedAt } as ParsedDocument,
          report,
          {
            raw: input,
            readAs: 'auto',
            ...itemDates(item),
          },
          mode,
        );
    } catch (err) {
      this.fail(report, job, item.link, err);
      if (!item.text) return;
      report.documents.fromFeedText++;
      const doc: ParsedDocument = {
        url: item.link,
        kind: 'feed',
        text: item.text,
        records: [],
        ...(item.title ? { title: item.title } : {}),
        ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
      };
      try {
        await this.write(job, doc, report, { feedItemText: item.text, url: item.link, ...itemDates(item) }, mode);
      } catch (err2) {
        this.fail(report, job, item.link, err2);
      }
    }
  }

  private async write(job: string, doc: ParsedDocument, report: RunReport, origin: InputOrigin, mode: ExtractorMode): Promise<Outcome> {
    const store = this.opts.store;
    for (const problem of doc.problems ?? []) report.failures.push({ job, url: doc.url, reason: 'bad_row', message: problem, at: this.now().toISOString() });
    const record = documentRecord(doc);
    const prior = (await store.getDocuments([record.id])).get(record.id);
    if (prior?.contentHash === record.contentHash) {
      report.documents.unchanged++;
      // a document read before inputs were kept gets its input now, with no version, so reextract reads it again
      if (!(await store.getDocumentInputs([record.id])).has(record.id)) await store.write({ inputs: [storedInput(record.id, job, origin)], ...this.fenceOf(job) });
      return 'unchanged';
    }
    const gazetteer = await this.knownEntities();
    const { llm } = this.opts;
    if (mode !== 'rules' && llm) this.llmStats ??= emptyStats(llm.id);
    const extraction = await extractParsedWith(doc, gazetteer, { mode, ...(llm ? { llm } : {}), ...(this.llmStats ? { stats: this.llmStats } : {}) }, doc.url);
    // the model failed: the rules' records are written, and the failure is a dead letter of its own
    if (extraction.error) this.fail(report, job, doc.url, extraction.error);
    const prepared = await prepareWrite(doc, extraction.records, store, { observedAt: this.now().toISOString().slice(0, 10), supersede: !!prior });
    // the input is kept beside the document so a newer extractor can read it again (reextract)
    const result = await store.write({ ...prepared.batch, inputs: [storedInput(record.id, job, origin, extraction.extractedWith)], ...this.fenceOf(job) });
    report.claimsAdded += result.claimsAdded;
    report.claimsRetracted += result.claimsRetracted;
    report.entitiesWritten += prepared.batch.entities?.length ?? 0;
    report.ambiguous.push(...prepared.ambiguous);
    report.skippedEntities.push(...prepared.skipped);
    // new entities become known to the rest of this run, without reading the store again
    if (prepared.batch.entities?.length && this.known) {
      for (const e of prepared.batch.entities) if (e.label !== 'Document') this.known.set(e.id, e);
      this.gazetteer = null;
    }
    const outcome: Outcome = prior ? 'changed' : 'added';
    report.documents[outcome]++;
    this.opts.onDocument?.(doc.url);
    return outcome;
  }

  private fenceOf(job: string): { fence?: LeaseFence } {
    const lease = this.leases.get(job);
    return lease ? { fence: lease.fence } : {};
  }

  /**
   * Takes the job's lease, runs it, releases it; returns null when another worker holds the lease.
   * The lease is renewed every third of its time while the run lives, and every write of the run
   * carries its token: once another worker has taken the lease, this run's writes are refused and
   * the inputs it has not reached are recorded as `lease_lost`.
   */
  async runLeased(job: string, targets: IngestTarget[], ttlMs = 30 * 60_000): Promise<RunReport | null> {
    const name = `ingest:${job}`;
    const granted = await this.opts.store.acquireLease(name, this.owner, ttlMs);
    if (!granted) return null;
    const lease: RunLease = { fence: { job: name, token: granted.token }, lost: null };
    this.leases.set(job, lease);
    const renewal = this.renewWhileRunning(granted, ttlMs, lease);
    try {
      return await this.run(job, targets);
    } finally {
      renewal.stop();
      if (this.leases.get(job) === lease) this.leases.delete(job);
      await this.opts.store.releaseLease(name, this.owner, granted.token);
    }
  }

  private renewWhileRunning(granted: Lease, ttlMs: number, lease: RunLease): { stop(): void } {
    let current = granted;
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const schedule = () => {
      timer = setTimeout(() => void renew(), Math.max(10, Math.floor(ttlMs / 3)));
      timer.unref();
    };
    const renew = async () => {
      try {
        const next = await this.opts.store.renewLease(current, ttlMs);
        if (next) current = next;
        else lease.lost ??= `lease ${granted.job}: grant ${granted.token} lapsed or was taken by another worker`;
      } catch {
        // a store that does not answer now may answer the next renewal; fencing refuses writes meanwhile if the lease lapses
      }
      if (!stopped && !lease.lost) schedule();
    };
    schedule();
    return {
      stop() {
        stopped = true;
        clearTimeout(timer);
      },
    };
  }
}
