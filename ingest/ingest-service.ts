// What the CLI and the server call: a pipeline configured from sources.yaml (or given fetch
// settings) over a store, and a readable status of recent runs and dead letters.
import type { GraphStore } from '../graph/store.js';
import { Fetcher, type FetchOptions } from './fetch/fetcher.js';
import { IngestPipeline } from './pipeline/pipeline.js';
import { recentDeadLetters, recentRuns, type RunReport } from './pipeline/run-log.js';
import type { SourcesConfig } from './scheduler/config.js';

/** A pipeline with the fetch settings of a sources file, optionally allowing private addresses. */
export function createPipeline(
  store: GraphStore,
  config: SourcesConfig | null,
  opts: { allowPrivate?: boolean; progress?: (label: string, done: number, total?: number) => void; fetch?: Partial<FetchOptions> } = {},
): IngestPipeline {
  const settings = config?.defaults.fetch ?? {};
  const fetcher = new Fetcher({ ...settings, ...(opts.fetch ?? {}), ...(opts.allowPrivate !== undefined ? { allowPrivate: opts.allowPrivate || !!settings.allowPrivate } : {}) });
  return new IngestPipeline({ store, fetcher, ...(opts.progress ? { progress: opts.progress } : {}) });
}

/** One line per run: when, job, documents and claims, failures. */
export function formatRun(r: RunReport): string {
  const d = r.documents;
  return `${r.finishedAt}  ${r.job.padEnd(22)} docs +${d.added} ~${d.changed} =${d.unchanged} 304:${d.notModified} feed-text:${d.fromFeedText}  claims +${r.claimsAdded} -${r.claimsRetracted}  failures ${r.failures.length}`;
}

/** The status report `chokepoint ingest status` prints. */
export async function ingestStatus(store: GraphStore, limit = 20): Promise<{ text: string; runs: RunReport[] }> {
  const runs = await recentRuns(store, limit);
  const letters = await recentDeadLetters(store, 50);
  const lines = ['recent runs:', ...(runs.length ? runs.map(formatRun) : ['  (none)']), '', 'dead letters:'];
  lines.push(...(letters.length ? letters.map((l) => `${l.at}  ${l.job.padEnd(22)} ${l.reason.padEnd(18)} ${l.url}  ${l.message}`) : ['  (none)']));
  return { text: lines.join('\n'), runs };
}
