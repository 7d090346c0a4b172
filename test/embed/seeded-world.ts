// The seeded graph (seeds/) in an in-memory store, and a snapshot of it, for layout tests.
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import { seedStore } from '../../api/seeding.js';
import { SnapshotCache } from '../../graph/snapshot-cache.js';
import type { GraphStore } from '../../graph/store.js';
import type { Snapshot } from '../../graph/snapshot.js';

/** An in-memory store seeded from seeds/, and its snapshot. */
export async function seededWorld(): Promise<{ store: GraphStore; snapshot: Snapshot }> {
  const store = await openEmbeddedStore({ dataDir: ':memory:' });
  await seedStore(store);
  const snapshot = await new SnapshotCache(store, 0).get();
  return { store, snapshot };
}
