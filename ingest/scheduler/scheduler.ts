// Runs the configured jobs: once each (--once), or on their cron schedules with node-cron. A job
// runs only under its lease in the store, so two workers never run the same job at once, and
// node-cron's noOverlap keeps one process from starting a job that is still running. A scheduled
// run starts after a random pause (defaults.jitterSeconds), so replicas with one schedule do not
// all reach for the lease in the same second.
import cron, { type ScheduledTask } from 'node-cron';
import type { RunReport } from '../pipeline/run-log.js';
import type { IngestPipeline } from '../pipeline/pipeline.js';
import type { JobConfig, SourcesConfig } from './config.js';

export interface JobOutcome {
  job: string;
  /** null when another worker held the lease */
  report: RunReport | null;
}

const targets = (job: JobConfig) => job.urls.map((location) => ({ location, kind: job.kind, ...(job.extractor ? { extractor: job.extractor } : {}) }));

/** Runs every enabled job once, one after another; one failing job never stops the others. */
export async function runAllOnce(config: SourcesConfig, pipeline: IngestPipeline, only?: string[]): Promise<JobOutcome[]> {
  const out: JobOutcome[] = [];
  for (const job of config.jobs) {
    if (!job.enabled || (only && !only.includes(job.name))) continue;
    out.push({ job: job.name, report: await pipeline.runLeased(job.name, targets(job)) });
  }
  return out;
}

/** Waits ms, or less when the pipeline is stopped meanwhile (a shutdown never waits out a pause); true when it was stopped. */
async function pause(ms: number, pipeline: IngestPipeline): Promise<boolean> {
  const until = Date.now() + ms;
  while (!pipeline.stopped && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, Math.min(250, until - Date.now())));
  return pipeline.stopped;
}

/**
 * Schedules every enabled job; returns the tasks so the caller can stop them. Each run's promise
 * sits in `running` while it lasts, so a shutdown can wait for it before closing the store.
 * `random` (tests) picks the pause before each run as a fraction of the jitter.
 */
export function scheduleJobs(
  config: SourcesConfig,
  pipeline: IngestPipeline,
  onOutcome: (o: JobOutcome) => void | Promise<void>,
  onError: (job: string, err: unknown) => void | Promise<void>,
  running: Set<Promise<void>> = new Set(),
  random: () => number = Math.random,
): ScheduledTask[] {
  const jitterMs = (config.defaults.jitterSeconds ?? 0) * 1000;
  const runJob = async (job: JobConfig) => {
    if (jitterMs > 0 && (await pause(Math.floor(random() * jitterMs), pipeline))) return;
    try {
      await onOutcome({ job: job.name, report: await pipeline.runLeased(job.name, targets(job)) });
    } catch (err) {
      await onError(job.name, err);
    }
  };
  return config.jobs
    .filter((j) => j.enabled)
    .map((job) =>
      cron.schedule(
        job.schedule ?? config.defaults.schedule,
        async () => {
          const run = runJob(job);
          running.add(run);
          try {
            await run;
          } finally {
            running.delete(run);
          }
        },
        { name: job.name, noOverlap: true },
      ),
    );
}
