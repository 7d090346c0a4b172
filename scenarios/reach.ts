// The reach rules, read from the schema: which relations are dependencies, which end needs the
// other, in which failure layer, which parallel edges are alternatives, which layers a relation
// lets through (by one of its properties), and which relations carry jurisdiction and control.
// Everything is packed per (snapshot, asOf) into typed arrays and cached.
import { DOMAIN } from '../schema/generated/domain.js';
import { LABELS, RELATION_TYPES, type Label } from '../schema/generated/model.js';
import type { RelationSpec } from '../schema/meta.js';
import { FAILURE_LAYERS, edgeLayers, layerOf } from '../schema/layers.js';
import type { Snapshot } from '../graph/snapshot.js';

const SPEC_BY_TYPE: (RelationSpec | undefined)[] = RELATION_TYPES.map((t) => DOMAIN.relations.find((r) => r.type === t));

/** Failure layers in a fixed order (bit i of a layer mask is LAYERS[i]): the schema's list. */
export const LAYERS: readonly string[] = FAILURE_LAYERS;
/** Mask with every layer set. */
export const ALL_LAYERS = (1 << LAYERS.length) - 1;

/** Mask of the named layers; unknown names throw, because a rule naming a layer the schema lacks is a bug. */
export function layerMask(names: readonly string[]): number {
  let m = 0;
  for (const n of names) {
    const i = LAYERS.indexOf(n);
    if (i < 0) throw new Error(`unknown failure layer "${n}" (schema has: ${LAYERS.join(', ')})`);
    m |= 1 << i;
  }
  return m;
}

/** Relation types (indexes) whose dependency layer is one of `layers`. */
export function relationTypesInLayers(layers: readonly string[]): Set<number> {
  const out = new Set<number>();
  SPEC_BY_TYPE.forEach((s, i) => {
    if (s?.dependency && layers.includes(layerOf(s.dependency))) out.add(i);
  });
  return out;
}

/** Labels that depend on things but nothing depends on: the entities scenarios judge. */
export const JUDGED_LABELS: readonly Label[] = (() => {
  const dependents = new Set<string>();
  const dependencies = new Set<string>();
  for (const r of DOMAIN.relations) {
    if (!r.dependency) continue;
    const [dep, need] = r.dependency.dependent === 'from' ? [r.from, r.to] : [r.to, r.from];
    dep.forEach((l) => dependents.add(l));
    need.forEach((l) => dependencies.add(l));
  }
  return LABELS.filter((l) => dependents.has(l) && !dependencies.has(l));
})();

/** The packed dependency graph of one snapshot at one date. */
export interface ReachIndex {
  readonly snapshot: Snapshot;
  readonly asOfMs: number;
  /** dependency positions of dependent u: depOffsets[u] .. depOffsets[u+1] */
  readonly depOffsets: Int32Array;
  /** snapshot edge index of a dependency position */
  readonly depEdge: Int32Array;
  /** the needed node of a dependency position */
  readonly depTarget: Int32Array;
  /** 1 when the position starts a new group (alternatives share a group) */
  readonly depGroupStart: Uint8Array;
  /** layers of the needed node that reach the dependent through this edge */
  readonly depAllowed: Uint16Array;
  /** bit index of the layer the dependent fails in */
  readonly depOutLayer: Uint8Array;
  /** 1 hard, 0 upstream */
  readonly depHard: Uint8Array;
  /** the member's part of its group's supply (share, or count over the group's counts); NaN unless every member of the group gives one */
  readonly depShare: Float32Array;
  /** whether any group has shares (lets propagation skip the share arithmetic) */
  readonly hasShares: boolean;
  /** 1 when an installed base outlives this supply (the relation's `installedBase` flag) */
  readonly depInstalled: Uint8Array;
  /** dependents of node t: rdepOffsets[t] .. rdepOffsets[t+1], as dependency positions */
  readonly rdepOffsets: Int32Array;
  readonly rdepPos: Int32Array;
  /** the dependent at each reverse position (depSource[rdepPos[r]], stored in order for sequential scans) */
  readonly rdepSource: Int32Array;
  /** the dependent of each dependency position */
  readonly depSource: Int32Array;
  /** judged nodes (deployments), sorted by id */
  readonly judged: Int32Array;
  /** 1 for judged nodes */
  readonly isJudged: Uint8Array;
}

/** Whether anything depends on node x. */
export function dependedOn(idx: ReachIndex, x: number): boolean {
  return idx.rdepOffsets[x + 1]! > idx.rdepOffsets[x]!;
}

/** Whether something depends on node x through a relation failing in layer `layer` (a bit index). */
export function neededInLayer(idx: ReachIndex, x: number, layer: number): boolean {
  for (let r = idx.rdepOffsets[x]!; r < idx.rdepOffsets[x + 1]!; r++) if (idx.depOutLayer[idx.rdepPos[r]!] === layer) return true;
  return false;
}

const cache = new WeakMap<Snapshot, Map<number, ReachIndex>>();

function layerIndex(spec: RelationSpec): number {
  return LAYERS.indexOf(layerOf(spec.dependency!));
}

function carriedLayers(spec: RelationSpec): number {
  const carries = spec.dependency!.carries;
  return carries ? layerMask(carries) : ALL_LAYERS;
}

function allowedLayers(spec: RelationSpec, props: Record<string, unknown>): number {
  return layerMask(edgeLayers(spec.dependency!, props));
}

/** Relation types (indexes) whose ends can replace each other (the schema's `substitution` flag). */
export const SUBSTITUTION_TYPES: ReadonlySet<number> = new Set(SPEC_BY_TYPE.flatMap((s, i) => (s?.substitution ? [i] : [])));

/** The reach index of a snapshot at a date (NaN: ignore validity dates); cached per snapshot. */
export function reachIndex(snapshot: Snapshot, asOfMs: number = Number.NaN): ReachIndex {
  let perDate = cache.get(snapshot);
  if (!perDate) cache.set(snapshot, (perDate = new Map()));
  const key = Number.isNaN(asOfMs) ? -Infinity : asOfMs;
  let idx = perDate.get(key);
  if (!idx) perDate.set(key, (idx = buildIndex(snapshot, asOfMs)));
  return idx;
}

function buildIndex(s: Snapshot, asOfMs: number): ReachIndex {
  const n = s.nodeCount;
  const typeDependent = new Int8Array(RELATION_TYPES.length).fill(-1); // 0 from, 1 to
  const typeLayer = new Uint8Array(RELATION_TYPES.length);
  const typeHard = new Uint8Array(RELATION_TYPES.length);
  const typeAlt = new Uint8Array(RELATION_TYPES.length);
  const typePasses = new Uint8Array(RELATION_TYPES.length);
  const typeCarries = new Uint16Array(RELATION_TYPES.length);
  SPEC_BY_TYPE.forEach((spec, t) => {
    if (!spec) return;
    if (!spec.dependency) return;
    typeDependent[t] = spec.dependency.dependent === 'from' ? 0 : 1;
    typeLayer[t] = layerIndex(spec);
    typeHard[t] = spec.dependency.strength === 'hard' ? 1 : 0;
    typeAlt[t] = spec.dependency.alternatives ? 1 : 0;
    typePasses[t] = spec.dependency.passes ? 1 : 0;
    typeCarries[t] = carriedLayers(spec);
  });

  const m = s.edgeCount;
  const depOffsets = new Int32Array(n + 1);
  const rdepOffsets = new Int32Array(n + 1);
  let count = 0;
  for (let e = 0; e < m; e++) {
    const t = s.edgeType[e]!;
    if (typeDependent[t]! < 0 || !s.validAt(e, asOfMs)) continue;
    const [u, v] = typeDependent[t] === 0 ? [s.edgeFrom[e]!, s.edgeTo[e]!] : [s.edgeTo[e]!, s.edgeFrom[e]!];
    depOffsets[u + 1]!++;
    rdepOffsets[v + 1]!++;
    count++;
  }
  for (let i = 0; i < n; i++) {
    depOffsets[i + 1]! += depOffsets[i]!;
    rdepOffsets[i + 1]! += rdepOffsets[i]!;
  }
  const depEdge = new Int32Array(count);
  const depTarget = new Int32Array(count);
  const cursor = depOffsets.slice(0, n);
  for (let e = 0; e < m; e++) {
    const t = s.edgeType[e]!;
    if (typeDependent[t]! < 0 || !s.validAt(e, asOfMs)) continue;
    const [u, v] = typeDependent[t] === 0 ? [s.edgeFrom[e]!, s.edgeTo[e]!] : [s.edgeTo[e]!, s.edgeFrom[e]!];
    const p = cursor[u]!++;
    depEdge[p] = e;
    depTarget[p] = v;
  }
  // order each dependent's edges by (relation type, needed label, needed id) so alternatives sit together
  const key = (p: number) => s.edgeType[depEdge[p]!]! * 256 + s.labelOf[depTarget[p]!]!;
  for (let u = 0; u < n; u++) {
    const a = depOffsets[u]!;
    const b = depOffsets[u + 1]!;
    for (let i = a + 1; i < b; i++) {
      const e = depEdge[i]!;
      const v = depTarget[i]!;
      const k = key(i);
      let j = i - 1;
      while (j >= a && (key(j) > k || (key(j) === k && s.ids.at(depTarget[j]!) > s.ids.at(v)))) {
        depEdge[j + 1] = depEdge[j]!;
        depTarget[j + 1] = depTarget[j]!;
        j--;
      }
      depEdge[j + 1] = e;
      depTarget[j + 1] = v;
    }
  }
  const depGroupStart = new Uint8Array(count);
  const depAllowed = new Uint16Array(count);
  const depOutLayer = new Uint8Array(count);
  const depHard = new Uint8Array(count);
  const depInstalled = new Uint8Array(count);
  const depShare = new Float32Array(count).fill(Number.NaN);
  const depSource = new Int32Array(count);
  const rdepPos = new Int32Array(count);
  const rdepSource = new Int32Array(count);
  const rcursor = rdepOffsets.slice(0, n);
  for (let u = 0; u < n; u++) {
    for (let p = depOffsets[u]!; p < depOffsets[u + 1]!; p++) {
      const e = depEdge[p]!;
      const t = s.edgeType[e]!;
      depSource[p] = u;
      depOutLayer[p] = typeLayer[t]!;
      depHard[p] = typeHard[t]!;
      depInstalled[p] = SPEC_BY_TYPE[t]!.dependency!.installedBase ? 1 : 0;
      depAllowed[p] = typePasses[t] ? allowedLayers(SPEC_BY_TYPE[t]!, s.edgeProps.at(e)) : typeCarries[t]!;
      depGroupStart[p] = p === depOffsets[u] || !typeAlt[t] || key(p) !== key(p - 1) ? 1 : 0;
      const r = rcursor[depTarget[p]!]!++;
      rdepPos[r] = p;
      rdepSource[r] = u;
    }
  }
  narrow(s, depOffsets, depEdge, depTarget, depAllowed, typeLayer);
  const hasShares = shares(s, depOffsets, depEdge, depGroupStart, depShare);
  const judgedLabels = new Set(JUDGED_LABELS.map((l) => LABELS.indexOf(l)));
  const isJudged = new Uint8Array(n);
  const judgedList: number[] = [];
  for (let i = 0; i < n; i++)
    if (judgedLabels.has(s.labelOf[i]!)) {
      isJudged[i] = 1;
      judgedList.push(i);
    }
  judgedList.sort((x, y) => (s.ids.at(x) < s.ids.at(y) ? -1 : s.ids.at(x) > s.ids.at(y) ? 1 : 0));
  return {
    snapshot: s,
    asOfMs,
    depOffsets,
    depEdge,
    depTarget,
    depGroupStart,
    depAllowed,
    depOutLayer,
    depHard,
    depShare,
    hasShares,
    depInstalled,
    rdepOffsets,
    rdepPos,
    rdepSource,
    depSource,
    judged: Int32Array.from(judgedList),
    isJudged,
  };
}

// a number property of an edge, when it is one
function numberProp(s: Snapshot, e: number, name: string | undefined): number | undefined {
  if (!name) return undefined;
  const v = s.edgeProps.at(e)[name];
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/** Fills each member's part of its group's supply where every member of the group gives a share (or every one a count); returns whether any did. */
function shares(s: Snapshot, depOffsets: Int32Array, depEdge: Int32Array, depGroupStart: Uint8Array, depShare: Float32Array): boolean {
  let any = false;
  const n = depOffsets[s.nodeCount]!;
  for (let a = 0; a < n;) {
    let b = a + 1;
    while (b < n && !depGroupStart[b]) b++;
    const cap = SPEC_BY_TYPE[s.edgeType[depEdge[a]!]!]!.dependency!.capacity;
    if (cap) {
      const sh: number[] = [];
      const ct: number[] = [];
      for (let p = a; p < b; p++) {
        const x = numberProp(s, depEdge[p]!, cap.share);
        const c = numberProp(s, depEdge[p]!, cap.count);
        if (x !== undefined && x <= 1) sh.push(x);
        if (c !== undefined) ct.push(c);
      }
      const total = ct.reduce((x, y) => x + y, 0);
      if (sh.length === b - a) for (let p = a; p < b; p++) depShare[p] = sh[p - a]!;
      else if (ct.length === b - a && total > 0) for (let p = a; p < b; p++) depShare[p] = ct[p - a]! / total;
      if (!Number.isNaN(depShare[a]!)) any = true;
    }
    a = b;
  }
  return any;
}

/**
 * A dependent that needs both X and one of X's own dependencies through the same relation type
 * (a deployment hosted on AWS and on AWS's Frankfurt region) names the one it uses: X's failures in
 * that relation's layer reach it only through the one named, not through X's other members (the
 * UAE region). Clears that layer from the edge to X.
 */
function narrow(s: Snapshot, depOffsets: Int32Array, depEdge: Int32Array, depTarget: Int32Array, depAllowed: Uint16Array, typeLayer: Uint8Array): void {
  // mark[w] = u and markType[w] = the relation type when u needs w directly
  const mark = new Int32Array(s.nodeCount).fill(-1);
  const markType = new Int32Array(s.nodeCount);
  for (let u = 0; u < s.nodeCount; u++) {
    const a = depOffsets[u]!;
    const b = depOffsets[u + 1]!;
    if (b - a < 2) continue;
    for (let p = a; p < b; p++) {
      mark[depTarget[p]!] = u;
      markType[depTarget[p]!] = s.edgeType[depEdge[p]!]!;
    }
    for (let p = a; p < b; p++) {
      const t = s.edgeType[depEdge[p]!]!;
      const v = depTarget[p]!;
      for (let q = depOffsets[v]!; q < depOffsets[v + 1]!; q++)
        if (s.edgeType[depEdge[q]!] === t && mark[depTarget[q]!] === u && markType[depTarget[q]!] === t) {
          depAllowed[p]! &= ~(1 << typeLayer[t]!);
          break;
        }
    }
  }
}

/** Dependencies-first order of a reach index: `order[0..acyclic)` is topological; nodes on cycles (and what needs them) follow. */
export interface TopoOrder {
  readonly order: Int32Array;
  /** position of each node in `order` */
  readonly rank: Int32Array;
  readonly acyclic: number;
}

const topoCache = new WeakMap<ReachIndex, TopoOrder>();

/** The dependencies-first order of a reach index (cached). */
export function topoOrderOf(idx: ReachIndex): TopoOrder {
  let known = topoCache.get(idx);
  if (known) return known;
  const n = idx.snapshot.nodeCount;
  const pending = new Int32Array(n);
  for (let u = 0; u < n; u++) pending[u] = idx.depOffsets[u + 1]! - idx.depOffsets[u]!;
  const order = new Int32Array(n);
  let tail = 0;
  for (let u = 0; u < n; u++) if (pending[u] === 0) order[tail++] = u;
  for (let head = 0; head < tail; head++) {
    const t = order[head]!;
    for (let r = idx.rdepOffsets[t]!; r < idx.rdepOffsets[t + 1]!; r++) {
      const u = idx.rdepSource[r]!;
      if (--pending[u]! === 0) order[tail++] = u;
    }
  }
  const acyclic = tail;
  // regroup by depth (longest chain of dependencies below a node), each depth in index order:
  // still dependencies-first, and scans over it walk memory forwards
  const depth = new Int32Array(n);
  let maxDepth = 0;
  for (let i = 0; i < acyclic; i++) {
    const u = order[i]!;
    let d = 0;
    for (let p = idx.depOffsets[u]!; p < idx.depOffsets[u + 1]!; p++) if (depth[idx.depTarget[p]!]! + 1 > d) d = depth[idx.depTarget[p]!]! + 1;
    depth[u] = d;
    if (d > maxDepth) maxDepth = d;
  }
  const start = new Int32Array(maxDepth + 2);
  for (let i = 0; i < acyclic; i++) start[depth[order[i]!]! + 1]!++;
  for (let d = 0; d <= maxDepth; d++) start[d + 1]! += start[d]!;
  for (let u = 0; u < n; u++) if (pending[u] === 0) order[start[depth[u]!]!++] = u;
  for (let u = 0; u < n; u++) if (pending[u]! > 0) order[tail++] = u;
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[order[i]!] = i;
  topoCache.set(idx, (known = { order, rank, acyclic }));
  return known;
}
