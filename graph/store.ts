// The GraphStore interface: everything the rest of the project asks of a store. Two adapters
// implement it (embedded Grafeo, Neo4j) over one Cypher catalogue; one contract suite tests both.
import type { Label } from '../schema/generated/model.js';
import type { ClaimRecord, DocumentRecord, EntityRecord, Props, RelationRecord } from '../schema/records.js';

/** One transactional write: everything in it lands together or not at all. */
export interface WriteBatch {
  entities?: EntityRecord[];
  documents?: DocumentRecord[];
  claims?: ClaimRecord[];
  /** claim ids to retract; a relation whose last live claim goes is removed */
  retractClaims?: string[];
  /** retract every claim citing these documents (a changed document supersedes its old claims) */
  retractDocumentClaims?: string[];
}

export interface WriteResult {
  entities: number;
  documents: number;
  claimsAdded: number;
  claimsRetracted: number;
  relationsChanged: number;
  version: number;
}

export interface FindOptions {
  /** property equality filters (a list property matches when it contains the value) */
  where?: Props;
  /** opaque cursor from a previous page (the last id seen) */
  after?: string;
  first?: number;
}

export interface Page<T> {
  items: T[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
}

export interface Neighbour {
  relation: RelationRecord;
  entity: EntityRecord;
  direction: 'out' | 'in';
}

export interface SearchHit {
  entity: EntityRecord;
  score: number;
}

export interface Lease {
  job: string;
  owner: string;
  expiresAt: string;
}

export interface StoreInfo {
  kind: 'embedded' | 'neo4j';
  location: string;
}

export interface GraphStore {
  readonly info: StoreInfo;
  /** Creates constraints and indexes; safe to call on every start. */
  migrate(): Promise<void>;
  /** Batched, transactional upsert of entities, documents and claims; recomputes affected relations. */
  write(batch: WriteBatch): Promise<WriteResult>;
  getEntities(ids: string[]): Promise<Map<string, EntityRecord>>;
  findEntities(label: Label, opts?: FindOptions): Promise<Page<EntityRecord>>;
  neighbours(id: string, opts?: { direction?: 'out' | 'in' | 'both'; types?: string[]; limit?: number }): Promise<Neighbour[]>;
  /** The relations (with their aggregated props) of many entities at once, for DataLoader. */
  relationsOf(ids: string[]): Promise<Map<string, RelationRecord[]>>;
  /** The claims behind many relations at once (live ones only unless includeRetracted). */
  claimsFor(relationIds: string[], opts?: { includeRetracted?: boolean }): Promise<Map<string, ClaimRecord[]>>;
  claimsAbout(entityId: string): Promise<ClaimRecord[]>;
  getDocuments(ids: string[]): Promise<Map<string, DocumentRecord>>;
  /** Full-text search over names, aliases and descriptions. */
  search(query: string, opts?: { labels?: Label[]; limit?: number }): Promise<SearchHit[]>;
  /** Moves on every write that changes something. */
  graphVersion(): Promise<number>;
  counts(): Promise<{ entities: Record<string, number>; relations: Record<string, number>; claims: number; documents: number }>;
  /** The whole graph, for the snapshot and export. */
  readAll(): Promise<{ version: number; entities: EntityRecord[]; relations: RelationRecord[] }>;
  allClaims(): Promise<ClaimRecord[]>;
  allDocuments(): Promise<DocumentRecord[]>;
  /** Removes every entity, relation, claim and document (seed --reset). */
  clear(): Promise<void>;
  /** Takes the lease on a job for ttlMs unless another owner holds an unexpired one. */
  acquireLease(job: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLease(job: string, owner: string): Promise<void>;
  /** Appends JSON entries to a small named log (ingest runs, dead letters); an entry with a known id is replaced. */
  appendLog(kind: string, entries: { id: string; at: string; data: unknown }[]): Promise<void>;
  /** The newest entries of a log, newest first. */
  readLog(kind: string, limit?: number): Promise<{ at: string; data: unknown }[]>;
  close(): Promise<void>;
}
