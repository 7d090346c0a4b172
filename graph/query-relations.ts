// Filters, order and pages for relations, judged from one entity: a `RelationWhere` tree (types,
// direction, the entity at the other end, confidence, validity, the properties relation types
// carry, and the live claims behind it), sort keys and Relay pages. The same test serves the
// snapshot's edges (entity filters walking `relation`) and the store's relation records (an
// entity's `relations` list, which can also read claims).
import { DOMAIN } from '../schema/generated/domain.js';
import type { RelationType } from '../schema/generated/model.js';
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
    id: s.edgeIds[e]!,
    type: s.type(e),
    from: s.edgeFrom[e]!,
    to: s.edgeTo[e]!,
    props: s.edgeProps[e]!,
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

function sourceTest(s: Snapshot, where: Where, asOfMs: number, path: string, entities: EntityCompiler): (c: ClaimRecord) => boolean {
  if (!where || typeof where !== 'object') throw new InvalidInput(`${path}: expected an object of conditions`);
  const tests: ((c: ClaimRecord) => boolean)[] = [];
  for (const [field, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    const p = `${path}.${field}`;
    if (field === 'AND' || field === 'OR') {
      const parts = (value as Where[]).map((w, k) => sourceTest(s, w, asOfMs, `${p}.${k}`, entities));
      tests.push(field === 'AND' ? (c) => parts.every((t) => t(c)) : (c) => parts.some((t) => t(c)));
    } else if (field === 'NOT') {
      const t = sourceTest(s, value as Where, asOfMs, p, entities);
      tests.push((c) => !t(c));
    } else if (field === 'id') {
      const f = value as { eq?: string | null; in?: string[] | null };
      tests.push((c) => (f.eq == null || c.id === f.eq) && (f.in == null || f.in.includes(c.id)));
    } else if (field === 'confidence') {
      const t = propertyTest({ type: 'number', required: false, role: false, description: '' }, value, p);
      tests.push((c) => t(statedNumber(c.confidence)));
    } else if (field === 'observedAt') {
      const t = propertyTest({ type: 'date', required: false, role: false, description: '' }, value, p);
      tests.push((c) => t(c.observedAt));
    } else if (field === 'extractor' || field === 'quote') {
      const t = propertyTest({ type: 'string', required: false, role: false, description: '' }, value, p);
      tests.push((c) => t(c[field]));
    } else if (field === 'document') {
      const t = entities(s, 'Document', value as Where, { asOfMs }, p);
      tests.push((c) => {
        const d = s.indexOf(c.documentId);
        return d !== undefined && t(d);
      });
    } else throw new InvalidInput(`${p}: a source has no filter "${field}"`);
  }
  return (c) => tests.every((t) => t(c));
}

/** Compiles a relation where tree. `claims` is null where claims cannot be read (inside entity filters). */
export function compileRelationWhere(s: Snapshot, where: RelationWhere, opts: { asOfMs: number; claims: ClaimsOf; entities: EntityCompiler }, path = 'where'): RelationTest {
  const test = compileView(s, where, opts, path);
  return { view: test, edge: (e, self) => test(edgeView(s, e), self) };
}

function compileView(s: Snapshot, where: RelationWhere, opts: { asOfMs: number; claims: ClaimsOf; entities: EntityCompiler }, path: string): ViewTest {
  if (!where || typeof where !== 'object' || Array.isArray(where)) throw new InvalidInput(`${path}: expected an object of conditions`);
  const tests: ViewTest[] = [];
  for (const [field, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    const p = `${path}.${field}`;
    if (field === 'AND' || field === 'OR') {
      if (!Array.isArray(value)) throw new InvalidInput(`${p}: expected a list of conditions`);
      const parts = value.map((w, k) => compileView(s, w as RelationWhere, opts, `${p}.${k}`));
      tests.push(field === 'AND' ? (v, self) => parts.every((t) => t(v, self)) : (v, self) => parts.some((t) => t(v, self)));
    } else if (field === 'NOT') {
      const t = compileView(s, value as RelationWhere, opts, p);
      tests.push((v, self) => !t(v, self));
    } else if (field === 'id') {
      const f = value as { eq?: string | null; in?: string[] | null };
      const inSet = f.in ? new Set(f.in) : null;
      tests.push((v) => (f.eq == null || v.id === f.eq) && (!inSet || inSet.has(v.id)));
    } else if (field === 'type') {
      const want = new Set(value as string[]);
      tests.push((v) => want.has(v.type));
    } else if (field === 'direction') {
      if (value === 'OUT') tests.push((v, self) => self === undefined || v.from === self);
      else if (value === 'IN') tests.push((v, self) => self === undefined || v.to === self);
      else if (value !== 'BOTH') throw new InvalidInput(`${p}: expected OUT, IN or BOTH`);
    } else if (field === 'other') {
      const t = opts.entities(s, null, value as Where, { asOfMs: opts.asOfMs }, p);
      tests.push((v, self) => {
        const other = v.from === self ? v.to : v.from;
        return other !== undefined && t(other);
      });
    } else if (field === 'confidence') {
      const t = propertyTest({ type: 'number', required: false, role: false, description: '' }, value, p);
      tests.push((v) => t(statedNumber(v.confidence)));
    } else if (field === 'validFrom' || field === 'validTo') {
      const t = propertyTest({ type: 'date', required: false, role: false, description: '' }, value, p);
      tests.push((v) => t(v[field]));
    } else if (field === 'source') {
      const claims = opts.claims;
      if (!claims) throw new InvalidInput(`${p}: sources can be filtered in a list of relations (relations, relationsConnection), not inside a filter of entities`);
      const t = sourceTest(s, value as Where, opts.asOfMs, p, opts.entities);
      tests.push((v) => claims(v.id).some(t));
    } else if (REL_PROPS.has(field)) {
      const t = propertyTest(REL_PROPS.get(field)!, value, p);
      tests.push((v) => t(v.props[field]));
    } else throw new InvalidInput(`${p}: a relation has no filter "${field}"`);
  }
  return (v, self) => {
    for (const t of tests) if (!t(v, self)) return false;
    return true;
  };
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
