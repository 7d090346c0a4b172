// Ingest throughput: extraction alone (documents/s and MB/s, one thread and one worker per core)
// and the full pipeline into the embedded store, with the dev-set F1 beside them.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import { openEmbeddedStore } from '../graph/embedded/grafeo-executor.js';
import { extract } from '../ingest/extract/extract.js';
import { readGold } from '../ingest/eval/corpus.js';
import { score, type Prf, type ScoredRecord } from '../ingest/eval/score.js';
import { loadSeeds } from '../seeds/load.js';
import { Gazetteer } from '../ingest/extract/gazetteer.js';
import { IngestPipeline } from '../ingest/pipeline/pipeline.js';

const ROOT = join(import.meta.dirname, '..');
const WORKER_FLAG = '--ingest-bench-worker';
// Passes over the distinct texts before timing: the optimising compiler needs several passes before
// the per-article cost settles (one pass left the timed run a third slower than steady state).
const WARM_PASSES = 10;
/** Extracts each distinct text WARM_PASSES times, so the timed run measures the steady state. */
function warmUp(texts: readonly string[], gazetteer: Gazetteer): void {
  const distinct = [...new Set(texts)];
  for (let p = 0; p < WARM_PASSES; p++) for (const t of distinct) extract(t, { source: 'warm', gazetteer });
}
const ARTICLES = join(ROOT, 'test/fixtures/articles');
const EVAL = join(ROOT, 'test/fixtures/eval');
const DEV: [gold: string, article: string][] = [
  ['seed000.jsonl', '000_'],
  ['seed002.jsonl', '002_'],
  ['seed003.jsonl', '003_'],
];

/** Dev-set scores per file with the project's scorer (the one `chokepoint eval` uses). */
function devScores(gazetteer: Gazetteer): { file: string; entities: Prf; facts: Prf }[] {
  return DEV.map(([gold, prefix]) => {
    const article = readdirSync(ARTICLES).find((f) => f.startsWith(prefix))!;
    const pred = extract(readFileSync(join(ARTICLES, article), 'utf8'), { source: article, gazetteer }) as unknown as ScoredRecord[];
    const out = score(readGold(join(EVAL, gold)), pred);
    return { file: article, entities: out.entities, facts: out.facts };
  });
}

/**
 * Shares of about equal size (longest first, each to the lightest share): the wall time is the slowest
 * worker's, and dealing texts round-robin gave one worker the two long articles and the other the two short ones.
 */
function balancedShares(texts: string[], workers: number): string[][] {
  const shares = Array.from({ length: workers }, () => ({ texts: [] as string[], bytes: 0 }));
  for (const t of [...texts].sort((x, y) => y.length - x.length)) {
    const lightest = shares.reduce((m, s) => (s.bytes < m.bytes ? s : m));
    lightest.texts.push(t);
    lightest.bytes += t.length;
  }
  return shares.map((s) => s.texts);
}

/**
 * Extraction in worker processes (this same module, see the end of the file); returns wall time in ms.
 * Timed: from "go" to the last worker's "done" (a few bytes each), steady state only. Not timed: process
 * start-up, module and model loading, gazetteer building, sending the texts, and the warm-up passes.
 * Each worker runs V8 single-threaded: with one process per core, V8's own helper threads (concurrent
 * marking, sweeping, compilation) in every process oversubscribed the cores and cost about 40% throughput.
 */
async function parallelExtract(texts: string[], workers: number): Promise<number> {
  const shares = balancedShares(texts, workers);
  const pool = shares.map(() => fork(fileURLToPath(import.meta.url), [WORKER_FLAG], { execArgv: ['--single-threaded', '--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  const next = (w: ChildProcess) => new Promise((r) => w.once('message', r));
  await Promise.all(pool.map((w, i) => (w.send({ texts: shares[i] }), next(w))));
  const t0 = performance.now();
  await Promise.all(pool.map((w) => (w.send('go'), next(w))));
  const ms = performance.now() - t0;
  for (const w of pool) w.kill();
  return ms;
}

/**
 * The curated seeds' claims as labelled sentences: each claim's quote extracted on its own (seeds as the
 * gazetteer), and whether its relation between its two entities comes back. A development measure of what
 * the rules and the relation layer read, per relation type (the quotes come from the articles the seeds
 * were drawn from, so this is not a held-out figure).
 */
function seedReadBack(): { rel: string; claims: number; read: number }[] {
  const seeds = loadSeeds();
  const gazetteer = Gazetteer.build(seeds.entities);
  const byRel = new Map<string, { claims: number; read: number }>();
  for (const c of seeds.claims) {
    if (!c.quote) continue;
    const row = byRel.get(c.rel) ?? { claims: 0, read: 0 };
    byRel.set(c.rel, row);
    row.claims++;
    const facts = extract(c.quote, { source: 'seed', gazetteer }).filter((r) => r.kind === 'fact');
    if (facts.some((f) => f.rel === c.rel && f.subject.id === c.subject && f.object.id === c.object)) row.read++;
  }
  return [...byRel.entries()].map(([rel, r]) => ({ rel, ...r })).sort((a, b) => b.claims - a.claims);
}

export async function run(opts: { quick: boolean }): Promise<{ name: string; markdown: string; data: unknown }> {
  const gazetteer = Gazetteer.build([]);
  // news-sized articles (the 300 KB digest is measured on its own: it is not a typical article)
  const files = readdirSync(ARTICLES).sort();
  const all = files.map((f) => readFileSync(join(ARTICLES, f), 'utf8'));
  const typical = all.filter((t) => t.length < 100_000);
  const rounds = opts.quick ? 10 : 40;
  const texts = Array.from({ length: rounds }, () => typical).flat();
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  // the first extractions pay for regex compilation and JIT warm-up (the same passes as in the workers)
  warmUp(typical, gazetteer);

  // three timed rounds, the median reported with the range: on a shared 2-core machine one round moved by a fifth from run to run
  const roundMs: number[] = [];
  let t0 = 0;
  for (let r = 0; r < 3; r++) {
    t0 = performance.now();
    for (const t of texts) extract(t, { source: 'bench', gazetteer });
    roundMs.push(performance.now() - t0);
  }
  const singleMs = [...roundMs].sort((x, y) => x - y)[1]!;
  const cores = Math.min(availableParallelism(), 2);
  const parallelMs = cores > 1 ? await parallelExtract(texts, cores) : singleMs;

  const big = all.find((t) => t.length >= 100_000);
  // the digest once cold (its long tables take paths the news articles do not), then the median of three
  let bigFirstMs = 0;
  let bigMs = 0;
  if (big) {
    const runs: number[] = [];
    for (let r = 0; r < 4; r++) {
      t0 = performance.now();
      extract(big, { source: 'big', gazetteer });
      runs.push(performance.now() - t0);
    }
    bigFirstMs = runs[0]!;
    bigMs = runs.slice(1).sort((x, y) => x - y)[1]!;
  }

  // the full pipeline: files -> parse -> extract -> one transactional write each, embedded store on disk
  const dir = mkdtempSync(join(tmpdir(), 'ingest-bench-'));
  const docs = opts.quick ? 20 : 100;
  const paths: string[] = [];
  for (let i = 0; i < docs; i++) {
    const p = join(dir, `doc-${i}.txt`);
    writeFileSync(p, `${typical[i % typical.length]}\nItem ${i}.\n`);
    paths.push(p);
  }
  const store = await openEmbeddedStore({ dataDir: join(dir, 'data') });
  const pipeline = new IngestPipeline({ store });
  t0 = performance.now();
  const report = await pipeline.run(
    'bench',
    paths.map((location) => ({ location })),
  );
  const pipelineMs = performance.now() - t0;
  t0 = performance.now();
  const again = await pipeline.run(
    'bench-again',
    paths.map((location) => ({ location })),
  );
  const unchangedMs = performance.now() - t0;
  await store.close();
  const scores = devScores(gazetteer);
  rmSync(dir, { recursive: true, force: true });
  const readBack = seedReadBack();

  const perSec = (n: number, ms: number) => (n / ms) * 1000;
  const data = {
    extraction: {
      documents: texts.length,
      megabytes: bytes / 1e6,
      singleThread: { docsPerSec: perSec(texts.length, singleMs), mbPerSec: perSec(bytes / 1e6, singleMs), roundsDocsPerSec: roundMs.map((ms) => perSec(texts.length, ms)) },
      workers: cores,
      parallel: { docsPerSec: perSec(texts.length, parallelMs), mbPerSec: perSec(bytes / 1e6, parallelMs) },
      largeDocumentMs: bigMs,
      largeDocumentFirstMs: bigFirstMs,
    },
    pipeline: { documents: docs, docsPerSec: perSec(docs, pipelineMs), claimsAdded: report.claimsAdded, unchangedDocsPerSec: perSec(docs, unchangedMs), unchanged: again.documents.unchanged },
    dev: scores,
    seedReadBack: readBack,
  };
  const f = (x: number) => x.toFixed(1);
  const markdown = [
    '| measure | value |',
    '|---|---|',
    `| extraction, 1 thread | ${f(data.extraction.singleThread.docsPerSec)} articles/s, ${f(data.extraction.singleThread.mbPerSec)} MB/s (${texts.length} news articles, ${f(bytes / 1e6)} MB; the median of three rounds: ${data.extraction.singleThread.roundsDocsPerSec.map(f).join(', ')}) |`,
    `| extraction, ${cores} workers | ${f(data.extraction.parallel.docsPerSec)} articles/s, ${f(data.extraction.parallel.mbPerSec)} MB/s (target ≥ 100 articles/s on 2 cores) |`,
    `| extraction of one 300 KB digest | ${f(bigMs)} ms (median of three; ${f(bigFirstMs)} ms the first time) |`,
    `| full pipeline, embedded store | ${f(data.pipeline.docsPerSec)} documents/s (${docs} documents, ${report.claimsAdded} claims) |`,
    `| re-ingest of unchanged documents | ${f(data.pipeline.unchangedDocsPerSec)} documents/s |`,
    '',
    '| dev file | entity P / R / F1 | fact P / R / F1 |',
    '|---|---|---|',
    ...scores.map(
      (s) =>
        `| ${s.file} | ${s.entities.precision.toFixed(2)} / ${s.entities.recall.toFixed(2)} / ${s.entities.f1.toFixed(3)} | ${s.facts.precision.toFixed(2)} / ${s.facts.recall.toFixed(2)} / ${s.facts.f1.toFixed(3)} |`,
    ),
    '',
    'Curated seed claims read back from their own quote (development measure):',
    '',
    '| relation | claims with a quote | read back | share |',
    '|---|---|---|---|',
    ...readBack.map((r) => `| ${r.rel} | ${r.claims} | ${r.read} | ${(r.read / r.claims).toFixed(2)} |`),
    `| all | ${readBack.reduce((n, r) => n + r.claims, 0)} | ${readBack.reduce((n, r) => n + r.read, 0)} | ${(
      readBack.reduce((n, r) => n + r.read, 0) /
      Math.max(
        1,
        readBack.reduce((n, r) => n + r.claims, 0),
      )
    ).toFixed(2)} |`,
  ].join('\n');
  return { name: 'ingest', markdown, data };
}

// In a worker process: receive the share, warm up, say ready, extract it on "go", say done.
if (process.argv.includes(WORKER_FLAG) && process.send) {
  const g = Gazetteer.build([]);
  let texts: string[] = [];
  process.on('message', (msg: unknown) => {
    if (msg === 'go') {
      for (const t of texts) extract(t, { source: 'bench', gazetteer: g });
      process.send!('done');
      return;
    }
    texts = (msg as { texts: string[] }).texts;
    warmUp(texts, g);
    process.send!('ready');
  });
}
