// The analyses that walk the snapshot (dependencies, dependents, paths, exposure) run in a worker
// thread (piscina) that holds its own copy of the snapshot, sent once per graph version: an
// allowed but expensive request (20 undirected paths of up to 10 hops: a quarter of a second of
// CPU on 2 busy cores) no longer holds the event loop while every other request waits. The work
// slots (work-slots.ts) still bound how many run or wait; the worker stops a task at its request's
// deadline, and a task that does not stop has its worker ended.
import { TaskTimeout, WorkerPool } from '../server/worker-pool.js';
import type { Snapshot } from '../../graph/snapshot.js';
import { outOfTime, packSnapshot, type AnalysisResults, type AnalysisTask } from './analysis-tasks.js';

export interface AnalysisPoolLimits {
  /** worker threads (each holds a copy of the snapshot) */
  threads: number;
  /** added to a task's CPU niceness (Unix): above 0 the event loop is served first */
  nice: number;
  /** how long past its request's deadline a task may run before its worker is ended */
  graceMs: number;
}

export const ANALYSIS_POOL_LIMITS: AnalysisPoolLimits = { threads: 1, nice: 5, graceMs: 1_000 };

type Answer<K extends AnalysisTask['kind']> = { result: AnalysisResults[K] } | { missing: true } | { late: true };

const WORKER = new URL('./analysis-worker.js', import.meta.url).href;

/** Worker threads running the snapshot analyses. */
export class AnalysisPool {
  private readonly workers: WorkerPool;
  /** the graph version last sent to the workers */
  private sent: string | number | null = null;

  constructor(readonly limits: AnalysisPoolLimits = ANALYSIS_POOL_LIMITS) {
    this.workers = new WorkerPool(WORKER, limits.threads, limits.nice);
  }

  /** Runs one task on the snapshot `s` in a worker; throws TIMEOUT past the deadline (epoch ms). */
  async run<K extends AnalysisTask['kind']>(s: Snapshot, task: Extract<AnalysisTask, { kind: K }>, deadline: number): Promise<AnalysisResults[K]> {
    // a cold start does not count against the task's time
    await this.workers.start();
    const send = async (withSnapshot: boolean): Promise<Answer<K>> => {
      if (withSnapshot) this.sent = s.version;
      try {
        const message = { version: s.version, packed: withSnapshot ? packSnapshot(s) : undefined, task, deadline };
        return (await this.workers.run(message, Math.max(deadline - Date.now(), 0) + this.limits.graceMs)) as Answer<K>;
      } catch (err) {
        if (err instanceof TaskTimeout) throw outOfTime();
        throw err;
      }
    };
    let answer = await send(this.sent !== s.version);
    // a worker started since (or one that never had this version) is sent the snapshot
    if ('missing' in answer) answer = await send(true);
    if ('result' in answer) return answer.result;
    throw outOfTime();
  }

  /** Ends the workers. */
  async close(): Promise<void> {
    await this.workers.close();
    this.sent = null;
  }
}
