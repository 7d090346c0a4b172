// The analyst's query language over the snapshot: a `where` tree (AND/OR/NOT, ids, names and
// aliases, every property of the label by its type, relations walked by their filter names, the
// nation an entity falls under, export control), sort keys on any scalar property with the id as
// the tie-break, and Relay pages both ways. What it accepts is what schema/filter-sdl.ts declares.
//
// Per snapshot it keeps an index (built once, on first use): the nodes of each label in id order,
// lower-cased names, and per label and sort key the nodes in that order. A request then tests only
// the label's nodes (or a range of the name index), and a single sort key reads a presorted order
// instead of sorting.
import { DOMAIN } from '../schema/generated/domain.js';
import { LABELS, RELATION_TYPES, type Label } from '../schema/generated/model.js';
import { screamingSnake, type PropertySpec } from '../schema/meta.js';
import { hasExportControl, hasNation, hopsOf, jurisdictionTypes, orderable, type FilterHop } from '../schema/filter-sdl.js';
import { InvalidInput } from '../schema/errors.js';
import type { Snapshot } from './snapshot.js';
import { membersOf } from './exposure.js';
import { isExportControlled } from './export-control.js';
import { compareKeys, paginate, type OrderKey, type Page, type PageArgs, type SortValue } from './query-page.js';
import { compileRelationWhere, queryRelations as relationsPage, type ClaimsOf, type RelationView, type RelationWhere } from './query-relations.js';
import { isoDay, propertyTest, queryIndex, stringTest, type StringFilter } from './query-values.js';

export type { OrderKey, Page, PageArgs } from './query-page.js';

/** A where tree as the API passes it (checked here field by field). */
export type Where = { [field: string]: unknown };

/** A node test compiled from a where tree. */
export type NodeTest = (i: number) => boolean;

interface IdFilter {
  eq?: string | null;
  in?: string[] | null;
  within?: string | null;
}

const LABEL_SPECS = new Map(DOMAIN.labels.map((l) => [l.label, l]));
const TYPE_INDEX = new Map<string, number>(RELATION_TYPES.map((t, i) => [t, i]));
const LABEL_INDEX = new Map<string, number>(LABELS.map((l, i) => [l, i]));
/** EntityType enum values (and label names) to label indexes */
const ENTITY_TYPES = new Map<string, number>(LABELS.flatMap((l, i) => [[screamingSnake(l), i] as const, [l, i] as const]));
const JURISDICTION = new Set(jurisdictionTypes(DOMAIN).map((r) => TYPE_INDEX.get(r.type)!));

/** What a where input of one label (or of any entity: null) may say. */
interface WherePlan {
  label: Label | null;
  props: Map<string, PropertySpec>;
  hops: Map<string, FilterHop>;
  nation: boolean;
  exportControl: boolean;
}

const plans = new Map<string, WherePlan>();
function planOf(label: Label | null): WherePlan {
  const key = label ?? '*';
  let plan = plans.get(key);
  if (!plan) {
    const spec = label ? LABEL_SPECS.get(label)! : null;
    plan = {
      label,
      props: new Map(Object.entries(spec?.properties ?? {})),
      hops: new Map(hopsOf(DOMAIN, label).map((h) => [h.field, h])),
      nation: label ? hasNation(DOMAIN, label) : true,
      exportControl: label ? hasExportControl(DOMAIN, label) : true,
    };
    plans.set(key, plan);
  }
  return plan;
}

// ---- compiling a where tree ----

/** Options of a compiled filter: the date relations must be valid at (NaN: any). */
export interface CompileOptions {
  asOfMs: number;
}

function idTest(s: Snapshot, f: IdFilter, path: string, asOfMs: number): NodeTest {
  const tests: NodeTest[] = [];
  if (f.eq != null) {
    const want = s.indexOf(f.eq);
    tests.push((i) => i === want);
  }
  if (f.in != null) {
    const want = new Set(f.in.map((id) => s.indexOf(id)).filter((i) => i !== undefined));
    tests.push((i) => want.has(i));
  }
  if (f.within != null) {
    const root = s.indexOf(f.within);
    const want = new Set(root === undefined ? [] : [root, ...membersOf(s, root, asOfMs)]);
    tests.push((i) => want.has(i));
  }
  if (!tests.length) throw new InvalidInput(`${path}: an empty filter; give eq, in or within`);
  return (i) => tests.every((t) => t(i));
}

/** A memoised node test (hops ask about the same targets again and again). */
function memo(s: Snapshot, test: NodeTest): NodeTest {
  const known = new Int8Array(s.nodeCount);
  return (i) => {
    const k = known[i]!;
    if (k) return k === 1;
    const r = test(i);
    known[i] = r ? 1 : 2;
    return r;
  };
}

/** Compiles a where tree for a label (null: any entity) into a node test. */
export function compileWhere(s: Snapshot, label: Label | null, where: Where, opts: CompileOptions, path = 'where'): NodeTest {
  if (!where || typeof where !== 'object' || Array.isArray(where)) throw new InvalidInput(`${path}: expected an object of conditions`);
  const plan = planOf(label);
  const ix = queryIndex(s);
  const asOf = opts.asOfMs;
  const tests: NodeTest[] = [];
  const sub = (w: unknown, p: string) => compileWhere(s, label, w as Where, opts, p);
  for (const [field, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    const p = `${path}.${field}`;
    if (field === 'AND' || field === 'OR') {
      if (!Array.isArray(value)) throw new InvalidInput(`${p}: expected a list of conditions`);
      const parts = value.map((w, k) => sub(w, `${p}.${k}`));
      tests.push(field === 'AND' ? (i) => parts.every((t) => t(i)) : (i) => parts.some((t) => t(i)));
    } else if (field === 'NOT') {
      const t = sub(value, p);
      tests.push((i) => !t(i));
    } else if (field === 'id') {
      tests.push(idTest(s, value as IdFilter, p, asOf));
    } else if (field === 'type' && label === null) {
      if (!Array.isArray(value)) throw new InvalidInput(`${p}: expected a list of entity types`);
      const want = new Set(
        value.map((v) => {
          const li = ENTITY_TYPES.get(String(v));
          if (li === undefined) throw new InvalidInput(`${p}: unknown entity type ${String(v)}`);
          return li;
        }),
      );
      tests.push((i) => want.has(s.labelOf[i]!));
    } else if (field === 'name') {
      const t = stringTest(value as StringFilter, p);
      tests.push((i) => t(ix.lowerNames[i]));
    } else if (field === 'aliases') {
      const t = stringTest(value as StringFilter, p);
      tests.push((i) => t(s.aliases[i]));
    } else if (field === 'nameOrAlias') {
      const t = stringTest(value as StringFilter, p);
      tests.push((i) => t(ix.lowerNames[i]) || t(s.aliases[i]));
    } else if (field === 'description') {
      const t = stringTest(value as StringFilter, p);
      tests.push((i) => t(s.nodeProps[i]!.description));
    } else if (field === 'relation') {
      const t = compileRelationWhere(s, value as RelationWhere, { asOfMs: asOf, claims: null, entities: compileWhere }, p);
      tests.push((i) => {
        for (const e of s.outOf(i)) if (s.validAt(e, asOf) && t.edge(e, i)) return true;
        for (const e of s.inOf(i)) if (s.validAt(e, asOf) && t.edge(e, i)) return true;
        return false;
      });
    } else if (field === 'nation' && plan.nation) {
      const target = memo(s, compileWhere(s, 'Nation', value as Where, opts, p));
      tests.push((i) => {
        for (const e of s.outOf(i)) if (JURISDICTION.has(s.edgeType[e]!) && s.validAt(e, asOf) && target(s.edgeTo[e]!)) return true;
        return false;
      });
    } else if (field === 'exportControlled' && plan.exportControl) {
      if (typeof value !== 'boolean') throw new InvalidInput(`${p}: expected true or false`);
      tests.push((i) => isExportControlled(s, i, asOf) === value);
    } else if (plan.props.has(field)) {
      const t = propertyTest(plan.props.get(field)!, value, p);
      tests.push((i) => t(s.nodeProps[i]![field]));
    } else if (plan.hops.has(field)) {
      tests.push(hopTest(s, plan.hops.get(field)!, value as Where, opts, p));
    } else {
      throw new InvalidInput(`${p}: ${label ?? 'an entity'} has no filter "${field}"`);
    }
  }
  return (i) => {
    for (const t of tests) if (!t(i)) return false;
    return true;
  };
}

function hopTest(s: Snapshot, hop: FilterHop, where: Where, opts: CompileOptions, path: string): NodeTest {
  const targetLabel = hop.targets.length === 1 ? (hop.targets[0] as Label) : null;
  const labelIndex = targetLabel ? LABEL_INDEX.get(targetLabel)! : -1;
  const inner = compileWhere(s, targetLabel, where, opts, path);
  const target = memo(s, (j) => (labelIndex < 0 || s.labelOf[j] === labelIndex) && inner(j));
  const type = TYPE_INDEX.get(hop.type)!;
  const asOf = opts.asOfMs;
  if (hop.end === 'out')
    return (i) => {
      for (const e of s.outOf(i)) if (s.edgeType[e] === type && s.validAt(e, asOf) && target(s.edgeTo[e]!)) return true;
      return false;
    };
  return (i) => {
    for (const e of s.inOf(i)) if (s.edgeType[e] === type && s.validAt(e, asOf) && target(s.edgeFrom[e]!)) return true;
    return false;
  };
}

// ---- ordering ----

/** The value node i sorts by under an order field (ID, NAME or a property in SCREAMING_SNAKE). */
function sortValueOf(s: Snapshot, label: Label, field: string): (i: number) => SortValue {
  if (field === 'ID') return (i) => s.ids[i]!;
  const ix = queryIndex(s);
  if (field === 'NAME') return (i) => ix.lowerNames[i]!;
  const plan = planOf(label);
  for (const [name, spec] of plan.props)
    if (screamingSnake(name) === field && orderable(spec))
      return (i) => {
        const v = s.nodeProps[i]![name];
        if (v === undefined || v === null || Array.isArray(v)) return null;
        if (spec.type === 'date') return isoDay(v);
        return typeof v === 'string' ? v.toLowerCase() : v;
      };
  throw new InvalidInput(`orderBy: ${label} cannot be ordered by ${field}`);
}

/** The label's nodes in one key's order (absent values last, ties by ascending id), cached per snapshot. */
function presorted(s: Snapshot, label: Label, field: string, desc: boolean): Int32Array {
  const ix = queryIndex(s);
  const key = `${label}|${field}|${desc ? 'D' : 'A'}`;
  let order = ix.orders.get(key);
  if (!order) {
    const value = sortValueOf(s, label, field);
    const nodes = ix.byLabel[LABEL_INDEX.get(label)!]!;
    const keys = new Map<number, SortValue[]>();
    for (const i of nodes) keys.set(i, [value(i), s.ids[i]!]);
    order = Int32Array.from(nodes).sort((a, b) => compareKeys(keys.get(a)!, keys.get(b)!, [desc]));
    ix.orders.set(key, order);
  }
  return order;
}

// ---- the list ----

/** A list of entities of one label. */
export interface EntityQuery extends PageArgs {
  label: Label;
  where?: Where | null;
  orderBy?: OrderKey[] | null;
  /** relations must be valid at this date (NaN: any) */
  asOfMs?: number;
  /** further node tests (the API's shorthand arguments) */
  also?: NodeTest[];
}

/** Narrows candidates with the name index when the top level asks for a name by eq or startsWith. */
function nameRange(s: Snapshot, label: Label, where: Where | null | undefined): Int32Array | null {
  const f = where?.name as StringFilter | undefined;
  const prefix = f?.eq ?? f?.startsWith;
  if (prefix === null || prefix === undefined) return null;
  const order = presorted(s, label, 'NAME', false);
  const names = queryIndex(s).lowerNames;
  const p = prefix.toLowerCase();
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (names[order[mid]!]! < p) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < order.length && names[order[end]!]!.startsWith(p)) end++;
  return order.subarray(lo, end);
}

/** One page of the label's entities matching the query (node indexes), in its order. */
export function queryEntities(s: Snapshot, q: EntityQuery, limits: { defaultSize: number; max: number } = { defaultSize: 50, max: 500 }): Page<number> {
  const asOfMs = q.asOfMs ?? Number.NaN;
  const ix = queryIndex(s);
  const tests: NodeTest[] = [...(q.also ?? [])];
  if (q.where) tests.unshift(compileWhere(s, q.label, q.where, { asOfMs }));
  const keys = (q.orderBy ?? []).map((k) => ({ field: k.field, desc: k.direction === 'DESC' }));
  const desc = keys.map((k) => k.desc);
  const values = keys.map((k) => sortValueOf(s, q.label, k.field));
  const keyOf = (i: number): SortValue[] => [...values.map((v) => v(i)), s.ids[i]!];
  const match = (i: number) => {
    for (const t of tests) if (!t(i)) return false;
    return true;
  };

  const byName = nameRange(s, q.label, q.where);
  let sorted: number[];
  if (keys.length === 1 || (byName === null && keys.length === 0)) {
    // one key, or none: walk a presorted order and keep what matches; no sort per request
    const order = keys.length === 1 ? presorted(s, q.label, keys[0]!.field, keys[0]!.desc) : ix.byLabel[LABEL_INDEX.get(q.label)!]!;
    const within = byName ? new Set(byName) : null;
    sorted = [];
    for (const i of order) if ((!within || within.has(i)) && match(i)) sorted.push(i);
  } else {
    const candidates = byName ?? ix.byLabel[LABEL_INDEX.get(q.label)!]!;
    sorted = [];
    for (const i of candidates) if (match(i)) sorted.push(i);
    const cached = new Map(sorted.map((i) => [i, keyOf(i)]));
    sorted.sort((a, b) => compareKeys(cached.get(a)!, cached.get(b)!, desc));
  }
  return paginate(sorted, keyOf, desc, q, limits);
}

/** Relations of one entity (views of the snapshot or the store), filtered, ordered (by id when no key is given) and paged. */
export function queryRelations(
  s: Snapshot,
  views: readonly RelationView[],
  self: number | undefined,
  q: PageArgs & { where?: RelationWhere | null; orderBy?: OrderKey[] | null; asOfMs?: number; claims?: ClaimsOf; keepOrder?: boolean },
  limits: { defaultSize: number; max: number },
): Page<RelationView> {
  return relationsPage(s, views, self, { ...q, entities: compileWhere }, limits);
}
