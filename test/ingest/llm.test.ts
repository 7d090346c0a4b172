// The LLM extractor against a loopback OpenAI-compatible server answering fixed responses: each
// bad answer (hallucinated quote, wrong direction, unknown relation, a name two entities share,
// truncated JSON, a timeout, a 429, a server without structured output) is dropped or handled as
// specified, the request is generated from the domain model, and the cache spares a second request.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Gazetteer } from '../../ingest/extract/gazetteer.js';
import type { EntityOut, ExtractedRecord, FactOut } from '../../ingest/extract/extract.js';
import { chunkText } from '../../ingest/extract/llm/chunk.js';
import { extractWith, mergeRecords } from '../../ingest/extract/llm/combine.js';
import { LlmError } from '../../ingest/extract/llm/client.js';
import { emptyStats, LlmExtractor, type LlmStats } from '../../ingest/extract/llm/extractor.js';
import { CONFIDENCE, parseAnswer } from '../../ingest/extract/llm/ground.js';
import { PROMPT_VERSION, RESPONSE_SCHEMA, SYSTEM_PROMPT, isLlmExtractor, llmExtractorId } from '../../ingest/extract/llm/prompt.js';
import { llmSettingsFromEnv } from '../../ingest/extract/llm/settings.js';
import { EXTRACTOR_VERSION } from '../../ingest/extract/version.js';
import { InvalidInput } from '../../schema/errors.js';
import { extractorMode } from '../../api/cli/extractor.js';
import { RELATION_ENDPOINTS, RELATION_TYPES } from '../../schema/generated/model.js';
import { DOMAIN } from '../../schema/generated/domain.js';
import { ENTITIES, FACTS, TEXT, settingsFor } from './llm-fixtures.js';
import { answer, startFakeLlm, type FakeLlmServer, type Reply, type SentRequest } from './llm-server.js';

const gazetteer = Gazetteer.build(ENTITIES, { lexicon: false });
const facts = (records: ExtractedRecord[]) => records.filter((r): r is FactOut => r.kind === 'fact');
const entities = (records: ExtractedRecord[]) => records.filter((r): r is EntityOut => r.kind === 'entity');
const key = (f: FactOut) => `${f.rel} ${f.subject.id} -> ${f.object.id}`;

let server: FakeLlmServer | null = null;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'llm-test-'));
});
afterEach(async () => {
  await server?.close();
  server = null;
  rmSync(dir, { recursive: true, force: true });
});

async function serve(script: (req: SentRequest, n: number) => Reply): Promise<FakeLlmServer> {
  server = await startFakeLlm(script);
  return server;
}

async function run(llm: LlmExtractor, text = TEXT): Promise<{ records: ExtractedRecord[]; stats: LlmStats }> {
  const stats = emptyStats(llm.id);
  const records = await llm.extract(text, { source: 'briefing.txt', gazetteer, stats });
  return { records, stats };
}

describe('settings', () => {
  it('asking for a model without LLM_BASE_URL or LLM_MODEL is one line naming the variable', () => {
    expect(() => llmSettingsFromEnv({})).toThrow(InvalidInput);
    expect(() => llmSettingsFromEnv({})).toThrow(/^LLM_BASE_URL: not set; --extractor llm needs LLM_BASE_URL .* and LLM_MODEL/);
    expect(() => llmSettingsFromEnv({ LLM_BASE_URL: 'http://localhost:8000/v1' })).toThrow(/^LLM_MODEL: not set/);
    expect(() => llmSettingsFromEnv({ LLM_BASE_URL: 'localhost:8000', LLM_MODEL: 'm' })).toThrow(/^LLM_BASE_URL: expected the http\(s\) URL/);
    expect(() => llmSettingsFromEnv({ LLM_BASE_URL: 'http://h/v1', LLM_MODEL: 'm', LLM_TIMEOUT_MS: 'soon' })).toThrow(/^LLM_TIMEOUT_MS: /);
  });

  it('--extractor takes rules, llm or both in any case; anything else is one line naming the option', () => {
    expect(extractorMode(undefined)).toBeUndefined();
    expect(extractorMode('LLM')).toBe('llm');
    expect(() => extractorMode('gpt')).toThrow('--extractor: expected one of rules, llm, both, got "gpt"');
  });

  it('defaults: 120 s per request, 3 retries, 2 at once, chunks of 6000 characters overlapping by a sentence', () => {
    const s = llmSettingsFromEnv({ LLM_BASE_URL: 'http://localhost:8000/v1/', LLM_MODEL: 'qwen', LLM_API_KEY: 'k' });
    expect(s).toMatchObject({ baseUrl: 'http://localhost:8000/v1', model: 'qwen', apiKey: 'k', timeoutMs: 120_000, retries: 3, concurrency: 2, chunkChars: 6000, overlapSentences: 1 });
  });
});

describe('the request, generated from the domain model', () => {
  it('names every relation type with its endpoints and description, and every label', () => {
    for (const r of DOMAIN.relations) expect(SYSTEM_PROMPT).toContain(`- ${r.type}: ${r.from.join('|')} -> ${r.to.join('|')}. ${r.description}`);
    for (const l of DOMAIN.labels.filter((x) => x.label !== 'Document')) expect(SYSTEM_PROMPT).toContain(`- ${l.label}: ${l.description}`);
    const item = (RESPONSE_SCHEMA.properties as { facts: { items: { properties: Record<string, { enum?: unknown }> } } }).facts.items;
    expect(item.properties.relation!.enum).toEqual(RELATION_TYPES);
    expect(JSON.stringify(item.properties.props)).toContain('"count"');
  });

  it('the extractor id is llm/<model>@<prompt version>', () => {
    expect(PROMPT_VERSION).toMatch(/^[0-9a-f]{12}$/);
    expect(llmExtractorId('org/some-model-7b')).toBe(`llm/org/some-model-7b@${PROMPT_VERSION}`);
    expect(isLlmExtractor(llmExtractorId('m'))).toBe(true);
    expect(isLlmExtractor(`ingest/runs-on@${EXTRACTOR_VERSION}`)).toBe(false);
  });

  it('sends the model, the API key, temperature 0 and response_format json_schema', async () => {
    const s = await serve(() => ({ content: answer([]) }));
    await run(new LlmExtractor(settingsFor(s.baseUrl, { apiKey: 'sk-test' })));
    const [req] = s.requests;
    expect(req).toMatchObject({ model: 'test-model', authorization: 'Bearer sk-test', text: TEXT });
    expect(req!.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'facts', schema: RESPONSE_SCHEMA } });
    expect(req!.messages[0]).toEqual({ role: 'system', content: SYSTEM_PROMPT });
  });
});

describe('grounding', () => {
  it('keeps what the document bears out and counts every drop by its reason', async () => {
    const s = await serve(() => ({ content: answer(Object.values(FACTS)) }));
    const { records, stats } = await run(new LlmExtractor(settingsFor(s.baseUrl)));
    const kept = facts(records);
    expect(kept.map(key).sort()).toEqual(['DESIGNED_BY chip:ardent-x9 -> org:ardent-micro', 'DEVELOPED_BY model:corvid-7 -> lab:veltrion-labs', 'TRAINED_ON model:corvid-7 -> chip:ardent-x9']);
    expect(stats.drops).toEqual({
      quote_not_found: 1,
      quote_unrelated: 1,
      wrong_direction: 1,
      unknown_relation: 1,
      ambiguous_endpoint: 1,
      name_not_in_document: 1,
      invalid_props: 1,
      unknown_label: 1,
    });
    expect(stats.facts).toBe(3);
    // every quote kept is an exact sentence of the document
    for (const f of kept) expect(TEXT.split('\n')).toContain(f.quote);
    const byRel = Object.fromEntries(kept.map((f) => [f.rel, f]));
    expect(byRel.TRAINED_ON).toMatchObject({ confidence: CONFIDENCE.quoted, extractor: llmExtractorId('test-model'), source: 'briefing.txt' });
    // the paraphrase is aligned to the sentence naming both, with a lower confidence
    expect(byRel.DEVELOPED_BY).toMatchObject({ quote: 'Corvid-7 was developed by Veltrion Labs in Lisbon.', confidence: CONFIDENCE.aligned });
    // spacing the model changed is forgiven; the quote kept is the document's own
    expect(byRel.DESIGNED_BY).toMatchObject({ quote: 'The Ardent X9 is designed by Ardent Micro.', confidence: CONFIDENCE.quoted });
  });

  it('a name two entities share stays ambiguous, with its candidates, and relates nothing', async () => {
    const s = await serve(() => ({ content: answer([FACTS.twoEntities]) }));
    const { records } = await run(new LlmExtractor(settingsFor(s.baseUrl)));
    expect(facts(records)).toEqual([]);
    const [halden] = entities(records);
    expect(halden).toMatchObject({ name: 'Halden', status: 'ambiguous' });
    expect(halden!.id).toBeUndefined();
    expect([...halden!.candidates!].sort()).toEqual(['lab:halden-research', 'org:halden-systems']);
  });

  it('a hallucinated quote whose endpoints no sentence names together is dropped', async () => {
    const s = await serve(() => ({ content: answer([FACTS.hallucinatedQuote]) }));
    const { records, stats } = await run(new LlmExtractor(settingsFor(s.baseUrl)));
    expect(records).toEqual([]);
    expect(stats.drops).toEqual({ quote_not_found: 1 });
  });

  it('a wrong direction is dropped, never turned round', async () => {
    const s = await serve(() => ({ content: answer([FACTS.wrongDirection]) }));
    const { records, stats } = await run(new LlmExtractor(settingsFor(s.baseUrl)));
    expect(records).toEqual([]);
    expect(stats.drops).toEqual({ wrong_direction: 1 });
  });

  it('kept facts fit the schema: allowed endpoints, valid props, endpoints known or proposed with ids', async () => {
    const s = await serve(() => ({
      content: answer([
        { relation: 'trained on', subject: { name: 'Corvid-7', type: 'model' }, object: { name: 'Ardent X9', type: 'chip' }, quote: TEXT.split('\n')[0], props: { count: 512 } },
        ...Object.values(FACTS),
      ]),
    }));
    const { records } = await run(new LlmExtractor(settingsFor(s.baseUrl)));
    for (const f of facts(records)) {
      expect(RELATION_ENDPOINTS[f.rel].from).toContain(f.subject.type);
      expect(RELATION_ENDPOINTS[f.rel].to).toContain(f.object.type);
      expect(TEXT).toContain(f.quote);
    }
    // relation and label names are read in any case and spacing; a count the schema takes is kept
    expect(facts(records).find((f) => f.rel === 'TRAINED_ON')!.props).toEqual({ count: 512 });
  });

  it('reads an answer in a code fence or as a bare list; anything else is no answer', () => {
    expect(parseAnswer('```json\n{"facts": []}\n```')).toEqual([]);
    expect(parseAnswer('[{"relation": "X"}]')).toEqual([{ relation: 'X' }]);
    expect(parseAnswer('{"facts": [{"relation": "TRAINED_ON", "subj')).toBeNull();
    expect(parseAnswer('{"items": []}')).toBeNull();
  });
});

describe('long documents', () => {
  const sentences = Array.from({ length: 12 }, (_, i) => `Sentence ${i + 1} says that Corvid-7 was developed by Veltrion Labs in year ${2000 + i}.`);
  const long = sentences.join(' ');

  it('are split on sentence boundaries, each chunk repeating the last sentence of the one before', () => {
    const chunks = chunkText(long, 200, 1);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(long.slice(c.start, c.end)).toBe(c.text);
      expect(c.text.startsWith('Sentence ')).toBe(true);
      expect(c.text.endsWith('.')).toBe(true);
    }
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.start).toBeLessThan(chunks[i - 1]!.end);
    expect(chunks[chunks.length - 1]!.end).toBe(long.length);
  });

  it('send a request per chunk, and a fact stated in several chunks becomes one record', async () => {
    const s = await serve((req) => {
      const first = /Sentence \d+ says that Corvid-7 was developed by Veltrion Labs in year \d+\./.exec(req.text)![0];
      return { content: answer([{ ...FACTS.paraphrased, quote: first }]) };
    });
    const { records, stats } = await run(new LlmExtractor(settingsFor(s.baseUrl, { chunkChars: 200 })), long);
    expect(s.requests.length).toBe(chunkText(long, 200, 1).length);
    expect(stats.requests).toBe(s.requests.length);
    expect(facts(records).map(key)).toEqual(['DEVELOPED_BY model:corvid-7 -> lab:veltrion-labs']);
    expect(stats.totalTokens).toBe(120 * s.requests.length);
  });
});

describe('the server', () => {
  it('a 429 is retried after a pause, and the answer then counts', async () => {
    const s = await serve((_req, n) => (n === 0 ? { status: 429, headers: { 'retry-after': '0' }, body: '{"error":{"message":"rate limited"}}' } : { content: answer([FACTS.exact]) }));
    const { records, stats } = await run(new LlmExtractor(settingsFor(s.baseUrl)));
    expect(s.requests.length).toBe(2);
    expect(stats.requests).toBe(2);
    expect(facts(records).map(key)).toEqual(['TRAINED_ON model:corvid-7 -> chip:ardent-x9']);
  });

  it('5xx answers past the retries fail with llm_http after 1 + retries requests', async () => {
    const s = await serve(() => ({ status: 503, body: 'overloaded' }));
    const stats = emptyStats('x');
    await expect(new LlmExtractor(settingsFor(s.baseUrl, { retries: 2 })).extract(TEXT, { source: 'b.txt', gazetteer, stats })).rejects.toMatchObject({ reason: 'llm_http' });
    expect(s.requests.length).toBe(3);
    expect(stats).toMatchObject({ requests: 3, failures: 1 });
  });

  it('a server slower than the time limit fails with llm_timeout (not retried)', async () => {
    const s = await serve(() => ({ delayMs: 3000, content: answer([FACTS.exact]) }));
    const started = Date.now();
    const err = await new LlmExtractor(settingsFor(s.baseUrl, { timeoutMs: 200 })).extract(TEXT, { source: 'b.txt', gazetteer, stats: emptyStats('x') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect(err).toMatchObject({ reason: 'llm_timeout' });
    expect((err as Error).message).toMatch(/no answer within 200 ms \(LLM_TIMEOUT_MS\)/);
    expect(Date.now() - started).toBeLessThan(2500);
    expect(s.requests.length).toBe(1);
  });

  it('a server refusing json_schema is asked in plain JSON, and only so for the rest of the run', async () => {
    const s = await serve((req) =>
      req.response_format ? { status: 400, body: '{"error":{"message":"response_format of type json_schema is not supported by this server"}}' } : { content: answer([FACTS.exact]) },
    );
    const llm = new LlmExtractor(settingsFor(s.baseUrl));
    const first = await run(llm);
    expect(facts(first.records).length).toBe(1);
    expect(first.stats).toMatchObject({ requests: 2, plainJsonFallback: true });
    // the fallback puts the schema in the prompt instead
    expect(s.requests[1]!.response_format).toBeUndefined();
    expect(s.requests[1]!.messages[0]!.content).toContain(JSON.stringify(RESPONSE_SCHEMA));
    await run(llm, `${TEXT}\nA further sentence about Corvid-7.`);
    expect(s.requests.length).toBe(3);
    expect(s.requests[2]!.response_format).toBeUndefined();
  });

  it('truncated JSON is counted; when no chunk answered JSON the document fails with llm_bad_response', async () => {
    const s = await serve(() => ({ content: '{"facts": [{"relation": "TRAINED_ON", "subject": {"name": "Corv', finishReason: 'length' }));
    const stats = emptyStats('x');
    await expect(new LlmExtractor(settingsFor(s.baseUrl)).extract(TEXT, { source: 'b.txt', gazetteer, stats })).rejects.toMatchObject({ reason: 'llm_bad_response' });
    expect(stats.drops).toEqual({ truncated_json: 1 });
    expect(stats.failures).toBe(1);
  });

  it('a truncated chunk among good ones loses that chunk only', async () => {
    const sentences = Array.from({ length: 8 }, (_, i) => `Corvid-7 was developed by Veltrion Labs, report ${i + 1} says.`);
    const s = await serve((_req, n) =>
      n === 0 ? { content: '{"facts": [', finishReason: 'length' } : { content: answer([{ ...FACTS.paraphrased, quote: 'Corvid-7 was developed by Veltrion Labs, report 8 says.' }]) },
    );
    const { records, stats } = await run(new LlmExtractor(settingsFor(s.baseUrl, { chunkChars: 200, concurrency: 1 })), sentences.join(' '));
    expect(facts(records).length).toBe(1);
    expect(stats.drops.truncated_json).toBe(1);
    expect(stats.failures).toBe(0);
  });
});

describe('the response cache', () => {
  it('a second run over the same text, model and prompt sends no request and gives the same records', async () => {
    const s = await serve(() => ({ content: answer(Object.values(FACTS)) }));
    const cacheDir = join(dir, 'llm-cache');
    const first = await run(new LlmExtractor(settingsFor(s.baseUrl), { cacheDir }));
    expect(s.requests.length).toBe(1);
    // a new process (a new extractor) reads the cache
    const second = await run(new LlmExtractor(settingsFor(s.baseUrl), { cacheDir }));
    expect(s.requests.length).toBe(1);
    expect(second.records).toEqual(first.records);
    expect(second.stats).toMatchObject({ requests: 0, cacheHits: 1, totalTokens: 0 });
    // written atomically: no temporary file is left behind
    const files = readdirSync(cacheDir, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.json')).length).toBe(1);
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    // another model is another key
    await run(new LlmExtractor(settingsFor(s.baseUrl, { model: 'other-model' }), { cacheDir }));
    expect(s.requests.length).toBe(2);
  });

  it('an answer that failed is not kept: the next run asks again', async () => {
    let broken = true;
    const s = await serve(() => (broken ? { content: 'not json' } : { content: answer([FACTS.exact]) }));
    const cacheDir = join(dir, 'llm-cache');
    await expect(run(new LlmExtractor(settingsFor(s.baseUrl), { cacheDir }))).rejects.toBeInstanceOf(LlmError);
    broken = false;
    const again = await run(new LlmExtractor(settingsFor(s.baseUrl), { cacheDir }));
    expect(s.requests.length).toBe(2);
    expect(facts(again.records).length).toBe(1);
  });
});

describe('rules, llm or both', () => {
  const rules: ExtractedRecord[] = [
    { kind: 'entity', type: 'Model', name: 'Corvid-7', id: 'model:corvid-7', aliases: [], props: {}, source: 'b.txt', confidence: 0.9, status: 'known' },
    {
      kind: 'fact',
      rel: 'DEVELOPED_BY',
      subject: { type: 'Model', name: 'Corvid-7', id: 'model:corvid-7' },
      object: { type: 'Lab', name: 'Veltrion Labs', id: 'lab:veltrion-labs' },
      props: {},
      quote: 'Corvid-7 was developed by Veltrion Labs in Lisbon.',
      source: 'b.txt',
      confidence: 0.85,
      extractor: `ingest/developed-by@${EXTRACTOR_VERSION}`,
    },
  ];

  it('both: the rules first on a fact both state, each record keeping its own extractor and confidence', async () => {
    const s = await serve(() => ({ content: answer([FACTS.paraphrased, FACTS.exact]) }));
    const llm = new LlmExtractor(settingsFor(s.baseUrl));
    const out = await extractWith({ mode: 'both', llm, stats: emptyStats(llm.id) }, { text: TEXT, source: 'b.txt', gazetteer, structured: [], rules: () => rules });
    const f = facts(out.records);
    expect(f.map((x) => [x.rel, x.extractor, x.confidence])).toEqual([
      ['DEVELOPED_BY', `ingest/developed-by@${EXTRACTOR_VERSION}`, 0.85],
      ['TRAINED_ON', llm.id, CONFIDENCE.quoted],
    ]);
    expect(out.records[0]).toBe(rules[0]);
    expect(out.extractedWith).toBe(`${EXTRACTOR_VERSION}+${llm.id}`);
    expect(mergeRecords(rules, out.records)).toEqual(out.records);
  });

  it('llm: the document structure and the model; when the model fails, the rules and the error', async () => {
    const s = await serve(() => ({ status: 500, body: 'boom' }));
    const llm = new LlmExtractor(settingsFor(s.baseUrl, { retries: 0 }));
    const out = await extractWith({ mode: 'llm', llm, stats: emptyStats(llm.id) }, { text: TEXT, source: 'b.txt', gazetteer, structured: [], rules: () => rules });
    expect(out.records).toEqual(rules);
    expect(out.error).toMatchObject({ reason: 'llm_http' });
    expect(out.extractedWith).toBe(EXTRACTOR_VERSION);
  });

  it('rules: no request at all', async () => {
    const out = await extractWith({ mode: 'rules' }, { text: TEXT, source: 'b.txt', gazetteer, structured: [], rules: () => rules });
    expect(out).toEqual({ records: rules, extractedWith: EXTRACTOR_VERSION });
  });
});
