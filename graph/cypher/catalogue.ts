// Every Cypher text the store adapters send, in the portable subset that runs unchanged on
// Neo4j 5 and Grafeo. Values are always parameters; the only interpolated names are
// labels, relation types and property keys from the closed set the schema defines, checked here.
import { DOMAIN } from '../../schema/generated/domain.js';
import { LABELS, RELATION_TYPES } from '../../schema/generated/model.js';

const SAFE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Returns a label, relation type or property key known to the schema, or throws. */
function schemaName(name: string, known: readonly string[]): string {
  if (!SAFE_NAME.test(name) || !known.includes(name)) throw new Error(`not a schema name: ${JSON.stringify(name)}`);
  return name;
}

const propertyKeys = [...new Set([...DOMAIN.labels.flatMap((l) => Object.keys(l.properties)), ...DOMAIN.relations.flatMap((r) => Object.keys(r.properties))])].sort();

/** Property keys the graph stores besides the domain's own properties. */
export const ENTITY_KEYS = ['id', 'label', 'name', 'aliases', 'description', 'searchText'] as const;
export const RELATION_KEYS = ['id', 'confidence', 'validFrom', 'validTo', 'firstSeen', 'lastSeen', 'claimCount'] as const;
export const CLAIM_KEYS = ['id', 'relKey', 'subject', 'rel', 'object', 'propsJson', 'documentId', 'quote', 'extractor', 'confidence', 'observedAt', 'validFrom', 'validTo', 'retracted'] as const;
/** Keys a claim's history adds to it (graph/history.ts ClaimState): when it was last added, and retracted while it is. */
export const CLAIM_HISTORY_KEYS = ['addedVersion', 'addedAt', 'retractedVersion', 'retractedAt', 'retractedAs'] as const;
/** Keys of a history event (graph/history.ts HistoryEvent), one ChangeEvent node per claim or relation and version; kept for good. */
export const EVENT_KEYS = ['id', 'entry', 'kind', 'version', 'at', 'key', 'relKey', 'rel', 'subject', 'object', 'documents', 'claims', 'beforeJson', 'afterJson', 'backfilled'] as const;

/** Keys of a change-log record (graph/store.ts ChangeRecord), one GraphChange node per graph version. */
export const CHANGE_KEYS = ['version', 'at', 'entities', 'relations', 'claimsAdded', 'claimsRetracted', 'claimsSuperseded', 'overflow'] as const;

/** Keys of a stored document input (graph/store.ts DocumentInput), kept apart from the graph. */
export const INPUT_KEYS = ['id', 'url', 'readAs', 'contentType', 'body', 'encoding', 'title', 'publishedAt', 'job', 'extractedWith'] as const;

/** The history events a page of graph/history.ts reads from, either end first: its filters and both cursors, all parameters. */
const HISTORY_WINDOW = `MATCH (e:ChangeEvent) WHERE e.version > $sinceVersion AND e.version <= $untilVersion AND e.at >= $since AND e.at <= $until AND (size($types) = 0 OR e.rel IN $types) AND (size($kinds) = 0 OR e.kind IN $kinds) AND ($entity = '' OR e.subject = $entity OR e.object = $entity) AND ($document = '' OR $document IN e.documents) AND ($relation = '' OR e.relKey = $relation) AND (e.version < $beforeVersion OR (e.version = $beforeVersion AND e.id > $afterId)) AND (e.version > $stopVersion OR (e.version = $stopVersion AND e.id < $stopId))`;

export const Q = {
  bumpVersion: `MERGE (m:Meta {id: 'graph'}) ON CREATE SET m.version = 0 SET m.version = m.version + 1 RETURN m.version AS version`,
  graphVersion: `OPTIONAL MATCH (m:Meta {id: 'graph'}) RETURN coalesce(m.version, 0) AS version`,
  /** the migrations a store was last brought up to (a fingerprint of MIGRATIONS), so replicas that find it current skip them */
  schemaFingerprint: `OPTIONAL MATCH (m:Meta {id: 'schema'}) RETURN m.fingerprint AS fingerprint`,
  setSchemaFingerprint: `MERGE (m:Meta {id: 'schema'}) SET m.fingerprint = $fingerprint RETURN m.fingerprint AS fingerprint`,

  /** rows: [{id, label, props}] where props holds every stored key (flat scalars and lists) */
  upsertEntities: (label: string) => `UNWIND $rows AS r MERGE (n:Entity {id: r.id}) SET n += r.props SET n:${schemaName(label, LABELS)} RETURN count(n) AS written`,
  getEntities: `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN properties(n) AS p`,
  existingIds: `UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.id AS id`,
  /** conditions come from findWhere(); rows are ordered by id for cursor paging */
  findEntities: (conditions: string[]) =>
    `MATCH (n:Entity) WHERE n.label = $label AND n.id > $after${conditions.map((c) => ` AND ${c}`).join('')} RETURN properties(n) AS p ORDER BY n.id LIMIT $limit`,
  countEntities: (conditions: string[]) => `MATCH (n:Entity) WHERE n.label = $label${conditions.map((c) => ` AND ${c}`).join('')} RETURN count(n) AS total`,
  /** the relations of many entities (DataLoader batches), without the neighbours' properties, which the caller loads by id when it needs them */
  outRelations: `UNWIND $ids AS id MATCH (n:Entity {id: id})-[r]->(m:Entity) RETURN n.id AS owner, n.id AS source, type(r) AS type, m.id AS target, properties(r) AS rp`,
  inRelations: `UNWIND $ids AS id MATCH (n:Entity {id: id})<-[r]-(m:Entity) RETURN n.id AS owner, m.id AS source, type(r) AS type, n.id AS target, properties(r) AS rp`,
  /** one page of a label's entities by id, without a count (the gazetteer's names read) */
  entitiesPage: `MATCH (n:Entity) WHERE n.label = $label AND n.id > $after RETURN properties(n) AS p ORDER BY n.id LIMIT $limit`,
  /**
   * one page of an entity's relations, typed and directed in the query and ordered by relation id
   * then direction ('in' before 'out'; a self-loop comes once each way); `$dir` is 'out', 'in' or
   * 'both', `$after`/`$afterDir` the last row seen
   */
  relationPage: `CALL { MATCH (n:Entity {id: $id})-[r]->(m:Entity) WHERE $dir <> 'in' AND (size($types) = 0 OR type(r) IN $types) RETURN r, m, n.id AS source, m.id AS target, 'out' AS direction UNION ALL MATCH (n:Entity {id: $id})<-[r]-(m:Entity) WHERE $dir <> 'out' AND (size($types) = 0 OR type(r) IN $types) RETURN r, m, m.id AS source, n.id AS target, 'in' AS direction } WITH r, m, source, target, direction WHERE r.id > $after OR (r.id = $after AND direction > $afterDir) RETURN source, type(r) AS type, target, properties(r) AS rp, properties(m) AS mp, direction ORDER BY r.id, direction LIMIT $limit`,
  countByLabel: `MATCH (n:Entity) RETURN n.label AS key, count(n) AS total`,
  countByType: `MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS key, count(r) AS total`,
  countClaims: `MATCH (c:Claim) WHERE c.retracted = false RETURN count(c) AS total`,

  claimState: `UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN c.id AS id, c.retracted AS retracted`,
  /** rows: [{id, props}] */
  createClaims: `UNWIND $rows AS r MERGE (c:Claim {id: r.id}) SET c += r.props, c.retracted = false RETURN count(c) AS written`,
  retractClaims: `UNWIND $ids AS id MATCH (c:Claim {id: id}) WHERE c.retracted = false SET c.retracted = true RETURN c.relKey AS relKey, c.id AS id`,
  retractDocumentClaims: `UNWIND $docs AS d MATCH (c:Claim {documentId: d}) WHERE c.retracted = false SET c.retracted = true RETURN c.relKey AS relKey, c.id AS id`,
  liveClaimsFor: `UNWIND $keys AS k MATCH (c:Claim {relKey: k}) WHERE c.retracted = false RETURN properties(c) AS p`,
  allClaimsFor: `UNWIND $keys AS k MATCH (c:Claim {relKey: k}) RETURN properties(c) AS p`,
  /** claims by id, live or retracted (node(id) of a claim) */
  claimsById: `UNWIND $ids AS id MATCH (c:Claim {id: id}) RETURN properties(c) AS p`,
  claimsBySubject: `MATCH (c:Claim {subject: $id}) RETURN properties(c) AS p`,
  claimsByObject: `MATCH (c:Claim {object: $id}) RETURN properties(c) AS p`,
  /** one page of the live claims by id (a whole-graph ORDER BY in one transaction trips a server's memory guard) */
  claimsPage: `MATCH (c:Claim) WHERE c.id > $after AND c.retracted = false RETURN properties(c) AS p ORDER BY c.id LIMIT $limit`,

  /**
   * keys: relation keys, sorted — one lock node per relation, written (so locked) before its
   * claims are read: two writers of one relation run one after the other, and taking the locks
   * in key order keeps two writers of several relations from deadlocking
   */
  lockRelations: `UNWIND $keys AS k MERGE (l:RelationLock {key: k}) SET l.writer = $writer RETURN count(l) AS locked`,
  /** rows: [{from, to}] — relations whose last live claim went */
  deleteRelations: (type: string) => `UNWIND $rows AS r MATCH (a:Entity {id: r.from})-[e:${schemaName(type, RELATION_TYPES)}]->(b:Entity {id: r.to}) DELETE e RETURN count(e) AS deleted`,
  /** rows: [{from, to, props}] — one relation per (from, type, to), made or updated in place with its aggregate */
  mergeRelations: (type: string) =>
    `UNWIND $rows AS r MATCH (a:Entity {id: r.from}), (b:Entity {id: r.to}) MERGE (a)-[e:${schemaName(type, RELATION_TYPES)}]->(b) SET e = r.props RETURN count(e) AS merged`,

  /** rows: [{id, props}]: what documents were read from, for re-extraction; props hold the id too, so an input replaces every property of the one before */
  upsertInputs: `UNWIND $rows AS r MERGE (x:DocumentInput {id: r.id}) SET x = r.props RETURN count(x) AS written`,
  getInputs: `UNWIND $ids AS id MATCH (x:DocumentInput {id: id}) RETURN properties(x) AS p`,
  listInputs: `MATCH (x:DocumentInput) WHERE x.id > $after RETURN x.id AS id, x.url AS url, x.readAs AS readAs, x.job AS job, x.extractedWith AS extractedWith ORDER BY x.id LIMIT $limit`,

  /*
   * Leases: the lease node is written first (which locks it) and only then read, so two workers
   * never both see it free; expiry is the server's clock (timestamp()), never a client's. Every
   * grant raises the lease's token, which fences the holder's writes (fenceLease).
   */
  acquireLease: `MERGE (l:Lease {job: $job}) ON CREATE SET l.token = 0, l.expiresAt = 0 SET l.lockedAt = timestamp() WITH l, timestamp() AS now WHERE l.owner IS NULL OR l.owner = $owner OR l.expiresAt < now SET l.owner = $owner, l.token = coalesce(l.token, 0) + 1, l.expiresAt = now + $ttlMs RETURN l.owner AS owner, l.token AS token, l.expiresAt AS expiresAt`,
  /** extends a lease its holder still holds (same owner and token, unexpired) */
  renewLease: `MATCH (l:Lease {job: $job}) SET l.lockedAt = timestamp() WITH l, timestamp() AS now WHERE l.owner = $owner AND l.token = $token AND l.expiresAt >= now SET l.expiresAt = now + $ttlMs RETURN l.owner AS owner, l.token AS token, l.expiresAt AS expiresAt`,
  /** frees a lease; the node and its token stay, so tokens only ever grow */
  releaseLease: `MATCH (l:Lease {job: $job}) WHERE l.owner = $owner AND ($token < 0 OR l.token = $token) SET l.expiresAt = 0 REMOVE l.owner RETURN l.job AS job`,
  /** inside a write: locks the lease and reads it, so the write lands only while its token holds */
  fenceLease: `MATCH (l:Lease {job: $job}) SET l.lockedAt = timestamp() RETURN l.owner AS owner, l.token AS token, l.expiresAt AS expiresAt, timestamp() AS now`,
  /** the change log: one record per version a write produced, merged so a reused version number overwrites */
  appendChange: `MERGE (x:GraphChange {version: $version}) SET x.at = $at, x.entities = $entities, x.relations = $relations, x.claimsAdded = $claimsAdded, x.claimsRetracted = $claimsRetracted, x.claimsSuperseded = $claimsSuperseded, x.overflow = $overflow RETURN x.version AS version`,
  pruneChanges: `MATCH (x:GraphChange) WHERE x.version <= $oldest DELETE x`,
  changesAfter: `MATCH (x:GraphChange) WHERE x.version > $since AND x.version <= $until RETURN properties(x) AS p ORDER BY x.version LIMIT $limit`,
  /** a relation's endpoints from its claims (kept when retracted), for relations that may be gone */
  relationEndpoints: `UNWIND $keys AS k MATCH (c:Claim {relKey: k}) RETURN DISTINCT c.relKey AS id, c.subject AS source, c.rel AS type, c.object AS target`,
  /** rows: [{from, to}] — the current relation of one type between each pair, if any */
  relationsBetween: (type: string) =>
    `UNWIND $rows AS r MATCH (a:Entity {id: r.from})-[e:${schemaName(type, RELATION_TYPES)}]->(b:Entity {id: r.to}) RETURN a.id AS source, type(e) AS type, b.id AS target, properties(e) AS rp`,
  /** paged whole-graph reads: entity ids in id order (the id index answers it on Neo4j), then the entities and the relations leaving each page of them */
  entityIdPage: `MATCH (n:Entity) WHERE n.id > $after RETURN n.id AS id ORDER BY n.id LIMIT $limit`,
  entityIds: `MATCH (n:Entity) RETURN n.id AS id`,
  relationsFrom: `UNWIND $ids AS id MATCH (a:Entity {id: id})-[r]->(b:Entity) RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS rp`,

  /** rows: [{id, props}] — the history events of one write (graph/history.ts), merged by id: writing them again (a migration run twice, a reused version number) replaces them */
  appendEvents: `UNWIND $rows AS r MERGE (e:ChangeEvent {id: r.id}) SET e += r.props RETURN count(e) AS written`,
  /** the claims a write added (or made live again): their version and time, and no retraction */
  markClaimsAdded: `UNWIND $ids AS id MATCH (c:Claim {id: id}) SET c.addedVersion = $version, c.addedAt = $at REMOVE c.retractedVersion, c.retractedAt, c.retractedAs RETURN count(c) AS marked`,
  /** rows: [{id, retractedAs}] — the claims a write retracted, and how */
  markClaimsRetracted: `UNWIND $rows AS r MATCH (c:Claim {id: r.id}) SET c.retractedVersion = $version, c.retractedAt = $at, c.retractedAs = r.retractedAs RETURN count(c) AS marked`,
  /**
   * one page of history events, newest first then by id, after the cursor ($beforeVersion, $afterId)
   * and before the cursor ($stopVersion, $stopId); empty strings and lists switch a filter off
   */
  historyPage: `${HISTORY_WINDOW} RETURN properties(e) AS p ORDER BY e.version DESC, e.id LIMIT $limit`,
  /** the same window read from its oldest end (a page of `last`), oldest first */
  historyPageOldest: `${HISTORY_WINDOW} RETURN properties(e) AS p ORDER BY e.version, e.id DESC LIMIT $limit`,
  /** the history of many relations at once, newest first */
  relationHistory: `UNWIND $keys AS k MATCH (e:ChangeEvent {relKey: k}) RETURN properties(e) AS p ORDER BY e.version DESC, e.id`,
  /** every claim (live and retracted) citing these documents */
  claimsOfDocuments: `UNWIND $docs AS d MATCH (c:Claim {documentId: d}) RETURN properties(c) AS p`,
  /** claims stored before history was kept, a page at a time in id order (the id index answers it on Neo4j) */
  claimsWithoutHistory: `MATCH (c:Claim) WHERE c.id > $after AND c.addedVersion IS NULL RETURN properties(c) AS p ORDER BY c.id LIMIT $limit`,
  /** rows: [{id, addedVersion, addedAt}] — backfilled claims: the version they count as added at */
  backfillClaims: `UNWIND $rows AS r MATCH (c:Claim {id: r.id}) WHERE c.addedVersion IS NULL SET c.addedVersion = r.addedVersion, c.addedAt = r.addedAt RETURN count(c) AS marked`,
  /** rows: [{id, retractedVersion, retractedAt, retractedAs}] — backfilled retracted claims */
  backfillRetractions: `UNWIND $rows AS r MATCH (c:Claim {id: r.id}) WHERE c.retracted = true AND c.retractedVersion IS NULL SET c.retractedVersion = r.retractedVersion, c.retractedAt = r.retractedAt, c.retractedAs = r.retractedAs RETURN count(c) AS marked`,

  /** rows: [{id, kind, at, json}] — small append-only logs (ingest runs, dead letters) */
  appendLog: `UNWIND $rows AS r MERGE (x:LogEntry {id: r.id}) SET x.kind = r.kind, x.at = r.at, x.json = r.json RETURN count(x) AS written`,
  readLog: `MATCH (x:LogEntry {kind: $kind}) RETURN x.json AS json, x.at AS at ORDER BY x.at DESC, x.id DESC LIMIT $limit`,
} as const;

/**
 * Whole-graph deletes (seed --reset). Neo4j runs the batched form, each batch its own transaction
 * (`CALL { } IN TRANSACTIONS`, which only runs outside an explicit transaction), so no single
 * transaction holds the whole graph; the embedded store has no IN TRANSACTIONS and runs the
 * one-transaction form. One list, two forms of each step.
 */
export const CLEAR: readonly { batched: string; single: string }[] = [
  { batched: `MATCH (c:Claim) CALL { WITH c DETACH DELETE c } IN TRANSACTIONS OF 10000 ROWS`, single: `MATCH (c:Claim) DETACH DELETE c` },
  { batched: `MATCH (l:RelationLock) CALL { WITH l DELETE l } IN TRANSACTIONS OF 10000 ROWS`, single: `MATCH (l:RelationLock) DELETE l` },
  { batched: `MATCH (n:Entity) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS`, single: `MATCH (n:Entity) DETACH DELETE n` },
  { batched: `MATCH (x:DocumentInput) CALL { WITH x DELETE x } IN TRANSACTIONS OF 1000 ROWS`, single: `MATCH (x:DocumentInput) DELETE x` },
  { batched: `MATCH (e:ChangeEvent) CALL { WITH e DELETE e } IN TRANSACTIONS OF 10000 ROWS`, single: `MATCH (e:ChangeEvent) DELETE e` },
];

/** The store's unique keys, each a constraint's name, its node label and its property (the adapters index them as they need). */
export const UNIQUE_KEYS: readonly (readonly [name: string, label: string, key: string])[] = [
  ['entity_id', 'Entity', 'id'],
  ['claim_id', 'Claim', 'id'],
  ['lease_job', 'Lease', 'job'],
  ['log_id', 'LogEntry', 'id'],
  ['document_input_id', 'DocumentInput', 'id'],
  ['meta_id', 'Meta', 'id'],
  ['relation_lock_key', 'RelationLock', 'key'],
  ['graph_change_version', 'GraphChange', 'version'],
  ['change_event_id', 'ChangeEvent', 'id'],
];

/** Constraints and indexes both stores create on start (full-text DDL lives in each adapter). */
export const MIGRATIONS = [
  ...UNIQUE_KEYS.map(([name, label, key]) => `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${label}) REQUIRE n.${key} IS UNIQUE`),
  `CREATE INDEX entity_label IF NOT EXISTS FOR (n:Entity) ON (n.label)`,
  `CREATE INDEX claim_rel_key IF NOT EXISTS FOR (n:Claim) ON (n.relKey)`,
  `CREATE INDEX claim_document IF NOT EXISTS FOR (n:Claim) ON (n.documentId)`,
  `CREATE INDEX claim_subject IF NOT EXISTS FOR (n:Claim) ON (n.subject)`,
  `CREATE INDEX claim_object IF NOT EXISTS FOR (n:Claim) ON (n.object)`,
  `CREATE INDEX log_kind IF NOT EXISTS FOR (n:LogEntry) ON (n.kind)`,
  `CREATE INDEX change_event_version IF NOT EXISTS FOR (n:ChangeEvent) ON (n.version)`,
  `CREATE INDEX change_event_relation IF NOT EXISTS FOR (n:ChangeEvent) ON (n.relKey)`,
];

/**
 * WHERE conditions for equality filters on a label's schema properties; list properties match
 * when they contain the value. Returns the conditions and their parameters.
 */
export function findWhere(label: string, where: Record<string, unknown>): { conditions: string[]; params: Record<string, unknown> } {
  const spec = DOMAIN.labels.find((l) => l.label === label);
  const keys = [...Object.keys(spec?.properties ?? {}), 'name'];
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  Object.keys(where)
    .sort()
    .forEach((key, i) => {
      const k = schemaName(key, keys);
      params[`w${i}`] = where[key];
      conditions.push(spec?.properties[k]?.type === 'list' ? `$w${i} IN n.${k}` : `n.${k} = $w${i}`);
    });
  return { conditions, params };
}

/** Every Cypher text the catalogue can produce, for the Neo4j linter test. */
export function allQueryTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const [name, q] of Object.entries(Q)) {
    if (typeof q === 'string') out.push({ name, text: q });
  }
  for (const label of LABELS) out.push({ name: `upsertEntities(${label})`, text: Q.upsertEntities(label) });
  for (const type of RELATION_TYPES) {
    out.push({ name: `deleteRelations(${type})`, text: Q.deleteRelations(type) });
    out.push({ name: `mergeRelations(${type})`, text: Q.mergeRelations(type) });
    out.push({ name: `relationsBetween(${type})`, text: Q.relationsBetween(type) });
  }
  for (const label of LABELS) {
    const spec = DOMAIN.labels.find((l) => l.label === label)!;
    const sample = Object.fromEntries(Object.keys(spec.properties).map((k) => [k, 'x']));
    const { conditions } = findWhere(label, sample);
    out.push({ name: `findEntities(${label})`, text: Q.findEntities(conditions) });
    out.push({ name: `countEntities(${label})`, text: Q.countEntities(conditions) });
  }
  MIGRATIONS.forEach((text, i) => out.push({ name: `migration ${i}`, text }));
  CLEAR.forEach((step, i) => {
    out.push({ name: `clear ${i} (batched)`, text: step.batched });
    out.push({ name: `clear ${i} (one transaction)`, text: step.single });
  });
  return out;
}

/** Every property key the stored graph uses, for declaring the schema to the linter. */
export const STORED_PROPERTY_KEYS = [
  ...new Set([
    ...propertyKeys,
    ...ENTITY_KEYS,
    ...RELATION_KEYS,
    ...CLAIM_KEYS,
    ...CLAIM_HISTORY_KEYS,
    ...EVENT_KEYS,
    ...INPUT_KEYS,
    ...CHANGE_KEYS,
    'version',
    'job',
    'owner',
    'expiresAt',
    'token',
    'lockedAt',
    'key',
    'writer',
    'fingerprint',
    'kind',
    'at',
    'json',
  ]),
].sort();
