// GraphQL subscriptions over server-sent events (graphql-sse, its fetch handler on the Hono app):
// `POST /graphql/stream` with `Accept: text/event-stream` and the operation as the JSON body. Only
// subscriptions are served here (queries and mutations go to /graphql, with their budget and
// cache); the schema and resolvers are the same as /graphql's, and so are the API keys and limits
// on depth, aliases and tokens.
import { createRequire } from 'node:module';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLError, getOperationAST, parse, type DocumentNode } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/fetch';
import type { Hono } from 'hono';
import type { AppDeps } from '../server/deps.js';
import type { WatchService } from '../../scenarios/watch.js';
import type { GraphContext } from './context.js';
import { presentedKey, roleOf } from './auth.js';
import { WorkMeter } from './budget.js';
import { maskedError } from './errors.js';
import { LIMITS, armorOptions } from './limits.js';
import { createLoaders } from './loaders.js';
import { buildResolvers } from './resolvers/index.js';
import { forgetHistoryReads } from './resolvers/history.js';
import { loadTypeDefs } from './sdl.js';

// validation must use the graphql instance the schema was built with: the one Node resolves for
// the packages (@graphql-tools/schema, graphql-sse), which a bundling test runner may not give an import here
const { specifiedRules, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** graphql-sse wants a context with an index signature. */
type StreamContext = GraphContext & Record<PropertyKey, unknown>;

// an answer instead of a run: graphql-sse sends it as the stream's one event (it needs `data` to tell it is one)
const refusal = (message: string, code: string) => ({ data: null, errors: [new GraphQLError(message, { extensions: { code } })] });

/** Mounts the subscription endpoint; resolves to a closer that ends every open stream. */
export function mountSubscriptions(app: Hono, deps: AppDeps, watches: WatchService, path = '/graphql/stream'): () => Promise<void> {
  const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: buildResolvers() });
  const rules = [...specifiedRules, ...armorOptions().validationRules];
  const open = new Set<AbortController>();

  const handler = createHandler<StreamContext>({
    schema,
    // one stream per subscription (the "distinct connections" mode): no reservations held between requests
    authenticate: () => null,
    validate: (s, doc: DocumentNode) => validate(s, doc, rules),
    onSubscribe: (_req, params) => {
      let doc: DocumentNode;
      try {
        doc = parse(params.query as string, { maxTokens: LIMITS.maxTokens });
      } catch (err) {
        return refusal(`query: ${(err as Error).message}`, 'GRAPHQL_PARSE_FAILED');
      }
      if (getOperationAST(doc, params.operationName ?? undefined)?.operation !== 'subscription')
        return refusal(`${path} serves subscriptions only: send queries and mutations to /graphql`, 'BAD_REQUEST');
      return undefined;
    },
    context: (req) => {
      const raw = req.raw;
      const role = roleOf(
        presentedKey((name) => raw.headers.get(name) ?? undefined),
        deps.config.apiKeys,
      );
      const gone = new AbortController();
      open.add(gone);
      raw.signal.addEventListener('abort', () => gone.abort(), { once: true });
      gone.signal.addEventListener('abort', () => open.delete(gone), { once: true });
      const deadline = Date.now() + LIMITS.timeoutMs;
      const ctx: GraphContext = {
        store: deps.store,
        snapshots: deps.snapshots,
        loaders: createLoaders(deps.store),
        role,
        logger: deps.logger,
        deadline,
        meter: new WorkMeter(deadline),
        seen: { operation: 'subscription' },
        watches,
        signal: gone.signal,
      };
      return ctx as StreamContext;
    },
    // each event is answered with fresh reads and its own deadline, however long the stream lives
    onNext: (ctx) => {
      ctx.loaders.forget();
      forgetHistoryReads(ctx);
      ctx.deadline = Date.now() + LIMITS.timeoutMs;
      ctx.meter = new WorkMeter(ctx.deadline);
    },
  });

  app.post(path, async (c) => {
    try {
      return await handler(c.req.raw);
    } catch (err) {
      // a bad key is the client's; anything else is logged and masked
      if (err instanceof GraphQLError && err.extensions.code === 'UNAUTHENTICATED') return c.json({ errors: [{ message: err.message, extensions: { code: 'UNAUTHENTICATED' } }] }, 401);
      return c.json({ errors: [maskedError(deps.logger, err, 'subscription failed')] }, 500);
    }
  });
  return async () => {
    for (const stream of open) stream.abort();
  };
}
