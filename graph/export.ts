// Exports the whole graph as JSON, JSONL fact records, GraphML (Gephi, yEd) or CSV (spreadsheets).
import type { ClaimRecord, EntityRecord, RelationRecord } from '../schema/records.js';
import { toFactRecords } from './facts.js';
import type { GraphStore } from './store.js';

export const EXPORT_FORMATS = ['json', 'jsonl', 'graphml', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface GraphDump {
  version: number;
  entities: EntityRecord[];
  relations: RelationRecord[];
  claims: ClaimRecord[];
}

/** Reads everything an export needs from the store. */
export async function dumpGraph(store: GraphStore): Promise<GraphDump> {
  const { version, entities, relations } = await store.readAll();
  return { version, entities, relations, claims: await store.allClaims() };
}

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** CSV field quoting per RFC 4180; cells that a spreadsheet would run as a formula are prefixed with '. */
export function csvCell(value: unknown): string {
  let s = value === undefined || value === null ? '' : Array.isArray(value) ? value.join('|') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvRows = (header: string[], rows: unknown[][]) => [header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';

/** Renders a dump in one format: a map of file name to content. */
export function renderExport(dump: GraphDump, format: ExportFormat): Record<string, string> {
  switch (format) {
    case 'json':
      return { 'graph.json': JSON.stringify(dump, null, 2) + '\n' };
    case 'jsonl':
      return {
        'graph.jsonl':
          toFactRecords(dump.entities, dump.claims)
            .map((r) => JSON.stringify(r))
            .join('\n') + '\n',
      };
    case 'csv':
      return {
        'nodes.csv': csvRows(
          ['id', 'label', 'name', 'aliases', 'description', 'props'],
          dump.entities.map((e) => [e.id, e.label, e.name, e.aliases, e.description, e.props]),
        ),
        'edges.csv': csvRows(
          ['id', 'from', 'type', 'to', 'confidence', 'validFrom', 'validTo', 'claimCount', 'props'],
          dump.relations.map((r) => [r.id, r.from, r.type, r.to, r.confidence, r.validFrom, r.validTo, r.claimCount, r.props]),
        ),
        'claims.csv': csvRows(
          ['id', 'subject', 'rel', 'object', 'document', 'quote', 'extractor', 'confidence', 'observedAt', 'validFrom', 'validTo', 'props'],
          dump.claims.map((c) => [c.id, c.subject, c.rel, c.object, c.documentId, c.quote, c.extractor, c.confidence, c.observedAt, c.validFrom, c.validTo, c.props]),
        ),
      };
    case 'graphml': {
      const nodes = dump.entities.map(
        (e) => `    <node id="${xml(e.id)}"><data key="label">${xml(e.label)}</data><data key="name">${xml(e.name)}</data><data key="props">${xml(JSON.stringify(e.props))}</data></node>`,
      );
      const edges = dump.relations.map(
        (r) =>
          `    <edge id="${xml(r.id)}" source="${xml(r.from)}" target="${xml(r.to)}"><data key="type">${xml(r.type)}</data><data key="confidence">${r.confidence}</data><data key="eprops">${xml(JSON.stringify(r.props))}</data></edge>`,
      );
      return {
        'graph.graphml': `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="props" for="node" attr.name="props" attr.type="string"/>
  <key id="type" for="edge" attr.name="type" attr.type="string"/>
  <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>
  <key id="eprops" for="edge" attr.name="props" attr.type="string"/>
  <graph id="chokepoint" edgedefault="directed">
${[...nodes, ...edges].join('\n')}
  </graph>
</graphml>
`,
      };
    }
  }
}
