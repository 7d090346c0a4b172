// Loading the curated seeds into a store: used by `chokepoint seed` and by the server's first start.
import type { GraphStore, WriteResult } from '../graph/store.js';
import { loadSeeds } from '../seeds/load.js';

/** Writes the curated seed set into the store; a second run changes nothing. */
export async function seedStore(store: GraphStore, dir?: string): Promise<{ write: WriteResult }> {
  const seeds = await loadSeeds(dir);
  const write = await store.write({ entities: seeds.entities, documents: seeds.documents, claims: seeds.claims });
  return { write };
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
