// Regression floors for extraction on documents the rules were tuned on (part of a sovereign-AI
// survey, two sections of a long digest, two model cards, an export-control rule; the dev articles),
// with the shipped scorer, exactly as `chokepoint extract <file>` produces records (curated seeds as
// the gazetteer, the document kind detected). These are not held-out figures: the rules were written
// with these documents in view, so the floors only catch a change that costs recall or precision.
// Figures on documents the rules never saw are in ingest/README.md ("Scores").
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Gazetteer } from '../../ingest/extract/gazetteer.js';
import { readInput } from '../../ingest/document.js';
import { loadSeeds } from '../../seeds/load.js';

const ROOT = join(import.meta.dirname, '../..');
const TUNED = join(ROOT, 'test/fixtures/ingest/tuned');
const EVAL = join(ROOT, 'test/fixtures/eval');
const ARTICLES = join(ROOT, 'test/fixtures/articles');

interface Score {
  precision: number;
  recall: number;
  f1: number;
}

let gazetteer: Gazetteer;
const dir = mkdtempSync(join(tmpdir(), 'tuned-'));

/** Records for files as the CLI prints them (each record cites the path it was given). */
async function predict(files: string[], name: string): Promise<string> {
  const lines: string[] = [];
  for (const file of files) {
    const source = relative(ROOT, file);
    const { documents } = await readInput({ url: source, body: readFileSync(file) }, gazetteer);
    for (const d of documents) for (const r of d.records) lines.push(JSON.stringify({ ...r, source }));
  }
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

function score(golds: string[], pred: string): { entities: Score; facts: Score } {
  const args = [join(EVAL, 'score.mjs'), ...golds.flatMap((g) => ['--gold', g]), '--pred', pred, '--json'];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as { entities: Score; facts: Score };
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
    const s = score(golds, await predict(docs, 'tuned.jsonl'));
    expect(s.entities.f1).toBeGreaterThanOrEqual(0.85);
    expect(s.entities.precision).toBeGreaterThanOrEqual(0.9);
    expect(s.facts.f1).toBeGreaterThanOrEqual(0.62);
    expect(s.facts.precision).toBeGreaterThanOrEqual(0.75);
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
      await predict(files, 'dev.jsonl'),
    );
    expect(s.entities.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.facts.f1).toBeGreaterThanOrEqual(0.88);
  });
});
