// Per-request DataLoaders: every entity, relation list and claim list a query touches is fetched
// in one store round trip per kind and tick, whatever the shape of the query. Behind them, a
// record cache shared by requests at one graph version: a write moves the version and the cache
// starts over, so it never serves what an earlier version said once the snapshot has caught up.
import DataLoader from 'dataloader';
import type { GraphStore } from '../../graph/store.js';
import type { ClaimState } from '../../graph/history.js';
import type { ClaimRecord, EntityRecord, RelationRecord } from '../../schema/records.js';

export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  relations: DataLoader<string, RelationRecord[]>;
  claims: DataLoader<string, ClaimRecord[]>;
  /** one claim by id, live or retracted */
  claim: DataLoader<string, ClaimState | null>;
  /** drops everything cached for this request and the shared version (after a write) */
  forget(): void;
}

interface Reads {
  entity: Map<string, EntityRecord | null>;
  relations: Map<string, RelationRecord[]>;
  claims: Map<string, ClaimRecord[]>;
  claim: Map<string, ClaimState | null>;
}

const fresh = (): Reads => ({ entity: new Map(), relations: new Map(), claims: new Map(), claim: new Map() });

/** Records read at one graph version, shared by every request at that version. */
export class SharedReads {
  private version: string | number | null = null;
  private reads: Reads = fresh();

  constructor(private readonly maxEntries = 100_000) {}

  /** The record maps of a graph version (a new version starts empty). */
  at(version: string | number): Reads {
    const size = this.reads.entity.size + this.reads.relations.size + this.reads.claims.size + this.reads.claim.size;
    if (version !== this.version || size > this.maxEntries) {
      this.version = version;
      this.reads = fresh();
    }
    return this.reads;
  }

  /** Forgets every record (a local write). */
  clear(): void {
    this.version = null;
    this.reads = fresh();
  }
}

function cached<V>(fetch: (ids: string[]) => Promise<Map<string, V>>, memo: Map<string, V> | null, missing: V) {
  return async (ids: readonly string[]): Promise<V[]> => {
    const misses = memo ? ids.filter((id) => !memo.has(id)) : [...ids];
    const found = misses.length ? await fetch(misses) : new Map<string, V>();
    if (memo) for (const id of misses) memo.set(id, found.get(id) ?? missing);
    return ids.map((id) => (memo?.get(id) ?? found.get(id) ?? missing) as V);
  };
}

/** The loaders over the store, memoised in reads when given. */
function build(store: GraphStore, reads: Reads | null): Omit<Loaders, 'forget'> {
  return {
    entity: new DataLoader(cached((ids) => store.getEntities(ids), reads?.entity ?? null, null as EntityRecord | null)),
    relations: new DataLoader(cached((ids) => store.relationsOf(ids), reads?.relations ?? null, [] as RelationRecord[])),
    claims: new DataLoader(cached((ids) => store.claimsFor(ids), reads?.claims ?? null, [] as ClaimRecord[])),
    claim: new DataLoader(cached((ids) => store.claimsById(ids), reads?.claim ?? null, null as ClaimState | null)),
  };
}

/** Creates the loaders for one request; with shared reads of its graph version when given. */
export function createLoaders(store: GraphStore, shared?: { reads: SharedReads; version: string | number }): Loaders {
  const loaders: Loaders = {
    ...build(store, shared ? shared.reads.at(shared.version) : null),
    forget() {
      shared?.reads.clear();
      // the rest of this request reads from the store directly: the shared maps belong to a version now gone
      Object.assign(loaders, build(store, null));
    },
  };
  return loaders;
}
