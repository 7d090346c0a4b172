// The analyses that walk the snapshot (dependencies, dependents, paths, exposure) and the
// expensive GraphQL queries as a whole (analysis-executor.ts: those fields, scenarios,
// chokepoints, search, timelines, and any query whose cost reaches the heavy threshold) run in a
// worker thread (piscina) that holds its own copy of the snapshot, sent once per graph version. An
// allowed but expensive request (a page of 1,000 relations with 100 each: 130–190 ms of execution
// and serialisation, and the garbage collection of it, measured on the serving thread) no longer
// holds the event loop while every other request waits: the worker has its own heap and its own
// collector. The work slots (work-slots.ts) still bound how many run or wait; the worker stops a
// task at its request's deadline, and a task that does not stop has its worker ended.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { TaskTimeout, WorkerPool } from '../server/worker-pool.js';
import type { Snapshot } from '../../graph/snapshot.js';
import type { GraphStore } from '../../graph/store.js';
import { outOfTime, sendSnapshot, type AnalysisResults, type AnalysisTask } from './analysis-tasks.js';
import type { ExecuteTask, ExecutedAnswer } from './analysis-executor.js';
import { serveStoreReads } from './analysis-store.js';

export interface AnalysisPoolLimits {
  /** worker threads (each holds a copy of the snapshot) */
  threads: number;
  /** added to a task's CPU niceness (Unix): above 0 the event loop is served first */
  nice: number;
  /** how long past its request's deadline a task may run before its worker is ended */
  graceMs: number;
  /** how long sending a snapshot to a worker may take (it goes in slices, between requests) */
  loadMs: number;
}

export const ANALYSIS_POOL_LIMITS: AnalysisPoolLimits = { threads: 2, nice: 5, graceMs: 1_000, loadMs: 120_000 };

type Answer<R> = { result: R } | { missing: true } | { late: true };

const WORKER = new URL('./analysis-worker.js', import.meta.url).href;

/** A query for the worker: the task without its port (each attempt gets a port of its own). */
export type QueryTask = Omit<ExecuteTask, 'port' | 'kind' | 'info'>;

/** Worker threads running the snapshot analyses and expensive queries. */
export class AnalysisPool {
  private readonly workers: WorkerPool;
  /** the graph version last sent to the workers (or patched there), settled once they hold it */
  private loaded: { version: string | number; done: Promise<void> } | null = null;
  /** the version the last patch came from, which the workers keep beside it */
  private before: { version: string | number; done: Promise<void> } | null = null;
  /** graph versions handed over as a patch, and sent whole */
  private patched = 0;
  private sentWhole = 0;

  constructor(readonly limits: AnalysisPoolLimits = ANALYSIS_POOL_LIMITS) {
    this.workers = new WorkerPool(WORKER, limits.threads, limits.nice);
  }

  /** Resolves once a worker has started (it loads its modules: the analyses, the schema and the resolvers). */
  async start(): Promise<void> {
    await this.workers.start();
  }

  /** Runs one task on the snapshot `s` in a worker; throws TIMEOUT past the deadline (epoch ms). */
  async run<K extends AnalysisTask['kind']>(s: Snapshot, task: Extract<AnalysisTask, { kind: K }>, deadline: number): Promise<AnalysisResults[K]> {
    return this.dispatch<AnalysisResults[K]>(s, () => ({ task, transfer: [] }), deadline);
  }

  /**
   * Executes a GraphQL query on the snapshot `s` in a worker, its store reads answered here from
   * `store`; resolves to the serialised answer. Throws TIMEOUT when the worker is past the deadline.
   */
  async execute(s: Snapshot, store: GraphStore, query: QueryTask): Promise<ExecutedAnswer> {
    const ports: MessagePort[] = [];
    try {
      return await this.dispatch<ExecutedAnswer>(
        s,
        () => {
          const { port1, port2 } = new MessageChannel();
          serveStoreReads(store, port1);
          ports.push(port1);
          const task: ExecuteTask = { ...query, kind: 'execute', info: store.info, port: port2 };
          return { task, transfer: [port2] };
        },
        query.deadline,
      );
    } finally {
      for (const port of ports) port.close();
    }
  }

  private async dispatch<R>(s: Snapshot, make: () => { task: AnalysisTask | ExecuteTask; transfer: MessagePort[] }, deadline: number): Promise<R> {
    // a cold start and the snapshot's hand-over do not count against the task's time
    await this.workers.start();
    const send = async (): Promise<Answer<R>> => {
      await this.holding(s);
      try {
        const { task, transfer } = make();
        // a patched snapshot's patch goes with the task: a worker holding the version before makes this one itself
        const patch = s.patchedFrom ? { from: s.patchedFrom.version, changes: s.patchedFrom.changes } : undefined;
        return (await this.workers.run({ version: s.version, task, deadline, ...(patch ? { patch } : {}) }, Math.max(deadline - Date.now(), 0) + this.limits.graceMs, transfer)) as Answer<R>;
      } catch (err) {
        if (err instanceof TaskTimeout) throw outOfTime();
        throw err;
      }
    };
    let answer = await send();
    // a worker started since (one ended at a deadline) is sent the snapshot again
    if ('missing' in answer) {
      this.loaded = null;
      this.before = null;
      answer = await send();
    }
    if ('result' in answer) return answer.result;
    throw outOfTime();
  }

  /**
   * Resolves once the workers hold the snapshot `s`, or can make it: a snapshot patched from the version they hold
   * is made there from the patch each task carries (the change log's few records, not the graph); any other is
   * sent whole, once per graph version, in slices between requests (sendSnapshot).
   */
  private holding(s: Snapshot): Promise<void> {
    if (this.loaded?.version === s.version) return this.loaded.done;
    // a request that began on the version a patch came from: the workers keep that one beside the patched one
    if (this.before?.version === s.version) return this.before.done;
    const prior = this.loaded;
    if (prior && s.patchedFrom && prior.version === s.patchedFrom.version) {
      this.loaded = { version: s.version, done: prior.done };
      this.before = prior;
      this.patched++;
      return prior.done;
    }
    this.before = null;
    this.sentWhole++;
    const done = (async () => {
      const { port1, port2 } = new MessageChannel();
      try {
        const sending = sendSnapshot(s, port1);
        await Promise.all([this.workers.run({ load: port2 }, this.limits.loadMs, [port2]), sending]);
      } finally {
        port1.close();
      }
    })();
    const loaded = { version: s.version, done };
    this.loaded = loaded;
    done.catch(() => {
      if (this.loaded === loaded) this.loaded = null;
    });
    return done;
  }

  /** How the graph versions reached the workers so far: patched there, or sent whole. */
  handovers(): { patched: number; sentWhole: number } {
    return { patched: this.patched, sentWhole: this.sentWhole };
  }

  /** Ends the workers. */
  async close(): Promise<void> {
    await this.workers.close();
    this.loaded = null;
    this.before = null;
  }
}
