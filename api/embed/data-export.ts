// The data behind a map, exactly as drawn: every box (with the entities a group box stands for)
// and every line with the claims behind it (document, quote, date), as JSON or as CSV (one row
// per line and source). Readers and fact-checkers download it from the link under each map.
import type { MapEdge, MapSpec } from './map-model.js';
import type { EdgeSource, MapSources } from './sources.js';
import { labelWords, relationWords } from './relation-roles.js';
import { STATUS_LEGEND } from './svg.js';

// the relations one drawn edge stands for (a group edge gathers several)
function relationIdsOf(e: MapEdge): string[] {
  return e.relationIds?.length ? e.relationIds : e.relationId ? [e.relationId] : [];
}

/** The claims behind one drawn edge (a group edge gathers its relations'). */
export function edgeSources(e: MapEdge, sources: MapSources): EdgeSource[] {
  return relationIdsOf(e).flatMap((id) => sources.byRelation.get(id) ?? []);
}

/** The map's data as a JSON document. */
export function mapJson(spec: MapSpec, sources: MapSources): string {
  const names = new Map(spec.nodes.map((n) => [n.id, n.name]));
  return JSON.stringify(
    {
      title: spec.title,
      subtitle: spec.subtitle,
      graphVersion: String(spec.graphVersion),
      asOf: spec.asOf ?? null,
      nodes: spec.nodes.map((n) => ({
        id: n.id,
        name: n.name,
        kind: n.role === 'group' ? 'group' : labelWords(n.label),
        role: n.role,
        seat: n.seat ?? null,
        status: n.status ? STATUS_LEGEND[n.status] : null,
        ...(n.members ? { members: n.members } : {}),
      })),
      edges: spec.edges.map((e) => ({
        from: e.from,
        fromName: names.get(e.from),
        relation: relationWords(e.type),
        to: e.to,
        toName: names.get(e.to),
        proposed: e.proposed ?? false,
        relationIds: relationIdsOf(e),
        sources: edgeSources(e, sources).map((s) => ({ document: s.document, documentId: s.documentId, url: s.href, quote: s.quote ?? null, observedAt: s.observedAt })),
      })),
    },
    null,
    2,
  );
}

/** One CSV field: quoted when needed, and a leading = + - @ defused so spreadsheets do not run it as a formula. */
function field(v: string | number | undefined | null): string {
  let t = v === undefined || v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

const CSV_HEAD = ['from_id', 'from_name', 'relation', 'to_id', 'to_name', 'proposed', 'source_document', 'source_url', 'quote', 'observed_at'];

/** The map's data as CSV: a row per drawn line and source (a line with no source gets one row), then a row per box with no line. */
export function mapCsv(spec: MapSpec, sources: MapSources): string {
  const names = new Map(spec.nodes.map((n) => [n.id, n.name]));
  const rows: (string | undefined)[][] = [CSV_HEAD];
  const linked = new Set<string>();
  for (const e of spec.edges) {
    linked.add(e.from).add(e.to);
    const base = [e.from, names.get(e.from), relationWords(e.type), e.to, names.get(e.to), e.proposed ? 'yes' : 'no'];
    const list = edgeSources(e, sources);
    if (!list.length) rows.push([...base, '', '', '', '']);
    for (const s of list) rows.push([...base, s.document, s.href ?? '', s.quote ?? '', s.observedAt]);
  }
  for (const n of spec.nodes) if (!linked.has(n.id)) rows.push([n.id, n.name, '', '', '', '', '', '', '', '']);
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
