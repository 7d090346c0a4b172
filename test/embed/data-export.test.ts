// The data download of a map: exactly what is drawn, with sources; CSV fields quoted where
// needed and defused where a spreadsheet would read them as a formula.
import { describe, expect, it } from 'vitest';
import { mapCsv, mapJson } from '../../api/embed/data-export.js';
import type { MapSpec } from '../../api/embed/map-model.js';
import type { MapSources } from '../../api/embed/sources.js';

const spec: MapSpec = {
  kind: 'focus',
  flow: 'down',
  title: 'T',
  subtitle: 'S',
  nodes: [
    { id: 'chip:a', name: 'Chip "A", rev 2', label: 'Chip', role: 'focus' },
    { id: 'deployment:b', name: '=HYPERLINK("http://evil")', label: 'Deployment', role: 'downstream', status: 'BROKEN', seat: 'China' },
    { id: 'group:x', name: '+ 3 more deployments', label: 'Deployment', role: 'group', members: ['deployment:c', 'deployment:d', 'deployment:e'] },
    { id: 'nation:z', name: 'Lonely', label: 'Nation', role: 'upstream' },
  ],
  edges: [
    { relationId: 'r1', from: 'deployment:b', to: 'chip:a', type: 'RUNS_ON', reversed: false },
    { relationId: '', relationIds: ['r2', 'r3'], from: 'group:x', to: 'chip:a', type: 'RUNS_ON', reversed: false },
  ],
  omitted: 3,
  alt: '',
  graphVersion: 7,
};
const sources: MapSources = {
  links: [],
  byRelation: new Map([
    ['r1', [{ documentId: 'd1', document: 'Report', href: 'https://example.org/r', quote: 'line one\nline two', observedAt: '2026-04-01' }]],
    ['r2', [{ documentId: 'd2', document: 'Note', href: null, observedAt: '2026-03-01' }]],
  ]),
};

describe('map data', () => {
  it('writes CSV with a row per line and source, quoted and defused', () => {
    const rows = mapCsv(spec, sources).split('\r\n');
    expect(rows[0]).toBe('from_id,from_name,relation,to_id,to_name,proposed,source_document,source_url,quote,observed_at');
    expect(rows[1]).toBe(`deployment:b,"'=HYPERLINK(""http://evil"")",runs on,chip:a,"Chip ""A"", rev 2",no,Report,https://example.org/r,"line one\nline two",2026-04-01`);
    expect(mapCsv(spec, sources)).toContain('"line one\nline two"');
    expect(rows.some((r) => r.startsWith("group:x,'+ 3 more deployments,runs on,chip:a"))).toBe(true);
    expect(rows).toContain('nation:z,Lonely,,,,,,,,');
  });
  it('writes JSON with every box (group members listed) and every line with its sources', () => {
    const data = JSON.parse(mapJson(spec, sources)) as {
      graphVersion: string;
      nodes: { id: string; status: string | null; members?: string[] }[];
      edges: { relationIds: string[]; sources: { document: string }[] }[];
    };
    expect(data.graphVersion).toBe('7');
    expect(data.nodes.map((n) => n.id)).toEqual(['chip:a', 'deployment:b', 'group:x', 'nation:z']);
    expect(data.nodes[1]!.status).toBe('breaks');
    expect(data.nodes[2]!.members).toEqual(['deployment:c', 'deployment:d', 'deployment:e']);
    expect(data.edges[1]!.relationIds).toEqual(['r2', 'r3']);
    expect(data.edges[1]!.sources.map((s) => s.document)).toEqual(['Note']);
  });
});
