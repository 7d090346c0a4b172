// Embed load: a bounded loopback autocannon run (a second process) on /embed/map.svg with the
// render cache on, at concurrency 32, beside the uncached render cost of the same map measured
// in this process; then cached HTML throughput during a flood of distinct uncached PNG requests
// (a third process) beside the same without the flood. The server runs in this process on an
// in-memory store seeded from seeds/, with rate limiting off (every client here is one loopback address).
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
function autocannon(url: string, seconds: number, connections: number, headers: string[] = []): Promise<CannonResult> {
  const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '-c', String(connections), '-d', String(seconds), ...headers.flatMap((h) => ['-H', h]), '-j', url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as CannonResult) : reject(new Error(`autocannon exited ${code}`))));
  });
}

/** The flood client: `connections` loops, each asking for a map no one asked for before (a new asOf every time), without heeding Retry-After. */
const FLOOD_SCRIPT = `
const [base, connections, seconds] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
const end = Date.now() + seconds * 1000;
const statuses = {};
let n = 0;
async function loop() {
  while (Date.now() < end) {
    const asOf = new Date(Date.UTC(1990, 0, 1) + n++ * 86400000).toISOString().slice(0, 10);
    try {
      const r = await fetch(base + '&asOf=' + asOf);
      await r.arrayBuffer();
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    } catch {
      statuses.error = (statuses.error ?? 0) + 1;
    }
  }
}
await Promise.all(Array.from({ length: connections }, loop));
process.stdout.write(JSON.stringify(statuses));
`;

/** Runs a flood of new variants of a map URL in a child process for `seconds`; resolves to the count of answers by status. */
function variantFlood(url: string, connections: number, seconds: number): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', FLOOD_SCRIPT, url, String(connections), String(seconds)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Record<string, number>) : reject(new Error(`flood exited ${code}`))));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The embed benchmark. */
export async function run(opts: { quick: boolean }): Promise<{ name: string; markdown: string; data: unknown }> {
  const server = await startServer(loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RATE_LIMIT_PER_SECOND: '0' }));
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
      bytes = (await renderMap({ snapshot, store: server.store, params, format: 'svg', origin: server.url })).byteLength;
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const renderMs = median(times);

    const url = `${server.url}/embed/map.svg?${query}`;
    await fetch(url).then((r) => r.arrayBuffer());
    await autocannon(url, 1, 32); // warm-up: connections, JIT
    const seconds = opts.quick ? 3 : 10;
    const cached = await autocannon(url, seconds, 32);
    const etag = (await fetch(url)).headers.get('etag')!;

    // Cached HTML during a flood of distinct uncached PNG requests, beside the same without it.
    const htmlUrl = `${server.url}/embed/map?${query}`;
    await fetch(htmlUrl).then((r) => r.arrayBuffer());
    await autocannon(htmlUrl, 1, 32);
    const quiet = await autocannon(htmlUrl, seconds, 32);
    // the same page as browsers fetch it (gzip accepted): fewer bytes per answer
    const htmlBytes = (await (await fetch(htmlUrl, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()).byteLength;
    const gz = await autocannon(htmlUrl, seconds, 32, ['accept-encoding=gzip']);
    const gzBytes = Number((await fetch(htmlUrl, { headers: { 'accept-encoding': 'gzip' } })).headers.get('content-length') ?? 0);
    // 4 flooders (the attack as reported: each keeps one uncached PNG in flight, which the pool
    // admits), then 8 (twice what the pool admits: the rest are refused 503 and asked again at once)
    // and 4 asking for new HTML maps (drawn on the event loop, under the render budget)
    const floods: { what: string; connections: number; result: CannonResult; answers: Record<string, number>; ratio: number }[] = [];
    for (const [what, connections] of [
      ['PNG', 4],
      ['PNG', 8],
      ['HTML', 4],
    ] as const) {
      const flood = variantFlood(`${server.url}/embed/map${what === 'PNG' ? '.png' : ''}?${query}`, connections, seconds + 2);
      await new Promise((r) => setTimeout(r, 1000)); // the flood fills the pool first
      const result = await autocannon(htmlUrl, seconds, 32);
      const answers = await flood;
      floods.push({ what, connections, result, answers, ratio: result.requests.average / quiet.requests.average });
    }
    const ratio = floods[0]!.ratio;
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
      pngFlood: {
        htmlConnections: 32,
        seconds,
        withoutFlood: { requestsPerSecond: quiet.requests.average, p50Ms: quiet.latency.p50, p99Ms: quiet.latency.p99, non2xx: quiet.non2xx, errors: quiet.errors },
        gzipWithoutFlood: { requestsPerSecond: gz.requests.average, p50Ms: gz.latency.p50, p99Ms: gz.latency.p99, non2xx: gz.non2xx, errors: gz.errors, bytes: gzBytes, plainBytes: htmlBytes },
        duringFlood: floods.map((f) => ({
          flood: f.what,
          floodConnections: f.connections,
          requestsPerSecond: f.result.requests.average,
          p50Ms: f.result.latency.p50,
          p99Ms: f.result.latency.p99,
          non2xx: f.result.non2xx,
          errors: f.result.errors,
          floodAnswers: f.answers,
          ratio: f.ratio,
        })),
        ratio,
        targetRatio: 0.5,
      },
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
      '',
      `Cached HTML (\`/embed/map?${query}\`, 32 connections, ${seconds} s) beside the same during a flood of distinct uncached PNG requests (a third process, a new \`asOf\` every request, Retry-After ignored; the pool admits 1 render + 3 waiting), and during a flood of distinct uncached HTML maps (drawn on the event loop, under the render budget of 6 s in 10):`,
      '',
      '| | req/s | p50 ms | p99 ms | non-2xx | errors | flood answers | kept |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      `| cached HTML, no flood (${(htmlBytes / 1024).toFixed(0)} KiB) | ${quiet.requests.average.toFixed(0)} | ${quiet.latency.p50} | ${quiet.latency.p99} | ${quiet.non2xx} | ${quiet.errors} | - | - |`,
      `| cached HTML gzipped, as browsers ask (${(gzBytes / 1024).toFixed(0)} KiB), no flood | ${gz.requests.average.toFixed(0)} | ${gz.latency.p50} | ${gz.latency.p99} | ${gz.non2xx} | ${gz.errors} | - | ${((100 * gz.requests.average) / quiet.requests.average).toFixed(0)}% of plain |`,
      ...floods.map(
        (f) =>
          `| cached HTML, ${f.what} flood of ${f.connections} connections | ${f.result.requests.average.toFixed(0)} | ${f.result.latency.p50} | ${f.result.latency.p99} | ${f.result.non2xx} | ${f.result.errors} | ${Object.entries(
            f.answers,
          )
            .map(([k, v]) => `${v} × ${k}`)
            .join(', ')} | ${(f.ratio * 100).toFixed(0)}% |`,
      ),
      '',
      `Target: cached HTML keeps ≥ 50% of its throughput during the PNG flood of 4 — ${ratio >= 0.5 ? 'met' : 'NOT met'} (${(ratio * 100).toFixed(0)}%).`,
    ].join('\n');
    return { name: 'embed', markdown, data };
  } finally {
    await server.stop();
  }
}
