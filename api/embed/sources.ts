// The sources behind the edges a map shows: the documents their live claims cite, most-cited
// first, and the newest observation date among those claims ("data as of").
import type { GraphStore } from '../../graph/store.js';
import type { MapSpec } from './map-model.js';
import { safeHref } from './markup.js';

export interface SourceLink {
  /** short name: title, else host, else the document id */
  text: string;
  /** http(s) URL or null when the document has none that is safe to link */
  href: string | null;
  /** how many shown relations it supports */
  relations: number;
}

/** One claim behind a drawn relation: which document says it, in which words, when. */
export interface EdgeSource {
  documentId: string;
  /** short name of the document */
  document: string;
  href: string | null;
  quote?: string;
  /** YYYY-MM-DD */
  observedAt: string;
}

export interface MapSources {
  links: SourceLink[];
  /** relation id -> the claims behind it, newest first */
  byRelation: Map<string, EdgeSource[]>;
  /** newest observedAt among the claims behind the shown edges (YYYY-MM-DD), if any */
  observedUntil?: string;
}

function shortName(title: string | undefined, url: string | undefined, id: string): string {
  // Seeds often use the URL as the title: a host name reads better in a caption.
  if (title && title.trim() && !safeHref(title.trim())) return title.trim();
  const href = safeHref(url);
  if (href) return new URL(href).hostname.replace(/^www\./, '');
  return url?.trim() || id;
}

/** Collects the sources of a map's edges from the store. */
export async function mapSources(store: GraphStore, spec: MapSpec): Promise<MapSources> {
  const ids = [...new Set(spec.edges.flatMap((e) => [e.relationId, ...(e.relationIds ?? [])]).filter(Boolean))].sort();
  if (!ids.length) return { links: [], byRelation: new Map() };
  const claims = await store.claimsFor(ids);
  const perDoc = new Map<string, Set<string>>();
  let newest = '';
  for (const [relId, list] of claims)
    for (const c of list) {
      if (!perDoc.has(c.documentId)) perDoc.set(c.documentId, new Set());
      perDoc.get(c.documentId)!.add(relId);
      if (c.observedAt > newest) newest = c.observedAt;
    }
  const docs = await store.getDocuments([...perDoc.keys()].sort());
  const byRelation = new Map<string, EdgeSource[]>();
  for (const [relId, list] of claims) {
    const rows = list.map((c): EdgeSource => {
      const d = docs.get(c.documentId);
      return { documentId: c.documentId, document: shortName(d?.title, d?.url, c.documentId), href: safeHref(d?.url), quote: c.quote, observedAt: c.observedAt.slice(0, 10) };
    });
    rows.sort((a, b) =>
      a.observedAt > b.observedAt ? -1 : a.observedAt < b.observedAt ? 1 : a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : (a.quote ?? '') < (b.quote ?? '') ? -1 : 1,
    );
    byRelation.set(relId, rows);
  }
  const links = [...perDoc.entries()]
    .map(([id, rels]): SourceLink => {
      const d = docs.get(id);
      return { text: shortName(d?.title, d?.url, id), href: safeHref(d?.url), relations: rels.size };
    })
    .sort((a, b) => b.relations - a.relations || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { links, byRelation, observedUntil: newest ? newest.slice(0, 10) : undefined };
}
