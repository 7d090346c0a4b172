// Curator's coverage report: for each seed article, how many sentences mention two known entities
// (by name or alias) and how many of those sentences back a seed relation (a quote inside them).
// A tool for finding facts not yet curated, not a gate.  Run: npx tsx seeds/report.ts [articles-dir]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSeeds, type SeedSet } from './load.js';

/** Coverage of one article. */
export interface ArticleCoverage {
  article: string;
  sentences: number;
  withTwoEntities: number;
  withRelation: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One matcher per entity: short or all-capital names match case-sensitively so "US" is not "us". */
function matchers(seeds: SeedSet): Array<{ id: string; test: (s: string) => boolean }> {
  const alternation = (names: string[], flags: string) => (names.length ? new RegExp(names.map((n) => `(?<![\\w])${escape(n)}(?![\\w])`).join('|'), flags) : null);
  const cased = (n: string) => n.length <= 3 || n === n.toUpperCase();
  return seeds.entities.map((e) => {
    const names = [e.name, ...e.aliases].filter((n) => n.length >= 2);
    const exact = alternation(names.filter(cased), '');
    const loose = alternation(
      names.filter((n) => !cased(n)),
      'i',
    );
    return { id: e.id, test: (s: string) => !!exact?.test(s) || !!loose?.test(s) };
  });
}

/** Splits article text into sentences (lines first, since tables are flattened into lines). */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z“"])/))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Computes per-article coverage of the seed relations over the article texts in `articlesDir`. */
export function coverage(seeds: SeedSet, articlesDir: string): ArticleCoverage[] {
  const ms = matchers(seeds);
  return seeds.documents
    .filter((d) => d.kind === 'news')
    .map((doc) => {
      const quotes = seeds.claims.filter((c) => c.documentId === doc.id && c.quote).map((c) => c.quote!);
      const all = sentences(readFileSync(join(articlesDir, doc.url), 'utf8'));
      let withTwo = 0;
      let withRel = 0;
      for (const s of all) {
        const hits = new Set(ms.filter((m) => m.test(s)).map((m) => m.id));
        if (hits.size < 2) continue;
        withTwo++;
        if (quotes.some((q) => s.includes(q) || q.includes(s))) withRel++;
      }
      return { article: doc.url, sentences: all.length, withTwoEntities: withTwo, withRelation: withRel };
    });
}

/** Renders the coverage table as fixed-width text. */
export function renderCoverage(rows: ArticleCoverage[]): string {
  const lines = ['article                    sentences  2+ entities  with relation  share'];
  for (const r of rows)
    lines.push(
      `${r.article.padEnd(26)} ${String(r.sentences).padStart(9)}  ${String(r.withTwoEntities).padStart(11)}  ${String(r.withRelation).padStart(13)}  ${r.withTwoEntities ? `${Math.round((100 * r.withRelation) / r.withTwoEntities)}%` : '-'}`,
    );
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'articles');
  process.stdout.write(`${renderCoverage(coverage(loadSeeds(), dir))}\n`);
}
