// Keeps the snapshot of the current graph version, shared by every request. Replicas on one Neo4j
// each keep their own and follow the store's change log: when the version moves they patch their
// snapshot with what changed (Snapshot.applyChanges) instead of re-reading the graph. The whole
// graph is read (in pages) only at start, or when the log no longer reaches back; that read runs
// in the background while requests go on being answered from the previous snapshot. A store that
// builds the snapshot itself, off the serving thread (the embedded store, in its own thread:
// GraphStore.buildSnapshot), hands it over packed in shared memory, and the serving thread takes it
// as it is; on any other store the read and the packing run here, in slices.
import type { GraphStore } from './store.js';
import { CanonicalBuilder, Snapshot, type SnapshotChanges } from './snapshot.js';
import { PageSizer, runPaced } from './snapshot-pacing.js';
import { WarmMemory } from './snapshot-memory.js';

export interface SnapshotCacheOptions {
  /** the most entities per page of a whole-graph read, and sources per page of its relations (default 500); pages are sized below that to hold the event loop about SLICE_MS each */
  pageSize?: number;
  /** told about a background rebuild that failed (the previous snapshot stays in use; the next check retries) */
  onError?: (err: unknown) => void;
}

/** The id of the node the reserve's probe patch adds (after every real id in code-point order; the probe's snapshot is thrown away). */
const RESERVE_PROBE_ID = '~reserve-probe';

/** What the cache is doing, for health checks, tests and the benchmark. */
export interface SnapshotCacheStatus {
  /** version of the snapshot served, null before the first build */
  version: number | null;
  /** a whole-graph read is running in the background */
  rebuilding: boolean;
  /** snapshots made by patching, and by reading the whole graph */
  patched: number;
  rebuilt: number;
  /** the reserve of the next patch's buffers (snapshot-memory.ts): bytes held, buffers still being written, and buffers taken from it and made new since the start */
  reserve: { bytes: number; writing: number; taken: number; made: number };
}

/**
 * Reads the whole graph in pages into a canonical snapshot: every entity id in id order
 * (GraphStore.entityIdList), then the entities and the relations leaving them, page by page; pages are sized so that each holds the
 * event loop for a few milliseconds (PageSizer), and the packing runs in slices as well. Only ids
 * and one page of records are held at a time besides the snapshot being packed. `check` runs before each page and may
 * throw to stop the read (the store closing under it).
 */
export async function readSnapshot(store: GraphStore, pageSize = 500, check: () => void = () => undefined): Promise<Snapshot> {
  const version = await store.graphVersion();
  const builder = new CanonicalBuilder();
  const ids = await store.entityIdList();
  const entityPages = new PageSizer(Math.min(pageSize, 50), pageSize);
  for (let i = 0; i < ids.length;) {
    check();
    const slice = ids.slice(i, (i += entityPages.next));
    await entityPages.page(async () => {
      const found = await store.getEntities(slice);
      builder.addEntities(slice.flatMap((id) => found.get(id) ?? []));
    });
  }
  await runPaced(builder.packEntities());
  const relationPages = new PageSizer(Math.min(pageSize, 50), pageSize);
  for (let i = 0; i < ids.length;) {
    check();
    const slice = ids.slice(i, (i += relationPages.next));
    await relationPages.page(async () => builder.addRelations(await store.relationsFrom(slice)));
  }
  check();
  // writes that landed while the pages were read are caught up from the change log by the caller
  return runPaced(builder.buildSteps(version));
}

/**
 * The whole graph as a snapshot: built by the store off this thread where it can (GraphStore.buildSnapshot: this thread
 * takes it without work per node or edge), else read here in pages (readSnapshot).
 */
export function loadSnapshot(store: GraphStore, pageSize = 500): Promise<Snapshot> {
  return store.buildSnapshot ? store.buildSnapshot(pageSize) : readSnapshot(store, pageSize);
}

export class SnapshotCache {
  private current: Snapshot | null = null;
  private first: Promise<Snapshot> | null = null;
  private refreshing: Promise<Snapshot> | null = null;
  /** invalidate() calls so far, and how many the running catch-up has seen */
  private generation = 0;
  private refreshingGeneration = -1;
  private rebuilding: Promise<void> | null = null;
  private checkedAt = 0;
  private patched = 0;
  private rebuilt = 0;
  private readonly pageSize: number;
  private handOver: ((next: Snapshot) => Promise<void>) | null = null;
  /** the buffers of the next patch's arrays, their pages made in a thread of their own before it asks (snapshot-memory.ts) */
  private readonly memory = new WarmMemory();

  /** recheckMs: how long a snapshot is trusted before the store's version is asked again */
  constructor(
    private readonly store: GraphStore,
    private readonly recheckMs = 1000,
    private readonly opts: SnapshotCacheOptions = {},
  ) {
    this.pageSize = opts.pageSize ?? 500;
  }

  /**
   * The snapshot of the current graph version. Waits for the first build only; after that it
   * waits at most for a version check and the patch of what changed since, never for a
   * whole-graph read, which runs in the background while the previous snapshot is served.
   */
  async get(): Promise<Snapshot> {
    if (!this.current) return (this.first ??= this.buildFirst());
    if (this.rebuilding || Date.now() - this.checkedAt < this.recheckMs) return this.current;
    if (this.refreshing && this.refreshingGeneration === this.generation) return this.refreshing;
    // a catch-up that began before the last local write may miss it: queue another after it
    const generation = this.generation;
    const before = this.refreshing ?? Promise.resolve(null);
    const refreshing = before.catch(() => null).then(() => this.refresh(generation));
    this.refreshing = refreshing;
    this.refreshingGeneration = generation;
    const clear = () => {
      if (this.refreshing === refreshing) this.refreshing = null;
    };
    refreshing.then(clear, clear);
    return refreshing;
  }

  /**
   * What must hold a snapshot read whole before it is served (the analysis workers): the previous snapshot is served
   * until `prepare` settles, so no request waits for the hand-over either. null: none.
   */
  setHandOver(prepare: ((next: Snapshot) => Promise<void>) | null): void {
    this.handOver = prepare;
  }

  /** The snapshot being served, without asking the store; null before the first build. */
  peek(): Snapshot | null {
    return this.current;
  }

  /** Forces the next get() to ask the store (call after a local write). */
  invalidate(): void {
    this.checkedAt = 0;
    this.generation++;
  }

  status(): SnapshotCacheStatus {
    return {
      version: this.current ? Number(this.current.version) : null,
      rebuilding: !!this.rebuilding,
      patched: this.patched,
      rebuilt: this.rebuilt,
      reserve: { bytes: this.memory.bytes, writing: this.memory.writingCount, taken: this.memory.taken, made: this.memory.made },
    };
  }

  /** Resolves once no catch-up or background rebuild is running. */
  async settled(): Promise<void> {
    while (this.first || this.refreshing || this.rebuilding) await Promise.allSettled([this.first, this.refreshing, this.rebuilding]);
  }

  private async buildFirst(): Promise<Snapshot> {
    try {
      const snapshot = await this.catchUp(await loadSnapshot(this.store, this.pageSize));
      await this.primeReserve(snapshot);
      this.rebuilt++;
      this.current = snapshot;
      this.checkedAt = Date.now();
      return snapshot;
    } finally {
      this.first = null;
    }
  }

  /** Patches the served snapshot up to the store's version, or starts a background rebuild. */
  private async refresh(generation: number): Promise<Snapshot> {
    const served = this.current!;
    const changes = await this.store.changesSince(Number(served.version));
    if (this.generation === generation) this.checkedAt = Date.now();
    if (this.current !== served || changes.version === Number(served.version)) return this.current!;
    if (changes.kind === 'too-far-behind') {
      this.rebuildInBackground();
      return served;
    }
    // patched in slices: requests holding the previous snapshot go on meanwhile
    const next = await this.patch(served, changes);
    if (this.current !== served) return this.current!;
    this.current = next;
    this.patched++;
    return next;
  }

  /** Patches a freshly read snapshot with what changed while it was read. */
  private async catchUp(snapshot: Snapshot): Promise<Snapshot> {
    const changes = await this.store.changesSince(Number(snapshot.version));
    if (changes.kind === 'too-far-behind' || changes.version === Number(snapshot.version)) return snapshot;
    return this.patch(snapshot, changes);
  }

  /** A patch in slices, its new arrays on buffers of the reserve, which is refilled for the next one. */
  private async patch(base: Snapshot, changes: SnapshotChanges & { version: number }): Promise<Snapshot> {
    try {
      return await runPaced(base.applyChangesSteps(changes, changes.version, this.memory));
    } finally {
      this.memory.refill();
    }
  }

  /**
   * Fills the reserve for the first patch before the first snapshot is served: a patch that adds one made-up node, run on
   * the snapshot just read and thrown away, asks the reserve for the buffers a patch of that graph needs, and the refill
   * has their pages written in the warmer thread. Without it the first patch after a start made every page of its new
   * arrays itself, on the serving thread: measured at 1M edges, 615 ms in blocks of about 150 ms during which no request
   * was answered, against 50-70 ms for the patches after it. It also compiles the patch's code before a request waits on it.
   */
  private async primeReserve(snapshot: Snapshot): Promise<void> {
    if (snapshot.nodeCount === 0 || this.memory.bytes > 0) return;
    // (a node added, one renamed and an edge from the new one, as an ingest's write has, so the patch's code for each is compiled
    // too; made from the snapshot's own first node and edge, so its label and relation type are ones the graph holds)
    const first = snapshot.entity(0);
    const probe: SnapshotChanges = {
      entities: [
        { ...first, id: RESERVE_PROBE_ID, name: RESERVE_PROBE_ID },
        { ...first, name: `${first.name} ` },
      ],
      relations: snapshot.edgeCount > 0 ? [{ ...snapshot.relation(0), id: RESERVE_PROBE_ID, from: RESERVE_PROBE_ID }] : [],
      removed: [],
    };
    try {
      await runPaced(snapshot.applyChangesSteps(probe, snapshot.version, this.memory));
    } catch (err) {
      // (only the first patch is slower without it)
      this.opts.onError?.(err);
    } finally {
      this.memory.refill();
    }
  }

  /** Lets the reserve of the next patch's buffers go (and its thread end). */
  close(): Promise<void> {
    return this.memory.close();
  }

  private rebuildInBackground(): void {
    this.rebuilding ??= (async () => {
      try {
        const snapshot = await this.catchUp(await loadSnapshot(this.store, this.pageSize));
        // (the lineage of its catch-up is of no use to the workers, who never held the version read)
        delete snapshot.patchedFrom;
        // the analysis workers take it (its shared buffers, in one message) while the previous one is served;
        // a hand-over that fails leaves them to be sent it when a task finds them without
        if (this.handOver) await this.handOver(snapshot).catch((err: unknown) => this.opts.onError?.(err));
        this.rebuilt++;
        // no patch runs meanwhile (get() serves the previous snapshot while this runs), so this is the newest;
        // the next get() asks the store again, for writes after the read's catch-up
        this.current = snapshot;
        this.checkedAt = 0;
      } catch (err) {
        this.opts.onError?.(err);
      } finally {
        this.rebuilding = null;
      }
    })();
  }
}
