// `chokepoint serve` owns the embedded store and runs ingest in-process: its scheduled jobs (a cron
// every second on a loopback fixture server), and the work a CLI `ingest` hands over to it.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../ingest/fixture-server.js';
import { PER_RUN_MS, runCli, startServe, type ServeProcess } from './run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'chokepoint-handoff-'));
const dataDir = join(work, 'data');
const articles = join(import.meta.dirname, '../fixtures/articles');
const article = join(
  articles,
  readdirSync(articles).find((f) => f.startsWith('002_'))!,
);
const KEYS = 'ed:editor,rd:reader';
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Run = { job: string; documents: { added: number; unchanged: number }; failures: { reason: string }[] };

async function gql<T>(url: string, query: string): Promise<T> {
  // a reader key: the run log holds fetched URLs and errors, so it needs a key
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'rd' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Polls until `check` returns a value (at most `ms`). */
async function until<T>(ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`nothing after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('serve with in-process ingest, and the CLI hand-off', () => {
  let fixtures: FixtureServer;
  let serve: ServeProcess;
  let url = '';

  beforeAll(async () => {
    fixtures = await startFixtureServer();
    const sources = join(work, 'sources.yaml');
    // no pause before a run (the default jitter would start it up to 30 s late)
    writeFileSync(sources, `defaults:\n  jitterSeconds: 0\njobs:\n  - name: fixture-article\n    kind: news\n    urls: ['${fixtures.base}/article']\n    schedule: '* * * * * *'\n`);
    serve = await startServe(['--port', '0', '--no-seed', '--ingest-config', sources, '--allow-private'], { DATA_DIR: dataDir, API_KEYS: KEYS, LOG_LEVEL: 'info', HOST: '127.0.0.1' });
    url = serve.url;
  }, 2 * PER_RUN_MS);

  afterAll(async () => {
    if (serve.child.exitCode === null) {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
    await fixtures.close();
  });

  it('runs the scheduled job in the server; its run is in ingestRuns', async () => {
    const run = await until(10_000, async () =>
      (await gql<{ ingestRuns: Run[] }>(url, '{ ingestRuns(first: 5) { job documents { added unchanged } failures { reason } } }')).ingestRuns.find((r) => r.job === 'fixture-article'),
    );
    expect(run.failures).toEqual([]);
    expect(serve.log()).toContain('ingest jobs scheduled');
  });

  it('hands `ingest file` to the server when it holds the store; the document lands', { timeout: 2 * PER_RUN_MS }, async () => {
    const env = { DATA_DIR: dataDir, CHOKEPOINT_SERVER: url, CHOKEPOINT_API_KEY: 'ed' };
    const r = await runCli(['ingest', 'file', article], env);
    expect(r.stderr).toContain(`handing the work to it`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/manual\s+docs \+1 /);
    const docs = await gql<{ documents: { edges: { node: { url: string } }[] } }>(url, '{ documents(first: 200) { edges { node { ... on Document { url } } } } }');
    expect(docs.documents.edges.map((e) => e.node.url)).toContain(article);
    const runs = await gql<{ ingestRuns: Run[] }>(url, '{ ingestRuns(first: 50) { job documents { added unchanged } failures { reason } } }');
    expect(runs.ingestRuns.some((x) => x.job === 'manual' && x.documents.added === 1)).toBe(true);

    // status reads the server's run log over GraphQL (a reader key is enough)
    const status = await runCli(['ingest', 'status'], { DATA_DIR: dataDir, CHOKEPOINT_SERVER: url, CHOKEPOINT_API_KEY: 'rd' });
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/manual\s+docs \+1 /);
    expect(status.stdout).toContain('fixture-article');
  });

  it('refuses the hand-off clearly without a key, with a reader key, and when no server answers', { timeout: 3 * PER_RUN_MS }, async () => {
    const noKey = await runCli(['ingest', 'file', article], { DATA_DIR: dataDir, CHOKEPOINT_SERVER: url });
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toMatch(/needs an API key with the editor role \(CHOKEPOINT_API_KEY or --api-key\)/);
    const reader = await runCli(['ingest', 'file', article, '--server', url, '--api-key', 'rd'], { DATA_DIR: dataDir });
    expect(reader.code).toBe(1);
    expect(reader.stderr).toMatch(/needs the editor role; the key presented has the reader role/);
    const nobody = await runCli(['ingest', 'file', article, '--server', 'http://127.0.0.1:9'], { DATA_DIR: dataDir, CHOKEPOINT_API_KEY: 'ed' });
    expect(nobody.code).not.toBe(0);
    expect(nobody.stderr).toMatch(/no chokepoint server answers at http:\/\/127\.0\.0\.1:9/);
  });

  it('stops the scheduled jobs before the store closes on SIGTERM, and exits 0', { timeout: 2 * PER_RUN_MS }, async () => {
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    expect(serve.log().indexOf('shutting down: ingest stops')).toBeLessThan(serve.log().indexOf('"msg":"stopped"'));
    // the store is free again: the CLI opens it itself and sees the runs
    const status = await runCli(['ingest', 'status'], { DATA_DIR: dataDir });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('fixture-article');
  });
});

describe('serve with a broken sources file', () => {
  it('exits 1 naming the file and the field', { timeout: PER_RUN_MS }, async () => {
    const bad = join(work, 'broken.yaml');
    writeFileSync(bad, `jobs:\n  - name: x\n    urls: ['not a url']\n`);
    const r = await runCli(['serve', '--port', '0', '--no-seed', '--ingest-config', bad], { DATA_DIR: join(work, 'broken-data') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(bad);
    expect(r.stderr).toMatch(/jobs\.0\.urls\.0/);
  });
});
