// Exposure of a nation or bloc to foreign control, on the snapshot. Its subjects (deployments, data
// centres, models: the caller picks the labels) are the nodes under its jurisdiction; each subject's
// dependencies are walked along `dependency` relations, layer by layer (a relation's `passes` flag
// narrows which layers reach the dependent, e.g. a model used over an API passes every layer, a
// self-hosted one only its weights). A dependency is foreign-controlled when a jurisdiction outside
// home reaches it through control and jurisdiction relations. Every figure keeps the edges behind it.
import { DOMAIN } from '../schema/generated/domain.js';
import { RELATION_TYPES, type Label } from '../schema/generated/model.js';
import { FAILURE_LAYERS, edgeLayers } from '../schema/layers.js';
import { placementOf } from './placement.js';
import type { Snapshot } from './snapshot.js';
import { RELATION_FLAGS, dependencySteps, type Step } from './traverse.js';

export interface ExposureItem {
  subject: number;
  dependency: number;
  layer: string;
  /** dependency edges from the subject to the dependency */
  path: number[];
  /** the foreign jurisdictions reaching the dependency */
  jurisdictions: number[];
  /** control and jurisdiction edges from the dependency to those jurisdictions */
  control: number[];
}

export interface LayerFigure {
  layer: string;
  exposed: number;
  total: number;
  items: ExposureItem[];
}

export interface ExposureReport {
  nation: number;
  home: number[];
  subjects: number[];
  exposed: number;
  layers: LayerFigure[];
}

/** The failure layers (the schema's list, shared with the scenario engine). */
export const LAYERS: readonly string[] = FAILURE_LAYERS;

/** The dependency flag per relation type index (the snapshot's edgeType), read once rather than looked up per step. */
const DEPENDENCY = RELATION_TYPES.map((type) => DOMAIN.relations.find((r) => r.type === type)?.dependency);

/** The members of node n: what answers to it through a jurisdiction relation from its own label (a bloc's nations). */
export function membersOf(s: Snapshot, n: number, asOfMs = Number.NaN): number[] {
  return placementOf(s, asOfMs).members(n);
}

/** Home of a nation: itself, its members, and what it answers to through a jurisdiction relation to its own label (its blocs). */
export function homeOf(s: Snapshot, n: number, asOfMs = Number.NaN): Set<number> {
  return placementOf(s, asOfMs).home(n);
}

/** The jurisdictions that reach node x, each with the control and jurisdiction edges used (graph/placement.ts). */
export function jurisdictionsOf(s: Snapshot, x: number, asOfMs = Number.NaN): Map<number, number[]> {
  return placementOf(s, asOfMs).jurisdictionTrails(x);
}

// The layers of a step's dependency that reach the node it was taken from: the edge's own (carries,
// passes), less the relation's layer when the node also needs one of that dependency's own members
// through the same relation (it names the one it uses: the scenario engine's narrowing rule).
function stepLayers(s: Snapshot, step: Step, steps: readonly Step[], upstream: (node: number) => readonly Step[]): readonly string[] {
  const t = s.edgeType[step.edge]!;
  const dep = DEPENDENCY[t]!;
  const layers = edgeLayers(dep, s.edgeProps.at(step.edge));
  const named = new Set(steps.filter((x) => s.edgeType[x.edge] === t && x.node !== step.node).map((x) => x.node));
  if (!named.size) return layers;
  const narrowed = upstream(step.node).some((x) => s.edgeType[x.edge] === t && named.has(x.node));
  const layer = RELATION_FLAGS[t]!.layer;
  return narrowed ? layers.filter((l) => l !== layer) : layers;
}

/** Computes the exposure report of nation n for subjects of the given labels. */
export function exposure(s: Snapshot, n: number, opts: { subjects: readonly Label[]; asOfMs?: number; depth?: number; check?: () => void }): ExposureReport {
  const asOf = opts.asOfMs ?? Number.NaN;
  const maxDepth = opts.depth ?? 6;
  const place = placementOf(s, asOf);
  const home = place.home(n);
  const jCache = new Map<number, Map<number, number[]>>();
  const jur = (x: number) => {
    let j = jCache.get(x);
    if (!j) jCache.set(x, (j = place.jurisdictionTrails(x)));
    return j;
  };
  // a node's dependency steps, read once per call: the walk and the narrowing rule both ask
  const stepCache = new Map<number, Step[]>();
  const upstream = (x: number): readonly Step[] => {
    let steps = stepCache.get(x);
    if (!steps) stepCache.set(x, (steps = dependencySteps(s, x, 'upstream', asOf, { dependency: true, control: false, jurisdiction: false })));
    return steps;
  };
  const subjects: number[] = [];
  for (let i = 0; i < s.nodeCount; i++) {
    if (!opts.subjects.includes(s.label(i))) continue;
    if ([...jur(i).keys()].some((j) => home.has(j))) subjects.push(i);
  }
  const figures = new Map(LAYERS.map((l) => [l, { exposed: new Set<number>(), items: [] as ExposureItem[] }]));
  const allLayers = new Set(LAYERS);
  for (const subject of subjects) {
    // a request past its deadline stops here (check throws)
    opts.check?.();
    // BFS over (node, allowed layers); the first path to a (dependency, layer) is the one reported
    const seen = new Set<string>();
    const reported = new Set<string>();
    const queue: { node: number; allowed: Set<string>; path: number[] }[] = [{ node: subject, allowed: allLayers, path: [] }];
    for (let h = 0; h < queue.length; h++) {
      const { node, allowed, path } = queue[h]!;
      if (path.length >= maxDepth) continue;
      const steps = upstream(node);
      for (const step of steps) {
        const flags = RELATION_FLAGS[s.edgeType[step.edge]!]!;
        if (flags.layer && !allowed.has(flags.layer)) continue;
        const next = new Set(stepLayers(s, step, steps, upstream).filter((l) => allowed.has(l)));
        const stateKey = `${step.node}|${[...next].sort().join(',')}`;
        if (seen.has(stateKey) || step.node === subject) continue;
        seen.add(stateKey);
        const trail = [...path, step.edge];
        queue.push({ node: step.node, allowed: next, path: trail });
        if (!flags.layer || reported.has(`${step.node}|${flags.layer}`)) continue;
        const foreign = [...jur(step.node).entries()].filter(([j]) => !home.has(j));
        if (!foreign.length) continue;
        reported.add(`${step.node}|${flags.layer}`);
        const figure = figures.get(flags.layer)!;
        figure.exposed.add(subject);
        figure.items.push({
          subject,
          dependency: step.node,
          layer: flags.layer,
          path: trail,
          jurisdictions: foreign.map(([j]) => j).sort((a, b) => a - b),
          control: [...new Set(foreign.flatMap(([, edges]) => edges))].sort((a, b) => a - b),
        });
      }
    }
  }
  const exposedAny = new Set<number>();
  for (const f of figures.values()) for (const x of f.exposed) exposedAny.add(x);
  return {
    nation: n,
    home: [...home].sort((a, b) => a - b),
    subjects,
    exposed: exposedAny.size,
    layers: LAYERS.map((layer) => {
      const f = figures.get(layer)!;
      return { layer, exposed: f.exposed.size, total: subjects.length, items: f.items };
    }),
  };
}
