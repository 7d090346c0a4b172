// SVG -> PNG with resvg (a renderer shipped inside the npm package) and the system's fonts.
// Rasterising takes a second or more of CPU, so the server does it in a worker thread pool
// (piscina) with a bounded number of renders in flight and a time limit per render: a flood of
// distinct PNG requests is answered 503 with Retry-After instead of stalling every other request.
import { Resvg } from '@resvg/resvg-js';
import { Busy } from '../server/busy.js';
import { TaskTimeout, WorkerPool } from '../server/worker-pool.js';

/** Rasterises an SVG at `scale` times its size, in this thread. */
export function svgToPng(svg: string, scale: number): Uint8Array {
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: 'rgba(0,0,0,0)',
  });
  return r.render().asPng();
}

export interface PngPoolLimits {
  /** worker threads rasterising at once (one leaves the other core to serving) */
  threads: number;
  /** renders admitted beyond those running; more are refused with RenderBusy */
  queue: number;
  /** how long one render may take before its worker is ended */
  timeoutMs: number;
}

export const PNG_POOL_LIMITS: PngPoolLimits = { threads: 1, queue: 3, timeoutMs: 15_000 };

/** A render refused because the pool is full, or abandoned over its time limit; `retryAfter` in seconds. */
export class RenderBusy extends Busy {}

const WORKER = new URL('./png-worker.js', import.meta.url).href;

/** Worker threads that rasterise SVG, admitting a bounded number of renders. */
export class PngRenderPool {
  private readonly workers: WorkerPool;
  private admitted = 0;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** a running mean of render times, for Retry-After */
  private meanMs = 1000;

  constructor(readonly limits: PngPoolLimits = PNG_POOL_LIMITS) {
    // the workers run at the lowest CPU priority (nice 19 on Unix), so the scheduler serves requests first
    this.workers = new WorkerPool(WORKER, limits.threads, 19);
  }

  /** Seconds until a slot is likely free: the renders ahead of a new one, at the recent pace. */
  retryAfter(): number {
    return Math.min(60, Math.max(1, Math.ceil(((this.admitted + 1) / this.limits.threads) * (this.meanMs / 1000))));
  }

  /**
   * Admits one render (call before the work that leads to it, e.g. building the SVG); returns
   * the release function, or throws RenderBusy when threads and queue are all taken.
   */
  admit(): () => void {
    if (this.admitted >= this.limits.threads + this.limits.queue) throw new RenderBusy(`${this.admitted} images are being rendered; try again shortly`, this.retryAfter());
    this.admitted++;
    let released = false;
    return () => {
      if (!released) this.admitted--;
      released = true;
    };
  }

  /** Waits for a free thread, so the time limit counts a render's own time, not its wait. */
  private async thread(): Promise<() => void> {
    while (this.running >= this.limits.threads) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    return () => {
      this.running--;
      this.waiting.shift()?.();
    };
  }

  /** Rasterises in a worker; RenderBusy when the render runs over the time limit. */
  async rasterise(svg: string | Uint8Array, scale: number): Promise<Uint8Array> {
    const text = typeof svg === 'string' ? svg : Buffer.from(svg).toString('utf8');
    const done = await this.thread();
    const started = Date.now();
    try {
      const png = (await this.workers.run({ svg: text, scale }, this.limits.timeoutMs)) as Uint8Array;
      this.meanMs = this.meanMs * 0.8 + (Date.now() - started) * 0.2;
      return png;
    } catch (err) {
      if (err instanceof TaskTimeout) throw new RenderBusy(`rendering took longer than ${this.limits.timeoutMs} ms and was stopped`, this.retryAfter());
      throw err;
    } finally {
      done();
    }
  }

  /** Ends the workers. */
  async close(): Promise<void> {
    await this.workers.close();
  }
}
