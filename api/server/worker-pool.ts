// Piscina worker threads as the server's pools use them: created on first use, unref'd and ended
// after a minute without work, at a lower CPU priority than the serving thread, and with the time
// limit of a task counted from a started worker (loading a worker's modules through tsx takes a
// second or more on a busy machine, which is not the task's fault). Each worker answers a null
// task by only starting.
import { Piscina } from 'piscina';

/** A task stopped at its time limit (its worker is ended). */
export class TaskTimeout extends Error {
  override name = 'TaskTimeout';
}

/** Worker threads running one worker module. */
export class WorkerPool {
  private pool: Piscina | null = null;
  /** settles once a worker has started */
  private started: Promise<unknown> | null = null;

  constructor(
    private readonly filename: string,
    private readonly threads: number,
    /** added to the workers' CPU niceness (Unix): above 0 the event loop is served first */
    private readonly nice: number,
    /** given to every worker as `workerData` */
    private readonly workerData?: unknown,
    /** told of a worker thread that ended (its thread id) */
    private readonly onWorkerEnd?: (threadId: number) => void,
  ) {}

  /** Resolves once a worker has started (the first call starts one). */
  start(): Promise<unknown> {
    if (!this.pool) {
      this.pool = new Piscina({
        filename: this.filename,
        minThreads: 0,
        maxThreads: this.threads,
        idleTimeout: 60_000,
        niceIncrement: this.nice,
        // a worker told things outside its tasks (workerData given) must run its event loop between them: by default an
        // idle worker blocks on Atomics.wait and hears nothing until its next task
        ...(this.workerData !== undefined ? { workerData: this.workerData, atomics: 'async' as const } : {}),
      });
      const tell = this.onWorkerEnd;
      if (tell) this.pool.on('workerDestroy', (worker: { threadId: number }) => tell(worker.threadId));
    }
    return (this.started ??= this.pool.run(null).catch((err: unknown) => {
      this.started = null;
      throw err;
    }));
  }

  /** Runs one task once a worker has started; TaskTimeout when it takes over `timeoutMs`. `transfer`: ports and buffers moved to the worker with it. */
  async run(task: unknown, timeoutMs: number, transfer: readonly object[] = []): Promise<unknown> {
    const started = this.start();
    const pool = this.pool!;
    await started;
    try {
      return await pool.run(task, { signal: AbortSignal.timeout(timeoutMs), ...(transfer.length ? { transferList: transfer as never } : {}) });
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'AbortError' || name === 'TimeoutError') throw new TaskTimeout(`the task took over ${timeoutMs} ms`);
      throw err;
    }
  }

  /** Ends the workers (a later task starts new ones). */
  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
    this.started = null;
  }
}
