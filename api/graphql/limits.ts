// Limits against expensive or abusive queries (graphql-armor: depth, cost, aliases, tokens,
// directives), the per-request timeout, and the cost report in `extensions.cost`.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, ValidationContext, ValidationRule } from 'graphql';

/** Tuned so real analyst queries pass (entity -> relations -> sources -> document is depth 5). */
export const LIMITS = {
  maxDepth: 10,
  maxCost: 20_000,
  maxAliases: 30,
  maxTokens: 4_000,
  maxDirectives: 20,
  timeoutMs: 10_000,
} as const;

const COST = { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 } as const;

/** Costs armor computed while validating, by document (Apollo caches parsed documents, so one validation serves every later request). */
export type CostBook = WeakMap<DocumentNode, number>;

/** The armor protections as Apollo options (armor's CJS typings need the cast); costs land in the book. */
export function armorOptions(book: CostBook): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true, exposeLimits: true },
    costLimit: {
      maxCost: LIMITS.maxCost,
      ...COST,
      exposeLimits: true,
      onAccept: [(ctx: ValidationContext | null, details: { n: number }) => ctx && book.set(ctx.getDocument(), details.n)],
    },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: true },
    maxTokens: { n: LIMITS.maxTokens, exposeLimits: true },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true },
    blockFieldSuggestion: { enabled: false },
  });
  const p = armor.protect() as unknown as { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] };
  return { plugins: p.plugins, validationRules: p.validationRules };
}

/** Reports `extensions.cost = {requested, limit}` on every executed response. */
export function costReportPlugin(book: CostBook): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let cost: number | null = null;
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          cost = book.get(document) ?? null;
          const seen = (contextValue as { seen?: { operation?: string } }).seen;
          if (seen && operation) seen.operation = operation.operation;
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
