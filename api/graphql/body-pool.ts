// Large request bodies are parsed and checked off the event loop: a worker thread (piscina, at a
// lower CPU priority than the serving thread) runs body-gate.ts on each, with a bounded number
// admitted at once and a time limit per body. Measured on 2 cores, a 700 KB body of 50,000 ids costs ~8 ms of JSON parsing
// alone; on the serving thread every such request delayed every other request by that much.
import { Piscina } from 'piscina';
import type { GateAnswer } from './body-gate.js';
import { Busy } from '../server/busy.js';
import { TaskTimeout, WorkerPool } from '../server/worker-pool.js';

export interface BodyPoolLimits {
  /** bodies up to this many bytes are parsed on the serving thread (well under a millisecond) */
  inlineBytes: number;
  /** worker threads */
  threads: number;
  /** bodies admitted beyond those being parsed; more are refused with BodyPoolBusy */
  queue: number;
  /** how long one body may take, waiting included, before the request is refused */
  timeoutMs: number;
  /** added to the workers' CPU niceness (Unix): above 0 the event loop is served first */
  nice: number;
}

// nice 5, not 19 like the PNG pool: on a machine busy with other work a nice-19 worker was starved
// (a flood of large bodies got 2 answers in 4 s), and legitimate large bodies would time out
export const BODY_POOL_LIMITS: BodyPoolLimits = { inlineBytes: 32 * 1024, threads: 1, queue: 32, timeoutMs: 5_000, nice: 5 };

/** A body refused because the pool is full or took too long; `retryAfter` in seconds. */
export class BodyPoolBusy extends Busy {}

const WORKER = new URL('./body-worker.js', import.meta.url).href;

/** Worker threads that parse and check large request bodies. */
export class BodyGatePool {
  private readonly workers: WorkerPool;
  private admitted = 0;

  constructor(readonly limits: BodyPoolLimits = BODY_POOL_LIMITS) {
    this.workers = new WorkerPool(WORKER, limits.threads, limits.nice);
  }

  /** Parses and checks one body in a worker (its bytes are moved there, not copied); BodyPoolBusy when full or too slow. */
  async gate(bytes: Uint8Array): Promise<GateAnswer> {
    if (this.admitted >= this.limits.threads + this.limits.queue) throw new BodyPoolBusy(`${this.admitted} large request bodies are being read; send again shortly`, 1);
    this.admitted++;
    // a body that shares its memory with other buffers is copied, so only its own bytes move
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    try {
      return (await this.workers.run(Piscina.move(own), this.limits.timeoutMs)) as GateAnswer;
    } catch (err) {
      if (err instanceof TaskTimeout) throw new BodyPoolBusy(`the request body was not read within ${this.limits.timeoutMs} ms`, 2);
      throw err;
    } finally {
      this.admitted--;
    }
  }

  /** Ends the workers. */
  async close(): Promise<void> {
    await this.workers.close();
  }
}
