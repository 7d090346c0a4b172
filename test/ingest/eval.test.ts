// The evaluation scorer and command: entities meet on names and aliases, facts on relation and
// endpoints (either way round for symmetric relations), every record keyed by its document.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFolder, readGold } from '../../ingest/eval/corpus.js';
import { evaluate, extractFile } from '../../ingest/eval/evaluate.js';
import { normaliseName, score, type ScoredRecord } from '../../ingest/eval/score.js';
import { Gazetteer } from '../../ingest/extract/gazetteer.js';
import { runCli } from '../cli/run-cli.js';

const CORPUS = join(import.meta.dirname, '../fixtures/eval-corpus');

const entity = (name: string, source: string, aliases: string[] = []): ScoredRecord => ({ kind: 'entity', name, aliases, source });
const fact = (rel: string, subject: string, object: string, source: string, extra: Partial<ScoredRecord> = {}): ScoredRecord => ({
  kind: 'fact',
  rel,
  subject: { name: subject },
  object: { name: object },
  source,
  ...extra,
});

describe('score', () => {
  it.each([
    ['Nvidia Corp.', 'nvidia'],
    ['Société Générale', 'societe generale'],
    ['The Bank of England', 'bank england'],
    ['GLM-4.5', 'glm 4.5'],
    ['Qwen2.5-VL', 'qwen2.5 vl'],
  ])('normalises %s as %s', (name, expected) => expect(normaliseName(name)).toBe(expected));

  it('matches entities on a name or any alias, whatever their type', () => {
    const s = score([entity('NVIDIA', 'a.txt', ['Nvidia Corporation'])], [{ ...entity('Nvidia Corporation', 'a.txt'), type: 'Lab' } as ScoredRecord]);
    expect(s.entities).toMatchObject({ gold: 1, predicted: 1, matched: 1, precision: 1, recall: 1, f1: 1 });
  });

  it('keeps direction for facts, except for the symmetric relations', () => {
    const gold = [fact('DESIGNED_BY', 'H20', 'NVIDIA', 'a.txt'), fact('PARTNERS_WITH', 'G42', 'Microsoft', 'a.txt'), fact('SUBSTITUTES', 'H20', 'Ascend 910B', 'a.txt')];
    const pred = [fact('DESIGNED_BY', 'NVIDIA', 'H20', 'a.txt'), fact('PARTNERS_WITH', 'Microsoft', 'G42', 'a.txt'), fact('SUBSTITUTES', 'Ascend 910B', 'H20', 'a.txt')];
    const s = score(gold, pred);
    expect(s.facts).toMatchObject({ gold: 3, predicted: 3, matched: 2 });
    expect(s.facts.missed).toEqual(['a.txt#DESIGNED_BY|h20|nvidia']);
    expect(s.facts.spurious).toEqual(['a.txt#DESIGNED_BY|nvidia|h20']);
  });

  it('counts a record once per document that states it, by the file name its source ends with', () => {
    const gold = [entity('TSMC', 'docs/a.txt'), entity('TSMC', 'b.txt'), fact('LOCATED_IN', 'TSMC', 'Taiwan', 'b.txt')];
    const pred = [entity('TSMC', '/tmp/x/a.txt'), entity('TSMC', 'a.txt'), fact('LOCATED_IN', 'TSMC', 'Taiwan', 'a.txt')];
    const s = score(gold, pred);
    expect(s.entities).toMatchObject({ gold: 2, predicted: 1, matched: 1 });
    expect(s.facts).toMatchObject({ gold: 1, predicted: 1, matched: 0 });
    expect(s.documents.map((d) => [d.document, d.entities.matched, d.facts.gold, d.facts.predicted])).toEqual([
      ['a.txt', 1, 0, 1],
      ['b.txt', 0, 1, 0],
    ]);
  });

  it('a relaxed score lets names meet on half their words, one to one', () => {
    const gold = [fact('APPLIES_TO', 'US H20 export licence requirement', 'H20', 'a.txt'), fact('APPLIES_TO', 'Entity List', 'Huawei', 'a.txt')];
    const pred = [fact('APPLIES_TO', 'H20 export licence rule', 'Nvidia H20', 'a.txt'), fact('APPLIES_TO', 'H20 export licence', 'H20', 'a.txt')];
    const s = score(gold, pred);
    expect(s.facts.matched).toBe(0);
    expect(s.factsRelaxed).toMatchObject({ gold: 2, predicted: 2, matched: 1, precision: 0.5, recall: 0.5 });
  });

  it('--explicit-only leaves out gold facts marked inferred, at top level or in props', () => {
    const gold = [fact('RUNS_ON', 'A', 'B', 'a.txt'), fact('RUNS_ON', 'A', 'C', 'a.txt', { inferred: true }), fact('RUNS_ON', 'A', 'D', 'a.txt', { props: { inferred: true } })];
    expect(score(gold, []).facts.gold).toBe(3);
    expect(score(gold, [], { explicitOnly: true }).facts.gold).toBe(1);
  });

  it('per-document and per-relation figures add up to the totals', () => {
    const gold = [fact('RUNS_ON', 'A', 'B', 'a.txt'), fact('TRAINED_ON', 'A', 'B', 'b.txt'), fact('RUNS_ON', 'C', 'D', 'b.txt')];
    const pred = [fact('RUNS_ON', 'A', 'B', 'a.txt'), fact('RUNS_ON', 'C', 'D', 'b.txt'), fact('RUNS_ON', 'E', 'F', 'b.txt')];
    const s = score(gold, pred);
    expect(s.facts).toMatchObject({ gold: 3, predicted: 3, matched: 2 });
    expect(s.relations.map((r) => [r.rel, r.facts.gold, r.facts.predicted, r.facts.matched])).toEqual([
      ['RUNS_ON', 2, 3, 2],
      ['TRAINED_ON', 1, 0, 0],
    ]);
    for (const k of ['gold', 'predicted', 'matched'] as const) expect(s.documents.reduce((n, d) => n + d.facts[k], 0)).toBe(s.facts[k]);
  });

  it('scores zero, not NaN, with nothing predicted or no gold', () => {
    expect(score([], []).facts).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('eval', () => {
  it('a corpus folder: its documents (not gold, README or manifests) and its gold files', () => {
    const c = corpusFolder(CORPUS);
    expect(c.documents.map((d) => d.split('/').pop())).toEqual(['alpha-briefing.txt', 'beta-note.txt']);
    expect(c.gold.map((d) => d.split('/').pop())).toEqual(['briefings.gold.jsonl']);
  });

  it('scores what extraction yields for each document against its gold', async () => {
    const { documents, gold } = corpusFolder(CORPUS);
    const result = await evaluate({ documents, gold, entities: [] });
    const gazetteer = Gazetteer.build([]);
    const pred = [
      ...(await extractFile(documents[0]!, new TextEncoder().encode('ASML invested €1.3 billion in Mistral AI.\nMistral AI, a Paris-based startup, released a new model in December.\n'), gazetteer)),
      ...(await extractFile(documents[1]!, new TextEncoder().encode('Zhipu AI is partnering with Huawei on data centres in Malaysia.\n'), gazetteer)),
    ];
    expect(result.score).toEqual(score(readGold(gold[0]!), pred));
    expect(result.score.documents.map((d) => [d.document, d.entities.gold, d.facts.gold])).toEqual([
      ['alpha-briefing.txt', 3, 2],
      ['beta-note.txt', 3, 1],
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.extractorVersion).toMatch(/^[0-9a-f]{12}$/);
  });

  it('gold as the prediction scores 1', () => {
    const gold = readGold(join(CORPUS, 'briefings.gold.jsonl'));
    const s = score(gold, gold);
    for (const x of [s.entities, s.facts, s.factsRelaxed]) expect(x.f1).toBe(1);
  });

  it('only gold for the documents given is scored, and the rest is named', async () => {
    const result = await evaluate({ documents: [join(CORPUS, 'beta-note.txt')], gold: [join(CORPUS, 'briefings.gold.jsonl')], entities: [] });
    expect(result.score.entities.gold).toBe(3);
    expect(result.warnings).toEqual(['gold for 1 documents not given, left out: alpha-briefing.txt']);
  });

  it('the command prints per-document rows, the total and relation types; --json gives the figures', async () => {
    const text = await runCli(['eval', CORPUS, '--entities', 'none', '--misses', '3']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^alpha-briefing\.txt +[\d.]+ \/ [\d.]+ \/ [\d.]+ \(\d+\/3 gold, \d+ pred\)/m);
    expect(text.stdout).toMatch(/^total \(2 documents\)/m);
    expect(text.stdout).toMatch(/^PARTNERS_WITH +1 /m);
    const json = await runCli(['eval', '--gold', join(CORPUS, 'briefings.gold.jsonl'), join(CORPUS, 'alpha-briefing.txt'), join(CORPUS, 'beta-note.txt'), '--entities', 'none', '--json']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { documents: { document: string }[]; total: { documents: number; facts: { gold: number } }; relations: { rel: string }[] };
    expect(out.documents.map((d) => d.document)).toEqual(['alpha-briefing.txt', 'beta-note.txt']);
    expect(out.total).toMatchObject({ documents: 2, facts: { gold: 3 } });
    expect(out.relations.map((r) => r.rel)).toContain('INVESTS_IN');
  }, 90_000);

  it('names bad input in one line with exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-bad-'));
    writeFileSync(join(dir, 'doc.txt'), 'Nothing here.\n');
    writeFileSync(join(dir, 'broken.gold.jsonl'), '{"kind":"entity","name":"A","source":"doc.txt"}\n{not json\n');
    const cases: [string[], RegExp][] = [
      [[dir], /broken\.gold\.jsonl:2: not valid JSON/],
      [['--gold', join(dir, 'none.jsonl'), join(dir, 'doc.txt')], /--gold: no such file .*none\.jsonl/],
      [['--set', 'nosuch'], /--set: no set "nosuch"/],
      [[CORPUS, '--misses', 'many'], /--misses: expected a whole number/],
      [[join(dir, 'doc.txt')], /no gold/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['eval', ...args, '--entities', 'none']);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  }, 180_000);
});
