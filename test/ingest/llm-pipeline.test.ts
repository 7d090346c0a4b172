// The LLM extractor inside ingest: documents read with `llm` or `both` into the embedded store,
// nothing invalid written, a model's failure a dead letter with the rules' claims kept, the run's
// tokens and latency in its record, a second read answered from the cache, `reextract` switching
// extractors, jobs of a sources file naming theirs, and the CLI's one-line refusal.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmbeddedStore } from '../../graph/embedded/grafeo-executor.js';
import type { GraphStore } from '../../graph/store.js';
import { LlmExtractor } from '../../ingest/extract/llm/extractor.js';
import { isLlmExtractor } from '../../ingest/extract/llm/prompt.js';
import { EXTRACTOR_VERSION } from '../../ingest/extract/version.js';
import { allowed } from '../../ingest/extract/frame.js';
import { createPipeline } from '../../ingest/ingest-service.js';
import { IngestPipeline } from '../../ingest/pipeline/pipeline.js';
import { reextract } from '../../ingest/pipeline/reextract.js';
import { recentRuns } from '../../ingest/pipeline/run-log.js';
import { loadSourcesConfig } from '../../ingest/scheduler/config.js';
import { runAllOnce } from '../../ingest/scheduler/scheduler.js';
import { documentId } from '../../schema/records.js';
import { loadConfig } from '../../api/config.js';
import { startServer } from '../../api/server/serve.js';
import { gql } from '../api/client.js';
import { PER_RUN_MS, runCli, startServe, userEnv } from '../cli/run-cli.js';
import { ENTITIES, FACTS, TEXT, settingsFor } from './llm-fixtures.js';
import { answer, startFakeLlm, type FakeLlmServer, type Reply, type SentRequest } from './llm-server.js';

const DOC = documentId('briefing.txt');
const target = (extractor: 'rules' | 'llm' | 'both') => ({ location: 'briefing.txt', content: new TextEncoder().encode(TEXT), extractor });

let store: GraphStore;
let server: FakeLlmServer | null = null;
let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'llm-pipeline-'));
  store = await openEmbeddedStore({ dataDir: ':memory:' });
  await store.write({ entities: ENTITIES });
});
afterEach(async () => {
  await store.close();
  await server?.close();
  server = null;
  rmSync(dir, { recursive: true, force: true });
});

async function serve(script: (req: SentRequest, n: number) => Reply, documents: Record<string, string> = {}): Promise<FakeLlmServer> {
  server = await startFakeLlm(script, documents);
  return server;
}
const llmOf = (s: FakeLlmServer, over = {}) => new LlmExtractor(settingsFor(s.baseUrl, over), { cacheDir: join(dir, 'llm-cache') });
const claimsOf = async (documentIdWanted = DOC) => (await store.allClaims()).filter((c) => c.documentId === documentIdWanted);

/** Every live claim in the store fits the schema, cites an exact substring of the text, and joins entities the store holds. */
async function expectNothingInvalid(): Promise<void> {
  const claims = await store.allClaims();
  const ids = [...new Set(claims.flatMap((c) => [c.subject, c.object]))];
  const known = await store.getEntities(ids);
  for (const c of claims) {
    const s = known.get(c.subject);
    const o = known.get(c.object);
    expect(s && o, `${c.subject} and ${c.object} are stored`).toBeTruthy();
    expect(allowed(c.rel, s!.label, o!.label), `${c.rel} ${s!.label} -> ${o!.label}`).toBe(true);
    expect(TEXT).toContain(c.quote);
  }
  // the name two entities share and the name the text never writes reach no claim of the model's
  const fromModel = claims.filter((c) => isLlmExtractor(c.extractor)).flatMap((c) => [c.subject, c.object]);
  expect(fromModel.some((id) => id.includes('halden'))).toBe(false);
  expect(ids.some((id) => id.includes('zentara'))).toBe(false);
}

describe('ingest with --extractor llm', () => {
  it('writes only the grounded facts, each claim with the model extractor id; the run records tokens, latency and drops', async () => {
    const s = await serve(() => ({ content: answer(Object.values(FACTS)), usage: { prompt_tokens: 900, completion_tokens: 300, total_tokens: 1200 } }));
    const llm = llmOf(s);
    const report = await new IngestPipeline({ store, llm }).run('manual', [target('llm')]);
    expect(report.failures).toEqual([]);
    expect(report.documents.added).toBe(1);
    const claims = await claimsOf();
    expect(claims.map((c) => `${c.rel} ${c.subject} -> ${c.object}`).sort()).toEqual([
      'DESIGNED_BY chip:ardent-x9 -> org:ardent-micro',
      'DEVELOPED_BY model:corvid-7 -> lab:veltrion-labs',
      'TRAINED_ON model:corvid-7 -> chip:ardent-x9',
    ]);
    for (const c of claims) expect(c.extractor).toBe(llm.id);
    await expectNothingInvalid();
    expect(report.ambiguous.some((a) => a.startsWith('Halden ('))).toBe(true);
    const [recorded] = await recentRuns(store, 1);
    expect(recorded!.llm).toMatchObject({ extractor: llm.id, documents: 1, requests: 1, promptTokens: 900, completionTokens: 300, totalTokens: 1200, facts: 3, failures: 0 });
    expect(recorded!.llm!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(recorded!.llm!.drops).toMatchObject({ quote_not_found: 1, wrong_direction: 1, unknown_relation: 1, ambiguous_endpoint: 1 });
    const [input] = (await store.getDocumentInputs([DOC])).values();
    expect(input!.extractedWith).toBe(llm.id);
  });

  it('GraphQL ingestRuns gives the run tokens, latency and drops', async () => {
    const s = await serve(() => ({ content: answer([FACTS.exact, FACTS.wrongDirection]) }));
    const llm = llmOf(s);
    await new IngestPipeline({ store, llm }).run('manual', [target('llm')]);
    const api = await startServer(loadConfig({ DATA_DIR: ':memory:', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', API_KEYS: 'rd:reader', SEED_ON_START: 'false' }), { store });
    try {
      const r = await gql<{ ingestRuns: { llm: Record<string, unknown> }[] }>(
        api.url,
        '{ ingestRuns(first: 1) { llm { extractor documents requests promptTokens completionTokens totalTokens latencyMs facts drops } } }',
        {},
        { authorization: 'Bearer rd' },
      );
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data!.ingestRuns[0]!.llm).toMatchObject({
        extractor: llm.id,
        documents: 1,
        requests: 1,
        promptTokens: 100,
        completionTokens: 20,
        totalTokens: 120,
        facts: 1,
        drops: { wrong_direction: 1 },
      });
    } finally {
      await api.stop();
    }
  });

  it('a timeout is a dead letter, and the rules read the document instead', async () => {
    const s = await serve(() => ({ delayMs: 3000, content: answer([FACTS.exact]) }));
    const report = await new IngestPipeline({ store, llm: llmOf(s, { timeoutMs: 200 }) }).run('manual', [target('llm')]);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({ url: 'briefing.txt', reason: 'llm_timeout' });
    expect(report.failures[0]!.message).toMatch(/no answer within 200 ms.*the rules' records were written instead/);
    const claims = await claimsOf();
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) expect(c.extractor).toMatch(new RegExp(`^ingest/.+@${EXTRACTOR_VERSION}$`));
    // the input says the rules read it, so `reextract --extractor llm` asks the model again later
    const [input] = (await store.getDocumentInputs([DOC])).values();
    expect(input!.extractedWith).toBe(EXTRACTOR_VERSION);
    expect(report.llm).toMatchObject({ failures: 1 });
  });

  it('without a model configured, a target asking for one is read by the rules, with a dead letter saying why', async () => {
    const report = await new IngestPipeline({ store }).run('manual', [target('llm')]);
    expect(report.failures.map((f) => f.reason)).toEqual(['llm_not_configured']);
    expect((await claimsOf()).length).toBeGreaterThan(0);
  });

  it('both: rules and model claims side by side, the rules kept where both state a fact', async () => {
    const s = await serve(() => ({ content: answer([FACTS.paraphrased, FACTS.exact]) }));
    const llm = llmOf(s);
    await new IngestPipeline({ store, llm }).run('manual', [target('both')]);
    const claims = await claimsOf();
    const developed = claims.filter((c) => c.rel === 'DEVELOPED_BY');
    expect(developed).toHaveLength(1);
    expect(developed[0]!.extractor).toMatch(/^ingest\//);
    expect(claims.find((c) => c.rel === 'TRAINED_ON')!.extractor).toBe(llm.id);
    await expectNothingInvalid();
  });

  it('the same document read again (another store, same data directory) sends no request', async () => {
    const s = await serve(() => ({ content: answer([FACTS.exact]) }));
    await new IngestPipeline({ store, llm: llmOf(s) }).run('manual', [target('llm')]);
    expect(s.requests).toHaveLength(1);
    const other = await openEmbeddedStore({ dataDir: ':memory:' });
    try {
      await other.write({ entities: ENTITIES });
      const report = await new IngestPipeline({ store: other, llm: llmOf(s) }).run('manual', [target('llm')]);
      expect(s.requests).toHaveLength(1);
      expect(report.llm).toMatchObject({ requests: 0, cacheHits: 1, totalTokens: 0 });
      expect((await other.allClaims()).filter((c) => isLlmExtractor(c.extractor))).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe('reextract --extractor', () => {
  it('switches a document from the rules to the model and back; a second run changes nothing', async () => {
    const s = await serve(() => ({ content: answer([FACTS.exact, FACTS.respaced]) }));
    const llm = llmOf(s);
    await new IngestPipeline({ store }).run('manual', [target('rules')]);
    const ruled = await claimsOf();
    expect(ruled.every((c) => c.extractor.startsWith('ingest/'))).toBe(true);
    const toModel = await reextract({ store, extractor: 'llm', llm });
    expect(toModel.version).toBe(llm.id);
    expect(toModel.documents[0]).toMatchObject({ status: 'reextracted', claimsAdded: 2, claimsRetracted: ruled.length });
    expect((await claimsOf()).every((c) => c.extractor === llm.id)).toBe(true);
    expect(toModel.llm).toMatchObject({ documents: 1, requests: 1 });
    const again = await reextract({ store, extractor: 'llm', llm });
    expect(again).toMatchObject({ current: 1, documents: [] });
    const back = await reextract({ store });
    expect(back.documents[0]).toMatchObject({ fromVersions: [llm.id], claimsRetracted: 2 });
    expect((await claimsOf()).every((c) => c.extractor.startsWith('ingest/'))).toBe(true);
    await expectNothingInvalid();
  });
});

describe('sources.yaml', () => {
  it('a job names its extractor, and its documents are read with it', async () => {
    const s = await serve(() => ({ content: answer([FACTS.exact]) }), { '/briefing.txt': TEXT });
    const file = join(dir, 'sources.yaml');
    writeFileSync(file, `jobs:\n  - name: briefings\n    kind: news\n    extractor: llm\n    urls: ['${s.baseUrl.replace('/v1', '')}/briefing.txt']\n`);
    const config = loadSourcesConfig(file);
    expect(config.jobs[0]!.extractor).toBe('llm');
    const llm = llmOf(s);
    const [outcome] = await runAllOnce(config, createPipeline(store, config, { allowPrivate: true, llm }));
    expect(outcome!.report!.failures).toEqual([]);
    const url = `${s.baseUrl.replace('/v1', '')}/briefing.txt`;
    expect((await claimsOf(documentId(url))).map((c) => c.extractor)).toEqual([llm.id]);
  });

  it('an unknown extractor is refused naming the file and the field', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, `jobs:\n  - name: briefings\n    extractor: gpt\n    urls: ['https://example.org/a.txt']\n`);
    expect(() => loadSourcesConfig(file)).toThrow(/bad\.yaml: jobs\.0\.extractor/);
  });
});

describe('the command line', () => {
  it(
    'extract --extractor llm without LLM_BASE_URL is one line naming it (exit 1); with a server, the grounded records',
    async () => {
      const doc = join(dir, 'briefing.txt');
      writeFileSync(doc, TEXT);
      const env: Record<string, string> = { ...userEnv(), DATA_DIR: join(dir, 'data') };
      delete env.LLM_BASE_URL;
      delete env.LLM_MODEL;
      const refused = await runCli(['extract', doc, '--extractor', 'llm'], env);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toMatch(/^chokepoint extract: LLM_BASE_URL: not set; --extractor llm needs LLM_BASE_URL/);

      const s = await serve(() => ({ content: answer([FACTS.exact, FACTS.hallucinatedQuote]) }));
      const ok = await runCli(['extract', doc, '--extractor', 'llm', '--entities', 'none'], { ...env, LLM_BASE_URL: s.baseUrl, LLM_MODEL: 'test-model' });
      expect(ok.code, ok.stderr).toBe(0);
      const records = ok.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { kind: string; rel?: string; extractor?: string });
      expect(records.filter((r) => r.kind === 'fact').map((r) => [r.rel, r.extractor!.split('@')[0]])).toEqual([['TRAINED_ON', 'llm/test-model']]);
      expect(ok.stderr).toMatch(/1 requests, tokens 100 in \+ 20 out = 120.*1 facts kept, dropped: quote_not_found 1/);
    },
    PER_RUN_MS * 2,
  );

  it(
    'ingest file --extractor llm is refused while a server holds the store: the server reads handed documents with the rules',
    async () => {
      const doc = join(dir, 'briefing.txt');
      writeFileSync(doc, TEXT);
      const dataDir = join(dir, 'served');
      const served = await startServe(['--port', '0', '--no-seed', '--no-ingest'], { DATA_DIR: dataDir, API_KEYS: 'ed:editor', HOST: '127.0.0.1' });
      try {
        const r = await runCli(['ingest', 'file', doc, '--extractor', 'llm'], {
          DATA_DIR: dataDir,
          CHOKEPOINT_SERVER: served.url,
          CHOKEPOINT_API_KEY: 'ed',
          LLM_BASE_URL: 'http://127.0.0.1:9/v1',
          LLM_MODEL: 'test-model',
        });
        expect(r.code).toBe(1);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(/^chokepoint ingest: --extractor llm: the server at http:\/\/127\.0\.0\.1:\d+ holds the store and reads handed documents with the rules/);
      } finally {
        served.child.kill('SIGTERM');
        await served.exited;
      }
    },
    PER_RUN_MS * 3,
  );
});
