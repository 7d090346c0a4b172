// Global ids: what kind of thing an id names (entity, relation, claim) and the record behind it.
// One lookup for every caller (the API's node(id), the command line's `show`): an entity by id, a
// relation through the snapshot's edge index and its from end's relations, a claim by the store's
// claim-by-id read.
import type { ClaimRecord, EntityRecord, RelationRecord } from '../schema/records.js';
import type { ClaimState } from './history.js';
import type { GraphStore } from './store.js';
import type { Snapshot } from './snapshot.js';
import { edgeOf } from './query-values.js';

/** The kind of node a global id names, by its prefix. */
export function nodeKind(id: string): 'relation' | 'claim' | 'entity' {
  return id.startsWith('rel:') ? 'relation' : id.startsWith('claim:') ? 'claim' : 'entity';
}

/** The reads a lookup needs: the API passes its request's loaders, the command line the store. */
export interface NodeReads {
  entity(id: string): Promise<EntityRecord | null>;
  /** every relation with the entity at either end */
  relationsOf(entityId: string): Promise<readonly RelationRecord[]>;
  /** a claim, live or retracted */
  claim(id: string): Promise<ClaimState | ClaimRecord | null>;
}

/** What a global id names, with its record. */
export type FoundNode = { kind: 'entity'; entity: EntityRecord } | { kind: 'relation'; relation: RelationRecord } | { kind: 'claim'; claim: ClaimState | ClaimRecord };

/** The reads of a lookup straight from a store (one store read per call). */
export function storeNodeReads(store: GraphStore): NodeReads {
  return {
    entity: async (id) => (await store.getEntities([id])).get(id) ?? null,
    relationsOf: async (id) => (await store.relationsOf([id])).get(id) ?? [],
    claim: async (id) => (await store.claimsById([id])).get(id) ?? null,
  };
}

/**
 * The node a global id names: an entity (documents too), a relation (`rel:`, live on the snapshot)
 * or a claim (`claim:`, live or retracted); null when there is none.
 */
export async function nodeById(reads: NodeReads, s: Snapshot, id: string): Promise<FoundNode | null> {
  const kind = nodeKind(id);
  if (kind === 'entity') {
    const entity = await reads.entity(id);
    return entity ? { kind, entity } : null;
  }
  if (kind === 'claim') {
    const claim = await reads.claim(id);
    return claim ? { kind, claim } : null;
  }
  const e = edgeOf(s, id);
  if (e === undefined) return null;
  const relation = (await reads.relationsOf(s.ids.at(s.edgeFrom[e]!))).find((r) => r.id === id);
  return relation ? { kind, relation } : null;
}
