// The Apollo server of the API, built the same way in the serving thread (mount.ts) and in the
// analysis worker that executes expensive queries (analysis-executor.ts): one schema, one set of
// resolvers, limits and error formatting for both.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from 'pino';
import type { GraphContext } from './context.js';
import { errorFormatter } from './errors.js';
import { armorOptions, costReportPlugin } from './limits.js';
import type { WorkSlots } from './work-slots.js';
import { buildResolvers } from './resolvers/index.js';
import { loadTypeDefs } from './sdl.js';

/** What the Apollo server depends on. */
export interface ApolloParts {
  logger: Logger;
  /** introspection on (and "Did you mean …" suggestions kept) */
  introspection: boolean;
  /** the bound on expensive operations; absent where every operation runs as it comes (the worker) */
  slots?: WorkSlots;
}

/** Builds the Apollo server (not started). */
export function buildApolloServer(parts: ApolloParts): ApolloServer<GraphContext> {
  const armor = armorOptions();
  return new ApolloServer<GraphContext>({
    typeDefs: loadTypeDefs(),
    resolvers: buildResolvers(),
    introspection: parts.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: errorFormatter(parts.logger, { suggestions: parts.introspection }),
    validationRules: armor.validationRules,
    // HTTP caching is ours (ETag, response cache); Apollo's per-field cache hints would only cost time;
    // the IDE page is ours (ide.ts, served offline): Apollo's landing page would load from a CDN
    plugins: [...armor.plugins, costReportPlugin(parts.slots), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()],
  });
}
