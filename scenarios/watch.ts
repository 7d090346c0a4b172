// Standing scenarios: a registered scenario is run again whenever the graph version moves (off the
// request path: the service polls the version and waits for writes to settle), and each run that
// changes a deployment's status is recorded with the claims that caused it. Watches and their
// changes live in the store's logs, so they survive a restart; a server that starts behind the
// graph catches up at once.
import { EventEmitter, on } from 'node:events';
import { randomUUID } from 'node:crypto';
import { InvalidInput, NotFound } from '../schema/errors.js';
import { readHistory, type GraphStore } from '../graph/store.js';
import type { Snapshot } from '../graph/snapshot.js';
import { CLAIM_EVENT_KINDS, type HistoryEvent } from '../graph/history.js';
import { runScenario, type ScenarioResult } from './engine.js';
import { fromObject, type Scenario } from './scenario-file.js';
import { diffWatched, watchedStatuses, type WatchedChange, type WatchedStatuses } from './watch-diff.js';

/** The store log holding the watches (one entry per watch, replaced as it moves on). */
export const WATCH_LOG = 'scenario-watch';
/** The store log holding one watch's changes. */
export const watchChangeLog = (id: string) => `scenario-watch-change:${id}`;

/** A registered scenario and where it stands. */
export interface ScenarioWatch {
  id: string;
  scenario: Scenario;
  createdAt: string;
  /** the graph version it was last run at, and when */
  version: number;
  checkedAt: string;
  /** the affected deployments at that version */
  statuses: WatchedStatuses;
  summary: ScenarioResult['summary'];
  /** set once unregistered: it is no longer run, its changes stay readable */
  removedAt?: string;
}

/** One run of a watch that changed something: the versions it compares and the deployments that moved. */
export interface WatchChange {
  watch: string;
  /** the version compared against, and the version of this run */
  fromVersion: number;
  version: number;
  at: string;
  summary: ScenarioResult['summary'];
  changes: WatchedChange[];
}

export interface WatchServiceOptions {
  /** how often the graph version is read (default 500 ms) */
  pollMs?: number;
  /** how long the version must stay put before the watches run (default 250 ms), so a burst of writes runs them once */
  settleMs?: number;
  /** told about a run that failed (the watch stays at its version and is tried on the next move) */
  onError?: (err: unknown, watch?: string) => void;
}

/** The snapshot source the service runs scenarios on (graph/snapshot-cache.ts). */
export interface SnapshotSource {
  get(): Promise<Snapshot>;
}

// the store's snapshots carry the graph version as a number
const versionOf = (s: Snapshot) => Number(s.version);

/** The most claim events read to explain one run. */
const MAX_EVENTS = 10_000;

/** Registers, re-runs and records standing scenarios over one store. */
export class WatchService {
  private readonly events = new EventEmitter();
  /** aborted when the service stops: every subscription ends */
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private seenVersion = -1;
  private settleAt = 0;
  private evaluatedVersion = -1;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly pollMs: number;
  private readonly settleMs: number;

  constructor(
    private readonly store: GraphStore,
    private readonly snapshots: SnapshotSource,
    private readonly opts: WatchServiceOptions = {},
  ) {
    this.pollMs = opts.pollMs ?? 500;
    this.settleMs = opts.settleMs ?? 250;
    // every subscriber listens on this one emitter
    this.events.setMaxListeners(0);
  }

  /** Starts following the graph version; the first poll catches up with writes made while the server was down. */
  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.tick(), this.pollMs);
    this.timer.unref();
    void this.tick();
  }

  /** Stops following the graph and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    this.stopping.abort();
  }

  /** Registers a scenario (validated against the current graph) and records where it stands now. */
  async register(scenario: Scenario): Promise<ScenarioWatch> {
    const checked = fromObject(scenario, 'scenario');
    const snapshot = await this.snapshots.get();
    const result = runScenario(snapshot, checked);
    const now = new Date().toISOString();
    const watch: ScenarioWatch = {
      id: `watch:${randomUUID()}`,
      scenario: checked,
      createdAt: now,
      version: versionOf(snapshot),
      checkedAt: now,
      statuses: watchedStatuses(result),
      summary: result.summary,
    };
    await this.save(watch);
    return watch;
  }

  /** Stops running a watch; what it recorded stays readable. */
  async unregister(id: string): Promise<ScenarioWatch> {
    const watch = await this.get(id);
    if (!watch) throw new NotFound(`id: no scenario watch "${id}"`);
    if (watch.removedAt) return watch;
    const removed = { ...watch, removedAt: new Date().toISOString() };
    await this.save(removed);
    return removed;
  }

  /** Every watch, newest first. */
  async list(): Promise<ScenarioWatch[]> {
    return (await this.store.readLog(WATCH_LOG, 10_000)).map((e) => e.data as ScenarioWatch);
  }

  /** One watch, or null. */
  async get(id: string): Promise<ScenarioWatch | null> {
    if (!/^watch:[0-9a-f-]{36}$/.test(id)) throw new InvalidInput(`id: expected a scenario watch id like watch:1b4e28ba-2fa1-11d2-883f-0016d3cca427, got ${JSON.stringify(id.slice(0, 80))}`);
    return (await this.list()).find((w) => w.id === id) ?? null;
  }

  /** A watch's recorded changes, newest first. */
  async changes(id: string, first = 20): Promise<WatchChange[]> {
    return (await this.store.readLog(watchChangeLog(id), Math.max(1, Math.min(first, 1000)))).map((e) => e.data as WatchChange);
  }

  /**
   * The changes of one watch as they are recorded, until the caller returns, `signal` aborts or the
   * service stops. A plain iterator rather than a generator, so that returning it frees the
   * listener at once instead of after the next change.
   */
  subscribe(id: string, signal?: AbortSignal): AsyncIterableIterator<WatchChange> {
    const events = on(this.events, `change:${id}`, { signal: signal ? AbortSignal.any([signal, this.stopping.signal]) : this.stopping.signal }) as AsyncIterableIterator<[WatchChange]>;
    const done = { done: true as const, value: undefined };
    const iterator: AsyncIterableIterator<WatchChange> = {
      next: async () => {
        try {
          const r = await events.next();
          return r.done ? done : { done: false, value: r.value[0] };
        } catch (err) {
          if ((err as Error).name === 'AbortError') return done;
          throw err;
        }
      },
      return: async () => {
        await events.return?.();
        return done;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** Runs every live watch behind the current snapshot now (the poll does this on its own); resolves when done. */
  async refresh(): Promise<void> {
    while (this.running) await this.running;
    this.running = this.evaluate().finally(() => (this.running = null));
    return this.running;
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) return;
    try {
      const version = await this.store.graphVersion();
      if (version !== this.seenVersion) {
        // the first sight of a version starts the wait; writes still landing push it back
        const first = this.seenVersion === -1;
        this.seenVersion = version;
        this.settleAt = first ? 0 : Date.now() + this.settleMs;
      }
      if (this.evaluatedVersion !== version && Date.now() >= this.settleAt) await this.refresh();
    } catch (err) {
      // a poll that was under way when the service stopped meets a closed store: not worth a report
      if (!this.stopped) this.opts.onError?.(err);
    }
  }

  private async evaluate(): Promise<void> {
    const snapshot = await this.snapshots.get();
    for (const watch of await this.list()) {
      if (watch.removedAt || watch.version === versionOf(snapshot) || this.stopped) continue;
      try {
        await this.rerun(watch, snapshot);
      } catch (err) {
        this.opts.onError?.(err, watch.id);
      }
    }
    this.evaluatedVersion = versionOf(snapshot);
  }

  private async rerun(watch: ScenarioWatch, snapshot: Snapshot): Promise<void> {
    const version = versionOf(snapshot);
    const result = runScenario(snapshot, watch.scenario);
    const statuses = watchedStatuses(result);
    const now = new Date().toISOString();
    const events = await this.claimEvents(watch.version, version);
    const changes = diffWatched(watch.statuses, statuses, events);
    if (changes.length) {
      const change: WatchChange = { watch: watch.id, fromVersion: watch.version, version, at: now, summary: result.summary, changes };
      // keyed by version: a replica that runs the same watch at the same version replaces it
      await this.store.appendLog(watchChangeLog(watch.id), [{ id: String(version).padStart(15, '0'), at: now, data: change }]);
      this.events.emit(`change:${watch.id}`, change);
    }
    await this.save({ ...watch, version, checkedAt: now, statuses, summary: result.summary });
  }

  /** The claim events between two versions (newest first), the evidence a diff draws on. */
  private async claimEvents(since: number, until: number): Promise<HistoryEvent[]> {
    if (until <= since) return [];
    return readHistory(this.store, { sinceVersion: since, untilVersion: until, kinds: [...CLAIM_EVENT_KINDS] }, MAX_EVENTS);
  }

  private async save(watch: ScenarioWatch): Promise<void> {
    // the entry's time is its creation, so the list keeps its order as watches move on
    await this.store.appendLog(WATCH_LOG, [{ id: watch.id, at: watch.createdAt, data: watch }]);
  }
}
