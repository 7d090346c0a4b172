// Mounts the GraphQL API on the Hono app: Apollo Server 5 through its integration entry point
// (executeHTTPGraphQLRequest), POST and GET on /graphql, with API keys, limits, a per-request
// timeout, masked errors, automatic persisted queries and ETag/Cache-Control for GET queries.
import { ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import type { Context, Hono } from 'hono';
import type { AppDeps } from '../server/deps.js';
import type { GraphContext } from './context.js';
import { presentedKey, roleOf } from './auth.js';
import { errorFormatter } from './errors.js';
import { cacheControl, etagMatches, queryEtag } from './http-cache.js';
import { LIMITS, armorOptions, costReportPlugin, type CostBook } from './limits.js';
import { createLoaders } from './loaders.js';
import { buildResolvers } from './resolvers/index.js';
import { loadTypeDefs } from './sdl.js';

export interface MountOptions {
  /** per-request time limit (default LIMITS.timeoutMs) */
  timeoutMs?: number;
  path?: string;
}

const jsonError = (message: string, code: string) => JSON.stringify({ errors: [{ message, extensions: { code } }] });

async function bodyText(res: HTTPGraphQLResponse): Promise<string> {
  if (res.body.kind === 'complete') return res.body.string;
  let text = '';
  for await (const chunk of res.body.asyncIterator) text += chunk;
  return text;
}

/** Builds the Apollo server for the app's dependencies (also used in-process by tests and the bench). */
export function createGraphQLServer(deps: AppDeps): ApolloServer<GraphContext> {
  const book: CostBook = new WeakMap();
  const armor = armorOptions(book);
  return new ApolloServer<GraphContext>({
    typeDefs: loadTypeDefs(),
    resolvers: buildResolvers(),
    introspection: deps.config.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: errorFormatter(deps.logger),
    validationRules: armor.validationRules,
    plugins: [...armor.plugins, costReportPlugin(book)],
  });
}

/** Mounts /graphql on the app; resolves to a closer that stops the server. */
export async function mountGraphQL(app: Hono, deps: AppDeps, opts: MountOptions = {}): Promise<() => Promise<void>> {
  const server = createGraphQLServer(deps);
  await server.start();
  const timeoutMs = opts.timeoutMs ?? LIMITS.timeoutMs;

  const handle = async (c: Context): Promise<Response> => {
    const req = c.req.raw;
    const url = new URL(req.url);
    const headers = new HeaderMap();
    req.headers.forEach((value, key) => headers.set(key, value));
    const key = presentedKey((name) => req.headers.get(name) ?? undefined);

    let etag: string | null = null;
    if (req.method === 'GET' && url.search) {
      etag = queryEtag((await deps.snapshots.get()).version, `${url.search}|${key ? 'key' : ''}`);
      if (etagMatches(req.headers.get('if-none-match') ?? undefined, etag))
        return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cacheControl(!!key), Vary: 'Authorization, X-API-Key' } });
    }

    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await req.text();
      const isJson = (req.headers.get('content-type') ?? '').toLowerCase().includes('json');
      if (isJson && text) {
        try {
          body = JSON.parse(text);
        } catch {
          return new Response(jsonError('the request body is not valid JSON', 'BAD_REQUEST'), { status: 400, headers: { 'content-type': 'application/json' } });
        }
      } else body = text;
    }

    const deadline = Date.now() + timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const run = server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: url.search, body },
      context: async () => ({
        store: deps.store,
        snapshots: deps.snapshots,
        loaders: createLoaders(deps.store),
        role: roleOf(key, deps.config.apiKeys),
        logger: deps.logger,
        deadline,
      }),
    });
    const outcome = await Promise.race([run, timedOut]).finally(() => clearTimeout(timer));
    if (outcome === 'timeout') {
      deps.logger.warn({ timeoutMs, method: req.method }, 'GraphQL request timed out');
      return new Response(jsonError(`the request took longer than ${timeoutMs} ms and was stopped`, 'TIMEOUT'), {
        status: 503,
        headers: { 'content-type': 'application/json', 'Cache-Control': 'no-store' },
      });
    }
    const out = new Headers();
    for (const [k, v] of outcome.headers) out.set(k, v);
    const status = outcome.status ?? 200;
    const text = await bodyText(outcome);
    if (etag && status === 200 && !text.includes('"errors"')) {
      out.set('ETag', etag);
      out.set('Cache-Control', cacheControl(!!key));
      out.set('Vary', 'Authorization, X-API-Key');
    } else out.set('Cache-Control', 'no-store');
    return new Response(text, { status, headers: out });
  };

  const path = opts.path ?? '/graphql';
  app.on(['GET', 'POST'], path, handle);
  return async () => {
    await server.stop();
  };
}
