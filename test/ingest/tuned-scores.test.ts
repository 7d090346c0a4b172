// Regression floors for extraction on documents the rules were tuned on (part of a sovereign-AI
// survey, two sections of a long digest, two model cards, an export-control rule; the dev articles),
// with the shipped scorer, exactly as `chokepoint extract <file>` produces records (curated seeds as
// the gazetteer, the document kind detected). These are not held-out figures: the rules were written
// with these documents in view, so the floors only catch a change that costs recall or precision.
// Figures on documents the rules never saw are in ingest/README.md ("Scores").
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Gazetteer } from '../../ingest/extract/gazetteer.js';
import { readInput } from '../../ingest/document.js';
import { readGold } from '../../ingest/eval/corpus.js';
import { score as scoreRecords, type ScoredRecord } from '../../ingest/eval/score.js';
import { loadSeeds } from '../../seeds/load.js';

const ROOT = join(import.meta.dirname, '../..');
const TUNED = join(ROOT, 'test/fixtures/ingest/tuned');
const EVAL = join(ROOT, 'test/fixtures/eval');
const ARTICLES = join(ROOT, 'test/fixtures/articles');

let gazetteer: Gazetteer;

/** Records for files as the CLI prints them (each record cites the path it was given). */
async function predict(files: string[]): Promise<ScoredRecord[]> {
  const out: ScoredRecord[] = [];
  for (const file of files) {
    const source = relative(ROOT, file);
    const { documents } = await readInput({ url: source, body: readFileSync(file) }, gazetteer);
    for (const d of documents) for (const r of d.records) out.push({ ...r, source } as ScoredRecord);
  }
  return out;
}

/** The project's scorer (the one `chokepoint eval` uses), documents one by one. */
function score(golds: string[], pred: ScoredRecord[]) {
  return scoreRecords(golds.flatMap(readGold), pred);
}

beforeAll(() => {
  gazetteer = Gazetteer.build(loadSeeds().entities);
});

describe('extraction scores on the tuning documents', () => {
  it('stay above their floors', async () => {
    const golds = readdirSync(TUNED)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => join(TUNED, f));
    const docs = readdirSync(TUNED)
      .filter((f) => !f.endsWith('.jsonl'))
      .map((f) => join(TUNED, f));
    expect(golds.length).toBe(docs.length);
    const s = score(golds, await predict(docs));
    // scored document by document (as `chokepoint eval` does): entities 0.90 / 0.91 F1, facts 0.75 / 0.71 F1 when written
    expect(s.entities.f1).toBeGreaterThanOrEqual(0.88);
    expect(s.entities.precision).toBeGreaterThanOrEqual(0.87);
    expect(s.facts.f1).toBeGreaterThanOrEqual(0.68);
    expect(s.facts.precision).toBeGreaterThanOrEqual(0.72);
  });

  it('keep the dev articles above theirs', async () => {
    const dev = ['000', '002', '003'];
    const files = dev.map((n) =>
      join(
        ARTICLES,
        readdirSync(ARTICLES).find((f) => f.startsWith(`${n}_`))!,
      ),
    );
    const s = score(
      dev.map((n) => join(EVAL, `seed${n}.jsonl`)),
      await predict(files),
    );
    expect(s.entities.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.facts.f1).toBeGreaterThanOrEqual(0.88);
  });
});
