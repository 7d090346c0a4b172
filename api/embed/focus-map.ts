// The focus map: the dependency neighbourhood of one entity — what it needs (upstream) and what
// needs it (downstream) within `depth` steps — bounded to `max` entities, chosen nearest first
// and by id within a step so the same graph always gives the same map.
import { NotFound } from '../../schema/errors.js';
import type { Snapshot } from '../../graph/snapshot.js';
import type { MapEdge, MapNode, MapSpec } from './map-model.js';
import { dependencySteps, RELATION_FLAGS } from '../../graph/traverse.js';
import { seatOf } from './relation-roles.js';
import { focusAltText } from './alt-text.js';

export interface FocusOptions {
  depth: number;
  max: number;
  /** ms since epoch; NaN to ignore validity dates */
  asOfMs: number;
  asOf?: string;
}

interface Reach {
  depth: number;
  role: 'upstream' | 'downstream';
}

/** Every entity within `depth` steps of `start`, upstream and downstream, with its distance. */
function reachFrom(s: Snapshot, start: number, depth: number, asOfMs: number): Map<number, Reach> {
  const reached = new Map<number, Reach>();
  for (const role of ['downstream', 'upstream'] as const) {
    let frontier = [start];
    for (let d = 1; d <= depth && frontier.length; d++) {
      const next: number[] = [];
      for (const i of frontier)
        for (const { node: j } of dependencySteps(s, i, role, asOfMs)) {
          if (j === start) continue;
          const known = reached.get(j);
          if (known && known.depth <= d) continue;
          next.push(j);
          reached.set(j, { depth: d, role });
        }
      frontier = next;
    }
  }
  return reached;
}

/** The edges the map follows between chosen nodes, valid at asOf, sorted by relation id. */
export function edgesAmong(s: Snapshot, chosen: Set<number>, asOfMs: number): MapEdge[] {
  const edges: MapEdge[] = [];
  for (const i of chosen)
    for (const e of s.outOf(i)) {
      const role = RELATION_FLAGS[s.edgeType[e]!];
      const to = s.edgeTo[e]!;
      if (!role?.dependent || !chosen.has(to) || to === i || !s.validAt(e, asOfMs)) continue;
      edges.push({ relationId: s.edgeIds[e]!, from: s.ids[i]!, to: s.ids[to]!, type: s.type(e), reversed: role.dependent === 'to' });
    }
  return edges.sort((a, b) => (a.relationId < b.relationId ? -1 : a.relationId > b.relationId ? 1 : 0));
}

/** Builds the focus map of `focusId`; throws NotFound naming the id when it is not in the graph. */
export function focusMap(s: Snapshot, focusId: string, opts: FocusOptions): MapSpec {
  const fi = s.indexOf(focusId);
  if (fi === undefined) throw new NotFound(`focus: no entity with id "${focusId}" in graph version ${s.version}`);
  const reached = reachFrom(s, fi, opts.depth, opts.asOfMs);
  const order = [...reached.entries()].sort(([a, ra], [b, rb]) => ra.depth - rb.depth || (s.ids[a]! < s.ids[b]! ? -1 : 1));
  const kept = order.slice(0, Math.max(0, opts.max - 1));
  const chosen = new Set<number>([fi, ...kept.map(([i]) => i)]);
  const node = (i: number, role: MapNode['role']): MapNode => ({ id: s.ids[i]!, name: s.names[i]!, label: s.label(i), role, seat: seatOf(s, i, opts.asOfMs) });
  const nodes = [node(fi, 'focus'), ...kept.map(([i, r]) => node(i, r.role))];
  const name = s.names[fi]!;
  const spec: MapSpec = {
    kind: 'focus',
    title: `What ${name} depends on, and what depends on it`,
    subtitle: `Dependencies within ${opts.depth} step${opts.depth === 1 ? '' : 's'} of ${name}`,
    nodes,
    edges: edgesAmong(s, chosen, opts.asOfMs),
    omitted: order.length - kept.length,
    alt: '',
    graphVersion: s.version,
    asOf: opts.asOf,
  };
  spec.alt = focusAltText(spec);
  return spec;
}
