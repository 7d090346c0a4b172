// The scenario map: what a scenario breaks and the chains of real relations that explain it,
// optionally only the impacts whose chains run through one focus entity. Impacts are taken in
// the engine's order (most severe first) until the node budget is spent.
import { NotFound } from '../../schema/errors.js';
import type { Snapshot } from '../../graph/snapshot.js';
import { runScenario, type Impact } from '../../scenarios/engine.js';
import type { Scenario } from '../../scenarios/scenario-file.js';
import type { Step } from '../../scenarios/causes.js';
import type { MapEdge, MapNode, MapSpec, MapStatus } from './map-model.js';
import { RELATION_FLAGS } from '../../graph/traverse.js';
import { seatOf } from './relation-roles.js';
import { listWords, scenarioAltText } from './alt-text.js';

export interface ScenarioMapOptions {
  focus?: string;
  max: number;
  asOf?: string;
  asOfMs: number;
}

/** The stored edge behind a step, as a map edge (undefined when the snapshot lacks it). */
function stepEdge(s: Snapshot, step: Step): MapEdge | undefined {
  const from = s.indexOf(step.from);
  const to = s.indexOf(step.to);
  if (from === undefined || to === undefined) return undefined;
  for (const e of s.outOf(from))
    if (s.edgeTo[e] === to && s.type(e) === step.rel) {
      return { relationId: s.edgeIds.at(e), from: step.from, to: step.to, type: step.rel, reversed: RELATION_FLAGS[s.edgeType[e]!]?.dependent === 'to' };
    }
  return undefined;
}

function touches(impact: Impact, id: string): boolean {
  return impact.deployment.id === id || impact.causes.some((c) => c.steps.some((st) => st.from === id || st.to === id));
}

/** "2 deployments break, 1 is degraded once NVIDIA H20 is hit (as of 2026-05-01); dashed: the first way around each break". */
function scenarioSubtitle(counts: { BROKEN: number; DEGRADED: number; AT_RISK: number }, shocks: string[], mitigated: boolean, asOf: string | null): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const parts = [
    counts.BROKEN && n(counts.BROKEN, 'deployment breaks', 'deployments break'),
    counts.DEGRADED && n(counts.DEGRADED, 'is degraded', 'are degraded'),
    counts.AT_RISK && n(counts.AT_RISK, 'is at risk', 'are at risk'),
  ].filter((p): p is string => !!p);
  const what = parts.length ? listWords(parts) : 'No deployment is affected';
  const origin = shocks.length ? ` once ${listWords(shocks.slice(0, 3))}${shocks.length > 3 ? ` and ${shocks.length - 3} more` : ''} ${shocks.length === 1 ? 'is' : 'are'} hit` : '';
  return `${what}${origin}${asOf ? ` (as of ${asOf})` : ''}${mitigated ? '; dashed: the first way around each break' : ''}`;
}

/** Builds the map of a scenario's impact; throws NotFound when the focus is not in the graph. */
export function scenarioMap(s: Snapshot, scenario: Scenario, opts: ScenarioMapOptions): MapSpec {
  const focusIndex = opts.focus === undefined ? undefined : s.indexOf(opts.focus);
  if (opts.focus !== undefined && focusIndex === undefined) throw new NotFound(`focus: no entity with id "${opts.focus}" in graph version ${s.version}`);
  const result = runScenario(s, scenario, opts.asOf ? { asOf: opts.asOf } : {});
  const impacts = opts.focus ? result.impacts.filter((i) => touches(i, opts.focus!)) : result.impacts;

  const nodes = new Map<string, MapNode>();
  const edges = new Map<string, MapEdge>();
  const status = new Map<string, MapStatus>();
  const shocked = new Set<string>();
  const mitigation = new Set<string>();
  let shown = 0;
  for (const impact of impacts) {
    const ids = new Set<string>([impact.deployment.id, ...impact.causes.map((c) => c.origin)]);
    // a broken deployment's first way around it, drawn as a dashed "could move to"
    const first = impact.status === 'BROKEN' ? impact.mitigations[0] : undefined;
    if (first && s.indexOf(first.with) !== undefined) ids.add(first.with);
    for (const c of impact.causes)
      for (const st of c.steps) {
        ids.add(st.from);
        ids.add(st.to);
      }
    const fresh = [...ids].filter((id) => !nodes.has(id) && s.indexOf(id) !== undefined);
    if (nodes.size + fresh.length > opts.max && shown > 0) continue;
    shown++;
    status.set(impact.deployment.id, impact.status);
    for (const c of impact.causes) {
      shocked.add(c.origin);
      for (const st of c.steps) {
        const e = stepEdge(s, st);
        if (e) edges.set(e.relationId || `${st.from}|${st.rel}|${st.to}`, e);
      }
    }
    if (first && s.indexOf(first.with) !== undefined) {
      mitigation.add(first.with);
      const e: MapEdge = { relationId: '', relationIds: [], from: impact.deployment.id, to: first.with, type: 'COULD_MOVE_TO', reversed: false, proposed: true };
      edges.set(`mitigation|${impact.deployment.id}|${first.with}`, e);
    }
    for (const id of fresh) {
      const i = s.indexOf(id)!;
      nodes.set(id, { id, name: s.names.at(i), label: s.label(i), role: id === opts.focus ? 'focus' : 'chain', seat: seatOf(s, i, opts.asOfMs) });
    }
  }
  for (const n of nodes.values()) {
    n.status = status.get(n.id) ?? (shocked.has(n.id) ? 'SHOCKED' : undefined);
    if (!n.status && n.role === 'chain' && mitigation.has(n.id)) n.role = 'mitigation';
  }
  if (opts.focus && !nodes.has(opts.focus)) {
    const i = focusIndex!;
    nodes.set(opts.focus, { id: opts.focus, name: s.names.at(i), label: s.label(i), role: 'focus', seat: seatOf(s, i, opts.asOfMs) });
  }
  const sorted = [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const focusName = focusIndex === undefined ? undefined : s.names.at(focusIndex);
  const counts = { BROKEN: 0, DEGRADED: 0, AT_RISK: 0 };
  for (const i of impacts) if (i.status in counts) counts[i.status as keyof typeof counts]++;
  const spec: MapSpec = {
    kind: 'scenario',
    flow: 'up',
    title: focusName ? `${scenario.title}: what breaks through ${focusName}` : `${scenario.title}: what breaks`,
    subtitle: scenarioSubtitle(
      counts,
      [...shocked].filter((id) => nodes.has(id)).map((id) => nodes.get(id)!.name),
      mitigation.size > 0,
      result.asOf,
    ),
    nodes: sorted,
    edges: [...edges.values()].sort((a, b) => (a.relationId < b.relationId ? -1 : a.relationId > b.relationId ? 1 : 0)),
    omitted: impacts.length - shown,
    alt: '',
    graphVersion: s.version,
    asOf: opts.asOf ?? result.asOf ?? undefined,
  };
  const impacted = impacts.map((i): MapNode => {
    const known = nodes.get(i.deployment.id);
    if (known) return known;
    const idx = s.indexOf(i.deployment.id)!;
    return { id: i.deployment.id, name: i.deployment.name, label: s.label(idx), role: 'chain', status: i.status, seat: seatOf(s, idx, opts.asOfMs) };
  });
  spec.alt = scenarioAltText(spec, scenario.title, impacted, focusName);
  return spec;
}
