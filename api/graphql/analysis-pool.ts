// The analyses that walk the snapshot (dependencies, dependents, paths, exposure) run in a worker
// thread (piscina) that holds its own copy of the snapshot, sent once per graph version: an
// allowed but expensive request (20 undirected paths of up to 10 hops: a quarter of a second of
// CPU on 2 busy cores) no longer holds the event loop while every other request waits. The work
// slots (work-slots.ts) still bound how many run or wait; the worker stops a task at its request's
// deadline, and a task that does not stop has its worker ended.
import { Piscina } from 'piscina';
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
  private pool: Piscina | null = null;
  /** the graph version last sent to the workers */
  private sent: string | number | null = null;
  /** settles once a worker has started, so a cold start does not count against a task's time */
  private started: Promise<unknown> | null = null;

  constructor(readonly limits: AnalysisPoolLimits = ANALYSIS_POOL_LIMITS) {}

  /** Runs one task on the snapshot `s` in a worker; throws TIMEOUT past the deadline (epoch ms). */
  async run<K extends AnalysisTask['kind']>(s: Snapshot, task: Extract<AnalysisTask, { kind: K }>, deadline: number): Promise<AnalysisResults[K]> {
    // idle workers are unref'd by piscina and end after a minute without work (their snapshot with them)
    this.pool ??= new Piscina({ filename: WORKER, minThreads: 0, maxThreads: this.limits.threads, idleTimeout: 60_000, niceIncrement: this.limits.nice });
    const pool = this.pool;
    await (this.started ??= pool.run(null).catch((err: unknown) => {
      this.started = null;
      throw err;
    }));
    const send = async (withSnapshot: boolean): Promise<Answer<K>> => {
      if (withSnapshot) this.sent = s.version;
      try {
        return (await pool.run(
          { version: s.version, packed: withSnapshot ? packSnapshot(s) : undefined, task, deadline },
          { signal: AbortSignal.timeout(Math.max(deadline - Date.now(), 0) + this.limits.graceMs) },
        )) as Answer<K>;
      } catch (err) {
        const name = (err as Error).name;
        if (name === 'AbortError' || name === 'TimeoutError') throw outOfTime();
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
    await this.pool?.destroy();
    this.pool = null;
    this.sent = null;
    this.started = null;
  }
}
