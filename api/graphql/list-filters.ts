// The analyst filters of each typed list, as data: which property or relation an argument tests.
// They run on the snapshot, so relation-based filters (developer, party, nation, ...) cost no
// store round trip; the page's records are then fetched in one batch.
import type { Label, RelationType } from '../../schema/generated/model.js';
import type { PropValue } from '../../schema/records.js';
import type { Snapshot } from '../../graph/snapshot.js';
import { membersOf } from '../../graph/exposure.js';

type Value = string | number | boolean;
/** Tests node i of the snapshot against one argument value, with edges valid at asOfMs. */
export type NodeTest = (s: Snapshot, i: number, value: Value, asOfMs: number) => boolean;

const contains = (prop: PropValue | undefined, value: Value) => (Array.isArray(prop) ? prop.some((p) => same(p, value)) : prop !== undefined && same(prop, value));
function same(a: Value, b: Value): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** The property equals the value (a list property contains it; strings compare without case). */
const prop =
  (name: string): NodeTest =>
  (s, i, v) =>
    contains(s.nodeProps[i]![name], v);

/** The property is a number at least the value. */
const atLeast =
  (name: string): NodeTest =>
  (s, i, v) => {
    const p = s.nodeProps[i]![name];
    return typeof p === 'number' && typeof v === 'number' && p >= v;
  };

/** The property is a date on or after the value. */
const onOrAfter =
  (name: string): NodeTest =>
  (s, i, v) => {
    const p = s.nodeProps[i]![name];
    return typeof p === 'string' && typeof v === 'string' && p >= v;
  };

/** The ids a target argument stands for: itself and whatever answers to it through a jurisdiction relation of its own label (a bloc's members). */
function expandTarget(s: Snapshot, id: string): Set<number> {
  const root = s.indexOf(id);
  return root === undefined ? new Set() : new Set([root, ...membersOf(s, root)]);
}

const targetCache = new WeakMap<Snapshot, Map<string, Set<number>>>();
function targets(s: Snapshot, id: string): Set<number> {
  let m = targetCache.get(s);
  if (!m) targetCache.set(s, (m = new Map()));
  let t = m.get(id);
  if (!t) m.set(id, (t = expandTarget(s, id)));
  return t;
}

/** The node has a relation of one of the types to (out) or from (in) the entity named by the value; optionally with an edge property equal to another argument. */
const related =
  (types: RelationType[], end: 'out' | 'in'): NodeTest =>
  (s, i, v, asOf) => {
    const want = targets(s, String(v));
    const edges = end === 'out' ? s.outOf(i) : s.inOf(i);
    for (const e of edges) {
      if (!types.includes(s.type(e)) || !s.validAt(e, asOf)) continue;
      if (want.has(end === 'out' ? s.edgeTo[e]! : s.edgeFrom[e]!)) return true;
    }
    return false;
  };

/** The node has a relation of the type whose property equals the value. */
const edgeProp =
  (type: RelationType, end: 'out' | 'in', name: string): NodeTest =>
  (s, i, v, asOf) => {
    const edges = end === 'out' ? s.outOf(i) : s.inOf(i);
    for (const e of edges) if (s.type(e) === type && s.validAt(e, asOf) && contains(s.edgeProps[e]![name], v)) return true;
    return false;
  };

// regulation effects that put a part under export control
const CONTROLLING_EFFECTS = ['ban', 'license_required', 'restriction', 'sanction'];

const regulationEffect = edgeProp('APPLIES_TO', 'in', 'effect');

/** A chip is export-controlled when it carries an export class or a regulation bans or licenses it. */
const exportControlled: NodeTest = (s, i, v, asOf) => {
  const cls = s.nodeProps[i]!.exportClass;
  const regulated = CONTROLLING_EFFECTS.some((effect) => regulationEffect(s, i, effect, asOf));
  return (typeof cls === 'string' && cls.length > 0) || regulated ? v === true : v === false;
};

/** Boolean property: false also matches an absent value. */
const flag =
  (name: string): NodeTest =>
  (s, i, v) =>
    (s.nodeProps[i]![name] === true) === v;

const JURISDICTION: RelationType[] = ['LOCATED_IN', 'HEADQUARTERED_IN'];
const OPERATOR: RelationType[] = ['OPERATED_BY', 'SUBSIDIARY_OF'];

/** Per list field: its label and the test behind each filter argument. */
export const LIST_FILTERS: Record<string, { label: Label; tests: Record<string, NodeTest> }> = {
  nations: { label: 'Nation', tests: { kind: prop('kind'), region: prop('region'), memberOf: related(['MEMBER_OF'], 'out') } },
  labs: { label: 'Lab', tests: { kind: prop('kind'), nation: related(JURISDICTION, 'out') } },
  organizations: { label: 'Organization', tests: { kind: prop('kind'), nation: related(JURISDICTION, 'out') } },
  models: {
    label: 'Model',
    tests: {
      openWeights: flag('openWeights'),
      developer: related(['DEVELOPED_BY'], 'out'),
      license: prop('license'),
      family: prop('family'),
      trainedOn: related(['TRAINED_ON'], 'out'),
    },
  },
  chips: {
    label: 'Chip',
    tests: { designer: related(['DESIGNED_BY'], 'out'), exportControlled, kind: prop('kind'), fabricatedBy: related(['FABRICATED_BY'], 'out') },
  },
  clouds: {
    label: 'Cloud',
    tests: { kind: prop('kind'), sovereign: flag('sovereign'), nation: related(JURISDICTION, 'out'), operator: related(OPERATOR, 'out') },
  },
  dataCenters: { label: 'DataCenter', tests: { nation: related(['LOCATED_IN'], 'out'), operator: related(['OPERATED_BY'], 'out'), status: prop('status') } },
  deployments: {
    label: 'Deployment',
    tests: {
      nation: related(['LOCATED_IN'], 'out'),
      dataClass: prop('dataClasses'),
      model: related(['USES_MODEL'], 'out'),
      cloud: related(['HOSTED_ON'], 'out'),
      sector: prop('sector'),
      status: prop('status'),
    },
  },
  deals: { label: 'Deal', tests: { party: related(['PARTY_TO'], 'in'), minUsd: atLeast('amountUsd'), since: onOrAfter('date'), kind: prop('kind') } },
  regulations: {
    label: 'Regulation',
    tests: { issuer: related(['ENACTED_BY'], 'out'), appliesTo: related(['APPLIES_TO'], 'out'), effect: edgeProp('APPLIES_TO', 'out', 'effect'), status: prop('status') },
  },
  documents: { label: 'Document', tests: { publisher: prop('publisher'), kind: prop('kind') } },
};
