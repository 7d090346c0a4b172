// Extraction records of one document -> one store write: the document, the entities the store
// does not have yet, and every fact as a claim citing the document with quote, extractor and
// confidence. Ambiguous mentions are left out (and reported), never guessed.
import { labelProps } from '../../schema/generated/model.js';
import { claimId, contentHash, documentId, type ClaimRecord, type DocumentRecord, type EntityRecord } from '../../schema/records.js';
import type { GraphStore, WriteBatch } from '../../graph/store.js';
import type { ExtractedRecord } from '../extract/extract.js';
import { compactKey } from '../resolve/normalise.js';
import type { ParsedDocument } from '../sources/source.js';

export interface PreparedWrite {
  batch: WriteBatch;
  document: DocumentRecord;
  ambiguous: string[];
  /** entities left out because the schema refuses their props */
  skipped: string[];
}

/** The document record a parsed document becomes: keyed by its canonical URL, hashed by its content. */
export function documentRecord(doc: ParsedDocument): DocumentRecord {
  const hashed = doc.hashText ?? doc.text;
  return {
    id: documentId(doc.url),
    url: doc.url,
    kind: doc.kind,
    contentHash: contentHash(hashed),
    ...(doc.title ? { title: doc.title } : {}),
    ...(doc.publisher ? { publisher: doc.publisher } : {}),
    ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
  };
}

/**
 * Resolves proposed entities against the store (same name or alias) and builds the write. The
 * store is asked twice per document however many names it has: their ids in one read, the names
 * it does not hold under those ids in one batch of searches.
 */
export async function prepareWrite(
  doc: ParsedDocument,
  records: ExtractedRecord[],
  store: Pick<GraphStore, 'getEntities' | 'searchMany'>,
  opts: { observedAt: string; supersede: boolean },
): Promise<PreparedWrite> {
  const document = documentRecord(doc);
  const ambiguous: string[] = [];
  const skipped: string[] = [];
  const invalid = new Set<string>();
  const remap = new Map<string, string>();
  const wanted = new Map<string, EntityRecord>();
  for (const r of records) {
    if (r.kind !== 'entity') continue;
    if (r.status === 'ambiguous' || !r.id) {
      ambiguous.push(`${r.name} (${(r.candidates ?? []).join(' | ')})`);
      continue;
    }
    const check = labelProps[r.type].safeParse(r.props);
    if (!check.success) {
      // an entity the schema would refuse is left out with its facts, and said so
      invalid.add(r.id);
      skipped.push(`${r.name}: props.${check.error.issues[0]?.path.join('.') ?? ''} ${check.error.issues[0]?.message ?? ''}`);
      continue;
    }
    wanted.set(r.id, { id: r.id, label: r.type, name: r.name, aliases: r.aliases, props: r.props });
  }
  const existing = wanted.size ? await store.getEntities([...wanted.keys()]) : new Map<string, EntityRecord>();
  // a new name the store already knows under another id resolves to that entity
  const fresh = [...wanted.values()].filter((e) => !existing.has(e.id));
  const answers = fresh.length ? await store.searchMany(fresh.map((e) => ({ query: e.name, labels: [e.label], limit: 5 }))) : [];
  fresh.forEach((e, i) => {
    const key = compactKey(e.name);
    const hit = answers[i]!.find((h) => [h.entity.name, ...h.entity.aliases].some((n) => compactKey(n) === key));
    if (hit) remap.set(e.id, hit.entity.id);
  });
  const entities = [...wanted.values()].filter((e) => !existing.has(e.id) && !remap.has(e.id));
  const idOf = (id: string) => remap.get(id) ?? id;
  const claims: ClaimRecord[] = [];
  for (const r of records) {
    if (r.kind !== 'fact' || invalid.has(r.subject.id) || invalid.has(r.object.id)) continue;
    const base = {
      subject: idOf(r.subject.id),
      rel: r.rel,
      object: idOf(r.object.id),
      props: r.props,
      documentId: document.id,
      quote: r.quote,
      extractor: r.extractor,
    };
    claims.push({ ...base, id: claimId(base), confidence: r.confidence, observedAt: opts.observedAt });
  }
  return {
    document,
    ambiguous,
    skipped,
    batch: { documents: [document], entities, claims, ...(opts.supersede ? { retractDocumentClaims: [document.id] } : {}) },
  };
}
