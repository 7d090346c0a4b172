// The embedded store's executor on the serving thread: Grafeo itself runs in a worker thread of its
// own (grafeo-worker.js, which serves the GrafeoExecutor of grafeo-local.ts through grafeo-serve.ts),
// and each call is a message. Measured with Grafeo on the serving thread: a whole-graph read took
// 2–20 ms blocks of the event loop, mostly turning Grafeo's results into JS objects (toArray and
// normalise) and the young-generation collections that garbage caused; a page of 2,000 rows cost
// the serving thread 4.9 ms that way, 2.1 ms received from a thread by structured clone. Writes
// keep their one queue here: write(work) begins a transaction in the thread, each tx.run is a round
// trip, then it commits (or rolls back when work throws). A thread that ends (a crash, or
// terminate()) fails every pending and later call with StoreUnavailable naming why. The thread does
// not keep the process alive while no call waits on it.
//
// Grafeo's native module aborts the whole process when a thread is ended while one of its calls runs
// (its async work is dropped with the thread's environment). So the thread is never ended during a
// call: the two threads share a counter of the calls the thread is running and a flag that stops it
// from starting more, and whatever ends the thread (close, the test hook, a failure in it, the
// process exiting) first sets the flag and waits for the counter to reach 0.
import { Worker } from 'node:worker_threads';
import { errorFromWire, StoreUnavailable, type WireError } from '../../schema/errors.js';
import type { CypherExecutor, CypherTx, Row, TextQuery } from '../cypher/cypher-store.js';
import type { StoreInfo } from '../store.js';
import type { SnapshotWire } from '../snapshot.js';
import type { GrafeoOpenOptions } from './grafeo-local.js';
import { grafeoLocation } from './open-errors.js';
import { WriteQueue } from './write-queue.js';

/** What the serving thread asks of the store's thread (each with an id, answered once). */
export type Call =
  | { op: 'read'; query: string; params: Record<string, unknown> }
  | { op: 'begin' }
  | { op: 'run'; tx: number; query: string; params: Record<string, unknown> }
  | { op: 'commit'; tx: number }
  | { op: 'rollback'; tx: number }
  | { op: 'batches'; steps: readonly { batched: string; single: string }[] }
  | { op: 'migrate'; statements: string[] }
  | { op: 'search'; queries: readonly TextQuery[] }
  /** a read whose rows come back in slices: the first, then one per `more` */
  | { op: 'slices'; query: string; params: Record<string, unknown> }
  | { op: 'more'; cursor: number }
  /** the rest of a read in slices is not wanted */
  | { op: 'drop'; cursor: number }
  /** the whole-graph snapshot, read and packed in the thread (pages of at most pageSize entities) */
  | { op: 'snapshot'; pageSize: number }
  | { op: 'close' };

/** One slice of a read in slices: its rows (normalised in the thread), and whether it is the last. */
export interface Slice {
  cursor: number;
  rows: Row[];
  done: boolean;
}

/** What each call resolves to. */
export interface Results {
  read: Row[];
  /** the transaction's id */
  begin: number;
  run: Row[];
  commit: void;
  rollback: void;
  batches: void;
  migrate: void;
  search: { id: string; score: number }[][];
  slices: Slice;
  more: Slice;
  drop: void;
  snapshot: SnapshotWire;
  close: void;
}

export type Request = Call & { id: number };
/** The thread's answer to a request; id 0 answers the opening of the database (sent unasked when the thread starts), FATAL says the thread is failing. */
export type Answer = { id: number; value: unknown } | { id: number; error: WireError };
export const FATAL = -1;

/** What the thread is given: where to open the database, and the state both threads share (indexes below). */
export interface ThreadData {
  open: GrafeoOpenOptions;
  /** an Int32Array's buffer: [RUNNING, HALTED, CLOSING] */
  state: SharedArrayBuffer;
}
/** the calls the thread has started and not yet answered */
export const RUNNING = 0;
/** 1 once the thread may start no more calls (it is about to end) */
export const HALTED = 1;
/** 1 once the store is closing: a snapshot being built stops at its next page (close does not wait for a whole read) */
export const CLOSING = 2;

/** How long a process that exits waits for the calls its store threads are running (Grafeo's calls are short; a process must not hang on one that is not). */
const EXIT_WAIT_MS = 10_000;

/** The executors whose thread runs, halted when the process exits (one listener for all of them). */
const running = new Set<GrafeoThreadExecutor>();
let exitHooked = false;

/** Resolves once `state[index]` is no longer `value` (Atomics.waitAsync: ES2024, in Node 20). */
function waitAsync(state: Int32Array, index: number, value: number): Promise<unknown> {
  const wait = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number): { async: boolean; value: Promise<unknown> | string } }).waitAsync(state, index, value);
  return wait.async ? (wait.value as Promise<unknown>) : Promise.resolve();
}

/** The thread's script: a plain .js file beside this one that loads the TypeScript through tsx (threads do not share the serving thread's loader). */
const WORKER = new URL('./grafeo-worker.js', import.meta.url);

const CLOSED = 'the embedded store is closed';

/** The embedded store's executor, with Grafeo in a thread of its own. */
export class GrafeoThreadExecutor implements CypherExecutor {
  private readonly queue = new WriteQueue();
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  /** told when the last pending call is answered (close waits for them) */
  private drained: (() => void)[] = [];
  private next = 1;
  private closing: Promise<void> | null = null;
  /** why no call can be answered any more: the store was closed, or its thread ended */
  private ended: StoreUnavailable | null = null;

  private constructor(
    private readonly worker: Worker,
    /** shared with the thread: [RUNNING, HALTED] */
    private readonly state: Int32Array,
    readonly info: StoreInfo,
  ) {
    // referenced only while a call waits on the thread (call, answer): an idle open store lets the process exit, as one
    // on the serving thread did
    worker.unref();
    worker.on('message', (a: Answer) => this.answer(a));
    worker.on('error', (err: Error) => this.fail(`its thread failed: ${err.message}`));
    worker.on('messageerror', (err: Error) => {
      // an answer that could not be read leaves its call without one: the thread is ended rather than a call left hanging
      this.fail(`an answer of its thread could not be read: ${err.message}`);
      void this.end();
    });
    worker.on('exit', (code: number) => {
      running.delete(this);
      this.fail(`its thread exited (code ${code})`);
    });
    running.add(this);
    if (!exitHooked) {
      exitHooked = true;
      process.on('exit', () => {
        for (const x of running) x.haltNow();
      });
    }
  }

  /** Starts the thread and opens the database file in it (the open errors of open-errors.ts, as they are). */
  static async open(opts: GrafeoOpenOptions): Promise<GrafeoThreadExecutor> {
    const state = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
    const worker = new Worker(WORKER, {
      // the thread loads its own TypeScript (grafeo-worker.js): a loader the process was started with (tsx's --import) is
      // not loaded in it again
      execArgv: [],
      workerData: { open: { dataDir: opts.dataDir, shuffleUnordered: !!opts.shuffleUnordered }, state } satisfies ThreadData,
    });
    const x = new GrafeoThreadExecutor(worker, new Int32Array(state), { kind: 'embedded', location: grafeoLocation(opts.dataDir).location });
    try {
      await x.wait(0);
    } catch (err) {
      x.ended ??= new StoreUnavailable(CLOSED);
      await x.end();
      throw err;
    }
    return x;
  }

  // a read in the thread has no server to abandon it; the request's own deadline stops the caller
  async read(query: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    this.assertOpen();
    return this.call({ op: 'read', query, params });
  }

  /**
   * The rows of a read in slices of what the thread converts in about SLICE_MS (grafeo-local.ts), one message each, so
   * this thread never takes a whole large result in one message; the next slice is asked for before this one is handed
   * over, so the thread makes it meanwhile.
   */
  async *readInSlices(query: string, params: Record<string, unknown> = {}): AsyncGenerator<Row[]> {
    this.assertOpen();
    let slice = await this.call({ op: 'slices', query, params });
    try {
      for (;;) {
        const next = slice.done ? null : this.call({ op: 'more', cursor: slice.cursor });
        // (a caller that stops early leaves it unawaited)
        next?.catch(() => undefined);
        if (slice.rows.length) yield slice.rows;
        if (!next) return;
        slice = await next;
      }
    } finally {
      // a caller that stopped early (or a slice that failed): the thread lets the result go
      if (!slice.done) this.call({ op: 'drop', cursor: slice.cursor }).catch(() => undefined);
    }
  }

  /**
   * The whole-graph snapshot, read and packed in the thread (readSnapshot over the store there, its pages as small as
   * here) and answered as its shared buffers: this thread decodes no row and makes no object per node or edge for it.
   * A store closing meanwhile stops it at its next page (StoreUnavailable).
   */
  async snapshot(pageSize: number): Promise<SnapshotWire> {
    this.assertOpen();
    return this.call({ op: 'snapshot', pageSize });
  }

  /** Grafeo has no `CALL { } IN TRANSACTIONS`: the one-transaction form of each step, all in one write (in the thread). */
  async runInBatches(steps: readonly { batched: string; single: string }[]): Promise<void> {
    this.assertOpen();
    await this.queue.run(() => this.call({ op: 'batches', steps }));
  }

  async write<T>(work: (tx: CypherTx) => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.queue.run(async () => {
      const tx = await this.call({ op: 'begin' });
      let result: T;
      try {
        result = await work({ run: (query, params = {}) => this.call({ op: 'run', tx, query, params }) });
      } catch (err) {
        // (a thread that ended has let the transaction go with it)
        await this.call({ op: 'rollback', tx }).catch(() => undefined);
        throw err;
      }
      await this.call({ op: 'commit', tx });
      return result;
    });
  }

  /** MIGRATIONS, then Grafeo's own key indexes and full-text index (grafeo-local.ts), in the thread. */
  async migrate(statements: string[]): Promise<void> {
    this.assertOpen();
    await this.queue.run(() => this.call({ op: 'migrate', statements }));
  }

  async textSearch(queries: readonly TextQuery[]): Promise<{ id: string; score: number }[][]> {
    this.assertOpen();
    return this.call({ op: 'search', queries });
  }

  /** Waits for the writes queued and the calls pending, closes the database and ends the thread; later calls fail with StoreUnavailable. */
  close(): Promise<void> {
    return (this.closing ??= (async () => {
      // a snapshot being built in the thread stops at its next page rather than being waited for
      Atomics.store(this.state, CLOSING, 1);
      await this.queue.run(async () => undefined);
      // (reads and slices asked for before close; nothing new is asked now)
      while (this.pending.size) await new Promise<void>((resolve) => this.drained.push(resolve));
      try {
        if (!this.ended) await this.call({ op: 'close' });
      } finally {
        this.ended ??= new StoreUnavailable(CLOSED);
        await this.end();
      }
    })());
  }

  /**
   * Ends the thread as a crash would (tests): the calls it is running finish (see the top of this file), every call sent
   * after this one, and every later one, fails with StoreUnavailable.
   */
  terminate(): Promise<void> {
    return this.end();
  }

  /** Stops the thread from starting calls, waits for those it runs, then ends it. */
  private async end(): Promise<void> {
    // the process waits for the thread's end (an unreferenced thread ending is not enough to keep it alive)
    this.worker.ref();
    Atomics.store(this.state, HALTED, 1);
    for (let n = Atomics.load(this.state, RUNNING); n > 0; n = Atomics.load(this.state, RUNNING)) await waitAsync(this.state, RUNNING, n);
    await this.worker.terminate();
  }

  /** The process is exiting (its threads are ended with it): stops the thread from starting calls and blocks until those it runs are done. */
  private haltNow(): void {
    Atomics.store(this.state, HALTED, 1);
    const deadline = Date.now() + EXIT_WAIT_MS;
    for (let n = Atomics.load(this.state, RUNNING); n > 0 && Date.now() < deadline; n = Atomics.load(this.state, RUNNING)) Atomics.wait(this.state, RUNNING, n, deadline - Date.now());
  }

  private assertOpen(): void {
    if (this.closing) throw new StoreUnavailable(CLOSED);
    if (this.ended) throw this.ended;
  }

  /** Sends one call to the thread; resolves to its answer. */
  private call<K extends Call['op']>(call: Extract<Call, { op: K }>): Promise<Results[K]> {
    if (this.ended) return Promise.reject(this.ended);
    const id = this.next++;
    const answered = this.wait(id) as Promise<Results[K]>;
    try {
      this.worker.postMessage({ ...call, id } satisfies Request);
    } catch (err) {
      // a parameter that cannot be sent to a thread (a function, a symbol)
      this.settle(id)?.reject(err as Error);
    }
    return answered;
  }

  /** Resolves to the answer of the request `id` (the thread is referenced until it comes). */
  private wait(id: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
    });
  }

  /** The pending call `id`, taken off the list. */
  private settle(id: number) {
    const waiting = this.pending.get(id);
    if (!waiting) return undefined;
    this.pending.delete(id);
    if (!this.pending.size) {
      this.worker.unref();
      for (const heard of this.drained.splice(0)) heard();
    }
    return waiting;
  }

  private answer(a: Answer): void {
    // the thread is failing (an exception nothing caught): it ends once the calls it runs are answered
    if (a.id === FATAL && 'error' in a) return this.fail(`its thread failed: ${a.error.message}`);
    const waiting = this.settle(a.id);
    if (!waiting) return;
    if ('error' in a) waiting.reject(errorFromWire(a.error));
    else waiting.resolve(a.value);
  }

  /** The thread ended or failed: every pending call, and every later one, fails with StoreUnavailable naming why. */
  private fail(why: string): void {
    this.ended ??= new StoreUnavailable(`the embedded store ${this.info.location} is unavailable: ${why}`);
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(this.ended);
  }
}
