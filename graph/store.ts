// The GraphStore interface: everything the rest of the project asks of a store. Two adapters
// implement it (embedded Grafeo, Neo4j) over one Cypher catalogue; one contract suite tests both.
import type { Label } from '../schema/generated/model.js';
import type { ClaimRecord, DocumentRecord, EntityRecord, Props, RelationRecord } from '../schema/records.js';
import { StoreUnavailable } from '../schema/errors.js';
import type { ClaimState, HistoryEvent, HistoryPage, HistoryQuery } from './history.js';
import type { Snapshot } from './snapshot.js';

/** One transactional write: everything in it lands together or not at all. */
export interface WriteBatch {
  entities?: EntityRecord[];
  documents?: DocumentRecord[];
  claims?: ClaimRecord[];
  /** claim ids to retract; a relation whose last live claim goes is removed */
  retractClaims?: string[];
  /** retract every claim citing these documents (a changed document supersedes its old claims) */
  retractDocumentClaims?: string[];
  /** the inputs documents were read from (replaced by document id); not part of the graph, so they never move its version */
  inputs?: DocumentInput[];
  /** the lease this write runs under: it lands only while that lease is still held with this token, else LeaseLost */
  fence?: LeaseFence;
}

/** A lease and the token of one grant of it. */
export interface LeaseFence {
  job: string;
  token: number;
}

/** What a document was read from, kept so that a newer extractor can read it again (`reextract`). */
export interface DocumentInput {
  /** the document's id (`doc:…`) */
  documentId: string;
  /** where the bytes came from: the URL fetched or the file named (the document's own URL may differ) */
  url: string;
  /** how it was read: a document kind (`auto`, `news`, …), or `feed-item` when the body is a feed item's own text */
  readAs: string;
  contentType?: string;
  /** the bytes as UTF-8 text, or base64 when they are not valid UTF-8 */
  body: string;
  encoding: 'utf8' | 'base64';
  /** title and date the document fell back on (a feed item's), when its page gave none */
  title?: string;
  publishedAt?: string;
  /** the ingest job that read it */
  job?: string;
  /** the extractor version whose claims the document holds; absent when unknown (read before versions were kept) */
  extractedWith?: string;
}

/** A stored input without its body. */
export type DocumentInputInfo = Omit<DocumentInput, 'body' | 'encoding' | 'contentType' | 'title' | 'publishedAt'>;

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

/** One grant of a job's lease: the token grows with every grant, so an older holder's writes are refused. */
export interface Lease extends LeaseFence {
  owner: string;
  /** when it lapses unless renewed, by the store server's clock (ISO 8601) */
  expiresAt: string;
}

/** A write or renewal under a lease that another worker has taken since, or that lapsed. */
export class LeaseLost extends StoreUnavailable {
  constructor(message: string) {
    super(message);
    this.name = 'LeaseLost';
  }
}

export interface RelationPageOptions {
  direction?: 'out' | 'in' | 'both';
  /** relation types to keep (all when empty) */
  types?: string[];
  /** at most this many (default 100, at most 1,000) */
  first?: number;
  /** the endCursor of the page before */
  after?: string | null;
  /** the store gives up after this long (a request's remaining time) */
  timeoutMs?: number;
}

/**
 * One entry of the change log: what a write that moved the graph version changed, as ids. Every
 * such write appends exactly one, in its own transaction, keyed by the version it produced; the
 * store keeps the newest entries only (see CHANGE_LOG_VERSIONS). Replicas read it to patch their
 * snapshot instead of re-reading the graph; a "what changed" feed reads the same record.
 */
export interface ChangeRecord {
  /** the graph version this write produced (one more than the version before it) */
  version: number;
  /** when the write committed, ISO 8601 (the writing process's clock) */
  at: string;
  /** entities (documents included) inserted or updated */
  entities: string[];
  /** relations recomputed from their claims: changed, created or removed (current state tells which) */
  relations: string[];
  /** claims added, or retracted ones made live again */
  claimsAdded: string[];
  /** claims retracted by id */
  claimsRetracted: string[];
  /** claims retracted because their document changed (superseded by the document's new claims) */
  claimsSuperseded: string[];
  /**
   * true when the write touched more than CHANGE_LOG_MAX_IDS ids: the lists above are then empty
   * and a reader must re-read the graph (the version is still accounted for)
   */
  overflow: boolean;
}

/** How many versions the change log keeps by default. */
export const CHANGE_LOG_VERSIONS = 1000;
/** The most ids one change record lists before it is stored as an overflow. */
export const CHANGE_LOG_MAX_IDS = 50_000;

/** A relation that a change removed, with its endpoints (its id alone is a hash). */
export interface RemovedRelation {
  id: string;
  type: string;
  from: string;
  to: string;
}

/** What changed after a version: the current state of everything changed since, or why it cannot be told. */
export type ChangesSince =
  | {
      kind: 'changes';
      /** the version asked about */
      since: number;
      /** the newest version the changes reach (the snapshot built from them has this version) */
      version: number;
      /** the change records read, oldest first */
      records: ChangeRecord[];
      /** current state of the entities changed since */
      entities: EntityRecord[];
      /** current state of the relations changed since that still exist */
      relations: RelationRecord[];
      /** relations changed since that no longer exist */
      removed: RemovedRelation[];
    }
  | {
      kind: 'too-far-behind';
      since: number;
      version: number;
      /** why the log cannot answer: versions it no longer holds, an overflow record, a reset store */
      reason: string;
    };

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
  /** One page of an entity's relations, typed, directed and paged by the store (ordered by relation id). */
  relationPage(id: string, opts?: RelationPageOptions): Promise<{ items: Neighbour[]; endCursor: string | null; hasNextPage: boolean }>;
  /** The relations (with their aggregated props) of many entities at once, for DataLoader. */
  relationsOf(ids: string[]): Promise<Map<string, RelationRecord[]>>;
  /** The claims behind many relations at once (live ones only unless includeRetracted). */
  claimsFor(relationIds: string[], opts?: { includeRetracted?: boolean }): Promise<Map<string, ClaimRecord[]>>;
  /** Claims by id, live or retracted, with their state (ids not found are absent from the map). */
  claimsById(ids: string[]): Promise<Map<string, ClaimState>>;
  claimsAbout(entityId: string): Promise<ClaimRecord[]>;
  getDocuments(ids: string[]): Promise<Map<string, DocumentRecord>>;
  /** Full-text search over names, aliases and descriptions. */
  search(query: string, opts?: { labels?: Label[]; limit?: number }): Promise<SearchHit[]>;
  /** Many searches in one round trip (entity resolution of a document's new names); one list of hits per query, in order. */
  searchMany(queries: { query: string; labels?: Label[]; limit?: number }[]): Promise<SearchHit[][]>;
  /** Every entity of the given labels (no relations, no documents unless asked), read page by page: what a gazetteer needs. */
  entitiesOf(labels: readonly Label[]): Promise<EntityRecord[]>;
  /** Moves on every write that changes something. */
  graphVersion(): Promise<number>;
  counts(): Promise<{ entities: Record<string, number>; relations: Record<string, number>; claims: number; documents: number }>;
  /** The whole graph, for the snapshot and export. */
  readAll(): Promise<{ version: number; entities: EntityRecord[]; relations: RelationRecord[] }>;
  /**
   * Set by a store that builds the whole-graph snapshot itself off the calling thread (the embedded store, in its
   * thread; pages of at most `pageSize` entities there): the snapshot readSnapshot (snapshot-cache.ts) would read, packed in shared
   * memory, taken by the caller without work per node or edge. Writes that land during the build are caught up by the
   * caller from the change log, as after readSnapshot.
   */
  buildSnapshot?(pageSize: number): Promise<Snapshot>;
  /**
   * What changed after `version`, from the change log: the current records of the entities and
   * relations changed since, and the relations removed; "too-far-behind" when the log no longer
   * reaches back that far (or a change was too large to list), and the caller must re-read.
   */
  changesSince(version: number): Promise<ChangesSince>;
  /** The change records after `version`, oldest first, at most `limit` (replicas read it; it keeps recent versions only). */
  changeLog(since: number, limit?: number): Promise<ChangeRecord[]>;
  /**
   * One page of the history, newest first: claims added, retracted and superseded, and relations
   * whose aggregate moved, at the version and time of the write (graph/history.ts); kept for good.
   */
  history(query?: HistoryQuery): Promise<HistoryPage>;
  /** The whole history of many relations at once, newest first. */
  relationHistory(relationIds: string[]): Promise<Map<string, HistoryEvent[]>>;
  /** Every claim citing these documents, live and retracted, with when each was added and retracted; newest first. */
  claimsOfDocuments(documentIds: string[]): Promise<Map<string, ClaimState[]>>;
  /**
   * Every entity id (documents included) in id order (code-point order), read without holding the
   * event loop for more than a few milliseconds at a time: in ordered pages where an index orders
   * them, else in one unordered pass sorted in slices.
   */
  entityIdList(): Promise<string[]>;
  /** The relations leaving these entities, for a paged read of the whole graph. */
  relationsFrom(ids: string[]): Promise<RelationRecord[]>;
  allClaims(): Promise<ClaimRecord[]>;
  allDocuments(): Promise<DocumentRecord[]>;
  /** Every stored document input, without bodies, ordered by document id. */
  listDocumentInputs(): Promise<DocumentInputInfo[]>;
  /** The stored inputs of these documents, with their bodies. */
  getDocumentInputs(documentIds: string[]): Promise<Map<string, DocumentInput>>;
  /** Removes every entity, relation, claim, document and document input (seed --reset). */
  clear(): Promise<void>;
  /**
   * Takes the lease on a job for ttlMs (by the store server's clock) unless another owner holds an
   * unexpired one; returns the grant with its fencing token, or null.
   */
  acquireLease(job: string, owner: string, ttlMs: number): Promise<Lease | null>;
  /** Extends a lease its holder still holds; null when it lapsed or another worker took it. */
  renewLease(lease: Lease, ttlMs: number): Promise<Lease | null>;
  /** Frees a lease (only the grant with this token, when given); the token keeps growing for the next grant. */
  releaseLease(job: string, owner: string, token?: number): Promise<void>;
  /** Appends JSON entries to a small named log (ingest runs, dead letters); an entry with a known id is replaced. */
  appendLog(kind: string, entries: { id: string; at: string; data: unknown }[]): Promise<void>;
  /** The newest entries of a log, newest first. */
  readLog(kind: string, limit?: number): Promise<{ at: string; data: unknown }[]>;
  close(): Promise<void>;
}

/** The history events `query` selects, newest first, read a page of at most 1,000 at a time: at most `max` of them, all when `max` is 0. */
export async function readHistory(store: Pick<GraphStore, 'history'>, query: Omit<HistoryQuery, 'first' | 'after'>, max: number): Promise<HistoryEvent[]> {
  const out: HistoryEvent[] = [];
  let after: string | null = null;
  while (max === 0 || out.length < max) {
    const page = await store.history({ ...query, first: max === 0 ? 1000 : Math.min(1000, max - out.length), after });
    out.push(...page.items);
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  return out;
}
