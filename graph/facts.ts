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
import { ID_PREFIX, labelProps, type Label } from '../schema/generated/model.js';
import { dateProblem, nameProblem, propsProblem, rangeProblem, shown, sourceUrlProblem } from '../schema/validate.js';
import type { GraphStore, WriteBatch } from './store.js';

/**
 * The longest line a fact record may take, in bytes. Far above any real record (a long quote is a
 * few kilobytes) and far below the embedded store's 16 MiB cap on one value, so an oversized
 * record is refused alone, before it can fail the write of its whole batch.
 */
export const MAX_RECORD_BYTES = 1024 * 1024;

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
    // a UTF-16 length above the cap is at least that many bytes; only lines near it are measured
    if (raw.length > MAX_RECORD_BYTES || (raw.length * 3 > MAX_RECORD_BYTES && Buffer.byteLength(raw, 'utf8') > MAX_RECORD_BYTES)) {
      rejected.push({ line, reason: `too large (${Buffer.byteLength(raw, 'utf8')} bytes; a record has at most ${MAX_RECORD_BYTES} bytes)` });
      return;
    }
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      rejected.push({ line, reason: `not JSON (${(err as Error).message})` });
      return;
    }
    const parsed = factRecordSchema.safeParse(json);
    if (!parsed.success) {
      rejected.push({ line, reason: describeZodError(parsed.error) });
      return;
    }
    const problem = recordProblem(parsed.data);
    if (problem) rejected.push({ line, reason: problem });
    else records.push({ line, record: parsed.data });
  });
  return { records, rejected };
}

const article = (label: string) => (/^[AEIOU]/.test(label) ? `an ${label}` : `a ${label}`);

/** Null when an id fits a label (`chip:…` for a Chip); else a message naming the field and the id. */
function idPrefixProblem(field: string, id: string, label: Label): string | null {
  return id.startsWith(`${ID_PREFIX[label]}:`) ? null : `${field}: ${article(label)} id starts with "${ID_PREFIX[label]}:", got ${shown(id)}`;
}

function endpointProblem(field: string, ep: Endpoint): string | null {
  const type = ep.type as Label | undefined;
  if (typeof ep.id === 'string') return type !== undefined && type in ID_PREFIX ? idPrefixProblem(`${field}.id`, ep.id, type) : null;
  return nameProblem(`${field}.name`, ep.name);
}

/**
 * Why a parsed record may not be imported, or null: names and aliases without control
 * characters, ids that fit their type, real calendar dates, validFrom ≤ validTo, and sources that
 * are http(s) URLs, document ids or plain file names (never javascript:, data:, file: …).
 */
export function recordProblem(r: FactRecord): string | null {
  if (r.kind === 'entity') {
    return (
      nameProblem('name', r.name) ??
      (r.aliases ?? []).reduce<string | null>((found, a, i) => found ?? nameProblem(`aliases.${i}`, a), null) ??
      (r.id !== undefined ? idPrefixProblem('id', r.id, r.type) : null) ??
      (r.source !== undefined ? sourceUrlProblem('source', r.source, { allowNames: true }) : null)
    );
  }
  return (
    endpointProblem('subject', r.subject) ??
    endpointProblem('object', r.object) ??
    (r.observedAt !== undefined ? dateProblem('observedAt', r.observedAt) : null) ??
    (r.validFrom !== undefined ? dateProblem('validFrom', r.validFrom) : null) ??
    (r.validTo !== undefined ? dateProblem('validTo', r.validTo) : null) ??
    rangeProblem('validFrom', r.validFrom, 'validTo', r.validTo) ??
    (r.source !== undefined ? sourceUrlProblem('source', r.source, { allowNames: true }) : null)
  );
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** Builds a store write from parsed records, resolving endpoints against the batch and the store. */
export async function factsToBatch(
  records: { line: number; record: FactRecord }[],
  store: Pick<GraphStore, 'getEntities' | 'getDocuments' | 'searchMany'>,
  opts: { defaultSource: string; extractor?: string; observedAt?: string },
): Promise<{ batch: WriteBatch; rejected: RejectedLine[] }> {
  const rejected: RejectedLine[] = [];
  const entities = new Map<string, EntityRecord>();
  const byName = new Map<string, string>();
  const remember = (e: EntityRecord) => {
    entities.set(e.id, e);
    for (const n of [e.name, ...e.aliases]) byName.set(`${e.label}\u0000${norm(n)}`, e.id);
  };
  const entityLines = records.filter((r): r is { line: number; record: EntityFact } => r.record.kind === 'entity');
  // an entity keeps its type: a record may not turn a stored Chip into an Organization
  const stored = await store.getEntities([...new Set(entityLines.map(({ record }) => toEntity(record).id))]);
  const givenOn = new Map<string, number>();
  for (const { line, record } of entityLines) {
    const e = toEntity(record);
    const before = stored.get(e.id);
    const earlier = entities.get(e.id);
    if (before && before.label !== e.label) {
      rejected.push({ line, reason: `type: ${e.id} is ${article(before.label)}, not ${article(e.label)}` });
      continue;
    }
    if (earlier && earlier.label !== e.label) {
      rejected.push({ line, reason: `type: ${e.id} is given as ${article(earlier.label)} on line ${givenOn.get(e.id)}, not ${article(e.label)}` });
      continue;
    }
    const ok = labelProps[e.label].safeParse(e.props);
    const unstorable = propsProblem('props', e.props);
    if (unstorable) rejected.push({ line, reason: unstorable });
    else if (ok.success) {
      remember(e);
      givenOn.set(e.id, line);
    } else rejected.push({ line, reason: `props.${ok.error.issues[0]!.path.join('.')}: ${ok.error.issues[0]!.message}` });
  }

  // endpoints named by type+name resolve to a known id or to the id the name implies
  const endpointId = (ep: Endpoint): string => (typeof ep.id === 'string' ? ep.id : (byName.get(`${String(ep.type)}\u0000${norm(String(ep.name))}`) ?? entityId(ep.type as Label, String(ep.name))));
  const facts = records.filter((r): r is { line: number; record: RelationFact } => r.record.kind === 'fact');
  const wanted = [...new Set(facts.flatMap(({ record }) => [endpointId(record.subject), endpointId(record.object)]))].filter((id) => !entities.has(id));
  const existing = await store.getEntities(wanted);
  // a name the store knows as another entity's name or alias resolves to that entity: one search
  // per distinct name, however many facts use it, all in one round trip
  const asked = new Map<string, { query: string; labels: Label[]; limit: number; name: string }>();
  for (const { record } of facts)
    for (const ep of [record.subject, record.object]) {
      if (typeof ep.id === 'string' || entities.has(endpointId(ep)) || existing.has(endpointId(ep))) continue;
      const name = norm(String(ep.name));
      const key = `${String(ep.type)}\u0000${name}`;
      if (!asked.has(key)) asked.set(key, { query: String(ep.name), labels: [ep.type as Label], limit: 5, name });
    }
  const answers = asked.size ? await store.searchMany([...asked.values()]) : [];
  [...asked].forEach(([key, q], i) => {
    const hit = answers[i]!.find((h) => [h.entity.name, ...h.entity.aliases].some((n) => norm(n) === q.name));
    if (hit) {
      byName.set(key, hit.entity.id);
      existing.set(hit.entity.id, hit.entity);
    }
  });

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
    const unstorable = propsProblem('props', record.props);
    if (unstorable) {
      rejected.push({ line, reason: unstorable });
      continue;
    }
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
