// Mounts the GraphQL API on the Hono app: Apollo Server 5 through its integration entry point
// (executeHTTPGraphQLRequest), POST and GET on /graphql, with API keys, limits, a per-request
// timeout, masked errors, automatic persisted queries and ETag/Cache-Control for GET queries.
import { ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Context, Hono } from 'hono';
import type { AppDeps } from '../server/deps.js';
import { IngestService } from '../../ingest/ingest-service.js';
import type { GraphContext } from './context.js';
import { presentedKey, roleOf } from './auth.js';
import { errorFormatter } from './errors.js';
import { cacheControl, etagMatches, queryEtag } from './http-cache.js';
import { LIMITS, armorOptions, costReportPlugin } from './limits.js';
import { WorkMeter } from './budget.js';
import { SharedReads, createLoaders } from './loaders.js';
import { ResponseCache } from './response-cache.js';
import { buildResolvers } from './resolvers/index.js';
import { loadTypeDefs } from './sdl.js';

export interface MountOptions {
  /** per-request time limit (default LIMITS.timeoutMs) */
  timeoutMs?: number;
  /** cache read responses per graph version (default true) */
  responseCache?: boolean;
  path?: string;
  /** the server's ingest service (default: one over the store without scheduled jobs) */
  ingest?: IngestService;
}

// Apollo's CSRF rule: a request may be answered only when a browser would have preflighted it
const SIMPLE_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'];
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
function preflighted(headers: Headers): boolean {
  const type = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  return (!!type && !SIMPLE_TYPES.includes(type)) || PREFLIGHT_HEADERS.some((h) => headers.has(h));
}

const headerList = (h: Headers) => {
  const list: [string, string][] = [];
  h.forEach((v, k) => list.push([k, v]));
  return list;
};

const jsonError = (message: string, code: string) => JSON.stringify({ errors: [{ message, extensions: { code } }] });

async function bodyText(res: HTTPGraphQLResponse): Promise<string> {
  if (res.body.kind === 'complete') return res.body.string;
  let text = '';
  for await (const chunk of res.body.asyncIterator) text += chunk;
  return text;
}

/** Builds the Apollo server for the app's dependencies (also used in-process by tests and the bench). */
export function createGraphQLServer(deps: AppDeps): ApolloServer<GraphContext> {
  const armor = armorOptions({ suggestions: deps.config.introspection });
  return new ApolloServer<GraphContext>({
    typeDefs: loadTypeDefs(),
    resolvers: buildResolvers(),
    introspection: deps.config.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: errorFormatter(deps.logger),
    validationRules: armor.validationRules,
    // HTTP caching is ours (ETag, response cache); Apollo's per-field cache hints would only cost time
    plugins: [...armor.plugins, costReportPlugin(), ApolloServerPluginCacheControlDisabled()],
  });
}

/** Mounts /graphql on the app; resolves to a closer that stops the server. */
export async function mountGraphQL(app: Hono, deps: AppDeps, opts: MountOptions = {}): Promise<() => Promise<void>> {
  const server = createGraphQLServer(deps);
  await server.start();
  const timeoutMs = opts.timeoutMs ?? LIMITS.timeoutMs;
  const cache = opts.responseCache === false ? null : new ResponseCache();
  const reads = new SharedReads();
  const ingest =
    opts.ingest ??
    new IngestService(deps.store, { ...(deps.config.ingest.sources ? { sourcesPath: deps.config.ingest.sources } : {}), allowPrivate: deps.config.ingest.allowPrivate, log: deps.logger });

  const handle = async (c: Context): Promise<Response> => {
    const req = c.req.raw;
    const url = new URL(req.url);
    const headers = new HeaderMap();
    req.headers.forEach((value, key) => headers.set(key, value));
    const key = presentedKey((name) => req.headers.get(name) ?? undefined);

    const version = (await deps.snapshots.get()).version;
    let etag: string | null = null;
    if (req.method === 'GET' && url.search) {
      etag = queryEtag(version, `${url.search}|${key ? 'key' : ''}`);
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

    // the role is checked on every request (a wrong key is a 401 even when the answer is cached)
    let role: GraphContext['role'];
    try {
      role = roleOf(key, deps.config.apiKeys);
    } catch (err) {
      return new Response(jsonError((err as Error).message, 'UNAUTHENTICATED'), { status: 401, headers: { 'content-type': 'application/json', 'Cache-Control': 'no-store' } });
    }
    const bypass = /no-cache|no-store/i.test(req.headers.get('cache-control') ?? '');
    // Apollo picks the response content type from Accept, so it is part of the key
    const cacheKey = `${req.method}\u0000${req.headers.get('accept') ?? ''}\u0000${url.search}\u0000${typeof body === 'string' ? body : JSON.stringify(body ?? null)}`;
    // cached answers are only for requests Apollo would answer (CSRF prevention stays in force)
    const hit = cache && !bypass && preflighted(req.headers) ? cache.get(version, cacheKey) : undefined;
    if (hit) return respond(hit.status, new Headers(hit.headers), hit.body, etag, !!key);

    const deadline = Date.now() + timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const ctx: GraphContext = { store: deps.store, snapshots: deps.snapshots, loaders: createLoaders(deps.store, { reads, version }), role, logger: deps.logger, deadline, meter: new WorkMeter(deadline), seen: {}, ingest };
    const timedOut = new Promise<'timeout'>((resolve) => {
      // handed-over ingest fetches and writes on purpose for longer; it is not cut off
      timer = setTimeout(() => !ctx.seen.unbounded && resolve('timeout'), timeoutMs);
    });
    const run = server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: url.search, body },
      context: async () => ctx,
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
    const ok = status === 200 && !text.includes('"errors"') && !ctx.seen.volatile;
    // a read answered at the version it started from may be reused until the graph moves
    if (cache && ok && ctx.seen.operation === 'query' && (await deps.snapshots.get()).version === version)
      cache.set(version, cacheKey, { status, headers: headerList(out), body: text });
    return respond(status, out, text, ok ? etag : null, !!key);
  };

  const respond = (status: number, out: Headers, text: string, etag: string | null, withKey: boolean): Response => {
    if (etag) {
      out.set('ETag', etag);
      out.set('Cache-Control', cacheControl(withKey));
      out.set('Vary', 'Authorization, X-API-Key');
    } else out.set('Cache-Control', 'no-store');
    return new Response(text, { status, headers: out });
  };

  const path = opts.path ?? '/graphql';
  app.on(['GET', 'POST'], path, handle);
  return async () => {
    if (!opts.ingest) await ingest.stop();
    await server.stop();
  };
}
