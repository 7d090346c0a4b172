// Causal chains: for an affected node, the shortest chains of real relations from a shocked
// entity to it that carry at least the node's level. Memoised per (node, layers, level) so a
// million deployments behind one hub cost one walk below the hub.
import { LAYERS, type ReachIndex } from './reach.js';
import { groupLevel, memberLevel, type Propagation } from './propagate.js';
import { scopedHitLevel, throughEdge } from './levels.js';
import { hitsByNode, type Hit, type Scope } from './rules/rule.js';
import type { Snapshot } from '../graph/snapshot.js';
import type { Placement } from '../graph/placement.js';

/** One step of a chain: the relation as stored (from, type, to). */
export interface Step {
  from: string;
  rel: string;
  to: string;
}

/** A causal chain: the shock that starts it, the entity that shock names, and the relations from there to the deployment. */
export interface Cause {
  /** index of the shock in the scenario */
  shock: number;
  /** its type (export_control, outage…) */
  type: string;
  /** id of the entity the shock names where the chain starts */
  origin: string;
  /** relations from the origin to the deployment, in that order; empty only when the shock names the deployment itself */
  steps: Step[];
}

// the relation stored as edge e
function stepOf(s: Snapshot, e: number): Step {
  return { from: s.ids.at(s.edgeFrom[e]!), rel: s.type(e), to: s.ids.at(s.edgeTo[e]!) };
}

/** At most this many chains per node, shortest first. */
export const MAX_CAUSES = 3;
const L = LAYERS.length;

type Chain = { positions: number[]; key: string; steps: Step[] };
const NO_CHAINS: Chain[] = [];
type Candidate = { prefix: Chain | null; q: number; len: number };

// Steps and their sort keys per dependency position, shared by every run on one reach index:
// a step never changes, and a result may share it (results are read-only).
const stepsByIndex = new WeakMap<ReachIndex, { steps: (Step | undefined)[]; keys: (string | undefined)[] }>();

// Appends a candidate, reusing a pooled object when a pool is given.
function add(found: Candidate[], pool: Candidate[] | null, prefix: Chain | null, q: number, len: number): void {
  if (!pool) {
    found.push({ prefix, q, len });
    return;
  }
  const c = (pool[found.length] ??= { prefix, q, len });
  c.prefix = prefix;
  c.q = q;
  c.len = len;
  found.push(c);
}

/** Finds cause chains over one propagation. */
export class CauseFinder {
  private readonly memo = new Map<number, Chain[]>();
  private readonly stepMemo: (Step | undefined)[];
  private readonly stepKey: (string | undefined)[];

  // candidates by length, then by the chain's step keys (built only for ties); made once, not per node
  private readonly order = (a: Candidate, b: Candidate): number => {
    if (a.len !== b.len) return a.len - b.len;
    const ka = a.prefix?.key ?? '';
    const kb = b.prefix?.key ?? '';
    if (ka !== kb) return ka < kb ? -1 : 1;
    const qa = this.key(a.q);
    const qb = this.key(b.q);
    return qa < qb ? -1 : qa > qb ? 1 : 0;
  };

  // the hits on each node, by shock index, to name the shock a chain starts from
  private readonly hitsByNode: Map<number, Hit[]>;
  private readonly viaMemo = new Map<Hit, Step[]>();

  constructor(
    private readonly pr: Propagation,
    hits: readonly Hit[] = [],
    private readonly shockTypes: readonly string[] = [],
    private readonly juris?: Placement,
    private readonly inScope?: (scope: Scope, node: number) => boolean,
  ) {
    this.hitsByNode = hitsByNode(hits);
    let shared = stepsByIndex.get(pr.idx);
    if (!shared) {
      const n = pr.idx.depTarget.length;
      stepsByIndex.set(pr.idx, (shared = { steps: new Array<Step | undefined>(n), keys: new Array<string | undefined>(n) }));
    }
    this.stepMemo = shared.steps;
    this.stepKey = shared.keys;
  }

  private key(p: number): string {
    let k = this.stepKey[p];
    if (k === undefined) {
      const st = this.step(p);
      k = `${st.from}\u0001${st.rel}\u0001${st.to}\u0002`;
      this.stepKey[p] = k;
    }
    return k;
  }

  // the hit that explains a chain starting at x at level `need` for its dependent there: the first shock
  // whose hit on x reaches that dependent (in scope) and is strong enough
  private hitAt(x: number, need: number, dependent: number): Hit | undefined {
    const list = this.hitsByNode.get(x);
    if (!list) return undefined;
    const reaches = (h: Hit) => !h.scope || !this.inScope || this.inScope(h.scope, dependent);
    return list.find((h) => h.level >= need && reaches(h)) ?? list.find(reaches) ?? list[0];
  }

  private viaSteps(h: Hit): Step[] {
    let steps = this.viaMemo.get(h);
    if (!steps) {
      const s = this.pr.idx.snapshot;
      steps = h.via.map((e) => stepOf(s, e));
      this.viaMemo.set(h, steps);
    }
    return steps;
  }

  // a chain of dependency steps starting at x, prefixed with the shock's own relations from the entity it
  // names (for a shock that binds by seat, the deployment u's trail up to that entity)
  private explain(x: number, need: number, steps: Step[], u: number, dependent: number): Cause {
    const s = this.pr.idx.snapshot;
    const h = this.hitAt(x, need, dependent);
    if (!h) return { shock: -1, type: '', origin: s.ids.at(x), steps };
    const via = h.throughSeat ? this.seatSteps(u, h.origin) : this.viaSteps(h);
    return { shock: h.shock, type: this.shockTypes[h.shock] ?? '', origin: s.ids.at(h.origin), steps: via.length ? [...via, ...steps] : steps };
  }

  // u's jurisdiction trail up to a place, from the place down (de MEMBER_OF eu, then u LOCATED_IN de)
  private seatSteps(u: number, place: number): Step[] {
    const s = this.pr.idx.snapshot;
    return (this.juris?.seatTrail(u, place) ?? []).map((e) => stepOf(s, e)).reverse();
  }

  /** The relation behind a dependency position (one shared object per position). */
  step(p: number): Step {
    let st = this.stepMemo[p];
    if (!st) {
      st = stepOf(this.pr.idx.snapshot, this.pr.idx.depEdge[p]!);
      this.stepMemo[p] = st;
    }
    return st;
  }

  // a deployment's candidates, reused from one deployment to the next
  private readonly found: Candidate[] = [];
  private readonly pool: Candidate[] = [];

  /** First and last dependency position of each chain the last `causes` call returned (none for a direct hit). */
  readonly firsts = new Int32Array(MAX_CAUSES);
  readonly lasts = new Int32Array(MAX_CAUSES);
  /** how many entries of firsts and lasts are set */
  ends = 0;

  // Candidate chains of u at `need` through the layers in `mask`: each a chain of a dependency (or
  // none) followed by the position q, sorted by length, then by the chain's step keys (a chain's
  // key is its prefix's key plus q's, and prefixes of one length never prefix each other, so
  // comparing (prefix, q) pairs is the same as comparing whole keys without building them).
  // Fills `found` (cleared first); candidates come from `pool` when given (a deployment's candidates
  // die with the call, so they are reused), else fresh (they are kept in the memo). Returns whether
  // u itself is shocked at `need` in `mask`.
  private gather(u: number, mask: number, need: number, found: Candidate[], pool: Candidate[] | null): boolean {
    const { idx, direct, edgeHit } = this.pr;
    found.length = 0;
    let self = false;
    for (let l = 0; l < L; l++)
      if (mask & (1 << l) && direct[u * L + l]! >= need) {
        self = true;
        break;
      }
    const end = idx.depOffsets[u + 1]!;
    const scoped = this.pr.edgeHitNode[u] === 1;
    for (let p = idx.depOffsets[u]!; p < end;) {
      // the group starting at p, by the level rule
      const { level: group, next } = groupLevel(this.pr, p, end);
      const layerOk = mask & (1 << idx.depOutLayer[p]!);
      if (layerOk && group >= need)
        for (let q = p; q < next; q++) {
          if (memberLevel(this.pr, q) < need) continue;
          const allowed = idx.depAllowed[q]!;
          if (scoped) {
            const eh = edgeHit.get(q);
            const capped = eh === undefined ? 0 : throughEdge(scopedHitLevel(eh, allowed), idx.depHard[q]!);
            if (capped >= need) add(found, pool, null, q, 1);
          }
          for (const c of this.chains(idx.depTarget[q]!, allowed, need)) add(found, pool, c, q, c.positions.length + 1);
        }
      p = next;
    }
    if (found.length > 1) found.sort(this.order);
    return self;
  }

  // whether f repeats the candidate before it (equal keys sit together once sorted)
  private repeats(last: Candidate | undefined, f: Candidate): boolean {
    return !!last && last.len === f.len && (last.prefix?.key ?? '') === (f.prefix?.key ?? '') && (last.q === f.q || this.key(last.q) === this.key(f.q));
  }

  // the chains of a node something depends on, memoised (a dependency cycle explains nothing)
  private chains(u: number, mask: number, need: number): Chain[] {
    const memoKey = (u * 65536 + mask) * 8 + need;
    const known = this.memo.get(memoKey);
    if (known) return known;
    this.memo.set(memoKey, NO_CHAINS);
    const found: Candidate[] = [];
    const self = this.gather(u, mask, need, found, null);
    const unique: Chain[] = self ? [{ positions: [], key: '', steps: [] }] : [];
    let last: Candidate | undefined;
    for (const f of found) {
      if (unique.length >= MAX_CAUSES) break;
      if (this.repeats(last, f)) continue;
      last = f;
      const pre = f.prefix;
      const st = this.step(f.q);
      unique.push(pre ? { positions: [...pre.positions, f.q], key: pre.key + this.key(f.q), steps: [...pre.steps, st] } : { positions: [f.q], key: this.key(f.q), steps: [st] });
    }
    this.memo.set(memoKey, unique);
    return unique;
  }

  /**
   * Up to MAX_CAUSES chains explaining a deployment at `level`, each from a shocked entity to it,
   * shortest first; `firsts`/`lasts`/`ends` then hold each chain's end positions. Deployments are
   * asked once and nothing depends on them, so nothing here is memoised.
   */
  causes(u: number, level: number): Cause[] {
    const found = this.found;
    const self = this.gather(u, (1 << L) - 1, level, found, this.pool);
    const out: Cause[] = self ? [this.explain(u, level, [], u, u)] : [];
    this.ends = 0;
    let last: Candidate | undefined;
    for (const f of found) {
      if (out.length >= MAX_CAUSES) break;
      if (this.repeats(last, f)) continue;
      last = f;
      const pre = f.prefix;
      const st = this.step(f.q);
      const first = pre && pre.positions.length ? pre.positions[0]! : f.q;
      out.push(this.explain(this.pr.idx.depTarget[first]!, level, pre ? [...pre.steps, st] : [st], u, this.pr.idx.depSource[first]!));
      this.firsts[this.ends] = first;
      this.lasts[this.ends++] = f.q;
    }
    return out;
  }
}
