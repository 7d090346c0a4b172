// Chokepoints: for every entity, how many deployments break if that entity fails as the outage
// rule fails it (itself and whatever it controls). One pass over single-failure sets (see
// breakCounts) ranks them; the rows returned then get their degraded and at-risk counts from one
// propagation each. The naive loop (one full propagation per entity) is kept as the oracle and
// the benchmark baseline.
import { dateMs, type Snapshot } from '../graph/snapshot.js';
import { LABELS, type Label } from '../schema/generated/model.js';
import { InvalidInput } from '../schema/errors.js';
import { assertValid, dateProblem } from '../schema/validate.js';
import { nodeLevel, propagate } from './propagate.js';
import { ALL_LAYERS, LAYERS, dependedOn, reachIndex, topoOrderOf, type ReachIndex } from './reach.js';
import { statusOf, throughEdge } from './levels.js';
import { HARD, type Hit } from './rules/rule.js';
import { PLACE_LABELS } from '../schema/places.js';
import { CONTROL, PLACEMENT_KIND, placementOf } from '../graph/placement.js';

/** One ranked entity. */
export interface ChokepointRow {
  entity: { id: string; name: string; label: Label };
  /** deployments that break if this entity fails (with what it controls) */
  broken: number;
  /** deployments it degrades (an alternative or part of the supply survives) */
  degraded: number;
  /** deployments it puts at risk (upstream, through training or lineage) */
  atRisk: number;
  /** broken / all deployments */
  share: number;
}

export interface ChokepointOptions {
  asOf?: string;
  /** only entities with this label */
  type?: Label;
  /** how many rows (default 20; 0 for all) */
  first?: number;
}

const L = LAYERS.length;

// whether edge e is a control relation valid at the index's date
function isControl(idx: ReachIndex, e: number): boolean {
  return PLACEMENT_KIND[idx.snapshot.edgeType[e]!] === CONTROL && idx.snapshot.validAt(e, idx.asOfMs);
}

// the controller edge e names, or -1: places are no controllers (they fail by location in the
// outage rule, not by control)
function controllerVia(idx: ReachIndex, e: number): number {
  const c = idx.snapshot.edgeTo[e]!;
  return isControl(idx, e) && !PLACE_LABELS.has(idx.snapshot.labelOf[c]!) ? c : -1;
}

// the controllers above x (through control relations, transitively)
function controllersOf(idx: ReachIndex, x: number): number[] {
  const s = idx.snapshot;
  const out: number[] = [];
  const seen = new Set<number>([x]);
  const stack = [x];
  while (stack.length) {
    const y = stack.pop()!;
    for (const e of s.outOf(y)) {
      const c = controllerVia(idx, e);
      if (c < 0 || seen.has(c)) continue;
      seen.add(c);
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

// controllersOf for every node that has a control relation, sharing one list between the many
// nodes (deployments) whose only controller is the same company
function controllerLists(idx: ReachIndex): (readonly number[] | undefined)[] {
  const s = idx.snapshot;
  const lists = new Array<readonly number[] | undefined>(s.nodeCount);
  const byController = new Map<number, readonly number[]>();
  for (let e = 0; e < s.edgeCount; e++) {
    if (!isControl(idx, e)) continue;
    const u = s.edgeFrom[e]!;
    if (lists[u]) continue;
    let direct = -1;
    let single = true;
    for (const f of s.outOf(u)) {
      const c = controllerVia(idx, f);
      if (c < 0) continue;
      if (direct >= 0 && c !== direct) single = false;
      direct = c;
    }
    if (direct < 0) continue;
    if (single) {
      let chain = byController.get(direct);
      if (!chain) byController.set(direct, (chain = [direct, ...controllersOf(idx, direct).filter((c) => c !== direct)]));
      lists[u] = chain.includes(u) ? controllersOf(idx, u) : chain;
    } else lists[u] = controllersOf(idx, u);
  }
  return lists;
}

function controlsSomething(idx: ReachIndex, x: number): boolean {
  const s = idx.snapshot;
  if (PLACE_LABELS.has(s.labelOf[x]!)) return false;
  for (const e of s.inOf(x)) if (isControl(idx, e)) return true;
  return false;
}

function sources(idx: ReachIndex, type: Label | undefined): number[] {
  const label = type === undefined ? -1 : LABELS.indexOf(type);
  if (type !== undefined && label < 0) throw new InvalidInput(`type: unknown label "${type}" (known: ${LABELS.join(', ')})`);
  const out: number[] = [];
  for (let x = 0; x < idx.snapshot.nodeCount; x++) {
    if (idx.isJudged[x] || (label >= 0 && idx.snapshot.labelOf[x] !== label)) continue;
    if (dependedOn(idx, x) || controlsSomething(idx, x)) out.push(x);
  }
  return out;
}

/** The hits of the outage rule for entity x: x and everything it controls, in every layer. */
export function failureHits(idx: ReachIndex, x: number): Hit[] {
  const p = placementOf(idx.snapshot, idx.asOfMs);
  const nodes = PLACE_LABELS.has(idx.snapshot.labelOf[x]!) ? [x] : [x, ...p.controlledBy(x)];
  return nodes.map((node) => ({ node, layers: ALL_LAYERS, level: HARD, shock: 0, origin: x, via: [] }));
}

/** Deployments broken, degraded and at risk when x fails as the outage rule fails it (one propagation). */
export function failureCounts(idx: ReachIndex, x: number): { broken: number; degraded: number; atRisk: number } {
  const pr = propagate(idx, failureHits(idx, x), () => true);
  const c = { broken: 0, degraded: 0, atRisk: 0 };
  for (const d of idx.judged) {
    if (!pr.touched[d]) continue;
    const st = statusOf(nodeLevel(pr, d));
    if (st === 'BROKEN') c.broken++;
    else if (st === 'DEGRADED') c.degraded++;
    else if (st === 'AT_RISK') c.atRisk++;
  }
  return c;
}

function rank(idx: ReachIndex, srcs: readonly number[], counts: Int32Array | number[], first: number): ChokepointRow[] {
  const s = idx.snapshot;
  const total = idx.judged.length;
  const order = srcs.map((x, i) => ({ x, c: counts[i]! })).filter((r) => r.c > 0);
  order.sort((a, b) => b.c - a.c || (s.ids.at(a.x) < s.ids.at(b.x) ? -1 : 1));
  return (first > 0 ? order.slice(0, first) : order).map(({ x, c }) => {
    const f = failureCounts(idx, x);
    return { entity: { id: s.ids.at(x), name: s.names.at(x), label: s.label(x) }, broken: c, degraded: f.degraded, atRisk: f.atRisk, share: total ? c / total : 0 };
  });
}

const EMPTY = new Int32Array(0);

/**
 * Counts, per source, the deployments that break when it alone fails, from single-failure sets:
 * B(u, l) is every entity whose sole failure makes u fail hard in layer l (u itself aside).
 * A dependency member brings its target and the target's sets in the layers the edge passes; a
 * group of alternatives breaks only on what breaks all its members (an intersection); separate
 * groups add up (a union); upstream members never break anything. Sets are computed in
 * dependencies-first order (a fixed point over cycles) and stay as small as the supply chain is
 * deep, so the pass is near-linear, a generalisation of dominators to AND/OR graphs.
 */
export function breakCounts(idx: ReachIndex, srcs: readonly number[]): Int32Array {
  const n = idx.snapshot.nodeCount;
  const { depOffsets, depTarget, depAllowed, depOutLayer, depHard, depGroupStart, rdepOffsets, rdepPos, depSource, isJudged } = idx;
  const sets: Int32Array[] = new Array<Int32Array>(n * L).fill(EMPTY);
  // stamps mark membership in scratch sets without clearing: one per purpose
  const memberMark = new Int32Array(n);
  const layerMark = new Int32Array(n * L);
  let gen = 0;
  const member: number[] = [];
  let group: number[] = [];
  const acc: number[][] = Array.from({ length: L }, () => []);
  // members of position p: its target and the target's sets in the layers p passes, stamped with gen
  const collectMember = (p: number, g: number, into: number[]) => {
    const t = depTarget[p]!;
    into.length = 0;
    memberMark[t] = g;
    into.push(t);
    const allowed = depAllowed[p]!;
    for (let l = 0; l < L; l++) {
      if (!(allowed & (1 << l))) continue;
      const set = sets[t * L + l]!;
      for (let i = 0; i < set.length; i++) {
        const x = set[i]!;
        if (memberMark[x] !== g) {
          memberMark[x] = g;
          into.push(x);
        }
      }
    }
  };
  // the controllers of each node (the outage rule takes what they control down with them), computed
  // once and only for the few nodes with a control relation (one scan of the edges finds them)
  const ctrl = controllerLists(idx);
  const none: readonly number[] = [];
  const controllers = (u: number): readonly number[] => ctrl[u] ?? none;
  // fills acc[l] with B(u, l); `merge` puts every layer into acc[0] (judged nodes need only the union)
  const evaluate = (u: number, merge: boolean) => {
    const stamp = ++gen;
    for (let l = 0; l < L; l++) acc[l]!.length = 0;
    // a controller's failure takes u down in every layer
    for (const c of controllers(u))
      for (let l = 0; l < (merge ? 1 : L); l++)
        if (layerMark[c * L + l] !== stamp) {
          layerMark[c * L + l] = stamp;
          acc[l]!.push(c);
        }
    const end = depOffsets[u + 1]!;
    for (let p = depOffsets[u]!; p < end;) {
      // the group breaks u only when a hard failure reaches u through every member (the level rule)
      let q = p + 1;
      let hard = throughEdge(HARD, depHard[p]!) === HARD;
      while (q < end && !depGroupStart[q]) if (throughEdge(HARD, depHard[q++]!) !== HARD) hard = false;
      if (hard) {
        collectMember(p, ++gen, member);
        group = member.slice();
        for (let k = p + 1; k < q && group.length; k++) {
          const g = ++gen;
          collectMember(k, g, member);
          group = group.filter((x) => memberMark[x] === g);
        }
        const l = merge ? 0 : depOutLayer[p]!;
        const out = acc[l]!;
        for (const x of group)
          if (layerMark[x * L + l] !== stamp && x !== u) {
            layerMark[x * L + l] = stamp;
            out.push(x);
          }
      }
      p = q;
    }
  };
  const store = (u: number): boolean => {
    let changed = false;
    for (let l = 0; l < L; l++) {
      const a = acc[l]!;
      const old = sets[u * L + l]!;
      if (a.length === old.length) continue; // sets only grow, so equal size means unchanged
      sets[u * L + l] = Int32Array.from(a);
      changed = true;
    }
    return changed;
  };
  const { order, acyclic } = topoOrderOf(idx);
  for (let i = 0; i < acyclic; i++) {
    const u = order[i]!;
    if (isJudged[u] || (depOffsets[u + 1] === depOffsets[u] && !controllers(u).length)) continue;
    evaluate(u, false);
    store(u);
  }
  // cycles and what hangs below them: iterate to the least fixed point (sets only grow)
  const queued = new Uint8Array(n);
  const work: number[] = [];
  for (let i = acyclic; i < n; i++) {
    const u = order[i]!;
    if (isJudged[u]) continue;
    queued[u] = 1;
    work.push(u);
  }
  for (let head = 0; head < work.length; head++) {
    const u = work[head]!;
    queued[u] = 0;
    evaluate(u, false);
    if (!store(u)) continue;
    for (let r = rdepOffsets[u]!; r < rdepOffsets[u + 1]!; r++) {
      const v = depSource[rdepPos[r]!]!;
      if (isJudged[v] || queued[v]) continue;
      queued[v] = 1;
      work.push(v);
    }
  }
  const srcSlot = new Int32Array(n).fill(-1);
  srcs.forEach((x, i) => (srcSlot[x] = i));
  const counts = new Int32Array(srcs.length);
  for (const d of idx.judged) {
    evaluate(d, true);
    for (const x of acc[0]!) if (srcSlot[x]! >= 0) counts[srcSlot[x]!]!++;
  }
  return counts;
}

function indexFor(snapshot: Snapshot, asOf: string | undefined): ReachIndex {
  if (asOf !== undefined) assertValid(dateProblem('asOf', asOf));
  const ms = dateMs(asOf);
  return reachIndex(snapshot, ms);
}

/** Ranks entities by the deployments their sole failure breaks, in one pass. */
export function rankChokepoints(snapshot: Snapshot, opts: ChokepointOptions = {}): ChokepointRow[] {
  const idx = indexFor(snapshot, opts.asOf);
  const srcs = sources(idx, opts.type);
  return rank(idx, srcs, breakCounts(idx, srcs), opts.first ?? 20);
}

/** Deployments broken when one entity fails as the outage rule fails it, by running the full propagation (the oracle). */
export function breakCountNaive(idx: ReachIndex, x: number): number {
  const pr = propagate(idx, failureHits(idx, x), () => true);
  let c = 0;
  for (const d of idx.judged) if (d !== x && nodeLevel(pr, d) >= HARD) c++;
  return c;
}

/** The same ranking as rankChokepoints, one propagation per entity: slow, kept as test oracle and bench baseline. */
export function rankChokepointsNaive(snapshot: Snapshot, opts: ChokepointOptions = {}): ChokepointRow[] {
  const idx = indexFor(snapshot, opts.asOf);
  const srcs = sources(idx, opts.type);
  return rank(
    idx,
    srcs,
    srcs.map((x) => breakCountNaive(idx, x)),
    opts.first ?? 20,
  );
}

/** The entities rankChokepoints considers (everything something depends on, deployments aside). */
export function chokepointSources(snapshot: Snapshot, opts: ChokepointOptions = {}): number[] {
  return sources(indexFor(snapshot, opts.asOf), opts.type);
}
