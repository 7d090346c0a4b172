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
export interface RangeFilter {
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
  /** lower-cased scalar text properties, per property name */
  columns: Map<string, (string | null)[]>;
  numbers: Map<string, Float64Array>;
  flags: Map<string, Uint8Array>;
  days: Map<string, (string | null)[]>;
  codes: Map<string, TextCodes>;
}

const indexes = new WeakMap<Snapshot, QueryIndex>();

/** The query index of a snapshot (built on first use, then shared by every request on it). */
export function queryIndex(s: Snapshot): QueryIndex {
  let ix = indexes.get(s);
  if (ix) return ix;
  const buckets: number[][] = LABELS.map(() => []);
  for (let i = 0; i < s.nodeCount; i++) buckets[s.labelOf[i]!]!.push(i);
  const byId = (a: number, b: number) => (s.ids.at(a) < s.ids.at(b) ? -1 : s.ids.at(a) > s.ids.at(b) ? 1 : 0);
  const byLabel = buckets.map((b) => {
    const arr = Int32Array.from(b);
    return s.canonical ? arr : arr.sort(byId);
  });
  ix = { byLabel, lowerNames: s.names.map((n) => n.toLowerCase()), orders: new Map(), edgeIndex: null, columns: new Map(), numbers: new Map(), flags: new Map(), days: new Map(), codes: new Map() };
  indexes.set(s, ix);
  return ix;
}

/** The value cached under key, built by build on first use. */
function cached<T>(cache: Map<string, T>, key: string, build: () => T): T {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = build()));
  return v;
}

/** Edge index of a relation id in the snapshot, or undefined. */
export function edgeOf(s: Snapshot, relationId: string): number | undefined {
  const ix = queryIndex(s);
  if (!ix.edgeIndex) {
    ix.edgeIndex = new Map();
    for (let e = 0; e < s.edgeCount; e++) if (s.edgeIds.at(e)) ix.edgeIndex.set(s.edgeIds.at(e), e);
  }
  return ix.edgeIndex.get(relationId);
}

// ---- values ----

const lower = (v: unknown) => String(v).toLowerCase();
/** The day part of an ISO date or date-time. */
export const isoDay = (v: unknown) => String(v).slice(0, 10);

/** A text test: on any value (a list matches when some item does), and `lowered` on a value already lower-cased (null: absent). */
export type TextTest = ((value: unknown) => boolean) & { lowered: (s: string | null) => boolean };

/** Compiles a text filter (eq, in, contains, startsWith, exists; without case); `path` names it in errors. */
export function stringTest(f: StringFilter, path: string): TextTest {
  const eq = f.eq != null ? lower(f.eq) : null;
  const inSet = f.in != null ? new Set(f.in.map(lower)) : null;
  const contains = f.contains != null ? lower(f.contains) : null;
  const starts = f.startsWith != null ? lower(f.startsWith) : null;
  if (eq === null && !inSet && contains === null && starts === null && f.exists == null) throw new InvalidInput(`${path}: an empty filter; give eq, in, contains, startsWith or exists`);
  const anyValue = eq !== null || inSet || contains !== null || starts !== null;
  const exists = f.exists ?? null;
  /** one value, already lower-cased */
  const lowered = (s: string) => (eq === null || s === eq) && (!inSet || inSet.has(s)) && (contains === null || s.includes(contains)) && (starts === null || s.startsWith(starts));
  const test = (value: unknown): boolean => {
    if (value === null || value === undefined || value === '') return exists === false;
    if (Array.isArray(value)) {
      if (exists !== null && value.length > 0 !== exists) return false;
      return !anyValue || value.some((v) => v !== null && v !== undefined && lowered(lower(v)));
    }
    if (exists === false) return false;
    return !anyValue || lowered(typeof value === 'string' ? value.toLowerCase() : lower(value));
  };
  return Object.assign(test, { lowered: (s: string | null) => (s === null ? exists === false : exists !== false && (!anyValue || lowered(s))) });
}

/** A scalar text property of every node, lower-cased (null where absent or a list), built once per snapshot and property. */
export function lowerColumn(s: Snapshot, prop: string): (string | null)[] {
  return cached(queryIndex(s).columns, prop, () =>
    s.nodeProps.map((p) => {
      const v = p[prop];
      return v === null || v === undefined || v === '' || Array.isArray(v) ? null : String(v).toLowerCase();
    }),
  );
}

/** A range test: on any value, and `normalized` on a value already a finite number or an ISO day (null: absent). */
export type RangeTest = ((value: unknown) => boolean) & { normalized: (v: number | string | null) => boolean };

/** Compiles a number or date filter (eq, in, gt, gte, lt, lte, exists); `path` names it in errors. */
export function rangeTest(f: RangeFilter, kind: 'number' | 'date', path: string): RangeTest {
  const norm = (v: unknown): number | string | null => {
    if (v === null || v === undefined) return null;
    if (kind === 'date') return typeof v === 'string' && v ? isoDay(v) : null;
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  const bound = (op: string, v: number | string | null | undefined) => {
    if (v === null || v === undefined) return null;
    const n = norm(v);
    if (n === null) throw new InvalidInput(`${path}.${op}: expected a ${kind}`);
    return n;
  };
  const eq = bound('eq', f.eq);
  const gt = bound('gt', f.gt);
  const gte = bound('gte', f.gte);
  const lt = bound('lt', f.lt);
  const lte = bound('lte', f.lte);
  const inSet = f.in != null ? new Set(f.in.map(norm)) : null;
  const exists = f.exists ?? null;
  const any = eq !== null || gt !== null || gte !== null || lt !== null || lte !== null || inSet !== null;
  if (!any && exists === null) throw new InvalidInput(`${path}: an empty filter; give eq, in, gt, gte, lt, lte or exists`);
  const normalized = (v: number | string | null): boolean => {
    if (v === null) return exists === false;
    if (exists === false) return false;
    if (!any) return true;
    return (eq === null || v === eq) && (gt === null || v > gt) && (gte === null || v >= gte) && (lt === null || v < lt) && (lte === null || v <= lte) && (inSet === null || inSet.has(v));
  };
  return Object.assign((value: unknown) => normalized(norm(value)), { normalized });
}

/** A scalar text property dictionary-coded: each node's code into `values` (lower-cased, distinct), -1 where absent. */
export interface TextCodes {
  codes: Int32Array;
  values: string[];
}

/** The dictionary coding of a text property, built once per snapshot and property: a filter then tests each distinct value once per request. */
export function textCodes(s: Snapshot, prop: string): TextCodes {
  return cached(queryIndex(s).codes, prop, () => {
    const col = lowerColumn(s, prop);
    const index = new Map<string, number>();
    const values: string[] = [];
    const codes = new Int32Array(col.length);
    for (let i = 0; i < col.length; i++) {
      const v = col[i];
      if (v === null || v === undefined) {
        codes[i] = -1;
        continue;
      }
      let c = index.get(v);
      if (c === undefined) {
        c = values.length;
        values.push(v);
        index.set(v, c);
      }
      codes[i] = c;
    }
    return { codes, values };
  });
}

/** A numeric property of every node (NaN where absent), built once per snapshot and property. */
export function numberColumn(s: Snapshot, prop: string): Float64Array {
  return cached(queryIndex(s).numbers, prop, () => Float64Array.from(s.nodeProps, (p) => (typeof p[prop] === 'number' && Number.isFinite(p[prop]) ? (p[prop] as number) : Number.NaN)));
}

/** A flag of every node (1 true, 0 otherwise: an absent flag is false), built once per snapshot and property. */
export function flagColumn(s: Snapshot, prop: string): Uint8Array {
  return cached(queryIndex(s).flags, prop, () => Uint8Array.from(s.nodeProps, (p) => (p[prop] === true ? 1 : 0)));
}

/** A date property of every node as its ISO day (null where absent), built once per snapshot and property. */
export function dayColumn(s: Snapshot, prop: string): (string | null)[] {
  return cached(queryIndex(s).days, prop, () => s.nodeProps.map((p) => (typeof p[prop] === 'string' && p[prop] ? isoDay(p[prop]) : null)));
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
