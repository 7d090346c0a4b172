// GraphQL API load: five representative analyst queries, each run over HTTP by autocannon (a second
// process, loopback, concurrency 16, bounded time) beside the same query executed in-process
// without HTTP at the same concurrency (Apollo's executeOperation), giving the HTTP overhead ratio.
// The server runs in this process on an in-memory store seeded from seeds/.
import { spawn } from 'node:child_process';
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

function autocannon(url: string, body: string, seconds: number, uncached = false): Promise<CannonResult> {
  const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const headers = ['-H', 'content-type=application/json', ...(uncached ? ['-H', 'cache-control=no-cache'] : [])];
  const args = [bin, '-c', String(CONCURRENCY), '-d', String(seconds), '-m', 'POST', ...headers, '-b', body, '-j', url];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as CannonResult) : reject(new Error(`autocannon exited ${code}`))));
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** The API benchmark. */
export async function run(opts: { quick: boolean }): Promise<{ name: string; markdown: string; data: unknown }> {
  const config = loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const server = await startServer(config);
  const seconds = opts.quick ? 2 : 8;
  const inProcessMs = opts.quick ? 1500 : 5000;
  const logger = createLogger('silent');
  const snapshots = new SnapshotCache(server.store);
  const apollo = createGraphQLServer({ store: server.store, snapshots, config, logger });
  await apollo.start();
  const reads = new SharedReads();
  const rows: Record<string, unknown>[] = [];
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
          const contextValue: GraphContext = { store: server.store, snapshots, loaders: createLoaders(server.store, { reads, version }), role: null, logger, deadline: Date.now() + 10_000, meter: new WorkMeter(Date.now() + 10_000), seen: {} };
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
  } finally {
    await apollo.stop();
    await server.stop();
  }
  type Row = { query: string; http: { p50Ms: number; p99Ms: number; requestsPerSecond: number; non2xx: number }; cached: { p50Ms: number; p99Ms: number; requestsPerSecond: number; non2xx: number }; inProcess: { p50Ms: number; p99Ms: number; requestsPerSecond: number }; overhead: { p50: number; throughput: number } };
  const typed = rows as unknown as Row[];
  const entityRow = typed[0]!;
  const markdown = [
    `Server on an in-memory store seeded from seeds/; autocannon in a second process on loopback (it shares the cores), concurrency ${CONCURRENCY}, ${seconds} s per query and mode.`,
    '"HTTP executed" sends `Cache-Control: no-cache` so every request runs resolvers and store reads; "HTTP cached" is the same request repeated at one graph version (the response cache answers).',
    `"In-process" runs the query through Apollo's executeOperation (no HTTP, no response cache, the same shared record cache) at the same concurrency for ${inProcessMs / 1000} s; overhead = in-process req/s ÷ HTTP executed req/s.`,
    '',
    table(
      ['query', 'executed p50 ms', 'executed p99 ms', 'executed req/s', 'cached p50 ms', 'cached p99 ms', 'cached req/s', 'in-process p50 ms', 'in-process p99 ms', 'in-process req/s', 'HTTP overhead', 'non-2xx'],
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
  ].join('\n');
  return { name: 'api', markdown, data: { concurrency: CONCURRENCY, seconds, inProcessMs, queries: rows, targetEntityP99Ms: 50 } };
}
