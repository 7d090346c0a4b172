// Chokepoints: for every entity, how many deployments break if that entity alone fails.
// One pass, bit-parallel: 32 single-entity failures are simulated at once, bit b of a node's
// mask per layer meaning "fails hard when source b fails". Alternatives are an AND over the
// group's members, separate requirements an OR; upstream edges never break anything. The naive
// loop (one full propagation per entity) is kept as the oracle and the benchmark baseline.
import { dateMs, type Snapshot } from '../graph/snapshot.js';
import { LABELS, type Label } from '../schema/generated/model.js';
import { InvalidInput } from '../schema/errors.js';
import { nodeLevel, propagate } from './propagate.js';
import { ALL_LAYERS, LAYERS, reachIndex, type ReachIndex } from './reach.js';
import { HARD } from './rules/rule.js';

/** One ranked entity. */
export interface ChokepointRow {
  entity: { id: string; name: string; label: Label };
  /** deployments that break if this entity alone fails */
  broken: number;
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

function sources(idx: ReachIndex, type: Label | undefined): number[] {
  const label = type === undefined ? -1 : LABELS.indexOf(type);
  if (type !== undefined && label < 0) throw new InvalidInput(`type: unknown label "${type}" (known: ${LABELS.join(', ')})`);
  const out: number[] = [];
  for (let x = 0; x < idx.snapshot.nodeCount; x++) {
    if (idx.isJudged[x] || (label >= 0 && idx.snapshot.labelOf[x] !== label)) continue;
    if (idx.rdepOffsets[x + 1]! > idx.rdepOffsets[x]!) out.push(x);
  }
  return out;
}

function rank(idx: ReachIndex, srcs: readonly number[], counts: Int32Array | number[], first: number): ChokepointRow[] {
  const s = idx.snapshot;
  const total = idx.judged.length;
  const order = srcs.map((x, i) => ({ x, c: counts[i]! })).filter((r) => r.c > 0);
  order.sort((a, b) => b.c - a.c || (s.ids[a.x]! < s.ids[b.x]! ? -1 : 1));
  return (first > 0 ? order.slice(0, first) : order).map(({ x, c }) => ({
    entity: { id: s.ids[x]!, name: s.names[x]!, label: s.label(x) },
    broken: c,
    share: total ? c / total : 0,
  }));
}

/** Dependencies-first order of the dependency graph; nodes on cycles come last, in index order. */
function topoOrder(idx: ReachIndex): { order: Int32Array; pos: Int32Array } {
  const n = idx.snapshot.nodeCount;
  const pending = new Int32Array(n);
  for (let u = 0; u < n; u++) pending[u] = idx.depOffsets[u + 1]! - idx.depOffsets[u]!;
  const order = new Int32Array(n);
  let tail = 0;
  for (let u = 0; u < n; u++) if (pending[u] === 0) order[tail++] = u;
  for (let head = 0; head < tail; head++) {
    const t = order[head]!;
    for (let r = idx.rdepOffsets[t]!; r < idx.rdepOffsets[t + 1]!; r++) {
      const u = idx.depSource[idx.rdepPos[r]!]!;
      if (--pending[u]! === 0) order[tail++] = u;
    }
  }
  const placed = new Uint8Array(n);
  for (let i = 0; i < tail; i++) placed[order[i]!] = 1;
  for (let u = 0; u < n; u++) if (!placed[u]) order[tail++] = u;
  const pos = new Int32Array(n);
  order.forEach((u, i) => (pos[u] = i));
  return { order, pos };
}

/** Counts, per source, the deployments that break when it alone fails (bit-parallel, 32 at a time). */
export function breakCounts(idx: ReachIndex, srcs: readonly number[]): Int32Array {
  const n = idx.snapshot.nodeCount;
  const mask = new Int32Array(n * L);
  const srcBit = new Int32Array(n);
  const dirty = new Uint8Array(n);
  const counts = new Int32Array(srcs.length);
  const { depOffsets, depTarget, depAllowed, depOutLayer, depHard, depGroupStart, rdepOffsets, rdepPos, depSource, isJudged } = idx;
  const { order, pos } = topoOrder(idx);
  // sources sorted by topological position make each batch's sweep start late and stay local
  const out = new Int32Array(L);
  const evaluate = (u: number): boolean => {
    const own = srcBit[u]!;
    for (let l = 0; l < L; l++) out[l] = own;
    const end = depOffsets[u + 1]!;
    let group = 0;
    let layer = 0;
    for (let p = depOffsets[u]!; p <= end; p++) {
      if (p === end || depGroupStart[p]) {
        if (p > depOffsets[u]!) out[layer] = out[layer]! | group;
        if (p === end) break;
        group = -1;
        layer = depOutLayer[p]!;
      }
      let m = 0;
      if (depHard[p]) {
        const base = depTarget[p]! * L;
        const allowed = depAllowed[p]!;
        for (let l = 0; l < L; l++) if (allowed & (1 << l)) m |= mask[base + l]!;
      }
      group &= m;
    }
    let changed = false;
    for (let l = 0; l < L; l++) {
      const v = mask[u * L + l]! | out[l]!;
      if (v === mask[u * L + l]) continue;
      mask[u * L + l] = v;
      changed = true;
    }
    return changed;
  };
  for (let start = 0; start < srcs.length; start += 32) {
    const batch = srcs.slice(start, start + 32);
    const touched: number[] = [];
    const late: number[] = [];
    const markDependents = (t: number) => {
      for (let r = rdepOffsets[t]!; r < rdepOffsets[t + 1]!; r++) {
        const u = depSource[rdepPos[r]!]!;
        if (!dirty[u]) {
          dirty[u] = 1;
          touched.push(u);
        }
        // a dependent the sweep has passed sits on a cycle: settle it after the sweep
        if (pos[u]! < pos[t]! || dirty[u] === 2) late.push(u);
      }
    };
    let first = n;
    batch.forEach((x, b) => {
      srcBit[x] = srcBit[x]! | (1 << b);
      for (let l = 0; l < L; l++) mask[x * L + l] = mask[x * L + l]! | (1 << b);
      touched.push(x);
      if (pos[x]! < first) first = pos[x]!;
    });
    batch.forEach(markDependents);
    for (let i = first; i < n; i++) {
      const u = order[i]!;
      if (dirty[u] !== 1) continue;
      dirty[u] = 2;
      if (evaluate(u)) markDependents(u);
    }
    for (let head = 0; head < late.length; head++) {
      const u = late[head]!;
      if (evaluate(u))
        for (let r = rdepOffsets[u]!; r < rdepOffsets[u + 1]!; r++) {
          const v = depSource[rdepPos[r]!]!;
          if (!dirty[v]) touched.push(v);
          dirty[v] = 2;
          late.push(v);
        }
    }
    for (const u of touched) {
      if (isJudged[u]) {
        let m = 0;
        for (let l = 0; l < L; l++) m |= mask[u * L + l]!;
        while (m) {
          const b = 31 - Math.clz32(m & -m);
          counts[start + b] = counts[start + b]! + 1;
          m &= m - 1;
        }
      }
    }
    for (const u of touched) {
      mask.fill(0, u * L, u * L + L);
      srcBit[u] = 0;
      dirty[u] = 0;
    }
  }
  return counts;
}

function indexFor(snapshot: Snapshot, asOf: string | undefined): ReachIndex {
  const ms = dateMs(asOf);
  if (asOf !== undefined && Number.isNaN(ms)) throw new InvalidInput(`asOf: expected an ISO date (YYYY-MM-DD), got "${asOf}"`);
  return reachIndex(snapshot, ms);
}

/** Ranks entities by the deployments their sole failure breaks, in one bit-parallel pass. */
export function rankChokepoints(snapshot: Snapshot, opts: ChokepointOptions = {}): ChokepointRow[] {
  const idx = indexFor(snapshot, opts.asOf);
  const srcs = sources(idx, opts.type);
  return rank(idx, srcs, breakCounts(idx, srcs), opts.first ?? 20);
}

/** Deployments broken when one entity alone fails, by running the full propagation (the oracle). */
export function breakCountNaive(idx: ReachIndex, x: number): number {
  const pr = propagate(idx, [{ node: x, layers: ALL_LAYERS, level: HARD, shock: 0 }], () => true);
  let c = 0;
  for (const d of idx.judged) if (d !== x && nodeLevel(pr, d) >= HARD) c++;
  return c;
}

/** The same ranking as rankChokepoints, one propagation per entity: slow, kept as test oracle and bench baseline. */
export function rankChokepointsNaive(snapshot: Snapshot, opts: ChokepointOptions = {}): ChokepointRow[] {
  const idx = indexFor(snapshot, opts.asOf);
  const srcs = sources(idx, opts.type);
  return rank(idx, srcs, srcs.map((x) => breakCountNaive(idx, x)), opts.first ?? 20);
}

/** The entities rankChokepoints considers (everything something depends on, deployments aside). */
export function chokepointSources(snapshot: Snapshot, opts: ChokepointOptions = {}): number[] {
  return sources(indexFor(snapshot, opts.asOf), opts.type);
}
