// Failure propagation to a fixed point. Each node has a level per failure layer (0 fine,
// 1 degraded, 2 conditional, 3 hard). A dependency edge passes the levels of the layers it
// lets through, and groups of alternatives combine, by the level rule (levels.ts); the
// dependent fails in the relation's layer at the worst of its groups. Levels only rise, so a
// worklist reaches the least fixed point whatever the order.
import { CONDITIONAL as CONDITIONAL_LEVEL, HARD as HARD_LEVEL, SHORTFALL as SHORTFALL_LEVEL, type Hit, type Scope } from './rules/rule.js';
import { CONDITIONAL_SHIFT, groupOf, groupWithShares, scopedHitLevel, throughEdge } from './levels.js';
import { LAYERS, topoOrderOf, type ReachIndex } from './reach.js';

const L = LAYERS.length;
// plain module constants: the hot loops below read them millions of times
const HARD = HARD_LEVEL as number;
const CONDITIONAL = CONDITIONAL_LEVEL as number;
const SHORTFALL = SHORTFALL_LEVEL as number;

/** The state after propagating a set of hits. */
export interface Propagation {
  readonly idx: ReachIndex;
  /** level[node * LAYERS.length + layer] */
  readonly level: Uint8Array;
  /** levels set directly by unscoped (or in-scope) hits */
  readonly direct: Uint8Array;
  /** scoped hits that reach only some dependents: dependency position -> hard layer mask | cond mask << CONDITIONAL_SHIFT */
  readonly edgeHit: ReadonlyMap<number, number>;
  /** 1 for dependents with an entry in edgeHit (spares a map look-up per edge) */
  readonly edgeHitNode: Uint8Array;
  /** 1 for every node propagation looked at: the others are unaffected */
  readonly touched: Uint8Array;
  /** the part of the supply lost, per (node * LAYERS.length + layer) at a shortfall */
  readonly lost: Map<number, number>;
  /** a short horizon: supply with an installed base fails at most conditionally */
  readonly installedBase: boolean;
}

/** The part of its supply node u has lost (the worst layer), 0 unless at a shortfall. */
export function lostShare(pr: Propagation, u: number): number {
  let f = 0;
  for (let l = 0; l < L; l++) f = Math.max(f, pr.lost.get(u * L + l) ?? 0);
  return f;
}

/** The part of its supply the target of dependency position p has lost, in the layers the edge passes. */
function memberLost(pr: Propagation, p: number): number {
  const allowed = pr.idx.depAllowed[p]!;
  let f = 0;
  for (let l = 0, base = pr.idx.depTarget[p]! * L; l < L; l++) if (allowed & (1 << l)) f = Math.max(f, pr.lost.get(base + l) ?? 0);
  return f;
}

/** Level of the dependency at position p as the dependent sees it, in the layers the edge passes. */
export function memberLevel(pr: Propagation, p: number): number {
  const { idx, level, edgeHit } = pr;
  const t = idx.depTarget[p]!;
  const allowed = idx.depAllowed[p]!;
  let lv = 0;
  for (let l = 0, base = t * L; l < L; l++) if (allowed & (1 << l) && level[base + l]! > lv) lv = level[base + l]!;
  const eh = pr.edgeHitNode[idx.depSource[p]!] ? edgeHit.get(p) : undefined;
  if (eh !== undefined) {
    const hit = scopedHitLevel(eh, allowed);
    if (hit > lv) lv = hit;
  }
  return throughEdge(lv, idx.depHard[p]!);
}

/** Level of the group that starts at position p: the level rule with shares and the horizon (what evaluate computes, for one group). */
export function groupLevel(pr: Propagation, p: number, end: number): { level: number; next: number } {
  const { idx } = pr;
  let min = HARD;
  let max = 0;
  let lost = 0;
  let known = 0;
  let q = p;
  do {
    const m = memberLevel(pr, q);
    if (m < min) min = m;
    if (m > max) max = m;
    const sh = idx.depShare[q]!;
    if (sh === sh) {
      known += sh;
      lost += m >= HARD ? sh : m === SHORTFALL ? sh * memberLost(pr, q) : 0;
    }
    q++;
  } while (q < end && !idx.depGroupStart[q]);
  let g = groupOf(min, max);
  if (known > 0) g = groupWithShares(g, lost, known);
  if (g > CONDITIONAL && pr.installedBase && idx.depInstalled[p]) g = CONDITIONAL;
  return { level: g, next: q };
}

// The mutable state of one propagation. A class, not closures, so the hot methods keep one call
// target across runs and stay optimised.
class Worklist {
  readonly queued: Uint8Array;
  readonly cyclic: number[] = [];
  first: number;
  private readonly out = new Uint8Array(L);
  private readonly outLost = new Float64Array(L);

  constructor(
    private readonly pr: Propagation,
    private readonly rank: Int32Array,
    private readonly acyclic: number,
  ) {
    this.queued = new Uint8Array(pr.idx.snapshot.nodeCount);
    this.first = pr.idx.snapshot.nodeCount;
  }

  enqueue(u: number): void {
    if (this.queued[u]) return;
    this.queued[u] = 1;
    this.pr.touched[u] = 1;
    const r = this.rank[u]!;
    if (r >= this.acyclic) this.cyclic.push(u);
    else if (r < this.first) this.first = r;
  }

  // recomputes u's levels from its dependencies; on a rise, its dependents are queued
  evaluate(u: number): void {
    const { idx, level, direct, edgeHit, edgeHitNode } = this.pr;
    const { depOffsets, depTarget, depAllowed, depHard, depGroupStart, depOutLayer } = idx;
    const out = this.out;
    const outLost = this.outLost;
    for (let l = 0; l < L; l++) {
      out[l] = direct[u * L + l]!;
      outLost[l] = 0;
    }
    const end = depOffsets[u + 1]!;
    const scoped = edgeHitNode[u] === 1;
    const shares = idx.hasShares;
    const lostMap = this.pr.lost;
    let min = 0;
    let max = 0;
    // the group's lost and recorded shares, and the worst shortfall among its members
    let lost = 0;
    let known = 0;
    let worstLost = 0;
    for (let p = depOffsets[u]!; p < end; p++) {
      // the member's level as u sees it (memberLevel, inlined)
      const t = depTarget[p]!;
      const allowed = depAllowed[p]!;
      let lv = 0;
      for (let l = 0, base = t * L; l < L; l++) if (allowed & (1 << l) && level[base + l]! > lv) lv = level[base + l]!;
      if (scoped) {
        const eh = edgeHit.get(p);
        if (eh !== undefined) {
          const hit = scopedHitLevel(eh, allowed);
          if (hit > lv) lv = hit;
        }
      }
      lv = throughEdge(lv, depHard[p]!);
      if (depGroupStart[p]) {
        min = lv;
        max = lv;
        lost = 0;
        known = 0;
        worstLost = 0;
      } else {
        if (lv < min) min = lv;
        if (lv > max) max = lv;
      }
      let f = 0;
      if (lv === SHORTFALL && lostMap.size) {
        // memberLost, inlined
        for (let l = 0, base = t * L; l < L; l++) if (allowed & (1 << l)) f = Math.max(f, lostMap.get(base + l) ?? 0);
        if (f > worstLost) worstLost = f;
      }
      if (shares) {
        const sh = idx.depShare[p]!;
        if (sh === sh) {
          known += sh;
          lost += lv >= HARD ? sh : lv === SHORTFALL ? sh * f : 0;
        }
      }
      // the group ends here: it is decided by its best member (groupLevel, inlined)
      if (p + 1 === end || depGroupStart[p + 1]) {
        let g = groupOf(min, max);
        let gl = worstLost;
        if (known > 0) {
          g = groupWithShares(g, lost, known);
          gl = lost;
        }
        if (g > CONDITIONAL && this.pr.installedBase && idx.depInstalled[p]) g = CONDITIONAL;
        const layer = depOutLayer[p]!;
        if (g > out[layer]!) out[layer] = g;
        if (g === SHORTFALL && gl > outLost[layer]!) outLost[layer] = gl;
      }
    }
    let changed = false;
    for (let l = 0; l < L; l++) {
      if (out[l]! > level[u * L + l]!) {
        level[u * L + l] = out[l]!;
        changed = true;
      }
      if (out[l] === SHORTFALL && level[u * L + l] === SHORTFALL && outLost[l]! > (lostMap.get(u * L + l) ?? 0)) {
        lostMap.set(u * L + l, outLost[l]!);
        changed = true;
      }
    }
    if (changed) for (let r = idx.rdepOffsets[u]!; r < idx.rdepOffsets[u + 1]!; r++) this.enqueue(idx.rdepSource[r]!);
  }
}

/** Propagates hits over the reach index; `inScope` decides which dependents a scoped hit reaches. */
export function propagate(idx: ReachIndex, hits: readonly Hit[], inScope: (scope: Scope, node: number) => boolean, opts: { installedBase?: boolean } = {}): Propagation {
  const n = idx.snapshot.nodeCount;
  const level = new Uint8Array(n * L);
  const direct = new Uint8Array(n * L);
  const edgeHit = new Map<number, number>();
  const edgeHitNode = new Uint8Array(n);
  const touched = new Uint8Array(n);
  const pr: Propagation = { idx, level, direct, edgeHit, edgeHitNode, touched, lost: new Map(), installedBase: opts.installedBase ?? false };
  // Dirty nodes are evaluated in dependencies-first order, so each node on no cycle is evaluated
  // once, after everything it needs has settled; nodes on cycles then iterate to the fixed point.
  const { order, rank, acyclic } = topoOrderOf(idx);
  const w = new Worklist(pr, rank, acyclic);
  const scopeMemo = new Map<Scope, Uint8Array>();
  for (const h of hits) {
    // a scoped hit cuts the edges of in-scope dependents; only a judged node is cut itself
    if (!h.scope || (idx.isJudged[h.node] && inScope(h.scope, h.node))) {
      for (let l = 0; l < L; l++) if (h.layers & (1 << l) && direct[h.node * L + l]! < h.level) direct[h.node * L + l] = h.level;
      w.enqueue(h.node);
      continue;
    }
    const bits = h.level === HARD ? h.layers : h.layers << CONDITIONAL_SHIFT;
    // hits of one shock share their scope: each dependent is tested once per scope (0 unknown, 1 out, 2 in)
    let known = scopeMemo.get(h.scope);
    if (!known) scopeMemo.set(h.scope, (known = new Uint8Array(n)));
    for (let r = idx.rdepOffsets[h.node]!; r < idx.rdepOffsets[h.node + 1]!; r++) {
      const u = idx.rdepSource[r]!;
      if (known[u] === 0) known[u] = inScope(h.scope, u) ? 2 : 1;
      if (known[u] === 1) continue;
      const p = idx.rdepPos[r]!;
      edgeHit.set(p, (edgeHit.get(p) ?? 0) | bits);
      edgeHitNode[u] = 1;
      w.enqueue(u);
    }
  }
  const { queued, cyclic } = w;
  for (let i = w.first; i < acyclic; i++) {
    const u = order[i]!;
    if (!queued[u]) continue;
    queued[u] = 0;
    w.evaluate(u);
  }
  for (let head = 0; head < cyclic.length; head++) {
    const u = cyclic[head]!;
    queued[u] = 0;
    w.evaluate(u);
  }
  return pr;
}

/** The worst level of a node over all layers. */
export function nodeLevel(pr: Propagation, node: number): number {
  let lv = 0;
  for (let l = 0, base = node * L; l < L; l++) if (pr.level[base + l]! > lv) lv = pr.level[base + l]!;
  return lv;
}
