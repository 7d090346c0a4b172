// Filters, order and pages for relations, judged from one entity: a `RelationWhere` tree (types,
// direction, the entity at the other end, confidence, validity, the properties relation types
// carry, and the live claims behind it), sort keys and Relay pages. The same test serves the
// snapshot's edges (entity filters walking `relation`) and the store's relation records (an
// entity's `relations` list, which can also read claims).
import { DOMAIN } from '../schema/generated/domain.js';
import type { RelationType } from '../schema/generated/model.js';
import type { PropertySpec } from '../schema/meta.js';
import { relationProperties } from '../schema/filter-sdl.js';
import { InvalidInput } from '../schema/errors.js';
import type { ClaimRecord, Props, RelationRecord } from '../schema/records.js';
import type { Snapshot } from './snapshot.js';
import { compareKeys, paginate, statedNumber, type OrderKey, type Page, type PageArgs, type SortValue } from './query-page.js';
import { propertyTest, queryIndex } from './query-values.js';

/** A where tree of entities. */
type Where = { [field: string]: unknown };
/** Compiles an entity where tree (graph/query.ts passes its own: the two halves of one language call each other). */
export type EntityCompiler = (s: Snapshot, label: 'Document' | null, where: Where, opts: { asOfMs: number }, path: string) => (i: number) => boolean;

/** A relation where tree as the API passes it. */
export type RelationWhere = { [field: string]: unknown };

/** A relation as the filters see it: endpoints as node indexes of the snapshot (undefined when it has none). */
export interface RelationView {
  id: string;
  type: RelationType;
  from: number | undefined;
  to: number | undefined;
  props: Props;
  confidence: number;
  validFrom?: string | undefined;
  validTo?: string | undefined;
  /** the store's record, when the view was made from one */
  record?: RelationRecord;
}

/** A compiled relation filter: judged from the entity `self`. */
export interface RelationTest {
  view(v: RelationView, self: number | undefined): boolean;
  /** the same test on a snapshot edge */
  edge(e: number, self: number): boolean;
}

const REL_PROPS = relationProperties(DOMAIN);
/** The ISO day of an epoch-ms date (undefined for NaN, an absent date). */
export const dayOfMs = (ms: number) => (Number.isNaN(ms) ? undefined : new Date(ms).toISOString().slice(0, 10));

/** Edge e of a snapshot as a view. */
export function edgeView(s: Snapshot, e: number): RelationView {
  return {
    id: s.edgeIds.at(e),
    type: s.type(e),
    from: s.edgeFrom[e]!,
    to: s.edgeTo[e]!,
    props: s.edgeProps.at(e),
    confidence: statedNumber(s.edgeConfidence[e]!),
    validFrom: dayOfMs(s.edgeValidFrom[e]!),
    validTo: dayOfMs(s.edgeValidTo[e]!),
  };
}

/** A store relation record as a view on the snapshot. */
export function recordView(s: Snapshot, r: RelationRecord): RelationView {
  return { id: r.id, type: r.type, from: s.indexOf(r.from), to: s.indexOf(r.to), props: r.props, confidence: r.confidence, validFrom: r.validFrom, validTo: r.validTo, record: r };
}

/** The claims behind relations, when a filter needs them (lists of relations read them; entity filters cannot). */
export type ClaimsOf = ((relationId: string) => readonly ClaimRecord[]) | null;

/** Whether a relation where tree asks about claims (so its caller should load them first). */
export function needsClaims(where: unknown): boolean {
  if (!where || typeof where !== 'object') return false;
  const w = where as RelationWhere;
  if (w.source != null) return true;
  return [...((w.AND as unknown[]) ?? []), ...((w.OR as unknown[]) ?? []), w.NOT].some(needsClaims);
}

type ViewTest = (v: RelationView, self: number | undefined) => boolean;
/** A test of one item of type X, judged from the entity `self` where that matters. */
type Test<X> = (x: X, self: number | undefined) => boolean;

/**
 * Compiles a where tree of one kind of item: AND, OR and NOT here, every other field by `leaf`
 * (null: the field sets no condition).
 * The one evaluator of the relation language (relations and the claims behind them).
 */
function compileTree<X>(where: Where, path: string, leaf: (field: string, value: unknown, path: string) => Test<X> | null): Test<X> {
  if (!where || typeof where !== 'object' || Array.isArray(where)) throw new InvalidInput(`${path}: expected an object of conditions`);
  const tests: Test<X>[] = [];
  for (const [field, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    const p = `${path}.${field}`;
    if (field === 'AND' || field === 'OR') {
      if (!Array.isArray(value)) throw new InvalidInput(`${p}: expected a list of conditions`);
      const parts = value.map((w, k) => compileTree(w as Where, `${p}.${k}`, leaf));
      tests.push(field === 'AND' ? (x, self) => parts.every((t) => t(x, self)) : (x, self) => parts.some((t) => t(x, self)));
    } else if (field === 'NOT') {
      const t = compileTree(value as Where, p, leaf);
      tests.push((x, self) => !t(x, self));
    } else {
      const t = leaf(field, value, p);
      if (t) tests.push(t);
    }
  }
  // a single condition is its own test: one call less per item at every level of the tree
  if (tests.length === 1) return tests[0]!;
  return (x, self) => {
    for (const t of tests) if (!t(x, self)) return false;
    return true;
  };
}

const NUMBER: PropertySpec = { type: 'number', required: false, role: false, description: '' };
const DATE: PropertySpec = { type: 'date', required: false, role: false, description: '' };
const TEXT: PropertySpec = { type: 'string', required: false, role: false, description: '' };

function idFilter(value: unknown): (id: string) => boolean {
  const f = value as { eq?: string | null; in?: string[] | null };
  const inSet = f.in ? new Set(f.in) : null;
  return (id) => (f.eq == null || id === f.eq) && (!inSet || inSet.has(id));
}

function sourceTest(s: Snapshot, where: Where, asOfMs: number, path: string, entities: EntityCompiler): Test<ClaimRecord> {
  return compileTree<ClaimRecord>(where, path, (field, value, p) => {
    if (field === 'id') {
      const t = idFilter(value);
      return (c) => t(c.id);
    }
    if (field === 'confidence') {
      const t = propertyTest(NUMBER, value, p);
      return (c) => t(statedNumber(c.confidence));
    }
    if (field === 'observedAt') {
      const t = propertyTest(DATE, value, p);
      return (c) => t(c.observedAt);
    }
    if (field === 'extractor' || field === 'quote') {
      const t = propertyTest(TEXT, value, p);
      return (c) => t(c[field]);
    }
    if (field === 'document') {
      const t = entities(s, 'Document', value as Where, { asOfMs }, p);
      return (c) => {
        const d = s.indexOf(c.documentId);
        return d !== undefined && t(d);
      };
    }
    throw new InvalidInput(`${p}: a source has no filter "${field}"`);
  });
}

/** Compiles a relation where tree. `claims` is null where claims cannot be read (inside entity filters). */
export function compileRelationWhere(s: Snapshot, where: RelationWhere, opts: { asOfMs: number; claims: ClaimsOf; entities: EntityCompiler }, path = 'where'): RelationTest {
  const test = compileView(s, where, opts, path);
  return { view: test, edge: (e, self) => test(edgeView(s, e), self) };
}

function compileView(s: Snapshot, where: RelationWhere, opts: { asOfMs: number; claims: ClaimsOf; entities: EntityCompiler }, path: string): ViewTest {
  return compileTree<RelationView>(where, path, (field, value, p): ViewTest | null => {
    if (field === 'id') {
      const t = idFilter(value);
      return (v) => t(v.id);
    }
    if (field === 'type') {
      const want = new Set(value as string[]);
      return (v) => want.has(v.type);
    }
    if (field === 'direction') {
      if (value === 'OUT') return (v, self) => self === undefined || v.from === self;
      if (value === 'IN') return (v, self) => self === undefined || v.to === self;
      if (value === 'BOTH') return null;
      throw new InvalidInput(`${p}: expected OUT, IN or BOTH`);
    }
    if (field === 'other') {
      const t = opts.entities(s, null, value as Where, { asOfMs: opts.asOfMs }, p);
      return (v, self) => {
        const other = v.from === self ? v.to : v.from;
        return other !== undefined && t(other);
      };
    }
    if (field === 'confidence') {
      const t = propertyTest(NUMBER, value, p);
      return (v) => t(statedNumber(v.confidence));
    }
    if (field === 'validFrom' || field === 'validTo') {
      const t = propertyTest(DATE, value, p);
      return (v) => t(v[field]);
    }
    if (field === 'source') {
      const claims = opts.claims;
      if (!claims) throw new InvalidInput(`${p}: sources can be filtered in a list of relations (relations, relationsConnection), not inside a filter of entities`);
      const t = sourceTest(s, value as Where, opts.asOfMs, p, opts.entities);
      return (v) => claims(v.id).some((c) => t(c, undefined));
    }
    if (REL_PROPS.has(field)) {
      const t = propertyTest(REL_PROPS.get(field)!, value, p);
      return (v) => t(v.props[field]);
    }
    throw new InvalidInput(`${p}: a relation has no filter "${field}"`);
  });
}

/** The value a relation sorts by under an order field, seen from `self`. */
function relationSortValue(s: Snapshot, field: string, self: number | undefined): (v: RelationView) => SortValue {
  switch (field) {
    case 'ID':
      return (v) => v.id;
    case 'TYPE':
      return (v) => v.type;
    case 'CONFIDENCE':
      return (v) => statedNumber(v.confidence);
    case 'VALID_FROM':
      return (v) => v.validFrom?.slice(0, 10) ?? null;
    case 'VALID_TO':
      return (v) => v.validTo?.slice(0, 10) ?? null;
    case 'OTHER_NAME': {
      const names = queryIndex(s).lowerNames;
      return (v) => {
        const other = v.from === self ? v.to : v.from;
        return other === undefined ? null : names[other]!;
      };
    }
    default:
      throw new InvalidInput(`orderBy: relations cannot be ordered by ${field}`);
  }
}

/** Relations of one entity, filtered, ordered (by id when no key is given) and paged. */
export function queryRelations(
  s: Snapshot,
  views: readonly RelationView[],
  self: number | undefined,
  q: PageArgs & { where?: RelationWhere | null; orderBy?: OrderKey[] | null; asOfMs?: number; claims?: ClaimsOf; entities: EntityCompiler; keepOrder?: boolean },
  limits: { defaultSize: number; max: number },
): Page<RelationView> {
  const test = q.where ? compileView(s, q.where, { asOfMs: q.asOfMs ?? Number.NaN, claims: q.claims ?? null, entities: q.entities }, 'where') : null;
  const keys = (q.orderBy ?? []).map((k) => ({ value: relationSortValue(s, k.field, self), desc: k.direction === 'DESC' }));
  const desc = keys.map((k) => k.desc);
  const keyOf = (v: RelationView): SortValue[] => [...keys.map((k) => k.value(v)), v.id];
  const kept = test ? views.filter((v) => test(v, self)) : [...views];
  const cached = new Map(kept.map((v) => [v, keyOf(v)]));
  // without sort keys a plain list may keep the order it came in (the store's); pages need the id order their cursors name
  if (keys.length || !q.keepOrder) kept.sort((a, b) => compareKeys(cached.get(a)!, cached.get(b)!, desc));
  return paginate(kept, (v) => cached.get(v) ?? keyOf(v), desc, q, limits);
}
