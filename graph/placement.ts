// Where an entity sits and whose law reaches it, read from the schema's flags: `jurisdiction`
// relations (LOCATED_IN, HEADQUARTERED_IN, MEMBER_OF…) place an entity under a nation and its blocs;
// `location` ones among them (LOCATED_IN) say where it physically is; `control` relations
// (DEVELOPED_BY, OPERATED_BY, SUBSIDIARY_OF…) pass a controller's jurisdiction on. One module for
// the scenario engine, exposure and the embeds, memoised per (snapshot, date).
import { DOMAIN } from '../schema/generated/domain.js';
import { RELATION_TYPES } from '../schema/generated/model.js';
import type { Snapshot } from './snapshot.js';
import { RELATION_FLAGS } from './traverse.js';

/** Kind of a relation type for placement: a jurisdiction relation, a control relation, or neither. */
export const JURISDICTION = 1;
export const CONTROL = 2;

/** Per relation type index: JURISDICTION, CONTROL or 0. */
export const PLACEMENT_KIND: Uint8Array = Uint8Array.from(RELATION_FLAGS.map((f) => (f.jurisdiction ? JURISDICTION : f.control ? CONTROL : 0)));
/** Per relation type index: 1 when the relation says where its `from` end physically is. */
export const IS_LOCATION: Uint8Array = Uint8Array.from(RELATION_TYPES.map((t) => (DOMAIN.relations.find((r) => r.type === t)?.location ? 1 : 0)));

/** Placement look-ups over one snapshot at one date (NaN: ignore validity dates), memoised. */
export class Placement {
  private readonly nationClosure = new Map<number, readonly number[]>();
  // dense per node (a million deployments ask), and equal lists interned to one array, so a
  // seat or reach list can key a memo by identity
  private readonly seatMemo: (readonly number[] | undefined)[];
  private readonly reachMemo: (readonly number[] | undefined)[];
  private readonly whereMemo: (readonly number[] | undefined)[];
  private readonly interned = new Map<string, readonly number[]>();

  constructor(
    readonly snapshot: Snapshot,
    readonly asOfMs: number,
  ) {
    this.seatMemo = new Array<readonly number[] | undefined>(snapshot.nodeCount);
    this.reachMemo = new Array<readonly number[] | undefined>(snapshot.nodeCount);
    this.whereMemo = new Array<readonly number[] | undefined>(snapshot.nodeCount);
  }

  private intern(list: number[]): readonly number[] {
    const key = list.join(',');
    const known = this.interned.get(key);
    if (known) return known;
    this.interned.set(key, list);
    return list;
  }

  // the valid out-edges of i of one placement kind (location relations only, when asked)
  private edgesOut(i: number, kind: number, locationOnly = false): number[] {
    const s = this.snapshot;
    const out: number[] = [];
    for (const e of s.outOf(i)) {
      const t = s.edgeType[e]!;
      if (PLACEMENT_KIND[t] === kind && (!locationOnly || IS_LOCATION[t]) && s.validAt(e, this.asOfMs)) out.push(e);
    }
    return out;
  }

  // the entities those edges lead to
  private edges(i: number, kind: number, locationOnly = false): number[] {
    return this.edgesOut(i, kind, locationOnly).map((e) => this.snapshot.edgeTo[e]!);
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

  private own(i: number, locationOnly = false): number[] {
    const out = new Set<number>();
    for (const n of this.edges(i, JURISDICTION, locationOnly)) this.closure(n).forEach((x) => out.add(x));
    return [...out];
  }

  /** The jurisdictions an entity answers to itself: its own jurisdiction relations, else its controllers' seat. */
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

  /** Where an entity physically is (its location relations), else its seat: what residency, strikes and outages read. */
  where(i: number): readonly number[] {
    const known = this.whereMemo[i];
    if (known) return known;
    const own = this.own(i, true);
    const out = own.length ? this.intern(own.sort((a, b) => a - b)) : this.seat(i);
    this.whereMemo[i] = out;
    return out;
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

  /** Entities controlled by `root` directly or through a chain of control relations (not root itself), sorted. */
  controlledBy(root: number, viaTypes?: ReadonlySet<number>): number[] {
    return [...this.controlTree(root, viaTypes).keys()].sort((a, b) => a - b);
  }

  /** What `root` controls, each entity with the control edge that reached it first (walk back to root for the chain). */
  controlTree(root: number, viaTypes?: ReadonlySet<number>): Map<number, number> {
    const s = this.snapshot;
    const out = new Map<number, number>();
    const queue = [root];
    for (let h = 0; h < queue.length; h++) {
      const c = queue[h]!;
      for (const e of s.inOf(c)) {
        const t = s.edgeType[e]!;
        if (PLACEMENT_KIND[t] !== CONTROL || !s.validAt(e, this.asOfMs)) continue;
        if (viaTypes && !viaTypes.has(t)) continue;
        const x = s.edgeFrom[e]!;
        if (x === root || out.has(x)) continue;
        out.set(x, e);
        queue.push(x);
      }
    }
    return out;
  }

  /** Entities located in `place` or in one of its member places (through location relations), each with its location edge. */
  locatedIn(place: number): Map<number, number> {
    const s = this.snapshot;
    const out = new Map<number, number>();
    const places = [place, ...this.members(place)];
    for (const p of places)
      for (const e of s.inOf(p)) {
        const t = s.edgeType[e]!;
        if (PLACEMENT_KIND[t] === JURISDICTION && IS_LOCATION[t] && s.validAt(e, this.asOfMs) && !out.has(s.edgeFrom[e]!)) out.set(s.edgeFrom[e]!, e);
      }
    return out;
  }

  /** The members of node n: what answers to it through a jurisdiction relation from its own label (a bloc's nations). */
  members(n: number): number[] {
    const s = this.snapshot;
    const out: number[] = [];
    for (const e of s.inOf(n)) if (PLACEMENT_KIND[s.edgeType[e]!] === JURISDICTION && s.labelOf[s.edgeFrom[e]!] === s.labelOf[n] && s.validAt(e, this.asOfMs)) out.push(s.edgeFrom[e]!);
    return out;
  }

  /** Home of a nation: itself, its members, and what it answers to through a jurisdiction relation to its own label (its blocs). */
  home(n: number): Set<number> {
    const s = this.snapshot;
    const home = new Set([n, ...this.members(n)]);
    for (const e of s.outOf(n)) if (PLACEMENT_KIND[s.edgeType[e]!] === JURISDICTION && s.labelOf[s.edgeTo[e]!] === s.labelOf[n] && s.validAt(e, this.asOfMs)) home.add(s.edgeTo[e]!);
    return home;
  }

  /** The jurisdictions that reach node x, each with the control and jurisdiction edges from x to it. */
  jurisdictionTrails(x: number): Map<number, number[]> {
    const s = this.snapshot;
    const out = new Map<number, number[]>();
    const via = new Map<number, number[]>([[x, []]]);
    const queue = [x];
    for (let h = 0; h < queue.length; h++) {
      const y = queue[h]!;
      const trail = via.get(y)!;
      for (const e of s.outOf(y)) {
        if (!s.validAt(e, this.asOfMs)) continue;
        const kind = PLACEMENT_KIND[s.edgeType[e]!];
        const t = s.edgeTo[e]!;
        if (kind === JURISDICTION && !out.has(t)) out.set(t, [...trail, e]);
        else if (kind === CONTROL && !via.has(t)) {
          via.set(t, [...trail, e]);
          queue.push(t);
        }
      }
    }
    return out;
  }

  /**
   * The jurisdiction edges by which `place` is one of x's seats, from x up (x LOCATED_IN de, de MEMBER_OF
   * eu), through x's controllers when x has no jurisdiction relation of its own (as `seat` reads it);
   * undefined when `place` is not among its seats.
   */
  seatTrail(x: number, place: number, seen = new Set<number>()): number[] | undefined {
    const s = this.snapshot;
    seen.add(x);
    if (!this.edgesOut(x, JURISDICTION).length) {
      for (const e of this.edgesOut(x, CONTROL)) {
        const c = s.edgeTo[e]!;
        const up = seen.has(c) ? undefined : this.seatTrail(c, place, seen);
        if (up) return [e, ...up];
      }
      return undefined;
    }
    // breadth first through jurisdiction relations: the shortest trail
    const via = new Map<number, number[]>([[x, []]]);
    const queue = [x];
    for (let h = 0; h < queue.length; h++) {
      const y = queue[h]!;
      for (const e of this.edgesOut(y, JURISDICTION)) {
        const t = s.edgeTo[e]!;
        if (via.has(t)) continue;
        const trail = [...via.get(y)!, e];
        if (t === place) return trail;
        via.set(t, trail);
        queue.push(t);
      }
    }
    return undefined;
  }

  /** The one place to name for an entity on a map: its own jurisdiction relation with the lowest id, else its controllers' (a few steps up). */
  primarySeat(i: number, hops = 3): number | undefined {
    const s = this.snapshot;
    const byId = (a: number, b: number) => (s.ids.at(a) < s.ids.at(b) ? -1 : 1);
    const own = this.edges(i, JURISDICTION).sort(byId)[0];
    if (own !== undefined) return own;
    const controller = this.edges(i, CONTROL).sort(byId)[0];
    return controller !== undefined && hops > 0 ? this.primarySeat(controller, hops - 1) : undefined;
  }
}

const cache = new WeakMap<Snapshot, Map<number, Placement>>();

/** The placement of a snapshot at a date (NaN: ignore validity), shared by every caller (answers never change). */
export function placementOf(snapshot: Snapshot, asOfMs = Number.NaN): Placement {
  let perDate = cache.get(snapshot);
  if (!perDate) cache.set(snapshot, (perDate = new Map()));
  const key = Number.isNaN(asOfMs) ? -Infinity : asOfMs;
  let p = perDate.get(key);
  if (!p) perDate.set(key, (p = new Placement(snapshot, asOfMs)));
  return p;
}

/** Whether a sorted node list shares an element with a set. */
export function intersects(a: readonly number[], b: ReadonlySet<number>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}
