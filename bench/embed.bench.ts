// Embed load: a bounded loopback autocannon run (a second process) on /embed/map.svg with the
// render cache on, at concurrency 32, beside the uncached render cost of the same map measured
// in this process. The server runs in this process on an in-memory store seeded from seeds/.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { startServer } from '../api/server/serve.js';
import { loadConfig } from '../api/config.js';
import { SnapshotCache } from '../graph/snapshot-cache.js';
import { renderMap } from '../api/embed/render-map.js';
import { parseMapParams } from '../api/embed/params.js';
import { mostDependedOn } from '../api/embed/gallery.js';

interface CannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  duration: number;
}

/** Runs autocannon in a child process and returns its JSON summary. */
function autocannon(url: string, seconds: number, connections: number): Promise<CannonResult> {
  const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '-c', String(connections), '-d', String(seconds), '-j', url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as CannonResult) : reject(new Error(`autocannon exited ${code}`))));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The embed benchmark. */
export async function run(opts: { quick: boolean }): Promise<{ name: string; markdown: string; data: unknown }> {
  const server = await startServer(loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }));
  try {
    const snapshot = await new SnapshotCache(server.store).get();
    // The most depended-on entity of the seeded graph: the largest focus map a story would embed.
    const focus = mostDependedOn(snapshot, 1)[0]!;
    const query = `focus=${encodeURIComponent(focus)}`;
    const params = parseMapParams(new URLSearchParams(query));

    const renders = opts.quick ? 5 : 30;
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < renders; i++) {
      const t = process.hrtime.bigint();
      bytes = (await renderMap({ snapshot, store: server.store, params, format: 'svg' })).byteLength;
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const renderMs = median(times);

    const url = `${server.url}/embed/map.svg?${query}`;
    await fetch(url).then((r) => r.arrayBuffer());
    await autocannon(url, 1, 32); // warm-up: connections, JIT
    const seconds = opts.quick ? 3 : 10;
    const cached = await autocannon(url, seconds, 32);
    const etag = (await fetch(url)).headers.get('etag')!;
    const data = {
      focus,
      svgBytes: bytes,
      uncached: { medianRenderMs: renderMs, rendersPerSecond: 1000 / renderMs, renders },
      cached: {
        connections: 32,
        seconds,
        requestsPerSecond: cached.requests.average,
        totalRequests: cached.requests.total,
        p50Ms: cached.latency.p50,
        p99Ms: cached.latency.p99,
        non2xx: cached.non2xx,
        errors: cached.errors,
      },
      etag,
      targetRequestsPerSecond: 2000,
    };
    const markdown = [
      `Map: \`/embed/map.svg?${query}\` (${(bytes / 1024).toFixed(1)} KiB), server on an in-memory store seeded from seeds/, autocannon in a second process on loopback.`,
      '',
      '| | req/s | p50 ms | p99 ms | non-2xx | errors |',
      '| --- | --- | --- | --- | --- | --- |',
      `| cached (render cache on), 32 connections, ${seconds} s | ${cached.requests.average.toFixed(0)} | ${cached.latency.p50} | ${cached.latency.p99} | ${cached.non2xx} | ${cached.errors} |`,
      `| uncached baseline: one render (build, layout, sources, SVG), in process | ${(1000 / renderMs).toFixed(1)} | ${renderMs.toFixed(1)} (median of ${renders}) | - | - | - |`,
      '',
      `Target: ≥ 2000 req/s cached on 2 cores — ${cached.requests.average >= 2000 ? 'met' : 'NOT met'}.`,
    ].join('\n');
    return { name: 'embed', markdown, data };
  } finally {
    await server.stop();
  }
}
