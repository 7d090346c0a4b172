// Causal chains: for an affected node, the shortest chains of real relations from a shocked
// entity to it that carry at least the node's level. Memoised per (node, layers, level) so a
// million deployments behind one hub cost one walk below the hub.
import { LAYERS } from './reach.js';
import { groupLevel, memberLevel, type Propagation } from './propagate.js';

/** One step of a chain: the relation as stored (from, type, to). */
export interface Step {
  from: string;
  rel: string;
  to: string;
}

/** At most this many chains per node, shortest first. */
export const MAX_CAUSES = 3;
const L = LAYERS.length;

type Chain = { positions: number[]; key: string };

/** Finds cause chains over one propagation. */
export class CauseFinder {
  private readonly memo = new Map<number, Chain[]>();
  private readonly stepKey = new Map<number, string>();

  constructor(private readonly pr: Propagation) {}

  private key(p: number): string {
    let k = this.stepKey.get(p);
    if (k === undefined) {
      const st = this.step(p);
      k = `${st.from}\u0001${st.rel}\u0001${st.to}\u0002`;
      this.stepKey.set(p, k);
    }
    return k;
  }

  /** The relation behind a dependency position. */
  step(p: number): Step {
    const s = this.pr.idx.snapshot;
    const e = this.pr.idx.depEdge[p]!;
    return { from: s.ids[s.edgeFrom[e]!]!, rel: s.type(e), to: s.ids[s.edgeTo[e]!]! };
  }

  private chains(u: number, mask: number, need: number): Chain[] {
    const memoKey = (u * 256 + mask) * 4 + need;
    const known = this.memo.get(memoKey);
    if (known) return known;
    this.memo.set(memoKey, []); // a dependency cycle explains nothing
    const { idx, direct, edgeHit } = this.pr;
    const found: Chain[] = [];
    for (let l = 0; l < L; l++)
      if (mask & (1 << l) && direct[u * L + l]! >= need) {
        found.push({ positions: [], key: '' });
        break;
      }
    const end = idx.depOffsets[u + 1]!;
    for (let p = idx.depOffsets[u]!; p < end; ) {
      const g = groupLevel(this.pr, p, end);
      const layerOk = mask & (1 << idx.depOutLayer[p]!);
      if (layerOk && g.level >= need)
        for (let q = p; q < g.next; q++) {
          if (memberLevel(this.pr, q) < need) continue;
          const eh = edgeHit.get(q);
          const allowed = idx.depAllowed[q]!;
          const edgeLevel = eh === undefined ? 0 : eh & allowed ? 3 : (eh >> 8) & allowed ? 2 : 0;
          const capped = edgeLevel === 3 && !idx.depHard[q] ? 2 : edgeLevel;
          if (capped >= need) found.push({ positions: [q], key: this.key(q) });
          for (const c of this.chains(idx.depTarget[q]!, allowed, need)) found.push({ positions: [...c.positions, q], key: c.key + this.key(q) });
        }
      p = g.next;
    }
    found.sort((a, b) => a.positions.length - b.positions.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const unique: Chain[] = [];
    for (const c of found) if (!unique.some((x) => x.key === c.key)) if (unique.push(c) >= MAX_CAUSES) break;
    // judged nodes are asked once; keeping their chains would only hold memory
    if (this.pr.idx.isJudged[u]) this.memo.delete(memoKey);
    else this.memo.set(memoKey, unique);
    return unique;
  }

  /** Up to MAX_CAUSES chains explaining node u at `level`, each from a shocked entity to u. */
  causes(u: number, level: number): { steps: Step[]; positions: number[] }[] {
    return this.chains(u, (1 << L) - 1, level).map((c) => ({ positions: c.positions, steps: c.positions.map((p) => this.step(p)) }));
  }
}
