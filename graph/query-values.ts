// The values side of the query language: the per-snapshot index (nodes by label in id order,
// lower-cased names, presorted orders, relation ids) and the tests of one filter on one value
// (text without case, numbers and dates by range, flags).
import { LABELS } from '../schema/generated/model.js';
import type { PropertySpec } from '../schema/meta.js';
import { InvalidInput } from '../schema/errors.js';
import type { PropValue } from '../schema/records.js';
import type { Snapshot } from './snapshot.js';

export interface StringFilter {
  eq?: string | null;
  in?: string[] | null;
  contains?: string | null;
  startsWith?: string | null;
  exists?: boolean | null;
}
interface RangeFilter {
  eq?: number | string | null;
  in?: (number | string)[] | null;
  gt?: number | string | null;
  gte?: number | string | null;
  lt?: number | string | null;
  lte?: number | string | null;
  exists?: boolean | null;
}

// ---- the per-snapshot index ----

export interface QueryIndex {
  /** node indexes of each label, in id order */
  byLabel: Int32Array[];
  lowerNames: string[];
  /** per `label|key|direction`: the label's nodes in that order (absent values last, ties by id) */
  orders: Map<string, Int32Array>;
  edgeIndex: Map<string, number> | null;
}

const indexes = new WeakMap<Snapshot, QueryIndex>();

/** The query index of a snapshot (built on first use, then shared by every request on it). */
export function queryIndex(s: Snapshot): QueryIndex {
  let ix = indexes.get(s);
  if (ix) return ix;
  const buckets: number[][] = LABELS.map(() => []);
  for (let i = 0; i < s.nodeCount; i++) buckets[s.labelOf[i]!]!.push(i);
  const byId = (a: number, b: number) => (s.ids[a]! < s.ids[b]! ? -1 : s.ids[a]! > s.ids[b]! ? 1 : 0);
  const byLabel = buckets.map((b) => {
    const arr = Int32Array.from(b);
    return s.canonical ? arr : arr.sort(byId);
  });
  ix = { byLabel, lowerNames: s.names.map((n) => n.toLowerCase()), orders: new Map(), edgeIndex: null };
  indexes.set(s, ix);
  return ix;
}

/** Edge index of a relation id in the snapshot, or undefined. */
export function edgeOf(s: Snapshot, relationId: string): number | undefined {
  const ix = queryIndex(s);
  if (!ix.edgeIndex) {
    ix.edgeIndex = new Map();
    for (let e = 0; e < s.edgeCount; e++) if (s.edgeIds[e]) ix.edgeIndex.set(s.edgeIds[e]!, e);
  }
  return ix.edgeIndex.get(relationId);
}

// ---- values ----

const lower = (v: unknown) => String(v).toLowerCase();
export const isoDay = (v: unknown) => String(v).slice(0, 10);

export function stringTest(f: StringFilter, path: string): (value: unknown) => boolean {
  const eq = f.eq != null ? lower(f.eq) : null;
  const inSet = f.in != null ? new Set(f.in.map(lower)) : null;
  const contains = f.contains != null ? lower(f.contains) : null;
  const starts = f.startsWith != null ? lower(f.startsWith) : null;
  if (eq === null && !inSet && contains === null && starts === null && f.exists == null) throw new InvalidInput(`${path}: an empty filter; give eq, in, contains, startsWith or exists`);
  const one = (v: unknown) => {
    if (v === null || v === undefined) return false;
    const s = lower(v);
    return (eq === null || s === eq) && (!inSet || inSet.has(s)) && (contains === null || s.includes(contains)) && (starts === null || s.startsWith(starts));
  };
  const anyValue = eq !== null || inSet || contains !== null || starts !== null;
  return (value) => {
    const values = Array.isArray(value) ? value : value === null || value === undefined || value === '' ? [] : [value];
    if (f.exists != null && values.length > 0 !== f.exists) return false;
    return !anyValue || values.some(one);
  };
}

function rangeTest(f: RangeFilter, kind: 'number' | 'date', path: string): (value: unknown) => boolean {
  const norm = (v: unknown): number | string | null => {
    if (v === null || v === undefined) return null;
    if (kind === 'date') return typeof v === 'string' && v ? isoDay(v) : null;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const conds: [string, number | string | null | undefined][] = [
    ['eq', f.eq],
    ['gt', f.gt],
    ['gte', f.gte],
    ['lt', f.lt],
    ['lte', f.lte],
  ];
  const bounds = conds.filter(([, v]) => v !== null && v !== undefined).map(([op, v]) => [op, norm(v)] as const);
  for (const [op, v] of bounds) if (v === null) throw new InvalidInput(`${path}.${op}: expected a ${kind}`);
  const inSet = f.in != null ? new Set(f.in.map(norm)) : null;
  if (!bounds.length && !inSet && f.exists == null) throw new InvalidInput(`${path}: an empty filter; give eq, in, gt, gte, lt, lte or exists`);
  return (value) => {
    const v = norm(value);
    if (f.exists != null && (v !== null) !== f.exists) return false;
    if (!bounds.length && !inSet) return true;
    if (v === null) return false;
    if (inSet && !inSet.has(v)) return false;
    for (const [op, b] of bounds) {
      const ok = op === 'eq' ? v === b : op === 'gt' ? v > b! : op === 'gte' ? v >= b! : op === 'lt' ? v < b! : v <= b!;
      if (!ok) return false;
    }
    return true;
  };
}

/** The test of one property filter by the property's type. */
export function propertyTest(spec: PropertySpec, filter: unknown, path: string): (value: PropValue | undefined) => boolean {
  if (!filter || typeof filter !== 'object') throw new InvalidInput(`${path}: expected a filter object`);
  switch (spec.type) {
    case 'integer':
    case 'number':
      return rangeTest(filter as RangeFilter, 'number', path);
    case 'date':
      return rangeTest(filter as RangeFilter, 'date', path);
    case 'boolean': {
      const eq = (filter as { eq?: boolean | null }).eq;
      if (eq === null || eq === undefined) throw new InvalidInput(`${path}: an empty filter; give eq`);
      return (v) => (v === true) === eq;
    }
    default:
      return stringTest(filter as StringFilter, path);
  }
}
