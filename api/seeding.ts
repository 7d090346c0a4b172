// Loading the curated seeds into a store: used by `chokepoint seed` and by the server's first start.
import { randomUUID } from 'node:crypto';
import type { GraphStore, WriteResult } from '../graph/store.js';
import { loadSeeds } from '../seeds/load.js';

/** Writes the curated seed set into the store; a second run changes nothing. */
export async function seedStore(store: GraphStore, dir?: string): Promise<{ write: WriteResult }> {
  const seeds = await loadSeeds(dir);
  const write = await store.write({ entities: seeds.entities, documents: seeds.documents, claims: seeds.claims });
  return { write };
}

/** The lease the one process seeding an empty store holds. */
export const SEED_LEASE = 'store:seed';

/**
 * Seeds the store when it is empty, by one process however many start at once: the one that
 * takes the seed lease checks again that the store is still empty and seeds it under the lease;
 * the others get 'busy'. 'present' when the store already holds a graph.
 */
export async function seedIfEmpty(store: GraphStore, dir?: string): Promise<{ write: WriteResult } | 'present' | 'busy'> {
  if ((await store.graphVersion()) !== 0) return 'present';
  const owner = `seed-${process.pid}-${randomUUID().slice(0, 8)}`;
  const lease = await store.acquireLease(SEED_LEASE, owner, 10 * 60_000);
  if (!lease) return 'busy';
  try {
    if ((await store.graphVersion()) !== 0) return 'present';
    const seeds = await loadSeeds(dir);
    const write = await store.write({ entities: seeds.entities, documents: seeds.documents, claims: seeds.claims, fence: { job: lease.job, token: lease.token } });
    return { write };
  } finally {
    await store.releaseLease(SEED_LEASE, owner, lease.token);
  }
}

/** Counts by label and relation type as an aligned table. */
export function formatCounts(counts: Awaited<ReturnType<GraphStore['counts']>>): string {
  const lines = ['label                count'];
  for (const [k, v] of Object.entries(counts.entities)) lines.push(`${k.padEnd(20)} ${String(v).padStart(5)}`);
  lines.push('', 'relation             count');
  for (const [k, v] of Object.entries(counts.relations)) lines.push(`${k.padEnd(20)} ${String(v).padStart(5)}`);
  lines.push('', `claims ${counts.claims}, documents ${counts.documents}`);
  return lines.join('\n');
}
