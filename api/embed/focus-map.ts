// The focus map: the dependency neighbourhood of one entity — what it needs (upstream) and what
// needs it (downstream) within `depth` steps — bounded to `max` entities, chosen nearest first
// and by id within a step so the same graph always gives the same map.
import { NotFound } from '../../schema/errors.js';
import type { Snapshot } from '../../graph/snapshot.js';
import type { MapEdge, MapNode, MapSpec } from './map-model.js';
import { dependencySteps, RELATION_FLAGS } from '../../graph/traverse.js';
import { labelWords, seatOf } from './relation-roles.js';
import { focusAltText, listWords } from './alt-text.js';

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
      edges.push({ relationId: s.edgeIds.at(e), from: s.ids.at(i), to: s.ids.at(to), type: s.type(e), reversed: role.dependent === 'to' });
    }
  return edges.sort((a, b) => (a.relationId < b.relationId ? -1 : a.relationId > b.relationId ? 1 : 0));
}

/** At most this many group boxes ("+ 14 more deployments in China") stand for what is left out. */
const MAX_GROUPS = 4;

/** Group boxes for the entities left out, by role, label and seat; the smallest merged into one when there are too many. */
function groupsOf(s: Snapshot, left: [number, Reach][], asOfMs: number): MapNode[] {
  const by = new Map<string, { role: Reach['role']; label: string; seat?: string; members: string[] }>();
  for (const [i, r] of left) {
    const label = s.label(i);
    const seat = seatOf(s, i, asOfMs);
    const key = `${r.role}|${label}|${seat ?? ''}`;
    const g = by.get(key) ?? { role: r.role, label, seat, members: [] };
    g.members.push(s.ids.at(i));
    by.set(key, g);
  }
  let groups = [...by.values()].sort((a, b) => b.members.length - a.members.length || (a.members[0]! < b.members[0]! ? -1 : 1));
  if (groups.length > MAX_GROUPS) {
    // the biggest keep their own box; the rest share one box per side
    const rest = groups.slice(MAX_GROUPS - 2);
    groups = groups.slice(0, MAX_GROUPS - 2);
    for (const role of ['downstream', 'upstream'] as const) {
      const members = rest.filter((g) => g.role === role).flatMap((g) => g.members);
      if (members.length) groups.push({ role, label: '', members });
    }
  }
  return groups.map((g) => {
    const n = g.members.length;
    const what = g.label ? labelWords(g.label, n) : n === 1 ? 'entity' : 'entities';
    const name = `+ ${n} more ${what}${g.seat ? ` in ${g.seat}` : ''}`;
    const side = g.role === 'downstream' ? 'depend' : 'needed';
    return { id: `group:${side}:${g.label || 'other'}:${g.seat ?? ''}`, name, label: g.label || 'Organization', role: 'group', seat: g.seat, members: g.members.sort() };
  });
}

/** Edges between group boxes and the drawn entities their members link to, one per (end, type). */
function groupEdges(s: Snapshot, groups: MapNode[], chosen: Set<number>, asOfMs: number): MapEdge[] {
  const out = new Map<string, MapEdge>();
  for (const g of groups)
    for (const id of g.members!) {
      const i = s.indexOf(id)!;
      for (const [e, outward] of [...[...s.outOf(i)].map((e) => [e, true] as const), ...[...s.inOf(i)].map((e) => [e, false] as const)]) {
        const role = RELATION_FLAGS[s.edgeType[e]!];
        const other = outward ? s.edgeTo[e]! : s.edgeFrom[e]!;
        if (!role?.dependent || !chosen.has(other) || !s.validAt(e, asOfMs)) continue;
        const type = s.type(e);
        const key = `${g.id}|${outward}|${s.ids.at(other)}|${type}`;
        const edge = out.get(key) ?? { relationId: '', relationIds: [], from: outward ? g.id : s.ids.at(other), to: outward ? s.ids.at(other) : g.id, type, reversed: role.dependent === 'to' };
        edge.relationIds!.push(s.edgeIds.at(e));
        out.set(key, edge);
      }
    }
  return [...out.values()].map((e) => ({ ...e, relationIds: e.relationIds!.sort() })).sort((a, b) => (`${a.from}|${a.to}|${a.type}` < `${b.from}|${b.to}|${b.type}` ? -1 : 1));
}

/** "14 deployments and 3 models" for the entities in reach on one side (drawn or grouped). */
function reachWords(s: Snapshot, ids: number[]): string {
  const counts = new Map<string, number>();
  for (const i of ids) counts.set(s.label(i), (counts.get(s.label(i)) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const parts = sorted.map(([label, n]) => `${n} ${labelWords(label, n)}`);
  if (parts.length <= 3) return listWords(parts);
  return listWords([...parts.slice(0, 2), `${ids.length - sorted[0]![1] - sorted[1]![1]} more`]);
}

/** Title and subtitle written from the map's direction and content. */
function headline(s: Snapshot, name: string, reached: Map<number, Reach>, depth: number): { title: string; subtitle: string } {
  const down = [...reached.entries()].filter(([, r]) => r.role === 'downstream').map(([i]) => i);
  const up = [...reached.entries()].filter(([, r]) => r.role === 'upstream').map(([i]) => i);
  const within = depth === 1 ? 'directly' : `within ${depth} steps`;
  if (down.length && up.length) return { title: `${capital(reachWords(s, down))} depend on ${name}`, subtitle: `${name} in turn depends on ${reachWords(s, up)} (${within})` };
  if (down.length) return { title: `${capital(reachWords(s, down))} depend on ${name}`, subtitle: `Dependents ${within}; the graph records nothing ${name} itself depends on` };
  if (up.length) return { title: `What ${name} depends on`, subtitle: `${capital(reachWords(s, up))} (${within}); nothing in the graph depends on ${name}` };
  return { title: `${name}: no dependencies on record`, subtitle: `The graph holds no relation a dependency map follows from or to ${name}` };
}

const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** Builds the focus map of `focusId`; throws NotFound naming the id when it is not in the graph. */
export function focusMap(s: Snapshot, focusId: string, opts: FocusOptions): MapSpec {
  const fi = s.indexOf(focusId);
  if (fi === undefined) throw new NotFound(`focus: no entity with id "${focusId}" in graph version ${s.version}`);
  const reached = reachFrom(s, fi, opts.depth, opts.asOfMs);
  const order = [...reached.entries()].sort(([a, ra], [b, rb]) => ra.depth - rb.depth || (s.ids.at(a) < s.ids.at(b) ? -1 : 1));
  // Over budget, group boxes take the last places.
  const slots = Math.max(0, opts.max - 1);
  const kept = order.length > slots ? order.slice(0, Math.max(1, slots - MAX_GROUPS)) : order;
  const chosen = new Set<number>([fi, ...kept.map(([i]) => i)]);
  const groups = groupsOf(s, order.slice(kept.length), opts.asOfMs);
  const node = (i: number, role: MapNode['role']): MapNode => ({ id: s.ids.at(i), name: s.names.at(i), label: s.label(i), role, seat: seatOf(s, i, opts.asOfMs) });
  const nodes = [node(fi, 'focus'), ...kept.map(([i, r]) => node(i, r.role)), ...groups];
  const name = s.names.at(fi);
  const spec: MapSpec = {
    kind: 'focus',
    flow: 'down',
    ...headline(s, name, reached, opts.depth),
    nodes,
    edges: [...edgesAmong(s, chosen, opts.asOfMs), ...groupEdges(s, groups, chosen, opts.asOfMs)],
    omitted: order.length - kept.length,
    alt: '',
    graphVersion: s.version,
    asOf: opts.asOf,
  };
  spec.alt = focusAltText(spec);
  return spec;
}
