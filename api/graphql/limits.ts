// Limits against expensive or abusive queries (graphql-armor: depth, aliases, tokens, directives;
// budget.ts: argument caps and the cost with variables), the per-request timeout, and the cost
// report in `extensions.cost`.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
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
export function armorOptions(opts: { suggestions: boolean }): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true, exposeLimits: true },
    costLimit: { enabled: false },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: true },
    maxTokens: { n: LIMITS.maxTokens, exposeLimits: true },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true },
    // "Did you mean …" names fields: only where introspection shows them anyway
    blockFieldSuggestion: { enabled: !opts.suggestions },
  });
  const p = armor.protect() as unknown as { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] };
  return { plugins: p.plugins, validationRules: p.validationRules };
}

/** Checks each operation against the budget with its variables and reports `extensions.cost = {requested, limit}` on every executed response. */
export function costReportPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let cost: number | null = null;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const seen = (contextValue as { seen?: { operation?: string } }).seen;
          if (seen && operation) seen.operation = operation.operation;
          if (operation) cost = checkOperation(schema, document, operation, request.variables);
        },
        async willSendResponse({ response }) {
          if (cost === null || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { requested: cost, limit: LIMITS.maxCost } };
        },
      };
    },
  };
}
