// Per-request DataLoaders: every entity, relation list, claim list and document a query touches is
// fetched in one store round trip per kind and tick, whatever the shape of the query.
import DataLoader from 'dataloader';
import type { GraphStore } from '../../graph/store.js';
import type { ClaimRecord, EntityRecord, RelationRecord } from '../../schema/records.js';

export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  relations: DataLoader<string, RelationRecord[]>;
  claims: DataLoader<string, ClaimRecord[]>;
}

/** Creates the loaders for one request. */
export function createLoaders(store: GraphStore): Loaders {
  return {
    entity: new DataLoader(async (ids) => {
      const found = await store.getEntities([...ids]);
      return ids.map((id) => found.get(id) ?? null);
    }),
    relations: new DataLoader(async (ids) => {
      const found = await store.relationsOf([...ids]);
      return ids.map((id) => found.get(id) ?? []);
    }),
    claims: new DataLoader(async (ids) => {
      const found = await store.claimsFor([...ids]);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}
