// Fact records (README: Fact records) to store writes and back: `import` reads JSONL through here,
// `export --format jsonl` writes what this reads, so a round trip gives the same graph.
import {
  claimId,
  describeZodError,
  documentId,
  entityId,
  factRecordSchema,
  type ClaimRecord,
  type DocumentRecord,
  type Endpoint,
  type EntityFact,
  type EntityRecord,
  type FactRecord,
  type RelationFact,
} from '../schema/records.js';
import { labelProps, type Label } from '../schema/generated/model.js';
import type { GraphStore, WriteBatch } from './store.js';

export interface RejectedLine {
  line: number;
  reason: string;
}

export interface ParsedFacts {
  records: { line: number; record: FactRecord }[];
  rejected: RejectedLine[];
}

/** Parses JSONL text; a malformed or invalid line is rejected with its number and reason, the rest kept. */
export function parseFactLines(text: string): ParsedFacts {
  const records: ParsedFacts['records'] = [];
  const rejected: RejectedLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      rejected.push({ line, reason: `not JSON (${(err as Error).message})` });
      return;
    }
    const parsed = factRecordSchema.safeParse(json);
    if (!parsed.success) rejected.push({ line, reason: describeZodError(parsed.error) });
    else records.push({ line, record: parsed.data });
  });
  return { records, rejected };
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** Builds a store write from parsed records, resolving endpoints against the batch and the store. */
export async function factsToBatch(
  records: { line: number; record: FactRecord }[],
  store: Pick<GraphStore, 'getEntities' | 'getDocuments' | 'search'>,
  opts: { defaultSource: string; extractor?: string; observedAt?: string },
): Promise<{ batch: WriteBatch; rejected: RejectedLine[] }> {
  const rejected: RejectedLine[] = [];
  const entities = new Map<string, EntityRecord>();
  const byName = new Map<string, string>();
  const remember = (e: EntityRecord) => {
    entities.set(e.id, e);
    for (const n of [e.name, ...e.aliases]) byName.set(`${e.label}\u0000${norm(n)}`, e.id);
  };
  for (const { line, record } of records) {
    if (record.kind !== 'entity') continue;
    const e = toEntity(record);
    const ok = labelProps[e.label].safeParse(e.props);
    if (ok.success) remember(e);
    else rejected.push({ line, reason: `props.${ok.error.issues[0]!.path.join('.')}: ${ok.error.issues[0]!.message}` });
  }

  // endpoints named by type+name resolve to a known id or to the id the name implies
  const endpointId = (ep: Endpoint): string =>
    typeof ep.id === 'string'
      ? ep.id
      : (byName.get(`${String(ep.type)}\u0000${norm(String(ep.name))}`) ?? entityId(ep.type as Label, String(ep.name)));
  const facts = records.filter((r): r is { line: number; record: RelationFact } => r.record.kind === 'fact');
  const wanted = [...new Set(facts.flatMap(({ record }) => [endpointId(record.subject), endpointId(record.object)]))].filter((id) => !entities.has(id));
  const existing = await store.getEntities(wanted);
  // a name the store knows as another entity's name or alias resolves to that entity
  const searched = new Set<string>();
  for (const { record } of facts)
    for (const ep of [record.subject, record.object]) {
      if (typeof ep.id === 'string' || entities.has(endpointId(ep)) || existing.has(endpointId(ep))) continue;
      const name = norm(String(ep.name));
      // one search per distinct name, however many facts use it
      if (searched.has(`${String(ep.type)}\u0000${name}`)) continue;
      searched.add(`${String(ep.type)}\u0000${name}`);
      const hit = (await store.search(String(ep.name), { labels: [ep.type as Label], limit: 5 })).find((h) =>
        [h.entity.name, ...h.entity.aliases].some((n) => norm(n) === name),
      );
      if (hit) {
        byName.set(`${String(ep.type)}\u0000${name}`, hit.entity.id);
        existing.set(hit.entity.id, hit.entity);
      }
    }

  const created = new Map<string, EntityRecord>();
  const claims: ClaimRecord[] = [];
  const sources = new Set<string>();
  for (const { line, record } of facts) {
    const ends: string[] = [];
    for (const ep of [record.subject, record.object]) {
      const id = endpointId(ep);
      if (entities.has(id) || existing.has(id) || created.has(id)) ends.push(id);
      else if (typeof ep.id !== 'string') {
        created.set(id, { id, label: ep.type as Label, name: String(ep.name), aliases: [], props: {} });
        ends.push(id);
      } else rejected.push({ line, reason: `unknown entity "${id}" (give it as an entity record, or as {type, name})` });
    }
    if (ends.length < 2) continue;
    const source = record.source ?? opts.defaultSource;
    sources.add(source);
    const base = {
      subject: ends[0]!,
      rel: record.rel,
      object: ends[1]!,
      props: record.props ?? {},
      documentId: documentId(source),
      quote: record.quote,
      extractor: record.extractor ?? opts.extractor ?? 'import',
      validFrom: record.validFrom,
      validTo: record.validTo,
    };
    claims.push({ ...base, id: claimId(base), confidence: record.confidence ?? 0.5, observedAt: record.observedAt ?? opts.observedAt ?? new Date().toISOString().slice(0, 10) });
  }
  // only sources that are not documents yet become (bare) documents, so metadata is never lost
  const docIds = [...sources].map(documentId);
  const knownDocs = await store.getDocuments(docIds.filter((id) => !entities.has(id)));
  const documents: DocumentRecord[] = [...sources]
    .filter((s) => !entities.has(documentId(s)) && !knownDocs.has(documentId(s)))
    .map((s) => ({ id: documentId(s), url: s, kind: /^https?:/.test(s) ? 'record' : 'table' }));
  return { batch: { entities: [...entities.values(), ...created.values()], documents, claims }, rejected };
}

function toEntity(r: EntityFact): EntityRecord {
  const props = r.props ?? {};
  const e: EntityRecord = { id: r.id ?? entityId(r.type, r.name, props), label: r.type, name: r.name, aliases: r.aliases ?? [], props };
  if (r.description) e.description = r.description;
  return e;
}

/** The whole graph as fact records: every entity (documents included), then every live claim. */
export function toFactRecords(entities: EntityRecord[], claims: ClaimRecord[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const e of [...entities].sort((a, b) => a.id.localeCompare(b.id))) {
    const rec: Record<string, unknown> = { kind: 'entity', type: e.label, id: e.id, name: e.name, aliases: e.aliases, props: e.props };
    if (e.description) rec.description = e.description;
    out.push(rec);
  }
  for (const c of [...claims].sort((a, b) => a.id.localeCompare(b.id))) {
    const rec: Record<string, unknown> = {
      kind: 'fact',
      rel: c.rel,
      subject: { id: c.subject },
      object: { id: c.object },
      props: c.props,
      source: c.documentId,
      confidence: c.confidence,
      extractor: c.extractor,
      observedAt: c.observedAt,
    };
    if (c.quote !== undefined) rec.quote = c.quote;
    if (c.validFrom) rec.validFrom = c.validFrom;
    if (c.validTo) rec.validTo = c.validTo;
    out.push(rec);
  }
  return out;
}
