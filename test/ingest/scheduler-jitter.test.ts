// Scheduled runs start after a random pause of up to defaults.jitterSeconds, so replicas on one
// schedule do not all reach for the lease in the same second; a shutdown during the pause starts
// no run.
import { describe, expect, it } from 'vitest';
import type { IngestPipeline } from '../../ingest/pipeline/pipeline.js';
import { sourcesConfigSchema } from '../../ingest/scheduler/config.js';
import { scheduleJobs } from '../../ingest/scheduler/scheduler.js';

/** A pipeline that records when each leased run started. */
function recordingPipeline() {
  const starts: number[] = [];
  let stopped = false;
  const pipeline = {
    get stopped() {
      return stopped;
    },
    stop: () => {
      stopped = true;
    },
    runLeased: async () => {
      starts.push(Date.now());
      return null;
    },
  };
  return { pipeline: pipeline as unknown as IngestPipeline, starts, stop: () => pipeline.stop() };
}

const config = (jitterSeconds: number) => sourcesConfigSchema.parse({ defaults: { schedule: '* * * * * *', jitterSeconds }, jobs: [{ name: 'tick', urls: ['https://example.org/feed.xml'] }] });

describe('scheduled runs with jitter', () => {
  it('defaults to a pause of up to 30 s', () => {
    expect(sourcesConfigSchema.parse({ jobs: [] }).defaults.jitterSeconds).toBe(30);
  });

  it('starts a run the chosen fraction of the jitter after the schedule fires', { timeout: 10_000 }, async () => {
    const { pipeline, starts } = recordingPipeline();
    const fired: number[] = [];
    const tasks = scheduleJobs(
      config(2),
      pipeline,
      () => undefined,
      () => undefined,
      new Set(),
      () => {
        fired.push(Date.now());
        return 0.5;
      },
    );
    while (starts.length === 0) await new Promise((r) => setTimeout(r, 50));
    for (const t of tasks) await t.stop();
    expect(starts[0]! - fired[0]!).toBeGreaterThanOrEqual(950);
  });

  it('starts no run when the pipeline stops during the pause', { timeout: 10_000 }, async () => {
    const { pipeline, starts, stop } = recordingPipeline();
    const running = new Set<Promise<void>>();
    let fired = false;
    const tasks = scheduleJobs(
      config(60),
      pipeline,
      () => undefined,
      () => undefined,
      running,
      () => {
        fired = true;
        return 0.99;
      },
    );
    while (!fired) await new Promise((r) => setTimeout(r, 20));
    for (const t of tasks) await t.stop();
    stop();
    const t0 = Date.now();
    await Promise.all(running);
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(starts).toEqual([]);
  });
});
