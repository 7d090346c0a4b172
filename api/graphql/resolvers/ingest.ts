// Ingest over GraphQL: the run log (ingestRuns, deadLetters) and the hand-off of work to the
// process that owns the store (ingestDocuments, runIngestJobs; editor role). Inputs are checked
// with zod and capped in count and size before anything is read.
import { z } from 'zod';
import { InvalidInput, StoreUnavailable } from '../../../schema/errors.js';
import type { IngestService } from '../../../ingest/ingest-service.js';
import { recentDeadLetters, recentRuns } from '../../../ingest/pipeline/run-log.js';
import type { TargetOutcome } from '../../../ingest/pipeline/pipeline.js';
import { graphMoved, type GraphContext } from '../context.js';
import type { IngestDocumentOutcome, MutationResolvers, QueryResolvers } from '../generated.js';
import { requireEditor, requireKey } from '../auth.js';
import { pageSize, parseInput as parse } from '../entity-types.js';
import { listConnection } from '../connections.js';
import { KIND_CHOICES as KINDS } from '../../../ingest/sources/kinds.js';

/** The ingest limits of one hand-off call (the per-document cap is the fetcher's default response cap). */
export const INGEST_LIMITS = { documentsPerCall: 20, bytesPerDocument: 5 * 1024 * 1024 } as const;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const documentInput = z
  .object({
    source: z.string().trim().min(1, 'expected a URL or a file name'),
    content: z.string().nullish(),
    contentBase64: z.string().regex(BASE64, 'expected base64').nullish(),
    kind: z.enum(KINDS).nullish(),
  })
  .refine((d) => d.content == null || d.contentBase64 == null, { message: 'give content or contentBase64, not both', path: ['content'] })
  .refine((d) => d.content != null || d.contentBase64 != null || /^https?:\/\//i.test(d.source), {
    message: 'without content the source must be an http(s) URL for the server to fetch',
    path: ['source'],
  });

const documentsInput = z.array(documentInput).min(1, 'give at least one document').max(INGEST_LIMITS.documentsPerCall, `at most ${INGEST_LIMITS.documentsPerCall} documents per call`);
const jobsInput = z.array(z.string().trim().min(1)).max(100).nullish();

/** The bytes of one document, refused above the cap with the document named. */
function bytesOf(d: z.infer<typeof documentInput>, i: number): Uint8Array | undefined {
  const bytes = d.contentBase64 != null ? Buffer.from(d.contentBase64, 'base64') : d.content != null ? Buffer.from(d.content, 'utf8') : undefined;
  if (bytes && bytes.byteLength > INGEST_LIMITS.bytesPerDocument)
    throw new InvalidInput(`documents.${i}.content: ${d.source} is ${bytes.byteLength} bytes; the limit is ${INGEST_LIMITS.bytesPerDocument} bytes per document`);
  return bytes;
}

/** One word for what a document's outcome was. */
function statusOf(o: TargetOutcome): string {
  const d = o.documents;
  const written = d.added + d.changed + d.fromFeedText;
  if (o.failures.length) return written || d.unchanged ? 'partial' : 'failed';
  if (d.added) return 'added';
  if (d.changed) return 'changed';
  if (d.notModified && !d.unchanged) return 'not_modified';
  return 'unchanged';
}

const outcome = (o: TargetOutcome): IngestDocumentOutcome => ({
  source: o.location,
  status: statusOf(o),
  documents: o.documents,
  claimsAdded: o.claimsAdded,
  claimsRetracted: o.claimsRetracted,
  failures: o.failures,
});

/** The ingest of the server answering. */
function ingestOf(ctx: GraphContext): IngestService {
  if (!ctx.ingest) throw new StoreUnavailable('ingest does not run here: hand documents to a chokepoint server');
  return ctx.ingest;
}

/** How much of the log the connections page through: the newest entries the store reads at once. */
const LOG_WINDOW = 10_000;

export const ingestQueries: Pick<QueryResolvers, 'ingestRuns' | 'deadLetters' | 'ingestRunsConnection' | 'deadLettersConnection'> = {
  ingestRuns: async (_p, args, ctx) => {
    requireKey(ctx.role);
    // the run log grows without the graph version moving: never cached
    ctx.seen.volatile = true;
    return recentRuns(ctx.store, pageSize(args.first, 20, 200));
  },
  deadLetters: async (_p, args, ctx) => {
    requireKey(ctx.role);
    ctx.seen.volatile = true;
    return recentDeadLetters(ctx.store, pageSize(args.first, 50, 500));
  },
  ingestRunsConnection: async (_p, args, ctx) => {
    requireKey(ctx.role);
    ctx.seen.volatile = true;
    return listConnection(await recentRuns(ctx.store, LOG_WINDOW), (r) => [r.finishedAt, r.id], [true], args, 'Query.ingestRunsConnection', ctx.meter);
  },
  deadLettersConnection: async (_p, args, ctx) => {
    requireKey(ctx.role);
    ctx.seen.volatile = true;
    // a failure has no id of its own: its time, job, URL and message tell it apart
    return listConnection(await recentDeadLetters(ctx.store, LOG_WINDOW), (d) => [d.at, `${d.job} ${d.url} ${d.message}`], [true], args, 'Query.deadLettersConnection', ctx.meter);
  },
};

export const ingestMutations: Pick<MutationResolvers, 'ingestDocuments' | 'runIngestJobs'> = {
  ingestDocuments: async (_p, args, ctx) => {
    requireEditor(ctx.role);
    const docs = parse(documentsInput, args.documents, 'documents');
    const handed = docs.map((d, i) => {
      const content = bytesOf(d, i);
      return { location: d.source, kind: d.kind ?? 'auto', ...(content ? { content } : {}) };
    });
    ctx.seen.unbounded = true;
    ctx.seen.volatile = true;
    const { report, outcomes } = await ingestOf(ctx).ingestDocuments(handed);
    // the work of a hand-off may move the graph and always moves the run log
    graphMoved(ctx);
    ctx.logger.info({ run: report.id, documents: report.documents, failures: report.failures.length }, 'ingested documents handed over');
    return { run: report, documents: outcomes.map(outcome) };
  },
  runIngestJobs: async (_p, args, ctx) => {
    requireEditor(ctx.role);
    const jobs = parse(jobsInput, args.jobs, 'jobs');
    ctx.seen.unbounded = true;
    ctx.seen.volatile = true;
    const outcomes = await ingestOf(ctx).runJobs(jobs?.length ? jobs : undefined);
    // the work of a hand-off may move the graph and always moves the run log
    graphMoved(ctx);
    return outcomes.map((o) => ({ job: o.job, run: o.report }));
  },
};
