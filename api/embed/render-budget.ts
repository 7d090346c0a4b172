// A budget of event-loop time for uncached renders. Building a map (layout, SVG, HTML) takes tens
// of milliseconds on the event loop; a client asking for a new variant every request could spend
// all of it. Renders may use at most `budgetMs` of every `windowMs` (6 s of 10 by default: a
// burst, such as the gallery's first view or a cold cache after a restart, fits; a sustained
// flood leaves cached maps 40% of the loop); past that, a new render is refused (503 with
// Retry-After) until the window slides.
import { RenderBusy } from './png.js';

export class RenderBudget {
  /** [end time, duration] of recent renders, oldest first */
  private readonly spent: [number, number][] = [];
  private total = 0;

  constructor(
    readonly budgetMs = 6000,
    readonly windowMs = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Time spent rendering within the current window. */
  used(): number {
    const since = this.now() - this.windowMs;
    while (this.spent.length && this.spent[0]![0] < since) this.total -= this.spent.shift()![1];
    return this.total;
  }

  /** Runs a render if the budget allows, recording its time; RenderBusy when it is spent. */
  async run<T>(render: () => Promise<T>): Promise<T> {
    if (this.used() >= this.budgetMs) {
      // when the oldest render leaves the window, budget comes free again
      const freeIn = this.spent[0]![0] + this.windowMs - this.now();
      throw new RenderBusy(
        `new maps are asked for faster than they can be drawn (${Math.round(this.total)} ms of drawing in the last ${this.windowMs} ms); try again shortly`,
        Math.max(1, Math.ceil(freeIn / 1000)),
      );
    }
    const started = this.now();
    try {
      return await render();
    } finally {
      const end = this.now();
      this.spent.push([end, end - started]);
      this.total += end - started;
    }
  }
}
