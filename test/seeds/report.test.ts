import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../seeds/load.js';
import { coverage, renderCoverage, sentences } from '../../seeds/report.js';

describe('seed coverage report', () => {
  it('splits flattened text into sentences', () => {
    expect(sentences('One fact. Two facts!\nA table row')).toEqual(['One fact.', 'Two facts!', 'A table row']);
  });

  it('reports every article with counts that add up', () => {
    const rows = coverage(loadSeeds(), join(import.meta.dirname, '..', 'fixtures', 'articles'));
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(r.withTwoEntities).toBeLessThanOrEqual(r.sentences);
      expect(r.withRelation).toBeLessThanOrEqual(r.withTwoEntities);
    }
    expect(rows.find((r) => r.article.startsWith('000'))!.withRelation).toBeGreaterThan(0);
    expect(renderCoverage(rows)).toContain('000_5bd969b460eb2ace.txt');
  });
});
