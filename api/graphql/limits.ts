// Limits against expensive or abusive queries (graphql-armor: depth, aliases, tokens, directives;
// budget.ts: argument caps and the cost with variables), the per-request timeout, and the cost
// report in `extensions.cost`.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode, type ValidationRule } from 'graphql';
import type { WorkSlots } from './work-slots.js';
import type { QueryRequest } from './analysis-executor.js';
import { BUDGET, checkOperation } from './budget.js';

/** Tuned so real analyst queries pass (entity -> relations -> sources -> document is depth 5). */
export const LIMITS = {
  maxDepth: 10,
  maxCost: BUDGET.maxCost,
  maxAliases: 30,
  maxTokens: 4_000,
  maxDirectives: 20,
  timeoutMs: 10_000,
} as const;

/** The armor protections as Apollo options (armor's CJS typings need the cast). Its cost rule is off: it sees literals only, budget.ts sees variables and defaults too. */
export function armorOptions(): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true, exposeLimits: true },
    costLimit: { enabled: false },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: true },
    maxTokens: { n: LIMITS.maxTokens, exposeLimits: true },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true },
    // "Did you mean …" is dropped by the error formatter when introspection is off
    blockFieldSuggestion: { enabled: false },
  });
  const p = armor.protect() as unknown as { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] };
  return { plugins: p.plugins, validationRules: p.validationRules };
}

/** Root fields whose work grows with the graph (traversals, scenarios, ranking, search): they take a work slot. */
const HEAVY_FIELDS = new Set([
  'dependencies',
  'dependents',
  'paths',
  'exposure',
  'runScenario',
  'chokepoints',
  'search',
  'searchHits',
  'searchConnection',
  'timeline',
  'timelineConnection',
  'changes',
]);
/** Fields answered by services only the serving thread holds (the standing scenarios): an operation with one is never executed elsewhere. */
const SERVING_THREAD_FIELDS = new Set(['scenarioWatch', 'scenarioWatches']);
/** Whether the operation selects one of `fields` at its root. */
const selectsRootField = (operation: OperationDefinitionNode, fields: ReadonlySet<string>) => operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && fields.has(s.name.value));
/** Any operation at least this costly takes a work slot too. */
const HEAVY_COST = 20_000;

/**
 * Checks each operation against the budget with its variables, makes expensive ones wait for a
 * work slot (503 with Retry-After when too many wait), and reports `extensions.cost =
 * {requested, limit}` on every executed response.
 */
export function costReportPlugin(slots?: WorkSlots): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let cost: number | null = null;
      let release: (() => void) | null = null;
      let offload = false;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const seen = (contextValue as { seen?: { operation?: string; refused?: boolean } }).seen;
          if (seen && operation) seen.operation = operation.operation;
          if (!operation) return;
          // a large body was checked in a worker (body-gate.ts): its cost is not computed twice
          cost = (contextValue as { checkedCost?: number }).checkedCost ?? checkOperation(schema, document, operation, request.variables);
          const heavy = cost >= HEAVY_COST || selectsRootField(operation, HEAVY_FIELDS);
          if (!heavy || operation.operation !== 'query') return;
          offload = !!(contextValue as { offload?: unknown }).offload && !selectsRootField(operation, SERVING_THREAD_FIELDS);
          if (!slots) return;
          const busy = slots.load.running >= slots.slots;
          const waiting = slots.acquire();
          // marked so the server may answer from the version before instead (mount.ts)
          if (!waiting && seen) seen.refused = true;
          if (!waiting)
            throw new GraphQLError('the server is busy with expensive queries: retry in a moment', {
              extensions: { code: 'OVERLOADED', http: { status: 503, headers: new HeaderMap([['retry-after', '2']]) } },
            });
          // told before it waits, so the server may answer from the version before while this waits and runs (mount.ts)
          if (busy) (contextValue as { onQueued?: () => void }).onQueued?.();
          release = await waiting;
          // the deadline keeps running while the request waits: time spent in line counts
          (contextValue as { meter?: { check(): void } }).meter?.check();
        },
        // an expensive query is executed and serialised in the analysis worker (analysis-pool.ts):
        // the answer Apollo sends here is a placeholder the HTTP handler replaces with the worker's
        async responseForOperation({ source, request, contextValue, response }) {
          const run = (contextValue as { offload?: (request: QueryRequest, cost: number) => Promise<void> }).offload;
          if (!offload || !run || source === undefined) return null;
          await run({ query: source, ...(request.operationName ? { operationName: request.operationName } : {}), ...(request.variables ? { variables: request.variables } : {}) }, cost ?? 0);
          return { http: response.http, body: { kind: 'single', singleResult: { data: null } } };
        },
        async willSendResponse({ response }) {
          release?.();
          release = null;
          if (cost === null || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { requested: cost, limit: LIMITS.maxCost } };
        },
      };
    },
  };
}
