// The analyses that walk the snapshot (dependencies, dependents, paths, exposure) and the
// expensive GraphQL queries as a whole (analysis-executor.ts: those fields, scenarios,
// chokepoints, search, timelines, and any query whose cost reaches the heavy threshold) run in a
// worker thread (piscina) that holds its own copy of the snapshot, sent once per graph version. An
// allowed but expensive request (a page of 1,000 relations with 100 each: 130–190 ms of execution
// and serialisation, and the garbage collection of it, measured on the serving thread) no longer
// holds the event loop while every other request waits: the worker has its own heap and its own
// collector. The work slots (work-slots.ts) still bound how many run or wait; the worker stops a
// task at its request's deadline, and a task that does not stop has its worker ended.
import { BroadcastChannel, MessageChannel, type MessagePort } from 'node:worker_threads';
import { TaskTimeout, WorkerPool } from '../server/worker-pool.js';
import type { Snapshot, SnapshotFollow } from '../../graph/snapshot.js';
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
  /** how long, after a snapshot sent whole has gone out, the workers may take to say they hold it (past it, tasks go anyway) */
  loadMs: number;
}

export const ANALYSIS_POOL_LIMITS: AnalysisPoolLimits = { threads: 2, nice: 5, graceMs: 1_000, loadMs: 120_000 };

/** graph versions whose holders the pool remembers (the versions tasks may still name) */
const HOLDERS_KEPT = 16;

/** pools made in this process (each names its own channel) */
let pools = 0;

type Answer<R> = { result: R } | { missing: true } | { late: true };

const WORKER = new URL('./analysis-worker.js', import.meta.url).href;

/** A query for the worker: the task without its port (each attempt gets a port of its own). */
export type QueryTask = Omit<ExecuteTask, 'port' | 'kind' | 'info'>;

/** Worker threads running the snapshot analyses and expensive queries. */
export class AnalysisPool {
  private readonly workers: WorkerPool;
  /** where a snapshot sent whole goes: every worker of the pool hears it */
  private readonly channel: BroadcastChannel;
  /** the graph version last sent to the workers (or patched there), settled once they hold it */
  private loaded: { version: string | number; done: Promise<void> } | null = null;
  /** the worker threads listening on the channel (by thread id) */
  private readonly workerIds = new Set<number>();
  /** the workers that said they hold a version (sent whole or patched there), for the last few versions */
  private readonly holders = new Map<string | number, Set<number>>();
  /** the workers that said they cannot make a version from a broadcast patch (they lack the version it leads from) */
  private readonly lacking = new Map<string | number, Set<number>>();
  /** told when a worker says it holds (or cannot make) a version, or ends: hand-overs waiting for every worker */
  private readonly listeners = new Set<() => void>();
  /** hand-overs that have finished */
  private readonly settledLoads = new WeakSet<Promise<void>>();
  /** the version the workers last finished taking whole (or made by patch), which a task may run on while a newer one is sent */
  private held: string | number | null = null;
  /** the version the last patch came from, which the workers keep beside it */
  private before: { version: string | number; done: Promise<void> } | null = null;
  /** graph versions handed over as a patch, and sent whole */
  private patched = 0;
  private sentWhole = 0;

  constructor(readonly limits: AnalysisPoolLimits = ANALYSIS_POOL_LIMITS) {
    this.channel = new BroadcastChannel(`chokepoint-analysis-snapshots-${process.pid}-${++pools}`);
    this.channel.unref();
    this.channel.onmessage = (event) => {
      const { ack, lacks, hello, id } = ((event as { data?: unknown }).data ?? {}) as { ack?: string | number; lacks?: string | number; hello?: boolean; id?: number };
      if (id === undefined) return;
      // a worker listening on the channel; it is sent what it lacks when a task finds it without
      if (hello) this.workerIds.add(id);
      if (ack !== undefined) this.holderSet(ack).add(id);
      else if (lacks !== undefined) this.versionSet(this.lacking, lacks).add(id);
      else return;
      this.notify();
    };
    this.workers = new WorkerPool(WORKER, limits.threads, limits.nice, { snapshots: this.channel.name }, (id) => {
      this.workerIds.delete(id);
      this.notify();
    });
  }

  /** Tells the hand-overs waiting on the workers' word that one spoke or ended. */
  private notify(): void {
    for (const heard of this.listeners) heard();
  }

  /** The workers that said they hold `version` (the oldest versions' sets are let go). */
  private holderSet(version: string | number): Set<number> {
    return this.versionSet(this.holders, version);
  }

  /** The set of workers kept for `version` in `sets`, made when missing (the oldest versions' sets are let go). */
  private versionSet(sets: Map<string | number, Set<number>>, version: string | number): Set<number> {
    let ids = sets.get(version);
    if (!ids) {
      sets.set(version, (ids = new Set()));
      for (const old of sets.keys()) if (sets.size > HOLDERS_KEPT) sets.delete(old);
    }
    return ids;
  }

  /**
   * Resolves once every worker in `expected` (those listening when the hand-over began: one started since is sent what
   * it lacks when a task finds it without) has said it holds `version` (or, for a broadcast patch, that it cannot make
   * it), or has ended; `atLeastOne`: a worker must have said it holds it. Past loadMs it resolves anyway (the tasks then
   * carry what a worker lacks, or find it missing and have it sent).
   */
  private everyWorkerTakes(version: string | number, atLeastOne: boolean, expected: readonly number[] = [...this.workerIds]): Promise<void> {
    const ids = this.holderSet(version);
    const unable = this.versionSet(this.lacking, version);
    if (!atLeastOne && !expected.length) return Promise.resolve();
    return new Promise<void>((resolve) => {
      // (the timer keeps the process alive until they answer: the channel does not)
      const timer = setTimeout(() => done(), this.limits.loadMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      const check = () => {
        if ((!atLeastOne || ids.size > 0) && expected.every((w) => ids.has(w) || unable.has(w) || !this.workerIds.has(w))) done();
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Whether every worker listening now has said it holds `version`. */
  private everyWorkerHolds(version: string | number): boolean {
    const ids = this.holders.get(version);
    return !!ids && ids.size > 0 && [...this.workerIds].every((w) => ids.has(w));
  }

  /** Resolves once a worker has started (it loads its modules: the analyses, the schema and the resolvers). */
  async start(): Promise<void> {
    await this.workers.start();
  }

  /**
   * Makes the workers hold `s` before it is served (the snapshot cache's hand-over of a whole-graph read): one patched
   * from the version they hold is broadcast as its shared buffers and taken by each worker between its tasks; any other
   * is sent whole. Resolves once every worker holds it, so the requests served the version before meanwhile never wait.
   */
  async prepare(s: Snapshot): Promise<void> {
    await this.workers.start();
    await this.holding(s, true);
  }

  /** Runs one task on the snapshot `s` in a worker; throws TIMEOUT past the deadline (epoch ms). */
  async run<K extends AnalysisTask['kind']>(s: Snapshot, task: Extract<AnalysisTask, { kind: K }>, deadline: number): Promise<AnalysisResults[K]> {
    return (await this.dispatch<AnalysisResults[K]>(s, () => ({ task, transfer: [] }), deadline)).result;
  }

  /**
   * Executes a GraphQL query on the snapshot `s` in a worker, its store reads answered here from
   * `store`; resolves to the serialised answer. Throws TIMEOUT when the worker is past the deadline.
   */
  async execute(s: Snapshot, store: GraphStore, query: QueryTask): Promise<ExecutedAnswer> {
    const ports: MessagePort[] = [];
    try {
      const { result, stale } = await this.dispatch<ExecutedAnswer>(
        s,
        () => {
          const { port1, port2 } = new MessageChannel();
          serveStoreReads(store, port1);
          ports.push(port1);
          const task: ExecuteTask = { ...query, kind: 'execute', info: store.info, port: port2 };
          return { task, transfer: [port2] };
        },
        query.deadline,
        true,
      );
      // an answer from the version before is sent, but never kept as the answer of this version
      return stale ? { ...result, seen: { ...result.seen, volatile: true } } : result;
    } finally {
      for (const port of ports) port.close();
    }
  }

  /**
   * Runs a task on `s` in a worker. `mayServeHeld`: while `s`, a whole-graph read, is being sent whole, the task
   * runs at once on the version the workers hold (the answer marked stale) instead of waiting for the hand-over;
   * only for tasks whose answer is complete in itself (an executed query), not indexes into `s`.
   */
  private async dispatch<R>(s: Snapshot, make: () => { task: AnalysisTask | ExecuteTask; transfer: MessagePort[] }, deadline: number, mayServeHeld = false): Promise<{ result: R; stale: boolean }> {
    // a cold start and the snapshot's hand-over do not count against the task's time
    await this.workers.start();
    const runAt = async (version: string | number, patch?: SnapshotFollow): Promise<Answer<R>> => {
      try {
        const { task, transfer } = make();
        return (await this.workers.run({ version, task, deadline, ...(patch ? { patch } : {}) }, Math.max(deadline - Date.now(), 0) + this.limits.graceMs, transfer)) as Answer<R>;
      } catch (err) {
        if (err instanceof TaskTimeout) throw outOfTime();
        throw err;
      }
    };
    const send = async (ready: Promise<void>): Promise<Answer<R>> => {
      await ready;
      // a patched snapshot goes with the task as its shared buffers and the values the patch added (the broadcast and a
      // task's port are not ordered: a worker holding the version before takes this one from either), until every worker
      // has said it holds the version
      const carried = s.patchedFrom && !this.everyWorkerHolds(s.version) ? s.toFollow() : undefined;
      return runAt(s.version, carried);
    };
    const ready = this.holding(s);
    const held = this.held;
    // (only for a snapshot read whole, never for one patched after a write: whoever wrote reads it back at once)
    if (mayServeHeld && !s.patchedFrom && held !== null && held !== s.version && !this.settledLoads.has(ready)) {
      const early = await runAt(held);
      if ('result' in early) return { result: early.result, stale: true };
    }
    let answer = await send(ready);
    // a worker started since (one ended at a deadline) is sent the snapshot again
    if ('missing' in answer) {
      this.loaded = null;
      this.before = null;
      this.held = null;
      answer = await send(this.holding(s));
    }
    if ('result' in answer) return { result: answer.result, stale: false };
    throw outOfTime();
  }

  /**
   * Resolves once the workers hold the snapshot `s`, or can take it: a snapshot patched from the version they hold is
   * taken there as its shared buffers and the values the patch added (Snapshot.toFollow: no copy of the graph, and no
   * patch made again in each worker), broadcast and carried by each task; any other is sent whole, once per graph version
   * (sendSnapshot). `paced` (a hand-over before `s` is served): this resolves once every worker has said it holds `s`.
   */
  private holding(s: Snapshot, paced = false): Promise<void> {
    if (this.loaded?.version === s.version) return this.loaded.done;
    // a request that began on the version a patch came from: the workers keep that one beside the patched one
    if (this.before?.version === s.version) return this.before.done;
    const prior = this.loaded;
    // the version patched from: the one the workers took last, or the one they keep beside it
    const base = [prior, this.before].find((l) => l && s.patchedFrom && l.version === s.patchedFrom.version);
    if (base) {
      const made = paced ? base.done.then(() => this.everyWorkerTakes(s.version, false)) : base.done;
      this.loaded = { version: s.version, done: made };
      this.before = base;
      this.patched++;
      // every worker takes it between its tasks, so none is left a version behind (a worker that ran no task of one version
      // could not take the next from it and would be sent the whole); each task carries it too
      this.channel.postMessage({ version: s.version, patch: s.toFollow(), ...(paced ? { paced: true } : {}) });
      void made.then(
        () => (this.held = s.version),
        () => undefined,
      );
      return made;
    }
    // the workers keep the version a whole send replaces for a while, for the requests that began on it
    this.before = prior;
    this.sentWhole++;
    // sent to every worker at once (a broadcast), each taking the slices between its tasks: a worker goes on answering on
    // the version it holds meanwhile, and a task of this version that comes before all slices waits there for the rest;
    // this settles once they are all sent
    const version = s.version;
    const done = (async () => {
      // the workers listening when the send began (one started since missed its first slices: a task finding it without
      // the version has it sent again); at least one must answer
      const expected = [...this.workerIds];
      await sendSnapshot(s, { postMessage: (slice: unknown) => this.channel.postMessage({ version, slice }) });
      // every worker running now holds it (the channel and a task's port are not ordered: a task sent before a worker
      // has the slices would find it without); a worker started since, or one that does not answer in time, is sent it again
      await this.everyWorkerTakes(version, true, expected);
    })();
    const loaded = { version: s.version, done };
    this.loaded = loaded;
    done.then(
      () => {
        this.settledLoads.add(done);
        if (this.loaded === loaded) this.held = s.version;
      },
      () => {
        if (this.loaded === loaded) this.loaded = null;
      },
    );
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
    this.held = null;
  }
}
