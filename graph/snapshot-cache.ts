// Keeps one Snapshot per graph version: rebuilt when the store's version moves, shared by every
// request in between. Replicas on one Neo4j each keep their own and poll the version.
import type { GraphStore } from './store.js';
import { Snapshot } from './snapshot.js';

export class SnapshotCache {
  private current: Snapshot | null = null;
  private building: Promise<Snapshot> | null = null;
  private checkedAt = 0;
  /** how long a snapshot is trusted before the store's version is asked again */
  constructor(
    private readonly store: GraphStore,
    private readonly recheckMs = 1000,
  ) {}

  /** The snapshot of the current graph version (rebuilt at most once per version). */
  async get(): Promise<Snapshot> {
    if (this.current && Date.now() - this.checkedAt < this.recheckMs) return this.current;
    if (this.building) return this.building;
    this.building = (async () => {
      try {
        const version = await this.store.graphVersion();
        this.checkedAt = Date.now();
        if (this.current && this.current.version === version) return this.current;
        const all = await this.store.readAll();
        this.current = Snapshot.fromRecords(all.entities, all.relations, all.version);
        return this.current;
      } finally {
        this.building = null;
      }
    })();
    return this.building;
  }

  /** Forces the next get() to ask the store (call after a local write). */
  invalidate(): void {
    this.checkedAt = 0;
  }
}
