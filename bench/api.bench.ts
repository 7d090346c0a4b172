// GraphQL API load: five representative analyst queries, each run over HTTP by autocannon (a second
// process, loopback, concurrency 16, bounded time) beside the same query executed in-process
// without HTTP at the same concurrency (Apollo's executeOperation), giving the HTTP overhead ratio.
// The server runs in this process on an in-memory store seeded from seeds/. Then: a mixed load of
// those queries at concurrency 64 (60 s; 10 s in quick mode), and a probe query's latency and the
// server's memory idle beside the same under a flood of abusive requests (every guard but the
// per-address rate limit, which would turn a single-address flood away at the door), then under
// that flood and a client sending allowed but expensive requests.
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createRequire } from 'node:module';
import { startServer } from '../api/server/serve.js';
import { loadConfig } from '../api/config.js';
import { createLogger } from '../api/log.js';
import { createGraphQLServer } from '../api/graphql/mount.js';
import { SharedReads, createLoaders } from '../api/graphql/loaders.js';
import type { GraphContext } from '../api/graphql/context.js';
import { WorkMeter } from '../api/graphql/budget.js';
import { SnapshotCache } from '../graph/snapshot-cache.js';
import { table } from './measure.js';

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

const CONCURRENCY = 16;

const QUERIES: { name: string; query: string }[] = [
  {
    name: 'entity with relations and sources',
    query: `{ entity(id: "chip:nvidia-h20") { id name type ... on Chip { exportClass } relations { type confidence from { id name } to { id name } sources { quote confidence observedAt document { title url publisher } } } } }`,
  },
  { name: 'search "nvidia h20"', query: `{ search(query: "nvidia h20", first: 10) { id name type } }` },
  {
    name: 'open-weights models (list, 50)',
    query: `{ models(first: 50, openWeights: true) { totalCount pageInfo { endCursor hasNextPage } edges { node { id name ... on Model { license releaseDate } relations(types: [DEVELOPED_BY]) { to { id name } } } } } }`,
  },
  { name: 'dependencies depth 3', query: `{ dependencies(id: "deployment:chatgpt", depth: 3) { nodes { id name type } edges { type from { id } to { id } } } }` },
  {
    name: 'k-shortest paths (3)',
    query: `{ paths(from: "deployment:chatgpt", to: "nation:tw", maxLength: 6, first: 3) { length steps { relation { type sources { quote document { title } } } entity { id name } } } }`,
  },
];

interface CannonRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** autocannon in a second process cycling through several requests (its programmatic API). */
export function autocannonMany(url: string, requests: CannonRequest[], seconds: number, connections: number): Promise<CannonResult & { statusCodeStats?: Record<string, { count: number }> }> {
  // the options go through stdin: the abusive bodies are too large for a command line
  const script = `const a = require(process.argv[1]); let t = ''; process.stdin.on('data', (d) => (t += d));
process.stdin.on('end', () => a(JSON.parse(t), (err, res) => { if (err) { console.error(err); process.exit(1); } process.stdout.write(JSON.stringify(res)); }));`;
  const bin = createRequire(import.meta.url).resolve('autocannon');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, bin], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as CannonResult) : reject(new Error(`autocannon exited ${code}`))));
    child.stdin.end(JSON.stringify({ url, connections, duration: seconds, requests }));
  });
}

const MIXED_CONCURRENCY = 64;
export const PROBE = JSON.stringify({ query: '{ entity(id: "chip:nvidia-h20") { id name relations(first: 5) { type to { id } } } }' });
const json = { 'content-type': 'application/json' };
const nestedRelations = (levels: number) => {
  let inner = 'id name';
  for (let i = 0; i < levels; i++) inner = `relations { type to { ${inner} } sources { quote document { title } } }`;
  return `{ entity(id: "nation:us") { ${inner} } }`;
};

/** The abusive requests of the flood: each must be refused or bounded by a guard. */
export function attacks(): CannonRequest[] {
  const post = (body: unknown, headers: Record<string, string> = {}): CannonRequest => ({ method: 'POST', path: '/graphql', headers: { ...json, ...headers }, body: JSON.stringify(body) });
  return [
    // nested relations with the default first, and the same with first: $n
    post({ query: nestedRelations(4) }),
    post({ query: `query($n: Int) { entity(id: "nation:us") { relations(first: $n) { to { relations(first: $n) { to { relations(first: $n) { id } } } } } } }`, variables: { n: 1000 } }),
    // oversized inputs under the body limit: a 300k-character search, 50k ids, 900 KB of unused variables
    post({ query: 'query($q: String!) { search(query: $q) { id } }', variables: { q: 'nvidia '.repeat(43_000) } }),
    post({ query: 'query($ids: [ID!]!) { entities(ids: $ids) { id } }', variables: { ids: Array.from({ length: 50_000 }, (_, i) => `chip:x${i}`) } }),
    post({ query: '{ graphVersion }', variables: { pad: 'y'.repeat(900 * 1024) } }),
    // a syntax error and a persisted-query hash that does not match
    post({ query: '{ entity(id: "x") { id ' }),
    post({ query: '{ graphVersion }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }),
  ];
}

/** Allowed but expensive requests (within every cap and the cost limit): what an abusive client sends once its attacks are refused. */
export function heavy(): CannonRequest[] {
  const post = (query: string): CannonRequest => ({ method: 'POST', path: '/graphql', headers: { ...json, 'cache-control': 'no-cache' }, body: JSON.stringify({ query }) });
  return [
    // 20 undirected paths of up to 10 hops: the most one paths request may ask
    post('{ paths(from: "deployment:chatgpt", to: "nation:tw", maxLength: 10, first: 20, directed: false) { length steps { entity { id } } } }'),
    // a page of 1,000 relations, each with 100 of its own (cost about 706,000 of the 1,000,000 allowed)
    post('{ entity(id: "nation:us") { relations(first: 1000) { type to { id relations(first: 100) { type to { id name } } } } } }'),
    post('{ exposure(nation: "nation:eu", subjects: [DEPLOYMENT, DATA_CENTER, MODEL]) { exposed layers { layer items { subject { id } path { type } } } } }'),
    post('{ dependents(id: "nation:us", depth: 8) { nodes { id } edges { type } } }'),
  ];
}

/**
 * Bodies over the limit, sent by a second process in a loop (one at a time): the server answers 413
 * and closes the connection, which autocannon does not reconnect from, so fetch sends them.
 */
function floodOversized(url: string, seconds: number): Promise<Record<string, number>> {
  const script = `const until = Date.now() + Number(process.argv[2]) * 1000; const url = process.argv[1]; const counts = {};
const bodies = [JSON.stringify({ query: '{ graphVersion }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
  JSON.stringify({ query: 'query($ids: [ID!]!) { entities(ids: $ids) { id } }', variables: { ids: Array.from({ length: 150000 }, (_, i) => 'chip:x' + i) } })];
const one = async (i) => { while (Date.now() < until) { let k; try { const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i++ % 2] }); await r.arrayBuffer(); k = String(r.status); } catch { k = 'error'; } counts[k] = (counts[k] || 0) + 1; } };
Promise.all([0].map(one)).then(() => process.stdout.write(JSON.stringify(counts)));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, url, String(seconds)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Record<string, number>) : reject(new Error(`oversized flood exited ${code}`))));
  });
}

/** A garbage collection on demand (V8's gc, exposed at run time), so memory is compared after collection. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => gc();
}

/** One POST body from CONCURRENCY connections (`uncached`: past the response cache). */
function autocannon(url: string, body: string, seconds: number, uncached = false): Promise<CannonResult> {
  const headers = { ...json, ...(uncached ? { 'cache-control': 'no-cache' } : {}) };
  return autocannonMany(url, [{ method: 'POST', path: new URL(url).pathname, headers, body }], seconds, CONCURRENCY);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** The API benchmark. */
export async function run(opts: { quick: boolean }): Promise<{ name: string; markdown: string; data: unknown }> {
  // one loopback client stands for many: the per-address rate limit is off (it would answer 429)
  const config = loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RATE_LIMIT_PER_SECOND: '0' });
  const server = await startServer(config);
  const seconds = opts.quick ? 2 : 8;
  const inProcessMs = opts.quick ? 1500 : 5000;
  const logger = createLogger('silent');
  const snapshots = new SnapshotCache(server.store);
  const apollo = createGraphQLServer({ store: server.store, snapshots, config, logger });
  await apollo.start();
  const reads = new SharedReads();
  const rows: Record<string, unknown>[] = [];
  let mixed: { seconds: number; requestsPerSecond: number; p50Ms: number; p99Ms: number; total: number; non2xx: number; errors: number } | null = null;
  let abuse: Record<string, unknown> | null = null;
  try {
    for (const q of QUERIES) {
      const body = JSON.stringify({ query: q.query });
      // correctness first: the query must answer without errors
      const check = (await (await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as { errors?: unknown[] };
      if (check.errors) throw new Error(`${q.name}: ${JSON.stringify(check.errors)}`);

      await autocannon(`${server.url}/graphql`, body, 1, true); // warm-up
      // uncached: every request executes (Cache-Control: no-cache bypasses the response cache)
      const http = await autocannon(`${server.url}/graphql`, body, seconds, true);
      // cached: repeated reads at one graph version, as dashboards and embeds send them
      const cachedRun = await autocannon(`${server.url}/graphql`, body, seconds);

      // in-process: 16 concurrent loops for a fixed time, each a fresh context as a request would have
      const latencies: number[] = [];
      const until = Date.now() + inProcessMs;
      const loop = async () => {
        while (Date.now() < until) {
          const t = process.hrtime.bigint();
          const version = (await snapshots.get()).version;
          const contextValue: GraphContext = {
            store: server.store,
            snapshots,
            loaders: createLoaders(server.store, { reads, version }),
            role: null,
            logger,
            deadline: Date.now() + 10_000,
            meter: new WorkMeter(Date.now() + 10_000),
            seen: {},
          };
          const res = await apollo.executeOperation({ query: q.query }, { contextValue });
          if (res.body.kind !== 'single' || res.body.singleResult.errors) throw new Error(`${q.name}: in-process errors`);
          latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
      };
      const started = Date.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, loop));
      const elapsed = (Date.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const inProc = { p50Ms: pct(latencies, 50), p99Ms: pct(latencies, 99), requestsPerSecond: latencies.length / elapsed };
      rows.push({
        query: q.name,
        http: { p50Ms: http.latency.p50, p99Ms: http.latency.p99, requestsPerSecond: http.requests.average, total: http.requests.total, non2xx: http.non2xx, errors: http.errors },
        cached: { p50Ms: cachedRun.latency.p50, p99Ms: cachedRun.latency.p99, requestsPerSecond: cachedRun.requests.average, non2xx: cachedRun.non2xx },
        inProcess: inProc,
        overhead: { p50: http.latency.p50 / Math.max(inProc.p50Ms, 0.001), throughput: inProc.requestsPerSecond / Math.max(http.requests.average, 0.001) },
      });
    }

    // the mixed load: the five queries, each executed and cached, from 64 connections
    const mixedSeconds = opts.quick ? 10 : 60;
    const requests = QUERIES.flatMap((q) =>
      [false, true].map((uncached): CannonRequest => ({
        method: 'POST',
        path: '/graphql',
        headers: { ...json, ...(uncached ? { 'cache-control': 'no-cache' } : {}) },
        body: JSON.stringify({ query: q.query }),
      })),
    );
    const m = await autocannonMany(`${server.url}/graphql`, requests, mixedSeconds, MIXED_CONCURRENCY);
    mixed = { seconds: mixedSeconds, requestsPerSecond: m.requests.average, p50Ms: m.latency.p50, p99Ms: m.latency.p99, total: m.requests.total, non2xx: m.non2xx, errors: m.errors };

    // a probe idle, then under the flood; memory before, at the end of the flood, and after it settles
    const probeSeconds = opts.quick ? 4 : 10;
    const probeRequest: CannonRequest = { method: 'POST', path: '/graphql', headers: { ...json, 'cache-control': 'no-cache' }, body: PROBE };
    // the worker threads start on first use: one large body and one analysis start them before anything is timed
    const warm = JSON.stringify({
      query: 'query($ids: [ID!]!) { entities(ids: $ids) { id } }',
      variables: { ids: Array.from({ length: 1000 }, (_, i) => `chip:warm-up-${String(i).padStart(40, '0')}`) },
    });
    for (const body of [warm, JSON.stringify({ query: QUERIES[4]!.query })])
      await (await fetch(`${server.url}/graphql`, { method: 'POST', headers: { ...json, 'cache-control': 'no-cache' }, body })).text();
    // the server's event-loop delay while only the probe runs: on a machine busy with other work it
    // is the delay of being scheduled at all, the floor under the figures measured during the floods
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const idle = await autocannonMany(`${server.url}/graphql`, [probeRequest], probeSeconds, 1);
    loop.disable();
    const idleLoop = { p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 };
    loop.reset();
    const gc = collector();
    gc();
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 100);
    // the server's event loop delay during each flood (it runs in this process)
    loop.enable();
    const [flooded, flood, oversized] = await Promise.all([
      autocannonMany(`${server.url}/graphql`, [probeRequest], probeSeconds, 1),
      // the attacks one after another, as one abusive client sends them
      autocannonMany(`${server.url}/graphql`, attacks(), probeSeconds, 1),
      floodOversized(`${server.url}/graphql`, probeSeconds),
    ]);
    loop.disable();
    const floodLoop = { p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 };
    loop.reset();
    loop.enable();
    // the same, with a third client sending allowed expensive requests back to back
    const [heavyProbe, heavyAttacks, heavyFlood] = await Promise.all([
      autocannonMany(`${server.url}/graphql`, [probeRequest], probeSeconds, 1),
      autocannonMany(`${server.url}/graphql`, attacks(), probeSeconds, 1),
      autocannonMany(`${server.url}/graphql`, heavy(), probeSeconds, 1),
      floodOversized(`${server.url}/graphql`, probeSeconds),
    ]);
    loop.disable();
    const heavyLoop = { p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 };
    clearInterval(sampler);
    await new Promise((r) => setTimeout(r, 3000));
    gc();
    const rssAfter = process.memoryUsage().rss;
    const heapAfter = process.memoryUsage().heapUsed;
    const up = (await fetch(`${server.url}/graphql`, { method: 'POST', headers: json, body: PROBE })).status === 200;
    abuse = {
      seconds: probeSeconds,
      idle: { p50Ms: idle.latency.p50, p99Ms: idle.latency.p99, requestsPerSecond: idle.requests.average },
      underFlood: { p50Ms: flooded.latency.p50, p99Ms: flooded.latency.p99, requestsPerSecond: flooded.requests.average, non2xx: flooded.non2xx, errors: flooded.errors },
      flood: { requestsPerSecond: flood.requests.average, total: flood.requests.total, non2xx: flood.non2xx, errors: flood.errors, statusCodes: flood.statusCodeStats ?? {} },
      oversized,
      p99Ratio: flooded.latency.p99 / Math.max(idle.latency.p99, 1),
      loop: floodLoop,
      idleLoop,
      withHeavy: {
        underFlood: { p50Ms: heavyProbe.latency.p50, p99Ms: heavyProbe.latency.p99, requestsPerSecond: heavyProbe.requests.average, non2xx: heavyProbe.non2xx, errors: heavyProbe.errors },
        attacks: { total: heavyAttacks.requests.total, statusCodes: heavyAttacks.statusCodeStats ?? {} },
        heavy: { total: heavyFlood.requests.total, requestsPerSecond: heavyFlood.requests.average, errors: heavyFlood.errors, statusCodes: heavyFlood.statusCodeStats ?? {} },
        p99Ratio: heavyProbe.latency.p99 / Math.max(idle.latency.p99, 1),
        loop: heavyLoop,
      },
      rssMiB: { before: rssBefore / 2 ** 20, peak: rssPeak / 2 ** 20, after: rssAfter / 2 ** 20 },
      heapMiB: { before: heapBefore / 2 ** 20, after: heapAfter / 2 ** 20 },
      rssAfterRatio: rssAfter / rssBefore,
      heapAfterRatio: heapAfter / heapBefore,
      serverUp: up,
    };
  } finally {
    await apollo.stop();
    await server.stop();
  }
  type Row = {
    query: string;
    http: { p50Ms: number; p99Ms: number; requestsPerSecond: number; non2xx: number };
    cached: { p50Ms: number; p99Ms: number; requestsPerSecond: number; non2xx: number };
    inProcess: { p50Ms: number; p99Ms: number; requestsPerSecond: number };
    overhead: { p50: number; throughput: number };
  };
  const typed = rows as unknown as Row[];
  const entityRow = typed[0]!;
  const markdown = [
    `Server on an in-memory store seeded from seeds/; autocannon in a second process on loopback (it shares the cores), concurrency ${CONCURRENCY}, ${seconds} s per query and mode.`,
    '"HTTP executed" sends `Cache-Control: no-cache` so every request runs resolvers and store reads; "HTTP cached" is the same request repeated at one graph version (the response cache answers).',
    `"In-process" runs the query through Apollo's executeOperation (no HTTP, no response cache, the same shared record cache) at the same concurrency for ${inProcessMs / 1000} s; overhead = in-process req/s ÷ HTTP executed req/s.`,
    '',
    table(
      [
        'query',
        'executed p50 ms',
        'executed p99 ms',
        'executed req/s',
        'cached p50 ms',
        'cached p99 ms',
        'cached req/s',
        'in-process p50 ms',
        'in-process p99 ms',
        'in-process req/s',
        'HTTP overhead',
        'non-2xx',
      ],
      typed.map((r) => [
        r.query,
        r.http.p50Ms,
        r.http.p99Ms,
        Math.round(r.http.requestsPerSecond),
        r.cached.p50Ms,
        r.cached.p99Ms,
        Math.round(r.cached.requestsPerSecond),
        r.inProcess.p50Ms,
        r.inProcess.p99Ms,
        Math.round(r.inProcess.requestsPerSecond),
        r.overhead.throughput,
        r.http.non2xx + r.cached.non2xx,
      ]),
    ),
    '',
    `Target: entity-with-relations p99 < 50 ms on 2 cores — executed ${entityRow.http.p99Ms} ms (${entityRow.http.p99Ms < 50 ? 'met' : 'not met'}), cached ${entityRow.cached.p99Ms} ms (${entityRow.cached.p99Ms < 50 ? 'met' : 'not met'}).`,
    '',
    ...(mixed
      ? [
          `Mixed load: the five queries above, each executed (no-cache) and cached, cycled by ${MIXED_CONCURRENCY} connections for ${mixed.seconds} s: ` +
            `${Math.round(mixed.requestsPerSecond)} req/s, p50 ${mixed.p50Ms} ms, p99 ${mixed.p99Ms} ms, ${mixed.total} requests, ${mixed.non2xx} non-2xx, ${mixed.errors} errors ` +
            `(target: 1,000 req/s or more with 0 errors — ${mixed.requestsPerSecond >= 1000 && mixed.non2xx + mixed.errors === 0 ? 'met' : 'not met'}).`,
        ]
      : []),
    ...(abuse ? ['', abuseSummary(abuse as unknown as Abuse)] : []),
  ].join('\n');
  return { name: 'api', markdown, data: { concurrency: CONCURRENCY, seconds, inProcessMs, queries: rows, targetEntityP99Ms: 50, mixed, abuse } };
}

interface Abuse {
  seconds: number;
  idle: { p50Ms: number; p99Ms: number; requestsPerSecond: number };
  underFlood: { p50Ms: number; p99Ms: number; requestsPerSecond: number; non2xx: number; errors: number };
  flood: { requestsPerSecond: number; total: number; non2xx: number; errors: number; statusCodes: Record<string, { count: number }> };
  oversized: Record<string, number>;
  p99Ratio: number;
  loop: { p99Ms: number; maxMs: number };
  idleLoop: { p99Ms: number; maxMs: number };
  withHeavy: {
    underFlood: { p50Ms: number; p99Ms: number; requestsPerSecond: number; non2xx: number; errors: number };
    attacks: { total: number; statusCodes: Record<string, { count: number }> };
    heavy: { total: number; requestsPerSecond: number; errors: number; statusCodes: Record<string, { count: number }> };
    p99Ratio: number;
    loop: { p99Ms: number; maxMs: number };
  };
  rssMiB: { before: number; peak: number; after: number };
  heapMiB: { before: number; after: number };
  rssAfterRatio: number;
  heapAfterRatio: number;
  serverUp: boolean;
}

const statuses = (codes: Record<string, { count: number }>) =>
  Object.entries(codes)
    .map(([code, v]) => `${code}: ${v.count}`)
    .join(', ');

function abuseSummary(a: Abuse): string {
  const codes = statuses(a.flood.statusCodes);
  const h = a.withHeavy;
  return [
    `Under abuse: one probe connection (an entity with 5 relations, executed) for ${a.seconds} s alone, then beside one connection cycling ${attacks().length} abusive requests back to back ` +
      '(nested relations with default and variable `first`, a 300k-character search, 50k ids, 900 KB of unused variables, a syntax error, a wrong persisted-query hash) ' +
      'and one more sending bodies over the 1 MB limit (2 MB of variables, 150k ids); per-address rate limit off. Memory is the server process after a garbage collection. ' +
      `Then the same again beside a third connection sending ${heavy().length} allowed but expensive requests back to back (20 undirected paths of up to 10 hops, a page of 1,000 relations each with 100 of its own, ` +
      'the EU\'s exposure, dependents of the US at depth 8). "Event loop" is the server\'s event-loop delay (perf_hooks) over each flood.',
    '',
    table(
      ['', 'probe p50 ms', 'probe p99 ms', 'probe req/s'],
      [
        ['idle (baseline)', a.idle.p50Ms, a.idle.p99Ms, Math.round(a.idle.requestsPerSecond)],
        ['under the flood', a.underFlood.p50Ms, a.underFlood.p99Ms, Math.round(a.underFlood.requestsPerSecond)],
        ['under the flood and allowed expensive requests', h.underFlood.p50Ms, h.underFlood.p99Ms, Math.round(h.underFlood.requestsPerSecond)],
      ],
    ),
    '',
    `Probe p99 under the flood ÷ idle: ${a.p99Ratio.toFixed(2)} (target < 5: ${a.p99Ratio < 5 ? 'met' : 'not met'}); probe non-2xx ${a.underFlood.non2xx}, errors ${a.underFlood.errors}. ` +
      `Flood: ${a.flood.total} requests (${Math.round(a.flood.requestsPerSecond)} req/s; ${codes}; ${a.flood.errors} connection errors); ` +
      `event loop delay p99 ${a.loop.p99Ms.toFixed(1)} ms, max ${a.loop.maxMs.toFixed(1)} ms (probe alone: p99 ${a.idleLoop.p99Ms.toFixed(1)} ms, max ${a.idleLoop.maxMs.toFixed(1)} ms). ` +
      `With the allowed expensive requests: probe p99 ÷ idle ${h.p99Ratio.toFixed(2)} (${h.p99Ratio < 5 ? 'under 5' : 'not under 5'}), probe non-2xx ${h.underFlood.non2xx}, errors ${h.underFlood.errors}; ` +
      `${h.heavy.total} expensive requests answered (${statuses(h.heavy.statusCodes)}; ${h.heavy.errors} connection errors), attacks ${h.attacks.total} (${statuses(h.attacks.statusCodes)}); ` +
      `event loop delay p99 ${h.loop.p99Ms.toFixed(1)} ms, max ${h.loop.maxMs.toFixed(1)} ms. ` +
      `oversized bodies: ${Object.entries(a.oversized)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')}. ` +
      `Server heap ${a.heapMiB.before.toFixed(0)} MiB before, ${a.heapMiB.after.toFixed(0)} MiB 3 s after (${((a.heapAfterRatio - 1) * 100).toFixed(0)}%; target within 20%: ${a.heapAfterRatio <= 1.2 ? 'met' : 'not met'}); ` +
      `RSS ${a.rssMiB.before.toFixed(0)} MiB before, ${a.rssMiB.peak.toFixed(0)} MiB at peak, ${a.rssMiB.after.toFixed(0)} MiB after (${((a.rssAfterRatio - 1) * 100).toFixed(0)}%); ` +
      `the server ${a.serverUp ? 'answered' : 'did not answer'} afterwards.`,
  ].join('\n');
}
