// Global ids: what kind of thing an id names (entity, relation, claim), and where a claim is found
// from its id alone (the relation it supports), read from the store once per snapshot and only
// when asked.
import { relationId } from '../schema/records.js';
import type { GraphStore } from './store.js';
import type { Snapshot } from './snapshot.js';

/** The kind of node a global id names, by its prefix. */
export function nodeKind(id: string): 'relation' | 'claim' | 'entity' {
  return id.startsWith('rel:') ? 'relation' : id.startsWith('claim:') ? 'claim' : 'entity';
}

const claimIndexes = new WeakMap<Snapshot, Promise<Map<string, string>>>();

/** The relation id a live claim supports, or undefined; the index is read in one pass per snapshot. */
export async function relationOfClaim(store: GraphStore, s: Snapshot, claim: string): Promise<string | undefined> {
  let index = claimIndexes.get(s);
  if (!index) {
    index = store.allClaims().then((claims) => new Map(claims.map((c) => [c.id, relationId(c.subject, c.rel, c.object)])));
    claimIndexes.set(s, index);
    index.catch(() => claimIndexes.delete(s));
  }
  return (await index).get(claim);
}
