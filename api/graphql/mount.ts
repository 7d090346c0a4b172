// Mounts the GraphQL API on the Hono app: Apollo Server 5 through its integration entry point
// (executeHTTPGraphQLRequest), POST and GET on /graphql, with API keys, limits, a per-request
// timeout, masked errors, automatic persisted queries and ETag/Cache-Control for GET queries.
import { createHash } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import type { Context, Hono } from 'hono';
import type { AppDeps } from '../server/deps.js';
import { IngestService } from '../../ingest/ingest-service.js';
import type { WatchService } from '../../scenarios/watch.js';
import type { GraphContext } from './context.js';
import { presentedKey, roleOf } from './auth.js';
import { KEY_VARY, VERSION_HEADER, cacheControl, etagMatches, queryEtag } from './http-cache.js';
import { LIMITS } from './limits.js';
import { BUDGET, WorkMeter } from './budget.js';
import { WorkSlots } from './work-slots.js';
import { INGEST_LIMITS } from './resolvers/ingest.js';
import { SharedReads, createLoaders } from './loaders.js';
import { bodyDigest } from './body-gate.js';
import { BodyGatePool, BodyPoolBusy } from './body-pool.js';
import { AnalysisPool } from './analysis-pool.js';
import type { ExecutedAnswer } from './analysis-executor.js';
import { ResponseCache, type StaleResponse } from './response-cache.js';
import type { Snapshot } from '../../graph/snapshot.js';
import { mountIde } from './ide.js';
import { buildApolloServer } from './apollo-server.js';
import { maskedError } from './errors.js';

export interface MountOptions {
  /** per-request time limit (default LIMITS.timeoutMs) */
  timeoutMs?: number;
  /** cache read responses per graph version (default true) */
  responseCache?: boolean;
  path?: string;
  /** the server's ingest service (default: one over the store without scheduled jobs) */
  ingest?: IngestService;
  /** the server's standing scenarios */
  watches?: WatchService;
  /**
   * the worker pool that parses and checks POST bodies over its `limits.inlineBytes` (default: one
   * of its own, closed by the closer mountGraphQL resolves to); a pool passed in is the caller's:
   * it is not closed with the server, so the caller closes it after the closer has run
   */
  bodyPool?: BodyGatePool;
}

/** The body an editor's ingestDocuments hand-off may send: 20 documents of 5 MB, base64 (4/3), and the JSON around them. */
export const INGEST_BODY_BYTES = Math.ceil((INGEST_LIMITS.documentsPerCall * INGEST_LIMITS.bytesPerDocument * 4) / 3) + 1024 * 1024;

// the one operation a body over the ordinary limit may carry
const INGEST_OPERATION = /^\s*mutation\b[^{]*\{\s*(?:\w+\s*:\s*)?ingestDocuments\s*\(/;

/**
 * Reads a request body up to `limit` bytes from the Node request under the server (null once it is
 * longer; the rest is discarded unread). Reading it through the web Request instead made the server
 * adapter build a Request, a ReadableStream and an AbortSignal for every POST: a tenth of a
 * millisecond and their garbage on the event loop per request, measured under a flood.
 */
function readIncoming(incoming: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(incoming.headers['content-length'] ?? Number.NaN);
  if (declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      // drained, not destroyed: the 413 still goes out on this connection
      incoming.resume();
      resolve(null);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      stop();
      reject(err);
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
  });
}

/** Reads a request body up to `limit` bytes; null once it is longer (the rest is not read). */
async function readBody(req: Request, limit: number, incoming?: unknown): Promise<Buffer | null> {
  if (incoming instanceof IncomingMessage) return readIncoming(incoming, limit);
  const declared = Number(req.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) return null;
  if (!req.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A GET query's ETag at a graph version: the query string, and whether a key asked it (a keyed read may see more). */
const etagOf = (version: string | number, url: URL, key: string | null): string => queryEtag(version, `${url.search}|${key ? 'key' : ''}`);
/** Sent only with an answer from an older graph version: the version served now. */
const CURRENT_VERSION_HEADER = 'X-Graph-Current-Version';

/** One request's answer as executed, before the response is made. */
interface Executed {
  status: number;
  headers: [string, string][];
  text: string;
  /** a successful answer (200, no errors, not volatile): it may carry an ETag */
  ok: boolean;
  /** a successful read: cached, and shared with identical requests at its version */
  cacheable: boolean;
  /** the operation was a query: the answer is of the version it was executed at */
  query: boolean;
  /** the read was refused a work slot (the queue was full: 503 OVERLOADED) */
  refused: boolean;
  /** the read ran past its deadline and was stopped (503 TIMEOUT), in the serving thread or the analysis worker */
  timedOut?: boolean;
}

// an answer the analysis worker stopped at the request's deadline
const TIMED_OUT = /"code":"TIMEOUT"/;

// Apollo answers some client mistakes (a syntax error caught by the token limit) with HTTP 500
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND']);
/** The status a response should have: 400 when every error is the client's, whatever Apollo chose. */
function statusFor(status: number, text: string): number {
  if (status < 500 || !text.startsWith('{"errors"')) return status;
  try {
    const errors = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? [];
    return errors.length && errors.every((e) => CLIENT_CODES.has(e.extensions?.code ?? '')) ? 400 : status;
  } catch {
    return status;
  }
}

/** The query and extensions of a GET request (extensions as sent: JSON text). */
function getParams(url: URL): unknown {
  try {
    const extensions = url.searchParams.get('extensions');
    return { query: url.searchParams.get('query') ?? undefined, extensions: extensions ? (JSON.parse(extensions) as unknown) : undefined };
  } catch {
    return null; // Apollo answers malformed extensions itself
  }
}

/** Whether a request's query text may hold a mutation or subscription (a word test: a false alarm only means no sharing). */
function mayWrite(body: unknown): boolean {
  const query = body && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
  return typeof query === 'string' && /\b(?:mutation|subscription)\b/.test(query);
}

/** A persisted-query hash that does not match the query sent with it, as a message; else null. */
function apqMismatch(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } };
  const hash = b.extensions?.persistedQuery?.sha256Hash;
  if (typeof b.query !== 'string' || typeof hash !== 'string') return null;
  const actual = createHash('sha256').update(b.query).digest('hex');
  return actual === hash.toLowerCase() ? null : `extensions.persistedQuery.sha256Hash: "${hash.slice(0, 80)}" is not the SHA-256 of the query sent with it (${actual})`;
}

// Apollo's CSRF rule: a request may be answered only when a browser would have preflighted it
const SIMPLE_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'];
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
function preflighted(headers: Headers): boolean {
  const type = headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  return (!!type && !SIMPLE_TYPES.includes(type)) || PREFLIGHT_HEADERS.some((h) => headers.has(h));
}

const jsonError = (message: string, code: string) => JSON.stringify({ errors: [{ message, extensions: { code } }] });

async function bodyText(res: HTTPGraphQLResponse): Promise<string> {
  if (res.body.kind === 'complete') return res.body.string;
  let text = '';
  for await (const chunk of res.body.asyncIterator) text += chunk;
  return text;
}

/** Builds the Apollo server for the app's dependencies (also used in-process by tests and the bench). */
export function createGraphQLServer(deps: AppDeps, slots?: WorkSlots): ApolloServer<GraphContext> {
  return buildApolloServer({ logger: deps.logger, introspection: deps.config.introspection, ...(slots ? { slots } : {}) });
}

/** Mounts /graphql on the app; resolves to a closer that stops the server. */
export async function mountGraphQL(app: Hono, deps: AppDeps, opts: MountOptions = {}): Promise<() => Promise<void>> {
  const limits = deps.config.limits;
  const server = createGraphQLServer(deps, new WorkSlots(limits.heavyConcurrency, limits.heavyQueue));
  await server.start();
  const timeoutMs = opts.timeoutMs ?? LIMITS.timeoutMs;
  const cache = opts.responseCache === false ? null : new ResponseCache({ staleMs: limits.staleAnswerMs });
  // the executions under way of cacheable requests, by version and request: identical ones wait for the first
  const flights = new Map<string, Promise<Executed>>();
  const bodies = opts.bodyPool ?? new BodyGatePool();
  const analyses = new AnalysisPool();
  // the worker loads the schema and resolvers now, not on the first expensive query (a second or more on a busy machine)
  await analyses.start();
  // a snapshot read whole is made by the workers before it is served, so no request waits for the hand-over
  deps.snapshots.setHandOver((next) => analyses.prepare(next));
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

    const snapshot = await deps.snapshots.get();
    const version = snapshot.version;
    cache?.observe(version);
    let etag: string | null = null;
    if (req.method === 'GET' && url.search) {
      etag = etagOf(version, url, key);
      if (etagMatches(req.headers.get('if-none-match') ?? undefined, etag))
        return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cacheControl(!!key), Vary: KEY_VARY, [VERSION_HEADER]: String(version) } });
    }

    // the role is checked on every request (a wrong key is a 401 even when the answer is cached)
    let role: GraphContext['role'];
    try {
      role = roleOf(key, deps.config.apiKeys);
    } catch (err) {
      return new Response(jsonError((err as Error).message, 'UNAUTHENTICATED'), { status: 401, headers: { 'content-type': 'application/json', 'Cache-Control': 'no-store' } });
    }

    const bypass = /no-cache|no-store/i.test(req.headers.get('cache-control') ?? '');
    // cached and shared answers are only for requests Apollo would answer (CSRF prevention stays in force)
    const sharing = cache && !bypass && preflighted(req.headers) ? cache : null;

    let bytes: Buffer | null = null;
    let digest = '';
    if (req.method === 'POST') {
      // only an editor may send the large body of an ingestDocuments hand-off
      // under the Node server the request's own stream is read (c.env.incoming); elsewhere (app.request in tests) the web body
      bytes = await readBody(req, role === 'editor' ? Math.max(INGEST_BODY_BYTES, limits.bodyBytes) : limits.bodyBytes, (c.env as { incoming?: unknown } | undefined)?.incoming);
      if (bytes === null) return tooLarge(limits.bodyBytes, role === 'editor');
      // hashed on the serving thread first, so a large body asked again is answered from the cache
      // without being parsed (and before its bytes are moved to the worker): measured on 2 cores, the
      // SHA-256 of a 700 KB body took 0.45-0.65 ms, its JSON.parse 5-7 ms
      digest = bodyDigest(bytes);
    }
    const isJson = (req.headers.get('content-type') ?? '').toLowerCase().includes('json');
    // Apollo picks the response content type from Accept, and reads a body by its content type, so both are part of the key
    // keyed by a hash: a request's size never adds to the cache's
    const cacheKey = createHash('sha256')
      .update(`${req.method}\u0000${req.headers.get('accept') ?? ''}\u0000${isJson ? 'json' : ''}\u0000${url.search}\u0000${digest}`)
      .digest('base64');
    // an answer cached at this version is sent before the body is parsed (a large one is never sent to the body pool): it was
    // cached only for these very bytes once they had been read, checked and answered
    const hit = sharing?.get(version, cacheKey);
    if (hit) return respond(hit.status, new Headers(hit.headers), hit.body, etag, !!key, version);
    /** This request's answer from an older version, marked, when there is one within STALE_ANSWER_MS and it may be shared. */
    const stale = () => {
      const answer = sharing?.stale(version, cacheKey);
      return answer && respondStale(answer, version, req, url, key);
    };

    let body: unknown = undefined;
    let checkedCost: number | undefined;
    if (bytes) {
      if (isJson && bytes.byteLength > bodies.limits.inlineBytes && bytes.byteLength <= limits.bodyBytes) {
        // parsed and checked against the budget in a worker: the event loop never parses a large body
        try {
          const gated = await bodies.gate(bytes);
          if ('refused' in gated)
            return new Response(jsonError(gated.refused.message, gated.refused.code), { status: gated.refused.status, headers: { 'content-type': 'application/json', 'Cache-Control': 'no-store' } });
          ({ body, cost: checkedCost } = gated);
        } catch (err) {
          if (!(err instanceof BodyPoolBusy)) throw err;
          // the pool is full or too slow: the older version's answer, as for a read refused a work slot, else the 503
          return (
            stale() ??
            new Response(jsonError(err.message, 'OVERLOADED'), {
              status: 503,
              headers: { 'content-type': 'application/json', 'Cache-Control': 'no-store', 'Retry-After': String(err.retryAfter) },
            })
          );
        }
      } else {
        const text = bytes.toString('utf8');
        if (isJson && text) {
          try {
            body = JSON.parse(text);
          } catch {
            return new Response(jsonError('the request body is not valid JSON', 'BAD_REQUEST'), { status: 400, headers: { 'content-type': 'application/json' } });
          }
        } else body = text;
        if (bytes.byteLength > limits.bodyBytes && !INGEST_OPERATION.test(String((body as { query?: unknown } | null)?.query ?? ''))) return tooLarge(limits.bodyBytes, false);
      }
    }
    const mismatch = apqMismatch(req.method === 'POST' ? body : getParams(url));
    if (mismatch) return new Response(jsonError(mismatch, 'BAD_REQUEST'), { status: 400, headers: { 'content-type': 'application/json', 'Cache-Control': 'no-store' } });

    // identical requests at one version share one execution: after a write every client asks its
    // question again at once, and each copy would otherwise take a work slot of its own (a document
    // that may write is not: its copy would only wait for it, then run all the same)
    const flightKey = sharing && !mayWrite(req.method === 'POST' ? body : getParams(url)) ? `${version}\u0000${cacheKey}` : null;
    const running = flightKey ? flights.get(flightKey) : undefined;
    if (running) {
      // while the new version's answer is computed, the previous version's is sent (marked) if there is one
      const older = stale();
      if (older) return older;
      const shared = await running;
      if (shared.cacheable) return respond(shared.status, new Headers(shared.headers), shared.text, etag, !!key, version);
      // an answer that is not shared (an error, a mutation, one that depends on the caller's role): asked again
    }
    let settle: ((answer: Executed) => void) | undefined;
    if (flightKey && !running) flights.set(flightKey, new Promise<Executed>((resolve) => (settle = resolve)));
    let queued: () => void = () => undefined;
    const waits = new Promise<'queued'>((resolve) => (queued = () => resolve('queued')));
    const executing = (async () => {
      let done: Executed = { status: 500, headers: [], text: '', ok: false, cacheable: false, query: false, refused: false };
      try {
        done = await execute(req, url, headers, body, snapshot, role, checkedCost, sharing ? queued : undefined);
        return done;
      } finally {
        if (settle) {
          flights.delete(flightKey!);
          settle(done);
        }
        // a read answered at the version it started from may be reused until the graph moves (the
        // snapshot served now says so without asking the store again)
        if (cache && done.cacheable && deps.snapshots.peek()?.version === version) cache.set(version, cacheKey, { status: done.status, headers: done.headers, body: done.text });
      }
    })();
    const first = await Promise.race([executing, waits]);
    if (first === 'queued') {
      // every work slot is busy: the answer from the version before is sent now, and this read goes on
      // waiting and running so its answer at the new version is cached for the next ones
      const older = stale();
      if (older) {
        executing.catch((err: unknown) => deps.logger.error({ err }, 'a GraphQL read answered from an older version failed at the new one'));
        return older;
      }
    }
    const answer = first === 'queued' ? await executing : first;
    // a read refused a work slot, or stopped at its deadline, is answered from the version before, when there is an answer from it
    if (answer.refused || answer.timedOut) {
      const older = stale();
      if (older) return older;
    }
    return respond(answer.status, new Headers(answer.headers), answer.text, answer.ok ? etag : null, !!key, answer.query && !answer.refused ? version : null);
  };

  /** Executes one request through Apollo (an expensive query in the analysis worker) at the snapshot's version. */
  const execute = async (
    req: Request,
    url: URL,
    headers: HeaderMap,
    body: unknown,
    snapshot: Snapshot,
    role: GraphContext['role'],
    checkedCost: number | undefined,
    onQueued: (() => void) | undefined,
  ): Promise<Executed> => {
    const version = snapshot.version;
    const deadline = Date.now() + timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const ctx: GraphContext = {
      store: deps.store,
      snapshots: deps.snapshots,
      loaders: createLoaders(deps.store, { reads, version }),
      role,
      logger: deps.logger,
      deadline,
      meter: new WorkMeter(deadline),
      seen: {},
      ingest,
      analyses,
      checkedCost,
      ...(opts.watches ? { watches: opts.watches } : {}),
      ...(onQueued ? { onQueued } : {}),
    };
    // an expensive query runs in the analysis worker (limits.ts decides); its answer replaces Apollo's placeholder
    const worker: { answer?: ExecutedAnswer } = {};
    ctx.offload = async (request, cost) => {
      try {
        worker.answer = await analyses.execute(snapshot, deps.store, { request, role, cost, deadline, introspection: deps.config.introspection, logLevel: deps.config.logLevel });
      } catch (err) {
        worker.answer = failed(err);
      }
    };
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
      return {
        status: 503,
        headers: [['content-type', 'application/json']],
        text: jsonError(`the request took longer than ${timeoutMs} ms and was stopped`, 'TIMEOUT'),
        ok: false,
        cacheable: false,
        query: false,
        refused: false,
        timedOut: true,
      };
    }
    const out: [string, string][] = [];
    for (const [k, v] of outcome.headers) out.push([k, v]);
    const executed = worker.answer;
    let text = executed ? executed.text : await bodyText(outcome);
    let status = statusFor(executed ? executed.status : (outcome.status ?? 200), text);
    if (executed?.seen.volatile) ctx.seen.volatile = true;
    if (text.length > BUDGET.maxAnswerChars) {
      deps.logger.warn({ chars: text.length }, 'GraphQL answer over the size cap was not sent');
      text = jsonError(`the answer is ${text.length} characters, over the limit of ${BUDGET.maxAnswerChars}: ask for smaller pages (first) or fewer fields`, 'BAD_USER_INPUT');
      status = 400;
    }
    const ok = status === 200 && !text.includes('"errors"') && !ctx.seen.volatile;
    const query = ctx.seen.operation === 'query';
    return { status, headers: out, text, ok, cacheable: ok && query, query, refused: !!ctx.seen.refused, timedOut: status === 503 && TIMED_OUT.test(text) };
  };

  /** The answer to a query the worker could not execute: TIMEOUT past its deadline, else an internal error logged with its id. */
  const failed = (err: unknown): ExecutedAnswer => {
    if (err instanceof GraphQLError && err.extensions.code === 'TIMEOUT') return { status: 503, text: jsonError(err.message, 'TIMEOUT'), seen: {} };
    return { status: 500, text: JSON.stringify({ errors: [maskedError(deps.logger, err, 'the analysis worker could not execute a query')] }), seen: {} };
  };

  const tooLarge = (limit: number, editor: boolean): Response =>
    new Response(
      jsonError(`the request body is over ${limit} bytes${editor ? ` (an ingestDocuments hand-off may send up to ${INGEST_BODY_BYTES})` : ''}: send less, or split it`, 'PAYLOAD_TOO_LARGE'),
      { status: 413, headers: { 'content-type': 'application/json', 'Cache-Control': 'no-store', Connection: 'close' } },
    );

  /** The response: ETag and Cache-Control for a successful GET, and the graph version a read's answer is from. */
  const respond = (status: number, out: Headers, text: string, etag: string | null, withKey: boolean, version: string | number | null): Response => {
    if (etag) {
      out.set('ETag', etag);
      out.set('Cache-Control', cacheControl(withKey));
      out.set('Vary', KEY_VARY);
    } else out.set('Cache-Control', 'no-store');
    if (version !== null) out.set(VERSION_HEADER, String(version));
    return new Response(text, { status, headers: out });
  };

  /**
   * An answer from an older graph version, marked: the version it is from (X-Graph-Version), the
   * version served now (X-Graph-Current-Version) and, in Age, the whole seconds (rounded up) since
   * this server last answered at that version (when it last knew it current). A GET's ETag names the answer's own version, and caches
   * must ask again before reusing it (no-cache): it was out of date when sent.
   */
  const respondStale = (answer: StaleResponse, current: string | number, req: Request, url: URL, key: string | null): Response => {
    const out = new Headers(answer.headers);
    out.set(VERSION_HEADER, String(answer.version));
    out.set(CURRENT_VERSION_HEADER, String(current));
    out.set('Age', String(Math.ceil(answer.staleForMs / 1000)));
    if (req.method === 'GET' && url.search) {
      const etag = etagOf(answer.version, url, key);
      out.set('ETag', etag);
      out.set('Cache-Control', key ? 'private, no-cache' : 'no-cache');
      out.set('Vary', KEY_VARY);
      if (etagMatches(req.headers.get('if-none-match') ?? undefined, etag)) return new Response(null, { status: 304, headers: out });
    } else out.set('Cache-Control', 'no-store');
    return new Response(answer.body, { status: answer.status, headers: out });
  };

  const path = opts.path ?? '/graphql';
  mountIde(app, path, { corsOrigins: deps.config.corsOrigins });
  app.on(['GET', 'POST'], path, handle);
  return async () => {
    if (!opts.ingest) await ingest.stop();
    if (!opts.bodyPool) await bodies.close();
    deps.snapshots.setHandOver(null);
    await analyses.close();
    await server.stop();
  };
}
