// `chokepoint eval --extractor llm` scores a model's grounded records as it scores the rules', so a
// user can measure their model on their documents: here against the loopback server's fixed answer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LlmExtractor } from '../../ingest/extract/llm/extractor.js';
import { EXTRACTOR_VERSION } from '../../ingest/extract/version.js';
import { evaluate } from '../../ingest/eval/evaluate.js';
import { ENTITIES, FACTS, TEXT, settingsFor } from './llm-fixtures.js';
import { answer, startFakeLlm, type FakeLlmServer } from './llm-server.js';

const fact = (rel: string, subject: string, object: string) => JSON.stringify({ kind: 'fact', rel, subject: { name: subject }, object: { name: object }, source: 'briefing.txt' });
const GOLD = [
  fact('TRAINED_ON', 'Corvid-7', 'Ardent X9'),
  fact('DEVELOPED_BY', 'Corvid-7', 'Veltrion Labs'),
  fact('DESIGNED_BY', 'Ardent X9', 'Ardent Micro'),
  fact('PARTNERS_WITH', 'Halden Systems', 'Ardent Micro'),
].join('\n');

let dir: string;
let server: FakeLlmServer;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'llm-eval-'));
  writeFileSync(join(dir, 'briefing.txt'), TEXT);
  writeFileSync(join(dir, 'briefing.gold.jsonl'), GOLD);
  // the model states two true facts, one it cannot ground, and one in the wrong direction
  server = await startFakeLlm(() => ({ content: answer([FACTS.exact, FACTS.respaced, FACTS.hallucinatedQuote, FACTS.wrongDirection]) }));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('eval --extractor llm', () => {
  it('scores the grounded records of the model, and says what the model cost and dropped', async () => {
    const llm = new LlmExtractor(settingsFor(server.baseUrl));
    const base = { documents: [join(dir, 'briefing.txt')], gold: [join(dir, 'briefing.gold.jsonl')], entities: ENTITIES };
    const result = await evaluate({ ...base, extractor: 'llm', llm });
    expect(result.extractorVersion).toBe(llm.id);
    expect(result.score.facts).toMatchObject({ gold: 4, predicted: 2, matched: 2, precision: 1, recall: 0.5 });
    expect(result.llm).toMatchObject({ documents: 1, requests: 1, facts: 2, drops: { quote_not_found: 1, wrong_direction: 1 } });
    // both: the rules' records first, the model's added; the id names both
    const both = await evaluate({ ...base, extractor: 'both', llm });
    expect(both.extractorVersion).toBe(`${EXTRACTOR_VERSION}+${llm.id}`);
    expect(both.score.facts.matched).toBeGreaterThanOrEqual(result.score.facts.matched);
  });

  it('a model that fails is named in the warnings; the rules score the document', async () => {
    await server.close();
    server = await startFakeLlm(() => ({ status: 500, body: 'down' }));
    const llm = new LlmExtractor(settingsFor(server.baseUrl, { retries: 0 }));
    const result = await evaluate({ documents: [join(dir, 'briefing.txt')], gold: [join(dir, 'briefing.gold.jsonl')], entities: ENTITIES, extractor: 'llm', llm });
    expect(result.warnings.some((w) => /briefing\.txt: llm_http: .*HTTP 500.*scored with the rules' records/.test(w))).toBe(true);
    expect(result.llm).toMatchObject({ failures: 1 });
  });
});
