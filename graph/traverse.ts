// Dependency traversals on the snapshot. Which way "depends on" runs along a relation comes from the
// schema's flags, never from type names: a `dependency` names its dependent end, a `control`
// relation makes the controlled (`from`) end depend on its controller, a `jurisdiction` relation
// makes the `from` end answer to the nation it points to.
import { DOMAIN } from '../schema/generated/domain.js';
import { RELATION_TYPES } from '../schema/generated/model.js';
import { layerOf } from '../schema/layers.js';
import type { Snapshot } from './snapshot.js';

/** Which flags of a relation type make it a dependency for a traversal. */
export interface FollowFlags {
  dependency: boolean;
  control: boolean;
  jurisdiction: boolean;
}

export const FOLLOW_ALL: FollowFlags = { dependency: true, control: true, jurisdiction: true };

export interface RelationFlags {
  /** the dependent end of the relation when it is a dependency of any kind, else null */
  dependent: 'from' | 'to' | null;
  dependency: boolean;
  control: boolean;
  jurisdiction: boolean;
  /** the failure layer of a dependency relation (schema/layers.ts) */
  layer: string | null;
}

/** Flags per relation type index (the snapshot's edgeType), read once from the domain model. */
export const RELATION_FLAGS: readonly RelationFlags[] = RELATION_TYPES.map((type) => {
  const spec = DOMAIN.relations.find((r) => r.type === type);
  const dependency = !!spec?.dependency;
  const control = !!spec?.control;
  const jurisdiction = !!spec?.jurisdiction;
  const dependent = spec?.dependency ? spec.dependency.dependent : control || jurisdiction ? 'from' : null;
  return { dependent, dependency, control, jurisdiction, layer: spec?.dependency ? layerOf(spec.dependency) : null };
});

/** Whether a relation type index is followed under the given flags. */
export function follows(typeIndex: number, flags: FollowFlags): boolean {
  const f = RELATION_FLAGS[typeIndex];
  if (!f || !f.dependent) return false;
  return (flags.dependency && f.dependency) || (flags.control && f.control) || (flags.jurisdiction && f.jurisdiction);
}

export interface Step {
  edge: number;
  /** the node reached */
  node: number;
  /** true when the edge was walked from its `to` end to its `from` end */
  reversed: boolean;
}

export type Way = 'upstream' | 'downstream';

/**
 * The dependency steps out of node i: upstream reaches what i depends on, downstream reaches what
 * depends on i. Edges not valid at asOfMs (NaN: ignore validity) are skipped; order is by edge index.
 */
export function dependencySteps(s: Snapshot, i: number, way: Way, asOfMs = Number.NaN, flags: FollowFlags = FOLLOW_ALL): Step[] {
  const steps: Step[] = [];
  // upstream: i is the dependent end; downstream: i is the depended-on end
  const wantOut: 'from' | 'to' = way === 'upstream' ? 'from' : 'to';
  for (const e of s.outOf(i)) {
    const t = s.edgeType[e]!;
    if (follows(t, flags) && RELATION_FLAGS[t]!.dependent === wantOut && s.validAt(e, asOfMs)) steps.push({ edge: e, node: s.edgeTo[e]!, reversed: false });
  }
  for (const e of s.inOf(i)) {
    const t = s.edgeType[e]!;
    if (follows(t, flags) && RELATION_FLAGS[t]!.dependent !== wantOut && s.validAt(e, asOfMs)) steps.push({ edge: e, node: s.edgeFrom[e]!, reversed: true });
  }
  return steps.sort((a, b) => a.edge - b.edge);
}

/** Every relation of node i as a step, in either direction (for undirected path search). */
export function anySteps(s: Snapshot, i: number, asOfMs = Number.NaN): Step[] {
  const steps: Step[] = [];
  for (const e of s.outOf(i)) if (s.validAt(e, asOfMs)) steps.push({ edge: e, node: s.edgeTo[e]!, reversed: false });
  for (const e of s.inOf(i)) if (s.validAt(e, asOfMs)) steps.push({ edge: e, node: s.edgeFrom[e]!, reversed: true });
  return steps.sort((a, b) => a.edge - b.edge);
}

export interface Reach {
  root: number;
  /** reached nodes in BFS order, the root first */
  nodes: number[];
  /** hop distance of each node in `nodes` */
  depths: number[];
  /** every followed edge between reached nodes, ascending */
  edges: number[];
}

/** Breadth-first reach from a node along dependency steps, up to maxDepth hops. */
export function reach(s: Snapshot, root: number, way: Way, maxDepth: number, asOfMs = Number.NaN, flags: FollowFlags = FOLLOW_ALL): Reach {
  const depth = new Map<number, number>([[root, 0]]);
  const nodes = [root];
  const edges = new Set<number>();
  for (let head = 0; head < nodes.length; head++) {
    const n = nodes[head]!;
    const d = depth.get(n)!;
    if (d >= maxDepth) continue;
    for (const step of dependencySteps(s, n, way, asOfMs, flags)) {
      edges.add(step.edge);
      if (!depth.has(step.node)) {
        depth.set(step.node, d + 1);
        nodes.push(step.node);
      }
    }
  }
  return { root, nodes, depths: nodes.map((n) => depth.get(n)!), edges: [...edges].sort((a, b) => a - b) };
}
