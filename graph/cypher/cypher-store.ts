// The GraphStore over any Cypher executor: both adapters share this code and the catalogue, and
// differ only in how they run a query, a transaction and a full-text search.
import { labelProps, relationProps, RELATION_ENDPOINTS, type Label, type RelationType } from '../../schema/generated/model.js';
import { InvalidInput, StoreUnavailable } from '../../schema/errors.js';
import { propsProblem, sameKindProblem } from '../../schema/validate.js';
import { relationId, type ClaimRecord, type DocumentRecord, type EntityRecord, type Props, type RelationRecord } from '../../schema/records.js';
import { aggregateClaims, claimsByRelation } from '../claims.js';
import { compareEvents, historyCursor, netMoves, parseHistoryCursor, writeEvents, type ClaimState, type HistoryEvent, type HistoryPage, type HistoryQuery } from '../history.js';
import { compareIds, Snapshot, type SnapshotWire } from '../snapshot.js';
import { PageSizer, runPaced, sortSteps } from '../snapshot-pacing.js';
import { pageCount } from '../query-page.js';
import { createHash, randomUUID } from 'node:crypto';
import {
  LeaseLost,
  CHANGE_LOG_MAX_IDS,
  CHANGE_LOG_VERSIONS,
  type ChangeRecord,
  type ChangesSince,
  type DocumentInput,
  type DocumentInputInfo,
  type FindOptions,
  type GraphStore,
  type Lease,
  type LeaseFence,
  type Neighbour,
  type Page,
  type RelationPageOptions,
  type RemovedRelation,
  type SearchHit,
  type StoreInfo,
  type WriteBatch,
  type WriteResult,
} from '../store.js';
import { CLEAR, ENTITY_KEYS, MIGRATIONS, Q, RELATION_KEYS, findWhere } from './catalogue.js';

export type Row = Record<string, unknown>;

export interface CypherTx {
  run(query: string, params?: Record<string, unknown>): Promise<Row[]>;
}

/** A full-text query: entities of these labels (any when empty) ranked by relevance, at most limit. */
export interface TextQuery {
  query: string;
  labels: readonly string[];
  limit: number;
}

/** What an adapter provides: queries, write transactions, whole-graph batches, full-text search. */
export interface CypherExecutor {
  readonly info: StoreInfo;
  /** a read; with timeoutMs the store abandons it after that long */
  read(query: string, params?: Record<string, unknown>, opts?: { timeoutMs?: number }): Promise<Row[]>;
  write<T>(work: (tx: CypherTx) => Promise<T>): Promise<T>;
  /** whole-graph work (CLEAR): in batches of their own transactions where the store can, else in one */
  runInBatches(steps: readonly { batched: string; single: string }[]): Promise<void>;
  /** runs MIGRATIONS plus the adapter's own full-text index DDL */
  migrate(statements: string[]): Promise<void>;
  /**
   * Set by a store without ordered index scans (the embedded one), where each page of an ORDER BY
   * over a key costs a scan of every node of the label: a long ordered listing is then read in one
   * unordered pass instead, its rows handed over in slices with the event loop served between them.
   */
  readInSlices?(query: string, params?: Record<string, unknown>): AsyncGenerator<Row[]>;
  /** Set by an executor whose store runs in a thread of its own: the whole-graph snapshot built there (GraphStore.buildSnapshot). */
  snapshot?(pageSize: number): Promise<SnapshotWire>;
  /** entity ids ranked by full-text relevance over name, aliases and description, filtered by label inside the index query; one list per query, in one round trip */
  textSearch(queries: readonly TextQuery[]): Promise<{ id: string; score: number }[][]>;
  close(): Promise<void>;
}

const entityKeySet = new Set<string>(ENTITY_KEYS);
const relationKeySet = new Set<string>(RELATION_KEYS);
const DOCUMENT_FIELDS = ['url', 'title', 'publisher', 'publishedAt', 'kind', 'contentHash'] as const;

/** A stored value as a prop's value: scalars as they are, integers as numbers, lists without nulls; undefined for what no prop holds. */
function cleanValue(v: unknown): Props[string] | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map((x) => (typeof x === 'bigint' ? Number(x) : x)) as Props[string];
  return undefined;
}

function clean(props: Record<string, unknown>): Props {
  return cleanExcept(props, null);
}

/** The props of a stored map, its record keys left out; one pass, since a whole-graph read decodes every row (less garbage, fewer collections). */
function cleanExcept(row: Record<string, unknown>, keys: ReadonlySet<string> | null): Props {
  const out: Props = {};
  for (const k of Object.keys(row)) {
    if (keys?.has(k)) continue;
    const v = cleanValue(row[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** The text the full-text index sees: name, aliases, description and joined forms ("nvidiah20"). */
export function searchTextOf(e: Pick<EntityRecord, 'name' | 'aliases' | 'description'>): string {
  const names = [e.name, ...e.aliases];
  const joined = names.map((n) => n.replace(/[^A-Za-z0-9]+/g, '')).filter((n) => n.length > 1);
  return [...names, ...joined, e.description ?? ''].join(' \n ').toLowerCase();
}

function encodeEntity(e: EntityRecord): Props {
  const props = clean(e.props);
  for (const k of entityKeySet) delete props[k];
  const stored: Props = { ...props, id: e.id, label: e.label, name: e.name, aliases: e.aliases, searchText: searchTextOf(e) };
  if (e.description) stored.description = e.description;
  return stored;
}

/** Decodes a stored node's properties into an EntityRecord. */
export function decodeEntity(p: Row): EntityRecord {
  const props = cleanExcept(p, entityKeySet);
  const record: EntityRecord = {
    id: String(p.id),
    label: String(p.label) as Label,
    name: String(p.name),
    aliases: Array.isArray(p.aliases) ? p.aliases.map(String) : [],
    props,
  };
  if (typeof p.description === 'string') record.description = p.description;
  return record;
}

function documentEntity(d: DocumentRecord): EntityRecord {
  const props: Props = {};
  for (const k of DOCUMENT_FIELDS) if (d[k] !== undefined) props[k] = d[k]!;
  return { id: d.id, label: 'Document', name: d.title ?? d.url, aliases: [], props };
}

function entityDocument(e: EntityRecord): DocumentRecord {
  const p = e.props;
  const doc: DocumentRecord = { id: e.id, url: String(p.url ?? e.name), kind: (p.kind as DocumentRecord['kind']) ?? 'record' };
  for (const k of ['title', 'publisher', 'publishedAt', 'contentHash'] as const) if (typeof p[k] === 'string') doc[k] = p[k] as string;
  return doc;
}

function encodeInput(i: DocumentInput): Props {
  const stored: Props = { id: i.documentId, url: i.url, readAs: i.readAs, body: i.body, encoding: i.encoding };
  for (const k of ['contentType', 'title', 'publishedAt', 'job', 'extractedWith'] as const) if (i[k] !== undefined) stored[k] = i[k]!;
  return stored;
}

function decodeInputInfo(p: Row): DocumentInputInfo {
  const info: DocumentInputInfo = { documentId: String(p.id), url: String(p.url), readAs: String(p.readAs) };
  if (typeof p.job === 'string') info.job = p.job;
  if (typeof p.extractedWith === 'string') info.extractedWith = p.extractedWith;
  return info;
}

function decodeInput(p: Row): DocumentInput {
  const input: DocumentInput = { ...decodeInputInfo(p), body: String(p.body ?? ''), encoding: p.encoding === 'base64' ? 'base64' : 'utf8' };
  for (const k of ['contentType', 'title', 'publishedAt'] as const) if (typeof p[k] === 'string') input[k] = p[k] as string;
  return input;
}

function encodeClaim(c: ClaimRecord): Props {
  const stored: Props = {
    relKey: relationId(c.subject, c.rel, c.object),
    subject: c.subject,
    rel: c.rel,
    object: c.object,
    propsJson: JSON.stringify(c.props),
    documentId: c.documentId,
    extractor: c.extractor,
    confidence: c.confidence,
    observedAt: c.observedAt,
  };
  if (c.quote !== undefined) stored.quote = c.quote;
  if (c.validFrom) stored.validFrom = c.validFrom;
  if (c.validTo) stored.validTo = c.validTo;
  return stored;
}

/** Decodes a stored claim node, with its state and history. */
export function decodeClaim(p: Row): ClaimState {
  const claim: ClaimState = {
    id: String(p.id),
    subject: String(p.subject),
    rel: String(p.rel) as RelationType,
    object: String(p.object),
    props: clean(JSON.parse(String(p.propsJson ?? '{}')) as Record<string, unknown>),
    documentId: String(p.documentId),
    extractor: String(p.extractor),
    confidence: Number(p.confidence),
    observedAt: String(p.observedAt),
    retracted: p.retracted === true,
  };
  if (typeof p.quote === 'string') claim.quote = p.quote;
  if (typeof p.validFrom === 'string') claim.validFrom = p.validFrom;
  if (typeof p.validTo === 'string') claim.validTo = p.validTo;
  if (p.addedVersion !== null && p.addedVersion !== undefined) claim.addedVersion = num(p.addedVersion);
  if (typeof p.addedAt === 'string') claim.addedAt = p.addedAt;
  if (claim.retracted && p.retractedVersion !== null && p.retractedVersion !== undefined) claim.retractedVersion = num(p.retractedVersion);
  if (claim.retracted && typeof p.retractedAt === 'string') claim.retractedAt = p.retractedAt;
  if (claim.retracted && (p.retractedAs === 'retracted' || p.retractedAs === 'superseded')) claim.retractedAs = p.retractedAs;
  return claim;
}

function encodeEvent(e: HistoryEvent): Props {
  const stored: Props = {
    entry: e.entry,
    kind: e.kind,
    version: e.version,
    at: e.at,
    key: e.key,
    relKey: e.relKey,
    rel: e.rel,
    subject: e.subject,
    object: e.object,
    documents: e.documents,
    claims: e.claims,
  };
  if (e.before) stored.beforeJson = JSON.stringify(e.before);
  if (e.after) stored.afterJson = JSON.stringify(e.after);
  if (e.backfilled) stored.backfilled = true;
  return stored;
}

/** Decodes a stored history event. */
export function decodeEvent(p: Row): HistoryEvent {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  const event: HistoryEvent = {
    id: String(p.id),
    entry: p.entry === 'relation' ? 'relation' : 'claim',
    kind: String(p.kind) as HistoryEvent['kind'],
    version: num(p.version),
    at: String(p.at),
    key: String(p.key),
    relKey: String(p.relKey),
    rel: String(p.rel),
    subject: String(p.subject),
    object: String(p.object),
    documents: list(p.documents),
    claims: list(p.claims),
  };
  if (typeof p.beforeJson === 'string') event.before = JSON.parse(p.beforeJson) as HistoryEvent['before'];
  if (typeof p.afterJson === 'string') event.after = JSON.parse(p.afterJson) as HistoryEvent['after'];
  if (p.backfilled === true) event.backfilled = true;
  return event;
}

function encodeRelation(r: RelationRecord): Props {
  const props = clean(r.props);
  for (const k of relationKeySet) delete props[k];
  const stored: Props = { ...props, id: r.id, confidence: r.confidence, claimCount: r.claimCount };
  for (const k of ['validFrom', 'validTo', 'firstSeen', 'lastSeen'] as const) if (r[k]) stored[k] = r[k]!;
  return stored;
}

function decodeRelation(source: unknown, type: unknown, target: unknown, rp: Row): RelationRecord {
  const props = cleanExcept(rp, relationKeySet);
  const rel: RelationRecord = {
    id: String(rp.id ?? relationId(String(source), String(type), String(target))),
    type: String(type) as RelationType,
    from: String(source),
    to: String(target),
    props,
    confidence: Number(rp.confidence ?? 1),
    claimCount: Number(rp.claimCount ?? 0),
  };
  for (const k of ['validFrom', 'validTo', 'firstSeen', 'lastSeen'] as const) if (typeof rp[k] === 'string') rel[k] = rp[k] as string;
  return rel;
}

function sameStored(before: Row | undefined, after: Props): boolean {
  if (!before) return false;
  return Object.entries(after).every(([k, v]) => JSON.stringify(clean({ v: before[k] }).v) === JSON.stringify(v));
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : Number(v ?? 0));

/** Checks every record of a batch against the domain model; throws one InvalidInput naming each problem. */
function validateBatch(batch: WriteBatch, labelOf: Map<string, Label>): void {
  const problems: string[] = [];
  for (const e of batch.entities ?? []) {
    const parsed = labelProps[e.label]?.safeParse(e.props);
    if (!parsed) problems.push(`entity ${e.id}: unknown label ${e.label}`);
    else if (!parsed.success) problems.push(`entity ${e.id}: props.${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
    if (!e.name.trim()) problems.push(`entity ${e.id}: name is empty`);
    const stored = propsProblem('props', e.props);
    if (stored) problems.push(`entity ${e.id}: ${stored}`);
  }
  for (const c of batch.claims ?? []) {
    const ends = RELATION_ENDPOINTS[c.rel];
    if (!ends) {
      problems.push(`claim ${c.id}: unknown relation type ${c.rel}`);
      continue;
    }
    const from = labelOf.get(c.subject);
    const to = labelOf.get(c.object);
    if (!from) problems.push(`claim ${c.id}: unknown subject entity "${c.subject}"`);
    else if (!ends.from.includes(from)) problems.push(`claim ${c.id}: ${c.rel} cannot start at a ${from} (${c.subject}); allowed: ${ends.from.join(', ')}`);
    if (!to) problems.push(`claim ${c.id}: unknown object entity "${c.object}"`);
    else if (!ends.to.includes(to)) problems.push(`claim ${c.id}: ${c.rel} cannot end at a ${to} (${c.object}); allowed: ${ends.to.join(', ')}`);
    const kinds = from && to ? sameKindProblem(c.rel, from, to) : null;
    if (kinds) problems.push(`claim ${c.id}: ${kinds} (${c.subject}, ${c.object})`);
    const parsed = relationProps[c.rel].safeParse(c.props);
    if (!parsed.success) problems.push(`claim ${c.id}: props.${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
    // a claim's props become its relation's properties, which the store must be able to hold
    const stored = propsProblem('props', c.props);
    if (stored) problems.push(`claim ${c.id}: ${stored}`);
    if (!(c.confidence >= 0 && c.confidence <= 1)) problems.push(`claim ${c.id}: confidence must be between 0 and 1, got ${c.confidence}`);
  }
  if (problems.length) throw new InvalidInput(problems.slice(0, 20).join('; ') + (problems.length > 20 ? `; and ${problems.length - 20} more` : ''));
}

/** Locks the lease inside a write and refuses the write unless the lease is still held with this token. */
async function checkFence(tx: CypherTx, fence: LeaseFence): Promise<void> {
  const row = (await tx.run(Q.fenceLease, { job: fence.job }))[0];
  if (!row || num(row.token) !== fence.token || typeof row.owner !== 'string')
    throw new LeaseLost(
      `lease ${fence.job}: grant ${fence.token} is no longer held (${row && typeof row.owner === 'string' ? `grant ${num(row.token)} belongs to ${row.owner}` : 'released'}); the write was not made`,
    );
  if (num(row.expiresAt) < num(row.now)) throw new LeaseLost(`lease ${fence.job}: grant ${fence.token} lapsed at ${new Date(num(row.expiresAt)).toISOString()}; the write was not made`);
}

function leaseOf(job: string, row: Row | undefined): Lease | null {
  if (!row || typeof row.owner !== 'string') return null;
  return { job, owner: row.owner, token: num(row.token), expiresAt: new Date(num(row.expiresAt)).toISOString() };
}

/** Reads a whole result page by page, each page its own query, following the last key. */
async function paged<T>(readPage: (after: string) => Promise<Row[]>, decode: (row: Row) => T, keyOf: (row: Row) => string, pageSize: number): Promise<T[]> {
  const out: T[] = [];
  let after = '';
  for (;;) {
    const rows = await readPage(after);
    for (const row of rows) out.push(decode(row));
    if (rows.length < pageSize) return out;
    after = keyOf(rows.at(-1)!);
  }
}

const PAGE = 5_000;

/** What a store's schema is brought up to: a hash of the migrations (and the adapter, whose own DDL differs). */
export function schemaFingerprint(kind: StoreInfo['kind']): string {
  return createHash('sha256')
    .update(JSON.stringify([kind, MIGRATIONS]))
    .digest('hex')
    .slice(0, 16);
}

/** The lease one process holds while it migrates the schema. */
export const MIGRATION_LEASE = 'store:migrate';

/** Options of the Cypher store. */
export interface CypherStoreOptions {
  /** how many graph versions the change log keeps (default CHANGE_LOG_VERSIONS) */
  changeLogVersions?: number;
}

/** How many versions the change log keeps under these options; throws InvalidInput on a bad setting. */
export function changeLogRetention(opts: CypherStoreOptions): number {
  const keep = opts.changeLogVersions ?? CHANGE_LOG_VERSIONS;
  if (!Number.isInteger(keep) || keep < 1) throw new InvalidInput(`changeLogVersions: expected a whole number of versions, at least 1, got ${String(keep)}`);
  return keep;
}

/** The ids a write changed, gathered while it runs and logged when it moves the version. */
type ChangeIds = Omit<ChangeRecord, 'version' | 'at' | 'overflow'>;

/** Reads ids in slices so that no single query carries an unbounded list. */
const ID_SLICE = 5000;
function slices<T>(items: T[], size = ID_SLICE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function decodeChange(p: Row): ChangeRecord {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return {
    version: num(p.version),
    at: String(p.at ?? ''),
    entities: list(p.entities),
    relations: list(p.relations),
    claimsAdded: list(p.claimsAdded),
    claimsRetracted: list(p.claimsRetracted),
    claimsSuperseded: list(p.claimsSuperseded),
    overflow: p.overflow === true,
  };
}

/** GraphStore over a Cypher executor. */
export class CypherGraphStore implements GraphStore {
  private readonly changeLogVersions: number;

  readonly buildSnapshot?: (pageSize: number) => Promise<Snapshot>;

  constructor(
    private readonly x: CypherExecutor,
    opts: CypherStoreOptions = {},
  ) {
    this.changeLogVersions = changeLogRetention(opts);
    // (only where the executor builds it elsewhere: a store without leaves the read to readSnapshot)
    if (x.snapshot) this.buildSnapshot = async (pageSize) => Snapshot.fromWire(await x.snapshot!(pageSize));
  }

  get info(): StoreInfo {
    return this.x.info;
  }

  /**
   * Brings the schema up to MIGRATIONS once per change, by one process: a store whose fingerprint
   * is current is left alone (every replica but the first skips the DDL); otherwise the process
   * that takes the migration lease runs it while the others wait for the fingerprint to appear.
   */
  async migrate(opts: { waitMs?: number; pollMs?: number } = {}): Promise<void> {
    const waitMs = opts.waitMs ?? 5 * 60_000;
    const fingerprint = schemaFingerprint(this.x.info.kind);
    const current = async () => (await this.x.read(Q.schemaFingerprint))[0]?.fingerprint === fingerprint;
    if (await current()) return;
    const owner = `migrate-${process.pid}-${randomUUID().slice(0, 8)}`;
    const lease = await this.acquireLease(MIGRATION_LEASE, owner, 10 * 60_000);
    if (!lease) {
      const until = Date.now() + waitMs;
      while (Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, opts.pollMs ?? 500));
        if (await current()) return;
      }
      throw new StoreUnavailable(`the store's schema is being migrated by another process, which has not finished within ${Math.round(waitMs / 1000)} s (lease ${MIGRATION_LEASE})`);
    }
    try {
      await this.x.migrate(MIGRATIONS);
      await this.backfillHistory();
      await this.x.write((tx) => tx.run(Q.setSchemaFingerprint, { fingerprint }));
    } finally {
      await this.releaseLease(MIGRATION_LEASE, owner, lease.token);
    }
  }

  /**
   * Gives claims stored before history was kept their history: each counts as added at the first
   * version the change log lists it under, else at the oldest version the log (or the store) knows,
   * and a retracted one as retracted where the log says, else at that same version. Events written
   * here say `backfilled`. A page of claims per transaction; safe to run again.
   */
  private async backfillHistory(): Promise<void> {
    if (!(await this.x.read(Q.claimsWithoutHistory, { after: '', limit: 1 })).length) return;
    const log = (await this.x.read(Q.changesAfter, { since: 0, until: Number.MAX_SAFE_INTEGER, limit: this.changeLogVersions + 1 })).map((r) => decodeChange(r.p as Row));
    const oldest = log[0] ? { version: log[0].version, at: log[0].at } : { version: await this.graphVersion(), at: new Date().toISOString() };
    const added = new Map<string, { version: number; at: string }>();
    const retracted = new Map<string, { version: number; at: string; as: 'retracted' | 'superseded' }>();
    for (const r of log) {
      for (const id of r.claimsAdded) if (!added.has(id)) added.set(id, r);
      for (const id of r.claimsRetracted) retracted.set(id, { version: r.version, at: r.at, as: 'retracted' });
      for (const id of r.claimsSuperseded) retracted.set(id, { version: r.version, at: r.at, as: 'superseded' });
    }
    for (let after = ''; ;) {
      const page = (await this.x.read(Q.claimsWithoutHistory, { after, limit: 1000 })).map((r) => decodeClaim(r.p as Row));
      if (!page.length) return;
      after = page.at(-1)!.id;
      const events: HistoryEvent[] = [];
      const claimRows: Row[] = [];
      const retractionRows: Row[] = [];
      for (const c of page) {
        const relKey = relationId(c.subject, c.rel, c.object);
        const base = { entry: 'claim' as const, key: c.id, relKey, rel: c.rel, subject: c.subject, object: c.object, documents: [c.documentId], claims: [c.id], backfilled: true };
        const add = added.get(c.id) ?? oldest;
        events.push({ ...base, id: `${c.id}@${add.version}`, kind: 'added', version: add.version, at: add.at });
        claimRows.push({ id: c.id, addedVersion: add.version, addedAt: add.at });
        if (!c.retracted) continue;
        const found = retracted.get(c.id);
        const gone = found && found.version >= add.version ? found : { version: add.version, at: add.at, as: 'retracted' as const };
        events.push({ ...base, id: `${c.id}@${gone.version}${gone.version === add.version ? `:${gone.as}` : ''}`, kind: gone.as, version: gone.version, at: gone.at });
        retractionRows.push({ id: c.id, retractedVersion: gone.version, retractedAt: gone.at, retractedAs: gone.as });
      }
      await this.x.write(async (tx) => {
        await tx.run(Q.appendEvents, { rows: events.map((e) => ({ id: e.id, props: encodeEvent(e) })) });
        if (retractionRows.length) await tx.run(Q.backfillRetractions, { rows: retractionRows });
        await tx.run(Q.backfillClaims, { rows: claimRows });
      });
    }
  }

  async write(batch: WriteBatch): Promise<WriteResult> {
    const entities = [...(batch.entities ?? []), ...(batch.documents ?? []).map(documentEntity)];
    const claims = batch.claims ?? [];
    const labelOf = new Map<string, Label>(entities.map((e) => [e.id, e.label]));
    const unknown = [...new Set(claims.flatMap((c) => [c.subject, c.object]))].filter((id) => !labelOf.has(id));
    if (unknown.length) for (const [id, e] of await this.getEntities(unknown)) labelOf.set(id, e.label);
    validateBatch(batch, labelOf);

    return this.x.write(async (tx) => {
      if (batch.fence) await checkFence(tx, batch.fence);
      const result: WriteResult = { entities: 0, documents: 0, claimsAdded: 0, claimsRetracted: 0, relationsChanged: 0, version: 0 };
      const log: ChangeIds = { entities: [], relations: [], claimsAdded: [], claimsRetracted: [], claimsSuperseded: [] };
      // entities: only those that change are written, so a repeated write is a no-op; in id order, so two writers lock them in one order
      if (entities.length) {
        entities.sort((a, b) => compareIds(a.id, b.id));
        const existing = new Map((await tx.run(Q.getEntities, { ids: entities.map((e) => e.id) })).map((r) => [String((r.p as Row).id), r.p as Row]));
        const changed = entities.map((e) => ({ e, props: encodeEntity(e) })).filter(({ e, props }) => !sameStored(existing.get(e.id), props));
        for (const [label, group] of groupBy(changed, ({ e }) => e.label)) await tx.run(Q.upsertEntities(label), { rows: group.map(({ e, props }) => ({ id: e.id, props })) });
        result.entities = changed.filter(({ e }) => e.label !== 'Document').length;
        log.entities = changed.map(({ e }) => e.id);
        result.documents = changed.length - result.entities;
      }
      const affected = new Set<string>();
      if (batch.retractDocumentClaims?.length)
        for (const r of await tx.run(Q.retractDocumentClaims, { docs: batch.retractDocumentClaims })) {
          affected.add(String(r.relKey));
          log.claimsSuperseded.push(String(r.id));
          result.claimsRetracted++;
        }
      if (batch.retractClaims?.length)
        for (const r of await tx.run(Q.retractClaims, { ids: batch.retractClaims })) {
          affected.add(String(r.relKey));
          log.claimsRetracted.push(String(r.id));
          result.claimsRetracted++;
        }
      if (claims.length) {
        const unique = [...new Map(claims.map((c) => [c.id, c])).values()].sort((a, b) => compareIds(a.id, b.id));
        const state = new Map((await tx.run(Q.claimState, { ids: unique.map((c) => c.id) })).map((r) => [String(r.id), r.retracted === true]));
        const fresh = unique.filter((c) => state.get(c.id) !== false);
        if (fresh.length) {
          await tx.run(Q.createClaims, { rows: fresh.map((c) => ({ id: c.id, props: encodeClaim(c) })) });
          for (const c of fresh) affected.add(relationId(c.subject, c.rel, c.object));
          log.claimsAdded = fresh.map((c) => c.id);
          result.claimsAdded = fresh.filter((c) => !state.has(c.id)).length;
          result.claimsRetracted -= fresh.filter((c) => state.get(c.id) === true).length;
        }
      }
      let touched: ClaimState[] = [];
      if (affected.size) ({ count: result.relationsChanged, claims: touched } = await this.recompute(tx, [...affected].sort()));
      if (batch.inputs?.length) await tx.run(Q.upsertInputs, { rows: batch.inputs.map((i) => ({ id: i.documentId, props: encodeInput(i) })) });
      const changed = result.entities + result.documents + result.claimsAdded + result.relationsChanged + Math.abs(result.claimsRetracted);
      result.claimsRetracted = Math.max(0, result.claimsRetracted);
      result.version = changed ? num((await tx.run(Q.bumpVersion))[0]?.version) : num((await tx.run(Q.graphVersion))[0]?.version);
      if (changed) {
        const at = new Date().toISOString();
        await this.logChange(tx, result.version, { ...log, relations: [...affected].sort() }, at);
        await this.recordHistory(tx, result.version, at, { added: log.claimsAdded, retracted: log.claimsRetracted, superseded: log.claimsSuperseded }, touched);
      }
      return result;
    });
  }

  /** Appends the change record of the version a write produced, and forgets the versions past retention. */
  private async logChange(tx: CypherTx, version: number, ids: ChangeIds, at: string): Promise<void> {
    const total = ids.entities.length + ids.relations.length + ids.claimsAdded.length + ids.claimsRetracted.length + ids.claimsSuperseded.length;
    // a bulk load is not worth listing: readers of an overflow record re-read the graph
    const overflow = total > CHANGE_LOG_MAX_IDS;
    const listed = overflow ? { entities: [], relations: [], claimsAdded: [], claimsRetracted: [], claimsSuperseded: [] } : ids;
    await tx.run(Q.appendChange, { version, at, ...listed, overflow });
    await tx.run(Q.pruneChanges, { oldest: version - this.changeLogVersions });
  }

  /**
   * Keeps the history of the version a write produced, for good: an event per claim it added,
   * retracted or superseded and per relation whose aggregate moved, and on each claim when it was
   * last added or retracted. A claim retracted and added again in one write did not change.
   */
  private async recordHistory(tx: CypherTx, version: number, at: string, moves: { added: string[]; retracted: string[]; superseded: string[] }, touched: ClaimState[]): Promise<void> {
    const net = netMoves(moves);
    const events = writeEvents(version, at, net, touched);
    for (const rows of slices(events)) await tx.run(Q.appendEvents, { rows: rows.map((e) => ({ id: e.id, props: encodeEvent(e) })) });
    for (const ids of slices(net.added)) await tx.run(Q.markClaimsAdded, { ids, version, at });
    const retracted = [...net.retracted.map((id) => ({ id, retractedAs: 'retracted' })), ...net.superseded.map((id) => ({ id, retractedAs: 'superseded' }))];
    for (const rows of slices(retracted)) await tx.run(Q.markClaimsRetracted, { rows, version, at });
  }

  /**
   * One page of the history, newest first, between the cursors `after` (older than it) and
   * `before` (newer than it): the first `first` from the newest end, or the last `last` from the
   * oldest. The events are read in windows of versions from that end (16, then 64, 256…
   * versions), each a range on the version index, until the page is full: sorting every event of
   * the store for each page would cost a scan of the whole history.
   */
  async history(query: HistoryQuery = {}): Promise<HistoryPage> {
    const first = pageCount(query.first, 'first', 1000);
    const last = pageCount(query.last, 'last', 1000);
    // the newest end unless only last is given
    const fromNewest = first !== null || last === null;
    const want = fromNewest ? (first ?? 50) : last!;
    const after = query.after ? parseHistoryCursor(query.after, 'after') : { version: Number.MAX_SAFE_INTEGER, id: '' };
    const before = query.before ? parseHistoryCursor(query.before, 'before') : { version: -1, id: '' };
    const filters = {
      since: query.since ?? '',
      until: query.until ?? '\uffff',
      types: [...new Set(query.types ?? [])],
      kinds: [...new Set(query.kinds ?? [])],
      entity: query.entity ?? '',
      document: query.document ?? '',
      relation: query.relation ?? '',
      beforeVersion: after.version,
      afterId: after.id,
      stopVersion: before.version,
      stopId: before.id,
    };
    const floor = Math.max(0, query.sinceVersion ?? 0, before.version - 1);
    const ceiling = Math.min(query.untilVersion ?? Number.MAX_SAFE_INTEGER, after.version, await this.graphVersion());
    const rows: Row[] = [];
    for (let span = 16, high = ceiling, low = floor; high > low && rows.length <= want; span *= 4) {
      // one window of versions at the end the page is read from
      const range = fromNewest ? { sinceVersion: Math.max(low, high - span), untilVersion: high } : { sinceVersion: low, untilVersion: Math.min(high, low + span) };
      rows.push(...(await this.x.read(fromNewest ? Q.historyPage : Q.historyPageOldest, { ...filters, ...range, limit: want + 1 - rows.length })));
      if (fromNewest) high = range.sinceVersion;
      else low = range.untilVersion;
    }
    let items = rows.slice(0, want).map((r) => decodeEvent(r.p as Row));
    if (!fromNewest) items.reverse();
    const more = rows.length > want;
    // first and last together: the last `last` of the first `first`
    const trimmed = fromNewest && last !== null && items.length > last;
    if (trimmed) items = items.slice(items.length - last);
    return {
      items,
      startCursor: items.length ? historyCursor(items[0]!) : null,
      endCursor: items.length ? historyCursor(items.at(-1)!) : null,
      hasNextPage: fromNewest ? more : !!query.before,
      hasPreviousPage: fromNewest ? trimmed || !!query.after : more,
    };
  }

  async relationHistory(relationIds: string[]): Promise<Map<string, HistoryEvent[]>> {
    return this.readPerId(
      relationIds,
      (keys) => this.x.read(Q.relationHistory, { keys }),
      decodeEvent,
      (e) => e.relKey,
      compareEvents,
    );
  }

  async claimsOfDocuments(documentIds: string[]): Promise<Map<string, ClaimState[]>> {
    // newest first, the order of every history list
    const newestFirst = (a: ClaimState, b: ClaimState) => (b.addedVersion ?? 0) - (a.addedVersion ?? 0) || compareIds(a.id, b.id);
    return this.readPerId(
      documentIds,
      (docs) => this.x.read(Q.claimsOfDocuments, { docs }),
      decodeClaim,
      (c) => c.documentId,
      newestFirst,
    );
  }

  /** Rows read in slices of distinct ids, decoded, listed under the id each belongs to (every id asked for has a list) and sorted. */
  private async readPerId<T>(ids: string[], read: (slice: string[]) => Promise<Row[]>, decode: (p: Row) => T, idOf: (t: T) => string, order: (a: T, b: T) => number): Promise<Map<string, T[]>> {
    const out = new Map<string, T[]>(ids.map((id) => [id, []]));
    for (const slice of slices([...new Set(ids)]))
      for (const r of await read(slice)) {
        const t = decode(r.p as Row);
        out.get(idOf(t))?.push(t);
      }
    for (const list of out.values()) list.sort(order);
    return out;
  }

  async changeLog(since: number, limit = 100): Promise<ChangeRecord[]> {
    const rows = await this.x.read(Q.changesAfter, { since, until: Number.MAX_SAFE_INTEGER, limit: Math.max(1, Math.min(limit, 10_000)) });
    return rows.map((r) => decodeChange(r.p as Row));
  }

  async changesSince(since: number): Promise<ChangesSince> {
    const version = await this.graphVersion();
    const behind = (reason: string): ChangesSince => ({ kind: 'too-far-behind', since, version, reason });
    if (since > version) return behind(`the store is at version ${version}, before version ${since}: it was replaced`);
    if (version - since > this.changeLogVersions) return behind(`the change log keeps ${this.changeLogVersions} versions; ${version - since} passed since version ${since}`);
    const records = version === since ? [] : (await this.x.read(Q.changesAfter, { since, until: version, limit: version - since })).map((r) => decodeChange(r.p as Row));
    for (let i = 0; i < version - since; i++) {
      const record = records[i];
      if (record?.version !== since + 1 + i) return behind(`the change log no longer holds version ${since + 1 + i}`);
      if (record.overflow) return behind(`version ${record.version} changed more than ${CHANGE_LOG_MAX_IDS} ids`);
    }
    const entityIds = [...new Set(records.flatMap((r) => r.entities))].sort();
    const relationIds = [...new Set(records.flatMap((r) => r.relations))].sort();
    const entities: EntityRecord[] = [];
    for (const ids of slices(entityIds)) entities.push(...(await this.getEntities(ids)).values());
    const ends: RemovedRelation[] = [];
    for (const keys of slices(relationIds))
      for (const r of await this.x.read(Q.relationEndpoints, { keys })) ends.push({ id: String(r.id), type: String(r.type), from: String(r.source), to: String(r.target) });
    const relations: RelationRecord[] = [];
    for (const [type, group] of groupBy(ends, (e) => e.type))
      for (const rows of slices(group))
        for (const r of await this.x.read(Q.relationsBetween(type), { rows: rows.map(({ from, to }) => ({ from, to })) })) relations.push(decodeRelation(r.source, r.type, r.target, r.rp as Row));
    const live = new Set(relations.map((r) => r.id));
    const removed = ends.filter((e) => !live.has(e.id)).sort((a, b) => compareIds(a.id, b.id));
    entities.sort((a, b) => compareIds(a.id, b.id));
    relations.sort((a, b) => compareIds(a.id, b.id));
    return { kind: 'changes', since, version, records, entities, relations, removed };
  }

  async entityIdList(): Promise<string[]> {
    const ids: string[] = [];
    if (this.x.readInSlices) {
      for await (const rows of this.x.readInSlices(Q.entityIds)) for (const r of rows) ids.push(String(r.id));
      return runPaced(sortSteps(ids, compareIds));
    }
    const pages = new PageSizer(100, 10_000);
    for (let after = ''; ;) {
      const want = pages.next;
      const page = await pages.page(async () => (await this.x.read(Q.entityIdPage, { after, limit: want })).map((r) => String(r.id)));
      for (const id of page) ids.push(id);
      if (page.length < want) return ids;
      after = page.at(-1)!;
    }
  }

  async relationsFrom(ids: string[]): Promise<RelationRecord[]> {
    if (!ids.length) return [];
    return (await this.x.read(Q.relationsFrom, { ids: [...new Set(ids)] })).map((r) => decodeRelation(r.source, r.type, r.target, r.rp as Row));
  }

  /**
   * Rewrites the relations of the given keys (sorted) from their live claims; returns how many
   * changed. The relations are locked first, in key order, and their claims read only then, so
   * the aggregate always counts every claim committed before it: a second writer of the same
   * relation waits for the first and then sees its claims. Each relation is merged in place (one
   * edge per from, type, to), or deleted when no live claim is left.
   */
  private async recompute(tx: CypherTx, keys: string[]): Promise<{ count: number; claims: ClaimState[] }> {
    await tx.run(Q.lockRelations, { keys, writer: randomUUID() });
    const all = (await tx.run(Q.allClaimsFor, { keys })).map((r) => decodeClaim(r.p as Row));
    const byKey = claimsByRelation(all);
    const deletes: { type: string; from: string; to: string }[] = [];
    const merges: RelationRecord[] = [];
    for (const group of byKey.values()) {
      const first = group[0]!;
      const rel = aggregateClaims(group.filter((c) => !c.retracted));
      if (rel) merges.push(rel);
      else deletes.push({ type: first.rel, from: first.subject, to: first.object });
    }
    for (const [type, rows] of groupBy(deletes, (d) => d.type)) await tx.run(Q.deleteRelations(type), { rows: rows.map(({ from, to }) => ({ from, to })) });
    for (const [type, rels] of groupBy(merges, (r) => r.type)) await tx.run(Q.mergeRelations(type), { rows: rels.map((r) => ({ from: r.from, to: r.to, props: encodeRelation(r) })) });
    return { count: byKey.size, claims: all };
  }

  async getEntities(ids: string[]): Promise<Map<string, EntityRecord>> {
    const out = new Map<string, EntityRecord>();
    if (!ids.length) return out;
    for (const r of await this.x.read(Q.getEntities, { ids: [...new Set(ids)] })) {
      const e = decodeEntity(r.p as Row);
      out.set(e.id, e);
    }
    return out;
  }

  async findEntities(label: Label, opts: FindOptions = {}): Promise<Page<EntityRecord>> {
    const first = Math.max(0, Math.min(opts.first ?? 50, 1000));
    let where;
    try {
      where = findWhere(label, opts.where ?? {});
    } catch {
      throw new InvalidInput(`cannot filter ${label} on ${Object.keys(opts.where ?? {}).join(', ')}: not a property of ${label}`);
    }
    const params = { ...where.params, label, after: opts.after ?? '', limit: first + 1 };
    const rows = await this.x.read(Q.findEntities(where.conditions), params);
    const total = await this.x.read(Q.countEntities(where.conditions), { ...where.params, label });
    const items = rows.slice(0, first).map((r) => decodeEntity(r.p as Row));
    return { items, endCursor: items.at(-1)?.id ?? null, hasNextPage: rows.length > first, totalCount: num(total[0]?.total) };
  }

  async neighbours(id: string, opts: { direction?: 'out' | 'in' | 'both'; types?: string[]; limit?: number } = {}): Promise<Neighbour[]> {
    const out: Neighbour[] = [];
    let after: string | null = null;
    for (;;) {
      const want = opts.limit === undefined ? 1000 : Math.min(1000, opts.limit - out.length);
      if (want <= 0) return out;
      const page = await this.relationPage(id, { ...opts, first: want, after });
      out.push(...page.items);
      if (!page.hasNextPage) return out;
      after = page.endCursor;
    }
  }

  async relationPage(id: string, opts: RelationPageOptions = {}): Promise<{ items: Neighbour[]; endCursor: string | null; hasNextPage: boolean }> {
    const first = Math.max(1, Math.min(opts.first ?? 100, 1000));
    const types = [...new Set(opts.types ?? [])];
    for (const t of types) if (!(t in RELATION_ENDPOINTS)) throw new InvalidInput(`types: unknown relation type ${JSON.stringify(t)}`);
    // the cursor is the last relation id and direction seen ("rel:…|out"); a self-loop is listed once per direction
    const [afterId = '', afterDir = ''] = (opts.after ?? '').split('|');
    const rows = await this.x.read(
      Q.relationPage,
      { id, types, dir: opts.direction ?? 'both', after: afterId, afterDir, limit: first + 1 },
      opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs },
    );
    const items = rows.slice(0, first).map((row) => ({
      relation: decodeRelation(row.source, row.type, row.target, row.rp as Row),
      entity: decodeEntity(row.mp as Row),
      direction: row.direction === 'in' ? ('in' as const) : ('out' as const),
    }));
    const last = items.at(-1);
    return { items, endCursor: last ? `${last.relation.id}|${last.direction}` : null, hasNextPage: rows.length > first };
  }

  async relationsOf(ids: string[]): Promise<Map<string, RelationRecord[]>> {
    const out = new Map<string, Map<string, RelationRecord>>(ids.map((id) => [id, new Map()]));
    if (!ids.length) return new Map();
    // a self-loop comes back once per direction; each relation is listed once per owner
    const unique = [...new Set(ids)];
    for (const row of [...(await this.x.read(Q.outRelations, { ids: unique })), ...(await this.x.read(Q.inRelations, { ids: unique }))]) {
      const rel = decodeRelation(row.source, row.type, row.target, row.rp as Row);
      out.get(String(row.owner))?.set(rel.id, rel);
    }
    return new Map([...out].map(([id, rels]) => [id, [...rels.values()].sort((a, b) => a.id.localeCompare(b.id))]));
  }

  async claimsFor(relationIds: string[], opts: { includeRetracted?: boolean } = {}): Promise<Map<string, ClaimRecord[]>> {
    const out = new Map<string, ClaimRecord[]>(relationIds.map((id) => [id, []]));
    if (!relationIds.length) return out;
    const rows = await this.x.read(opts.includeRetracted ? Q.allClaimsFor : Q.liveClaimsFor, { keys: [...new Set(relationIds)] });
    for (const r of rows) {
      const c = decodeClaim(r.p as Row);
      out.get(relationId(c.subject, c.rel, c.object))?.push(c);
    }
    for (const list of out.values()) list.sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));
    return out;
  }

  async claimsById(ids: string[]): Promise<Map<string, ClaimState>> {
    const out = new Map<string, ClaimState>();
    for (const slice of slices([...new Set(ids)]))
      for (const r of await this.x.read(Q.claimsById, { ids: slice })) {
        const c = decodeClaim(r.p as Row);
        out.set(c.id, c);
      }
    return out;
  }

  async claimsAbout(entityId: string): Promise<ClaimRecord[]> {
    const rows = [...(await this.x.read(Q.claimsBySubject, { id: entityId })), ...(await this.x.read(Q.claimsByObject, { id: entityId }))];
    const claims = new Map(rows.map((r) => decodeClaim(r.p as Row)).map((c) => [c.id, c]));
    return [...claims.values()].sort((a, b) => a.observedAt.localeCompare(b.observedAt) || a.id.localeCompare(b.id));
  }

  async getDocuments(ids: string[]): Promise<Map<string, DocumentRecord>> {
    const out = new Map<string, DocumentRecord>();
    for (const [id, e] of await this.getEntities(ids)) if (e.label === 'Document') out.set(id, entityDocument(e));
    return out;
  }

  async search(query: string, opts: { labels?: Label[]; limit?: number } = {}): Promise<SearchHit[]> {
    return (await this.searchMany([{ query, ...opts }]))[0]!;
  }

  async searchMany(queries: { query: string; labels?: Label[]; limit?: number }[]): Promise<SearchHit[][]> {
    const asked = queries.map((q) => ({ query: q.query.trim(), labels: q.labels ?? [], limit: Math.max(1, Math.min(q.limit ?? 10, 100)) }));
    const live = asked.filter((q) => q.query);
    if (!live.length) return asked.map(() => []);
    // the labels are filtered inside the index query, so the limit counts only entities of those labels
    const found = await this.x.textSearch(live.map((q) => ({ ...q, limit: q.limit * 5 })));
    const entities = await this.getEntities(found.flat().map((h) => h.id));
    let next = 0;
    return asked.map((q) => {
      if (!q.query) return [];
      const hits = found[next++]!;
      const norm = q.query.toLowerCase().replace(/[^a-z0-9]+/g, '');
      return hits
        .map((h) => ({ entity: entities.get(h.id), score: h.score }))
        .filter((h): h is SearchHit => !!h.entity && (!q.labels.length || q.labels.includes(h.entity.label)))
        .map((h) => {
          // an exact name or alias match outranks any partial match
          const exact = [h.entity.name, ...h.entity.aliases].some((n) => n.toLowerCase().replace(/[^a-z0-9]+/g, '') === norm);
          return { ...h, score: h.score + (exact ? 100 : 0) };
        })
        .sort((a, b) => b.score - a.score || a.entity.id.localeCompare(b.entity.id))
        .slice(0, q.limit);
    });
  }

  async entitiesOf(labels: readonly Label[]): Promise<EntityRecord[]> {
    const out: EntityRecord[] = [];
    for (const label of [...new Set(labels)].sort())
      out.push(
        ...(await paged(
          (after) => this.x.read(Q.entitiesPage, { label, after, limit: PAGE }),
          (r) => decodeEntity(r.p as Row),
          (r) => String((r.p as Row).id),
          PAGE,
        )),
      );
    return out;
  }

  async graphVersion(): Promise<number> {
    return num((await this.x.read(Q.graphVersion))[0]?.version);
  }

  async counts() {
    const tally = (rows: Row[]) => Object.fromEntries(rows.map((r) => [String(r.key), num(r.total)]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    const entities = tally(await this.x.read(Q.countByLabel));
    const relations = tally(await this.x.read(Q.countByType));
    const claims = num((await this.x.read(Q.countClaims))[0]?.total);
    const documents = entities.Document ?? 0;
    return { entities, relations, claims, documents };
  }

  /** The whole graph, read in pages of entity ids (each page's entities and the relations leaving them), in code-point id order like ORDER BY n.id. */
  async readAll() {
    const version = await this.graphVersion();
    const entities: EntityRecord[] = [];
    const relations: RelationRecord[] = [];
    const all = await this.entityIdList();
    for (let i = 0; i < all.length; i += PAGE) {
      const ids = all.slice(i, i + PAGE);
      const found = await this.getEntities(ids);
      for (const id of ids) {
        const e = found.get(id);
        if (e) entities.push(e);
      }
      for (const r of await this.relationsFrom(ids)) relations.push(r);
    }
    relations.sort((a, b) => compareIds(a.id, b.id));
    return { version, entities, relations };
  }

  async allClaims(): Promise<ClaimRecord[]> {
    return paged(
      (after) => this.x.read(Q.claimsPage, { after, limit: PAGE }),
      // the claims as records (what export writes): without their state and history
      (r) => {
        const { retracted: _r, addedVersion: _av, addedAt: _aa, retractedVersion: _rv, retractedAt: _ra, retractedAs: _rs, ...claim } = decodeClaim(r.p as Row);
        return claim;
      },
      (r) => String((r.p as Row).id),
      PAGE,
    );
  }

  async allDocuments(): Promise<DocumentRecord[]> {
    return (await this.findAll('Document')).map(entityDocument);
  }

  async listDocumentInputs(): Promise<DocumentInputInfo[]> {
    return paged(
      (after) => this.x.read(Q.listInputs, { after, limit: PAGE }),
      decodeInputInfo,
      (r) => String(r.id),
      PAGE,
    );
  }

  async getDocumentInputs(documentIds: string[]): Promise<Map<string, DocumentInput>> {
    const out = new Map<string, DocumentInput>();
    if (!documentIds.length) return out;
    for (const r of await this.x.read(Q.getInputs, { ids: [...new Set(documentIds)] })) {
      const input = decodeInput(r.p as Row);
      out.set(input.documentId, input);
    }
    return out;
  }

  private async findAll(label: Label): Promise<EntityRecord[]> {
    const out: EntityRecord[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await this.findEntities(label, { first: 1000, after });
      out.push(...page.items);
      if (!page.hasNextPage) return out;
      after = page.endCursor ?? undefined;
    }
  }

  async clear(): Promise<void> {
    await this.x.runInBatches(CLEAR);
    await this.x.write((tx) => tx.run(Q.bumpVersion));
  }

  async acquireLease(job: string, owner: string, ttlMs: number): Promise<Lease | null> {
    const rows = await this.x.write((tx) => tx.run(Q.acquireLease, { job, owner, ttlMs: Math.max(1, Math.round(ttlMs)) }));
    const lease = leaseOf(job, rows[0]);
    return lease?.owner === owner ? lease : null;
  }

  async renewLease(lease: Lease, ttlMs: number): Promise<Lease | null> {
    const rows = await this.x.write((tx) => tx.run(Q.renewLease, { job: lease.job, owner: lease.owner, token: lease.token, ttlMs: Math.max(1, Math.round(ttlMs)) }));
    return leaseOf(lease.job, rows[0]);
  }

  async releaseLease(job: string, owner: string, token?: number): Promise<void> {
    await this.x.write((tx) => tx.run(Q.releaseLease, { job, owner, token: token ?? -1 }));
  }

  async appendLog(kind: string, entries: { id: string; at: string; data: unknown }[]): Promise<void> {
    if (!entries.length) return;
    await this.x.write((tx) => tx.run(Q.appendLog, { rows: entries.map((e) => ({ id: `${kind}:${e.id}`, kind, at: e.at, json: JSON.stringify(e.data) })) }));
  }

  async readLog(kind: string, limit = 50): Promise<{ at: string; data: unknown }[]> {
    const rows = await this.x.read(Q.readLog, { kind, limit: Math.max(1, Math.min(limit, 10_000)) });
    return rows.map((r) => ({ at: String(r.at), data: JSON.parse(String(r.json)) as unknown }));
  }

  async close(): Promise<void> {
    await this.x.close();
  }
}
