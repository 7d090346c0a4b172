// Whether a dependent falls within a scoped hit: under one of its jurisdictions (by seat or by
// reach) and, when the hit names data classes, declaring one of them in its `dataClasses`.
// Hits reach hundreds of thousands of dependents, so each node's seat and reach list get a small
// id and its data classes a bit mask, kept per jurisdiction index across runs; a scope then
// answers from two array reads.
import type { Snapshot } from '../graph/snapshot.js';
import { intersects, type Placement } from '../graph/placement.js';
import type { Scope } from './rules/rule.js';

interface Ids {
  /** list id of each node's seat / reach (-1 not yet known) */
  seatId: Int32Array;
  reachId: Int32Array;
  /** the interned lists by id */
  lists: (readonly number[])[];
  listIds: Map<readonly number[], number>;
  /** bit mask of each node's data classes (-1 not yet known) */
  classMask: Int32Array;
  classBit: Map<string, number>;
}

interface ScopeState {
  /** per list id: 0 unknown, 1 outside, 2 inside */
  nations: Uint8Array;
  /** mask of the scope's data classes; -1 when it names none */
  classes: number;
}

const idsByJuris = new WeakMap<Placement, Ids>();
// bit masks hold 31 data classes; a world with more falls back to comparing strings
const MAX_CLASSES = 31;

function idsOf(juris: Placement, snapshot: Snapshot): Ids {
  let ids = idsByJuris.get(juris);
  if (!ids) {
    const n = snapshot.nodeCount;
    ids = { seatId: new Int32Array(n).fill(-1), reachId: new Int32Array(n).fill(-1), lists: [], listIds: new Map(), classMask: new Int32Array(n).fill(-1), classBit: new Map() };
    idsByJuris.set(juris, ids);
  }
  return ids;
}

function listId(ids: Ids, list: readonly number[]): number {
  let id = ids.listIds.get(list);
  if (id === undefined) {
    id = ids.lists.length;
    ids.lists.push(list);
    ids.listIds.set(list, id);
  }
  return id;
}

function classBit(ids: Ids, c: string): number {
  let bit = ids.classBit.get(c);
  if (bit === undefined) {
    bit = ids.classBit.size < MAX_CLASSES ? 1 << ids.classBit.size : 0;
    ids.classBit.set(c, bit);
  }
  return bit;
}

/** The scope test of one snapshot's jurisdictions. */
export function scopeTest(juris: Placement, snapshot: Snapshot): (scope: Scope, node: number) => boolean {
  const ids = idsOf(juris, snapshot);
  const states = new WeakMap<Scope, ScopeState>();
  const stateOf = (scope: Scope): ScopeState => {
    let st = states.get(scope);
    if (!st) {
      let classes = -1;
      if (scope.dataClasses) {
        classes = 0;
        for (const c of scope.dataClasses) classes |= classBit(ids, c);
      }
      states.set(scope, (st = { nations: new Uint8Array(16), classes }));
    }
    return st;
  };
  const slowClasses = (scope: Scope, node: number): boolean => {
    const classes = snapshot.nodeProps.at(node).dataClasses;
    if (!Array.isArray(classes)) return false;
    for (const c of classes) if (scope.dataClasses!.has(String(c))) return true;
    return false;
  };
  return (scope, node) => {
    const st = stateOf(scope);
    const byId = scope.by === 'seat' ? ids.seatId : ids.reachId;
    let id = byId[node]!;
    if (id < 0) byId[node] = id = listId(ids, scope.by === 'seat' ? juris.seat(node) : juris.reach(node));
    if (id >= st.nations.length) {
      const grown = new Uint8Array(Math.max(id + 1, st.nations.length * 2));
      grown.set(st.nations);
      st.nations = grown;
    }
    let inside = st.nations[id]!;
    if (inside === 0) st.nations[id] = inside = intersects(ids.lists[id]!, scope.nations) ? 2 : 1;
    if (inside === 1) return false;
    if (st.classes < 0) return true;
    let mask = ids.classMask[node]!;
    if (mask < 0) {
      mask = 0;
      const classes = snapshot.nodeProps.at(node).dataClasses;
      if (Array.isArray(classes)) for (const c of classes) mask |= classBit(ids, String(c));
      ids.classMask[node] = mask;
    }
    // a class past the mask's capacity has bit 0: compare the strings then
    if (ids.classBit.size > MAX_CLASSES) return slowClasses(scope, node);
    return (mask & st.classes) !== 0;
  };
}
