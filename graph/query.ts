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
import { dayColumn, flagColumn, isoDay, numberColumn, textCodes, propertyTest, queryIndex, rangeTest, stringTest, type RangeFilter, type StringFilter } from './query-values.js';

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
  // tests that walk relations run after the node's own (cheaper) ones
  const walks: NodeTest[] = [];
  const sub = (w: unknown, p: string) => compileWhere(s, label, w as Where, opts, p);
  for (const [field, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    const p = `${path}.${field}`;
    if (field === 'AND' || field === 'OR') {
      if (!Array.isArray(value)) throw new InvalidInput(`${p}: expected a list of conditions`);
      const parts = value.map((w, k) => sub(w, `${p}.${k}`));
      // plain loops: a closure per node and request would cost more than the tests
      tests.push(
        field === 'AND'
          ? (i) => {
              for (let k = 0; k < parts.length; k++) if (!parts[k]!(i)) return false;
              return true;
            }
          : (i) => {
              for (let k = 0; k < parts.length; k++) if (parts[k]!(i)) return true;
              return false;
            },
      );
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
      tests.push((i) => t.lowered(ix.lowerNames[i]!));
    } else if (field === 'aliases') {
      const t = stringTest(value as StringFilter, p);
      tests.push((i) => t(s.aliases.at(i)));
    } else if (field === 'nameOrAlias') {
      const t = stringTest(value as StringFilter, p);
      tests.push((i) => t.lowered(ix.lowerNames[i]!) || t(s.aliases.at(i)));
    } else if (field === 'description') {
      const t = stringTest(value as StringFilter, p);
      tests.push((i) => t(s.nodeProps.at(i).description));
    } else if (field === 'relation') {
      const t = compileRelationWhere(s, value as RelationWhere, { asOfMs: asOf, claims: null, entities: compileWhere }, p);
      walks.push((i) => {
        for (let k = s.outOffsets[i]!; k < s.outOffsets[i + 1]!; k++) if (s.validAt(s.outEdges[k]!, asOf) && t.edge(s.outEdges[k]!, i)) return true;
        for (let k = s.inOffsets[i]!; k < s.inOffsets[i + 1]!; k++) if (s.validAt(s.inEdges[k]!, asOf) && t.edge(s.inEdges[k]!, i)) return true;
        return false;
      });
    } else if (field === 'nation' && plan.nation) {
      const target = memo(s, compileWhere(s, 'Nation', value as Where, opts, p));
      walks.push((i) => {
        for (let k = s.outOffsets[i]!; k < s.outOffsets[i + 1]!; k++) {
          const e = s.outEdges[k]!;
          if (JURISDICTION.has(s.edgeType[e]!) && s.validAt(e, asOf) && target(s.edgeTo[e]!)) return true;
        }
        return false;
      });
    } else if (field === 'exportControlled' && plan.exportControl) {
      if (typeof value !== 'boolean') throw new InvalidInput(`${p}: expected true or false`);
      tests.push((i) => isExportControlled(s, i, asOf) === value);
    } else if (plan.props.has(field)) {
      const spec = plan.props.get(field)!;
      if (spec.type === 'string' || spec.type === 'enum') {
        // text is tested once per distinct value of the property, then looked up per node by its code
        const t = stringTest(value as StringFilter, p);
        const { codes, values } = textCodes(s, field);
        const pass = Uint8Array.from(values, (v) => (t.lowered(v) ? 1 : 0));
        const absent = t.lowered(null);
        tests.push((i) => {
          const c = codes[i]!;
          return c < 0 ? absent : pass[c] === 1;
        });
      } else if (spec.type === 'boolean') {
        const want = (value as { eq?: boolean | null }).eq;
        if (want === null || want === undefined) throw new InvalidInput(`${p}: an empty filter; give eq`);
        const col = flagColumn(s, field);
        const bit = want ? 1 : 0;
        tests.push((i) => col[i] === bit);
      } else if (spec.type === 'date') {
        const t = rangeTest(value as RangeFilter, 'date', p);
        const col = dayColumn(s, field);
        tests.push((i) => t.normalized(col[i]!));
      } else if (spec.type === 'integer' || spec.type === 'number') {
        const t = rangeTest(value as RangeFilter, 'number', p);
        const col = numberColumn(s, field);
        tests.push((i) => {
          const v = col[i]!;
          return t.normalized(v === v ? v : null);
        });
      } else {
        // a list property: some item matches
        const t = propertyTest(spec, value, p);
        tests.push((i) => t(s.nodeProps.at(i)[field]));
      }
    } else if (plan.hops.has(field)) {
      walks.push(hopTest(s, plan.hops.get(field)!, value as Where, opts, p));
    } else {
      throw new InvalidInput(`${p}: ${label ?? 'an entity'} has no filter "${field}"`);
    }
  }
  tests.push(...walks);
  if (tests.length === 1) return tests[0]!;
  return (i) => {
    for (let k = 0; k < tests.length; k++) if (!tests[k]!(i)) return false;
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
  // offsets walked directly: a subarray per node and request would cost more than the test
  const [offsets, edges, far] = hop.end === 'out' ? [s.outOffsets, s.outEdges, s.edgeTo] : [s.inOffsets, s.inEdges, s.edgeFrom];
  return (i) => {
    for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
      const e = edges[k]!;
      if (s.edgeType[e] === type && s.validAt(e, asOf) && target(far[e]!)) return true;
    }
    return false;
  };
}

// ---- ordering ----

/** The value node i sorts by under an order field (ID, NAME or a property in SCREAMING_SNAKE). */
function sortValueOf(s: Snapshot, label: Label, field: string): (i: number) => SortValue {
  if (field === 'ID') return (i) => s.ids.at(i);
  const ix = queryIndex(s);
  if (field === 'NAME') return (i) => ix.lowerNames[i]!;
  const plan = planOf(label);
  for (const [name, spec] of plan.props)
    if (screamingSnake(name) === field && orderable(spec))
      return (i) => {
        const v = s.nodeProps.at(i)[name];
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
    const values: SortValue[] = new Array<SortValue>(s.nodeCount);
    for (const i of nodes) values[i] = value(i);
    const dir = [desc];
    const pair: [SortValue[], SortValue[]] = [
      [null, ''],
      [null, ''],
    ];
    order = Int32Array.from(nodes).sort((a, b) => {
      pair[0][0] = values[a]!;
      pair[0][1] = s.ids.at(a);
      pair[1][0] = values[b]!;
      pair[1][1] = s.ids.at(b);
      return compareKeys(pair[0], pair[1], dir);
    });
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

/** Narrows candidates by the id index when the top level asks for ids (eq or in), else by the name index for a name by eq or startsWith. */
function narrowed(s: Snapshot, label: Label, where: Where | null | undefined): Int32Array | null {
  const ids = where?.id as { eq?: string | null; in?: string[] | null } | undefined;
  if (ids && (ids.eq != null || ids.in != null)) {
    const li = LABEL_INDEX.get(label)!;
    const wanted = [...(ids.eq != null ? [ids.eq] : []), ...(ids.in ?? [])].map((id) => s.indexOf(id)).filter((i): i is number => i !== undefined && s.labelOf[i] === li);
    return Int32Array.from(new Set(wanted)).sort();
  }
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
  const keyOf = (i: number): SortValue[] => [...values.map((v) => v(i)), s.ids.at(i)];
  const match =
    tests.length === 1
      ? tests[0]!
      : (i: number) => {
          for (let k = 0; k < tests.length; k++) if (!tests[k]!(i)) return false;
          return true;
        };

  const byName = narrowed(s, q.label, q.where);
  let sorted: ArrayLike<number>;
  if (!tests.length && byName === null && keys.length <= 1) {
    // nothing to test: the presorted order (or the label's id order) is the list
    sorted = keys.length === 1 ? presorted(s, q.label, keys[0]!.field, keys[0]!.desc) : ix.byLabel[LABEL_INDEX.get(q.label)!]!;
  } else {
    // test the candidates in node order (the order their data sits in memory), then order what matched
    const candidates = byName ?? ix.byLabel[LABEL_INDEX.get(q.label)!]!;
    const kept: number[] = [];
    for (let k = 0; k < candidates.length; k++) if (match(candidates[k]!)) kept.push(candidates[k]!);
    if (keys.length === 1 && kept.length * 16 > candidates.length) {
      // many matches under one key: read them off the presorted order instead of sorting them
      const order = presorted(s, q.label, keys[0]!.field, keys[0]!.desc);
      const mark = new Uint8Array(s.nodeCount);
      for (const i of kept) mark[i] = 1;
      let w = 0;
      for (let k = 0; k < order.length; k++) if (mark[order[k]!]) kept[w++] = order[k]!;
    } else if (keys.length > 0) {
      // keys computed once per match and sorted beside it (no lookup per comparison)
      const entries = kept.map((i) => ({ i, k: keyOf(i) }));
      entries.sort((a, b) => compareKeys(a.k, b.k, desc));
      for (let k = 0; k < entries.length; k++) kept[k] = entries[k]!.i;
    } else if (byName !== null) kept.sort((a, b) => (s.ids.at(a) < s.ids.at(b) ? -1 : 1));
    sorted = kept;
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
