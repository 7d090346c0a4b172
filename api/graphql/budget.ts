// The work budget of one GraphQL operation, computed once the variables are known: argument caps
// (page sizes, id lists, string lengths) refused with BAD_USER_INPUT naming the argument, and a
// cost that multiplies each list by the size it may reach — `first` whether written literally,
// passed as a variable or left at its default, `ids` by their count — so nested fan-out cannot
// hide behind a variable. The runtime half (`WorkMeter`) counts what resolvers actually produce
// and stops a request at its deadline or when its answer grows past the cap.
import { createRequire } from 'node:module';
import * as esm from 'graphql';
import { DOMAIN } from '../../schema/generated/domain.js';
import { PAGE_SIZES } from './connections.js';
import type { DocumentNode, FragmentDefinitionNode, GraphQLField, GraphQLNamedType, GraphQLSchema, OperationDefinitionNode, SelectionSetNode } from 'graphql';

const { GraphQLError, Kind } = esm;
type GraphQLModule = typeof esm;
// Apollo's schema may be built by graphql's CommonJS copy, and graphql's type tests are
// instanceof checks: the budget uses the functions of whichever copy built the schema.
const cjs = createRequire(import.meta.url)('graphql') as GraphQLModule;
const realmOf = (schema: GraphQLSchema): GraphQLModule => (schema instanceof esm.GraphQLSchema ? esm : cjs);

/** Limits of one operation; every figure is documented in api/graphql/README.md (Limits). */
export const BUDGET = {
  /** the most an operation may cost (object 2, scalar 1, times the size each list may reach) */
  maxCost: 1_000_000,
  /** list items (entities, relations, sources, rows) one answer may hold: an analyst's page of 100 entities with relations and sources is a few thousand; bulk reads are `export`'s */
  maxItems: 10_000,
  /** characters of the serialised answer */
  maxAnswerChars: 32 * 2 ** 20,
  /** items of any list argument, unless the field says otherwise */
  maxListItems: 1_000,
  /** characters of any string argument, unless the field says otherwise */
  maxStringChars: 10_000,
  /** characters of a JSON argument (ad-hoc shocks, properties) */
  maxJsonChars: 100_000,
} as const;

/** Per-field caps on arguments, keyed `Type.field` (`*.relations`: every type's relations); the paged lists' first and last from PAGE_SIZES. */
const ARG_CAPS: Record<string, Record<string, { max?: number; chars?: number; items?: number }>> = {
  ...Object.fromEntries(Object.entries(PAGE_SIZES).map(([field, { max }]) => [field, { first: { max }, last: { max } }])),
  'Query.search': { query: { chars: 500 }, first: { max: 100 } },
  'Query.searchConnection': { query: { chars: 500 }, first: { max: 100 }, last: { max: 100 } },
  'Query.searchHits': { query: { chars: 500 }, first: { max: 100 } },
  'Query.entities': { ids: { items: 1_000 } },
  'Query.paths': { first: { max: 20 }, maxLength: { max: 10 } },
  'Query.dependencies': { depth: { max: 8 } },
  'Query.dependents': { depth: { max: 8 } },
  'Query.exposure': { depth: { max: 10 } },
  'Query.chokepoints': { first: { max: 500 } },
  'Query.ingestRuns': { first: { max: 200 } },
  'Query.deadLetters': { first: { max: 500 } },
  'Mutation.mergeEntities': { merge: { items: 100 } },
  '*.first': {},
};
/** Page sizes of the typed lists (nations, models, …) and anything else with `first` or `last`. */
const DEFAULT_FIRST_MAX = 500;
const PAGE_ARGS = new Set(['first', 'last']);
/** The page a list returns when neither first nor last is given, by `Type.field` (PAGE_SIZES); other connections DEFAULT_PAGE. */
const DEFAULT_PAGES: Record<string, number> = Object.fromEntries(Object.entries(PAGE_SIZES).map(([field, { defaultSize }]) => [field, defaultSize]));
const DEFAULT_PAGE = 50;
/** What a filter adds to a list's cost: each condition is tested on every candidate, each relation walked costs more. */
const FILTER_COST = { condition: 10, hop: 100 } as const;
/** Fields whose arguments are checked by their resolver instead (the ingest hand-off: 20 × 5 MB). */
const EXEMPT = new Set(['Mutation.ingestDocuments']);

/** How long a list without a size argument is assumed to be, by `Type.field`; others: DEFAULT_LIST. */
const ASSUMED_LENGTH: Record<string, number> = {
  'Relation.sources': 5,
  'Subgraph.nodes': 100,
  'Subgraph.edges': 100,
  'Exposure.layers': 6,
  'Exposure.home': 30,
  'LayerExposure.items': 100,
  'ScenarioResult.impacts': 100,
  'Query.timeline': 50,
  'Query.scenarios': 20,
};
const DEFAULT_LIST = 10;
const OBJECT_COST = 2;
const SCALAR_COST = 1;

const refuse = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

function capsOf(typeName: string, field: string): Record<string, { max?: number; chars?: number; items?: number }> {
  return ARG_CAPS[`${typeName}.${field}`] ?? ARG_CAPS[`*.${field}`] ?? {};
}

/** Refuses an argument value over its cap, naming the field and argument. */
function checkArgs(typeName: string, field: string, args: Record<string, unknown>, def: GraphQLField<unknown, unknown>, getNamedType: GraphQLModule['getNamedType']): void {
  const caps = capsOf(typeName, field);
  for (const arg of def.args) {
    const value = args[arg.name];
    if (value === undefined || value === null) continue;
    const cap = caps[arg.name] ?? {};
    const name = `${field}(${arg.name})`;
    if (typeof value === 'number' && Number.isFinite(value)) {
      const max = cap.max ?? (PAGE_ARGS.has(arg.name) ? DEFAULT_FIRST_MAX : undefined);
      if (max !== undefined && value > max) throw refuse(`${name}: at most ${max}, got ${value}`);
      if (PAGE_ARGS.has(arg.name) && value < 0) throw refuse(`${name}: expected a whole number >= 0, got ${value}`);
    } else if (typeof value === 'string') {
      const chars = cap.chars ?? BUDGET.maxStringChars;
      if (value.length > chars) throw refuse(`${name}: at most ${chars} characters, got ${value.length}`);
    } else if (Array.isArray(value)) {
      const items = cap.items ?? BUDGET.maxListItems;
      if (value.length > items) throw refuse(`${name}: at most ${items} items, got ${value.length}`);
      for (const v of value) if (typeof v === 'string' && v.length > BUDGET.maxStringChars) throw refuse(`${name}: an item has ${v.length} characters; at most ${BUDGET.maxStringChars}`);
    }
    if (typeof value === 'object' && getNamedType(arg.type).name !== 'String') {
      const chars = JSON.stringify(value).length;
      if (chars > BUDGET.maxJsonChars) throw refuse(`${name}: the value is ${chars} characters of JSON; at most ${BUDGET.maxJsonChars}`);
    }
  }
}

/** The length a list field may reach given its arguments (a connection without first or last: its default page). */
function listLength(typeName: string, field: string, args: Record<string, unknown>, connection = false): number {
  const sizes = [args.first, args.last].filter((n): n is number => typeof n === 'number');
  if (sizes.length) return Math.max(Math.min(...sizes), 0);
  if (Array.isArray(args.ids)) return args.ids.length;
  const paged = DEFAULT_PAGES[`${typeName}.${field}`] ?? DEFAULT_PAGES[`*.${field}`];
  if (connection) return paged ?? DEFAULT_PAGE;
  return paged ?? ASSUMED_LENGTH[`${typeName}.${field}`] ?? DEFAULT_LIST;
}

// the relation-walking fields of where inputs: the filter names of the domain model, nation, relation, other, source
const HOP_FIELDS = new Set([...DOMAIN.relations.flatMap((r) => (r.filterNames ? [r.filterNames.out, r.filterNames.in] : [])), 'nation', 'relation', 'other', 'source', 'document']);

/** The cost of a where tree: its conditions and the relations it walks (a shorthand argument counts as a condition). */
export function filterCost(where: unknown): number {
  if (!where || typeof where !== 'object') return 0;
  if (Array.isArray(where)) return where.reduce((sum: number, w) => sum + filterCost(w), 0);
  let cost = 0;
  for (const [field, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    if (field === 'AND' || field === 'OR' || field === 'NOT') cost += filterCost(value);
    else if (HOP_FIELDS.has(field)) cost += FILTER_COST.hop + filterCost(value);
    else cost += FILTER_COST.condition;
  }
  return cost;
}

/** Refuses variables the operation does not declare, naming them: they would only be carried, parsed and cached for nothing. */
function checkDeclared(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): void {
  if (!variables) return;
  const declared = new Set((operation.variableDefinitions ?? []).map((d) => d.variable.name.value));
  const extra = Object.keys(variables).filter((name) => !declared.has(name));
  if (!extra.length) return;
  const shown = extra.slice(0, 5).map((name) => `$${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name).slice(1, -1)}`);
  const more = extra.length > shown.length ? ` and ${extra.length - shown.length} more` : '';
  const op = operation.name ? `operation ${operation.name.value}` : 'the operation';
  throw refuse(`variables: ${shown.join(', ')}${more} ${extra.length === 1 ? 'is' : 'are'} not declared by ${op}: send only the variables it declares`);
}

/** Refuses a variable far over every list cap before it is coerced item by item (or its operation is known). */
export function checkVariableSizes(variables: Record<string, unknown> | undefined): void {
  for (const [name, value] of Object.entries(variables ?? {}))
    if (Array.isArray(value) && value.length > BUDGET.maxListItems * 10) throw refuse(`$${name}: a list of ${value.length} items; no argument takes more than ${BUDGET.maxListItems}`);
}

/**
 * Checks an operation against the budget with its variables: throws BAD_USER_INPUT (HTTP 400) for a
 * variable the operation does not declare, an argument over its cap or a cost over BUDGET.maxCost;
 * returns the cost. Variables Apollo would refuse anyway are left to it (cost 0).
 */
export function checkOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, rawVariables: Record<string, unknown> | undefined): number {
  const { getArgumentValues, getNamedType, getNullableType, getVariableValues, isInterfaceType, isListType, isObjectType, isUnionType } = realmOf(schema);
  const isConnection = (t: GraphQLNamedType) => isObjectType(t) && 'pageInfo' in t.getFields();
  checkDeclared(operation, rawVariables);
  checkVariableSizes(rawVariables);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {}, { maxErrors: 1 });
  if (coerced.errors) return 0;
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const costOf = (set: SelectionSetNode, parent: GraphQLNamedType, inConnection: boolean): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (t) total += costOf(sel.selectionSet, t, inConnection);
        continue;
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const f = fragments.get(sel.name.value);
        const t = f && schema.getType(f.typeCondition.name.value);
        if (f && t) total += costOf(f.selectionSet, t, inConnection);
        continue;
      }
      const name = sel.name.value;
      if (name.startsWith('__')) continue;
      if (!(isObjectType(parent) || isInterfaceType(parent))) continue;
      const def = parent.getFields()[name];
      if (!def) continue;
      let args: Record<string, unknown>;
      try {
        args = getArgumentValues(def, sel, variables);
      } catch {
        continue; // a bad value: execution reports it
      }
      if (!EXEMPT.has(`${parent.name}.${name}`)) checkArgs(parent.name, name, args, def, getNamedType);
      const named = getNamedType(def.type);
      const isList = isListType(getNullableType(def.type));
      const inner = sel.selectionSet ? OBJECT_COST + costOf(sel.selectionSet, named, isConnection(named)) : SCALAR_COST;
      // a connection's page size is its field's `first`: its edges are not multiplied again
      const times = isConnection(named) ? listLength(parent.name, name, args, true) : isList && sel.selectionSet && !(inConnection && name === 'edges') ? listLength(parent.name, name, args) : 1;
      total += times * inner + filterCost(args.where) + (Array.isArray(args.orderBy) ? args.orderBy.length * FILTER_COST.condition : 0);
      if (total > BUDGET.maxCost * 1_000) return total; // far over: stop counting
    }
    return total;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root || isUnionType(root)) return 0;
  const cost = costOf(operation.selectionSet, root, false);
  if (cost > BUDGET.maxCost)
    throw refuse(
      `the query may cost ${cost > BUDGET.maxCost * 1_000 ? `over ${BUDGET.maxCost * 1_000}` : cost}, over the limit of ${BUDGET.maxCost}: ask for smaller pages (first) or fewer nested lists`,
    );
  return cost;
}

/** Counts what the resolvers of one request produce and stops it past its deadline or item cap. */
export class WorkMeter {
  items = 0;
  constructor(
    readonly deadline: number,
    readonly maxItems: number = BUDGET.maxItems,
  ) {}

  /** Throws TIMEOUT once the deadline has passed, and keeps refusing once the answer went over its cap (resolvers call this as they go). */
  check(): void {
    if (this.items > this.maxItems)
      throw new GraphQLError(`the answer would hold more than ${this.maxItems} items: ask for smaller pages (first), fewer nested lists or less depth`, {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      });
    if (Date.now() > this.deadline) throw new GraphQLError('the request ran out of time', { extensions: { code: 'TIMEOUT', http: { status: 503 } } });
  }

  /** Adds n items to the answer; throws when the answer would grow past the cap, or the deadline passed. */
  add(n: number): void {
    this.items += n;
    this.check();
  }
}
