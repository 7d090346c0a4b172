// Ingest runs and dead letters, kept in the store's append-only log (GraphStore.appendLog /
// readLog) so `chokepoint ingest status` and GraphQL `ingestRuns` read the same records.
import { createHash } from 'node:crypto';
import type { GraphStore } from '../../graph/store.js';
import type { LlmStats } from '../extract/llm/extractor.js';

/** One input that failed, with a named reason; the rest of the run went on. */
export interface DeadLetter {
  job: string;
  url: string;
  /** a FetchFailure name, parse_error / ingest_error, or a model's failure (llm_timeout, llm_http, llm_network, llm_bad_response, llm_not_configured) */
  reason: string;
  message: string;
  at: string;
}

export interface RunReport {
  id: string;
  job: string;
  owner: string;
  startedAt: string;
  finishedAt: string;
  documents: { added: number; changed: number; unchanged: number; notModified: number; fromFeedText: number };
  claimsAdded: number;
  claimsRetracted: number;
  entitiesWritten: number;
  /** names seen with several candidate entities, left unresolved */
  ambiguous: string[];
  /** entities left out (with their facts) because the schema refused their props */
  skippedEntities: string[];
  failures: DeadLetter[];
  /** when a model read documents: its requests, cache hits, tokens (from the server's usage), latency and dropped facts by reason */
  llm?: LlmStats;
}

export const RUN_LOG = 'ingest-run';
export const DEAD_LETTER_LOG = 'ingest-dead-letter';
const cacheKind = (url: string) => `ingest-http-cache:${createHash('sha256').update(url).digest('hex').slice(0, 24)}`;

export type LogStore = Pick<GraphStore, 'appendLog' | 'readLog'>;

/** Records a finished run and its dead letters. */
export async function recordRun(store: LogStore, report: RunReport): Promise<void> {
  await store.appendLog(
    DEAD_LETTER_LOG,
    report.failures.map((f, i) => ({ id: `${report.id}:${i}`, at: f.at, data: f })),
  );
  await store.appendLog(RUN_LOG, [{ id: report.id, at: report.finishedAt, data: report }]);
}

/** The most recent runs, newest first. */
export async function recentRuns(store: LogStore, limit = 20): Promise<RunReport[]> {
  return (await store.readLog(RUN_LOG, limit)).map((e) => e.data as RunReport);
}

/** The most recent dead letters, newest first. */
export async function recentDeadLetters(store: LogStore, limit = 50): Promise<DeadLetter[]> {
  return (await store.readLog(DEAD_LETTER_LOG, limit)).map((e) => e.data as DeadLetter);
}

/** The HTTP validators last seen for a URL. */
export async function cachedValidators(store: LogStore, url: string): Promise<{ etag?: string; lastModified?: string }> {
  const [latest] = await store.readLog(cacheKind(url), 1);
  return (latest?.data as { etag?: string; lastModified?: string } | undefined) ?? {};
}

/** Remembers the HTTP validators of a URL for the next conditional request. */
export async function rememberValidators(store: LogStore, url: string, validators: { etag?: string; lastModified?: string }, at: string): Promise<void> {
  if (!validators.etag && !validators.lastModified) return;
  await store.appendLog(cacheKind(url), [{ id: 'latest', at, data: validators }]);
}

/** Records one dead letter outside a run (a job that failed as a whole, e.g. the store refused its run record). */
export async function recordDeadLetter(store: LogStore, letter: DeadLetter): Promise<void> {
  await store.appendLog(DEAD_LETTER_LOG, [{ id: `${letter.job}:${letter.at}:${createHash('sha256').update(letter.message).digest('hex').slice(0, 8)}`, at: letter.at, data: letter }]);
}
