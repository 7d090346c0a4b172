import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FactOut } from '../../ingest/extract/extract.js';
import { records } from './extract-helpers.js';

const dir = join(import.meta.dirname, '../fixtures/articles');
const article = (prefix: string) =>
  readFileSync(
    join(
      dir,
      readdirSync(dir).find((f) => f.startsWith(prefix))!,
    ),
    'utf8',
  );
const factsOf = (text: string) => records(text).filter((r): r is FactOut => r.kind === 'fact');
const has = (fs: FactOut[], rel: string, subject: string, object: string) => fs.some((f) => f.rel === rel && f.subject.name === subject && f.object.name === object);

describe('seed articles', () => {
  it('000: the Commission selects OVHcloud, DEEP and Clever Cloud; Amazon invests in Anthropic; Scale AI buys ICG', () => {
    const text = article('000_');
    const fs = factsOf(text);
    const framework = 'European Commission sovereign cloud framework';
    expect(has(fs, 'PARTY_TO', 'European Commission', framework)).toBe(true);
    for (const cloud of ['OVHcloud', 'DEEP', 'Clever Cloud']) expect(has(fs, 'COVERS', framework, cloud)).toBe(true);
    expect(has(fs, 'INVESTS_IN', 'Amazon', 'Anthropic')).toBe(true);
    expect(has(fs, 'DEVELOPED_BY', 'Claude Mythos', 'Anthropic')).toBe(true);
    expect(has(fs, 'DEVELOPED_BY', 'Qwen3.6-27B', 'Alibaba Group')).toBe(true);
    expect(has(fs, 'PARTY_TO', 'Scale AI', 'Scale AI-ICG Solutions acquisition')).toBe(true);
    expect(has(fs, 'HEADQUARTERED_IN', 'H3C', 'China')).toBe(true);
    for (const f of fs) expect(text.includes(f.quote!)).toBe(true);
  });

  it('003: OpenAI, Google and Anthropic ally; BIS controls GPU exports to China', () => {
    const fs = factsOf(article('003_'));
    expect(has(fs, 'PARTNERS_WITH', 'OpenAI', 'Google')).toBe(true);
    expect(has(fs, 'ENACTED_BY', 'controls on high-finish GPU exports to China', 'Bureau of Industry and Security')).toBe(true);
    expect(has(fs, 'APPLIES_TO', 'controls on high-finish GPU exports to China', 'China')).toBe(true);
  });

  it('002: DeepSeek is Chinese', () => {
    expect(has(factsOf(article('002_')), 'HEADQUARTERED_IN', 'DeepSeek', 'China')).toBe(true);
  });

  it('extracts every article, including a 300 KB one, without a failing rule', () => {
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const r of records(text, f)) if (r.kind === 'fact') expect(text.includes(r.quote!)).toBe(true);
    }
  });
});
