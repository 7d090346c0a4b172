// Jurisdiction, computed through the relations the schema flags: `jurisdiction` relations
// (LOCATED_IN, HEADQUARTERED_IN, MEMBER_OF...) place an entity under a nation and its blocs;
// `control` relations (DEVELOPED_BY, OPERATED_BY, SUBSIDIARY_OF...) pass a controller's
// jurisdiction on. `seat` is where an entity is (its own placement, else its controller's);
// `reach` is every jurisdiction whose law reaches it (its own plus all its controllers').
import { CONTROL, JURISDICTION, type ReachIndex } from './reach.js';

/** Jurisdiction look-ups over one reach index, memoised. */
export class Jurisdictions {
  private readonly nationClosure = new Map<number, readonly number[]>();
  // dense per node (a million deployments ask), and equal lists interned to one array, so a
  // seat or reach list can key a memo by identity
  private readonly seatMemo: (readonly number[] | undefined)[];
  private readonly reachMemo: (readonly number[] | undefined)[];
  private readonly interned = new Map<string, readonly number[]>();

  constructor(private readonly idx: ReachIndex) {
    this.seatMemo = new Array<readonly number[] | undefined>(idx.snapshot.nodeCount);
    this.reachMemo = new Array<readonly number[] | undefined>(idx.snapshot.nodeCount);
  }

  private intern(list: number[]): readonly number[] {
    const key = list.join(',');
    const known = this.interned.get(key);
    if (known) return known;
    this.interned.set(key, list);
    return list;
  }

  private edges(i: number, kind: number): number[] {
    const s = this.idx.snapshot;
    const out: number[] = [];
    for (const e of s.outOf(i)) if (this.idx.jurisdictionKind[s.edgeType[e]!] === kind && s.validAt(e, this.idx.asOfMs)) out.push(s.edgeTo[e]!);
    return out;
  }

  /** A nation and every bloc it belongs to (through jurisdiction relations), sorted. */
  closure(nation: number): readonly number[] {
    const known = this.nationClosure.get(nation);
    if (known) return known;
    const seen = new Set<number>([nation]);
    const stack = [nation];
    while (stack.length)
      for (const up of this.edges(stack.pop()!, JURISDICTION)) {
        if (seen.has(up)) continue;
        seen.add(up);
        stack.push(up);
      }
    const out = [...seen].sort((a, b) => a - b);
    this.nationClosure.set(nation, out);
    return out;
  }

  private own(i: number): number[] {
    const out = new Set<number>();
    for (const n of this.edges(i, JURISDICTION)) this.closure(n).forEach((x) => out.add(x));
    return [...out];
  }

  /** Where an entity is: its own jurisdiction relations, else its controllers' seat. */
  seat(i: number): readonly number[] {
    const known = this.seatMemo[i];
    if (known) return known;
    this.seatMemo[i] = []; // guards control cycles
    let out = this.own(i);
    if (out.length === 0) {
      const set = new Set<number>();
      for (const c of this.edges(i, CONTROL)) this.seat(c).forEach((x) => set.add(x));
      out = [...set];
    }
    const sorted = this.intern(out.sort((a, b) => a - b));
    this.seatMemo[i] = sorted;
    return sorted;
  }

  /** Every jurisdiction whose law reaches an entity: its own and all its controllers'. */
  reach(i: number): readonly number[] {
    const known = this.reachMemo[i];
    if (known) return known;
    this.reachMemo[i] = [];
    const set = new Set<number>(this.own(i));
    for (const c of this.edges(i, CONTROL)) this.reach(c).forEach((x) => set.add(x));
    const sorted = this.intern([...set].sort((a, b) => a - b));
    this.reachMemo[i] = sorted;
    return sorted;
  }

  /** Entities controlled by `root` directly or through a chain of control relations (not root itself). */
  controlledBy(root: number, viaTypes?: ReadonlySet<number>): number[] {
    const s = this.idx.snapshot;
    const out: number[] = [];
    const seen = new Set<number>([root]);
    const stack = [root];
    while (stack.length) {
      const c = stack.pop()!;
      for (const e of s.inOf(c)) {
        const t = s.edgeType[e]!;
        if (this.idx.jurisdictionKind[t] !== CONTROL || !s.validAt(e, this.idx.asOfMs)) continue;
        if (viaTypes && !viaTypes.has(t)) continue;
        const x = s.edgeFrom[e]!;
        if (seen.has(x)) continue;
        seen.add(x);
        out.push(x);
        stack.push(x);
      }
    }
    return out.sort((a, b) => a - b);
  }
}

const shared = new WeakMap<ReachIndex, Jurisdictions>();

/** The jurisdictions of a reach index, shared by every run on it (the memo only grows, answers never change). */
export function jurisdictionsOf(idx: ReachIndex): Jurisdictions {
  let j = shared.get(idx);
  if (!j) shared.set(idx, (j = new Jurisdictions(idx)));
  return j;
}

/** Whether two sorted node lists share an element. */
export function intersects(a: readonly number[], b: ReadonlySet<number>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}
