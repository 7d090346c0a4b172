import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../ingest/sources/html.js';
import { parseFeed } from '../../ingest/sources/feed.js';
import { parseModelCard } from '../../ingest/sources/model-card.js';
import { parsePolicy } from '../../ingest/sources/policy.js';
import { parseTable, csvCells } from '../../ingest/sources/table.js';
import { decodeBody, detectCharset } from '../../ingest/sources/decode.js';
import { pickSource } from '../../ingest/sources/index.js';
import { extractFile } from '../../ingest/eval/evaluate.js';
import { Gazetteer } from '../../ingest/extract/gazetteer.js';
import { extractParsed } from '../../ingest/document.js';
import type { FactOut } from '../../ingest/extract/extract.js';
import { lexicon } from './extract-helpers.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/ingest', name));
const ctx = { gazetteer: lexicon };
const factStrings = (records: { kind: string }[]) => records.filter((r): r is FactOut => r.kind === 'fact').map((f) => `${f.rel} ${f.subject.name} -> ${f.object.name}`);

describe('HTML articles', () => {
  const doc = parseHtml(fixture('article.html').toString('utf8'), 'https://news.example.com/a?utm=1');

  it('reads title, byline, publisher, published date and canonical URL', () => {
    expect(doc.title).toBe('Zhipu AI trains GLM-5 on Huawei Ascend chips');
    expect(doc.byline).toBe('Jane Doe');
    expect(doc.publisher).toBe('Example Wire');
    expect(doc.publishedAt).toBe('2026-02-11T08:00:00.000Z');
    expect(doc.url).toBe('https://news.example.com/2026/02/zhipu-glm-5-ascend');
  });

  it('keeps the article text and drops navigation, scripts, ads, asides and footers', () => {
    expect(doc.text).toContain('GLM-5 was trained on about 100,000 Huawei Ascend 910B chips');
    for (const junk of ['tracking', 'Buy AMD', 'OpenAI acquired Google', 'Microsoft invested', 'Meta AI partnered', '.ad {']) expect(doc.text).not.toContain(junk);
  });

  it('yields the article facts and none from the boilerplate', () => {
    const got = factStrings(extractParsed(doc, lexicon));
    expect(got).toContain('TRAINED_ON GLM-5 -> Huawei Ascend 910B');
    expect(got).toContain('FABRICATED_BY Huawei Ascend 910B -> SMIC');
    expect(got).toContain('AVAILABLE_ON GLM-5 -> Alibaba Cloud');
    expect(got.some((f) => f.includes('Microsoft') || f.includes('Meta AI'))).toBe(false);
  });

  it('decodes a page in the charset its <meta> declares', () => {
    const bytes = fixture('latin1.html');
    expect(detectCharset(bytes)).toBe('windows-1252');
    const page = parseHtml(decodeBody(bytes), 'https://x.example/latin1');
    expect(page.title).toBe('Café résumé – Mistral AI');
    expect(page.text).toContain('“Mistral Medium 3”');
  });

  it('prefers the charset of the Content-Type header', () => {
    const bytes = Buffer.from('<html><head><meta charset="utf-8"></head><body><p>caf\xe9</p></body></html>', 'latin1');
    expect(decodeBody(bytes, 'text/html; charset=ISO-8859-1')).toContain('café');
  });

  it('treats a <script> inside the title as text, never markup', () => {
    const page = parseHtml(fixture('script-title.html').toString('utf8'), 'https://x.example/s');
    expect(page.title).not.toMatch(/<script/i);
    expect(page.title).toContain('Chips');
    expect(page.text).toBe('NVIDIA H20 chips are fabricated by TSMC.');
  });
});

describe('feeds', () => {
  it('reads RSS 2.0 items with links, dates and their own text', async () => {
    const items = await parseFeed(fixture('rss.xml').toString('utf8').replace('ARTICLE_URL', 'https://a.example/1').replace('DEAD_URL', '/2'), 'https://a.example/feed.xml');
    expect(items.map((i) => i.link)).toEqual(['https://a.example/1', 'https://a.example/2']);
    // the title leads the item's own text: a release feed often names the release there alone
    expect(items[1]!.text).toBe('Unreachable item\n\nScale AI acquired ICG Solutions to build a national security AI stack.');
    expect(items[0]!.publishedAt).toBe('2026-02-11T08:00:00.000Z');
  });

  it("reads a release named by an item's title alone as its family's developer's", async () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Lab blog</title><id>urn:x</id><updated>2026-01-01T00:00:00Z</updated>
<entry><title>GLM-9-Air</title><link href="https://x.example/glm-9-air"/><id>urn:1</id><updated>2026-01-02T00:00:00Z</updated><summary>A lighter model for fast agents.</summary></entry></feed>`;
    const records = await extractFile('blog.xml', new TextEncoder().encode(atom), Gazetteer.build([]));
    expect(records.filter((r) => r.kind === 'fact').map((r) => (r.kind === 'fact' ? `${r.rel} ${r.subject.name} -> ${r.object.name}` : ''))).toContain('DEVELOPED_BY GLM-9-Air -> Zhipu AI');
  });

  it('reads Atom entries', async () => {
    const items = await parseFeed(fixture('atom.xml').toString('utf8').replace('POLICY_URL', 'https://b.example/p'), 'https://b.example/atom');
    expect(items).toHaveLength(1);
    expect(items[0]!.title).toBe('Commission picks sovereign clouds');
  });

  it('names malformed XML as a parse error', async () => {
    await expect(parseFeed(fixture('malformed.xml').toString('utf8'), 'https://c.example/bad.xml')).rejects.toThrow(/malformed XML/);
  });
});

describe('model cards', () => {
  const doc = parseModelCard(fixture('model-card.md').toString('utf8'), 'https://huggingface.co/example/GLM-5-GGUF/raw/main/README.md', ctx);

  it('reads front matter and body fields into the model', () => {
    const model = doc.records.find((r) => r.kind === 'entity' && r.type === 'Model' && r.name === 'GLM-5-GGUF');
    expect(model?.kind === 'entity' && model.props).toMatchObject({
      license: 'mit',
      openWeights: true,
      languages: ['en', 'zh'],
      modality: 'text-generation',
      parametersB: 355,
      contextTokens: 131072,
      releaseDate: '2026-02-11',
    });
  });

  it('links the base model with the named relation, the developer and the training hardware', () => {
    const got = factStrings(doc.records);
    expect(got).toContain('DERIVED_FROM GLM-5-GGUF -> GLM-5');
    expect(got).toContain('DEVELOPED_BY GLM-5-GGUF -> Zhipu AI');
    expect(got).toContain('TRAINED_ON GLM-5-GGUF -> Huawei Ascend 910B');
    const derived = doc.records.find((r): r is FactOut => r.kind === 'fact' && r.rel === 'DERIVED_FROM');
    expect(derived?.props.relation).toBe('quantized');
  });

  it('is picked for Hugging Face URLs and front-matter Markdown', () => {
    expect(pickSource({ url: 'https://huggingface.co/a/b/raw/main/README.md', body: 'x' }).kind).toBe('model-card');
    expect(pickSource({ url: 'card.md', body: fixture('model-card.md') }).kind).toBe('model-card');
  });

  it('names invalid front matter', () => {
    expect(() => parseModelCard('---\nlicense: [unclosed\n---\n# X', 'x.md', ctx)).toThrow(/front matter/);
  });
});

describe('policy documents', () => {
  const doc = parsePolicy(fixture('policy.html').toString('utf8'), 'https://www.federalregister.gov/d/2026-00123', ctx, true);

  it('makes the regulation with its number, dates and kind, enacted by the agency', () => {
    const reg = doc.records.find((r) => r.kind === 'entity' && r.type === 'Regulation');
    expect(reg?.kind === 'entity' && reg.name).toBe('Revisions to License Requirements for Advanced Computing Items');
    expect(reg?.kind === 'entity' && reg.props).toMatchObject({ kind: 'rule', documentNumber: '2026-00123', effectiveDate: '2026-02-14', publishedDate: '2026-01-15' });
    expect(factStrings(doc.records)).toContain('ENACTED_BY Revisions to License Requirements for Advanced Computing Items -> Bureau of Industry and Security');
  });

  it('applies the regulation to what its sentences name, with the stated effect', () => {
    const all = extractParsed(doc, lexicon);
    const applies = all.filter((r): r is FactOut => r.kind === 'fact' && r.rel === 'APPLIES_TO');
    const effect = (name: string) => applies.find((f) => f.object.name === name)?.props.effect;
    expect(effect('NVIDIA H20')).toBe('license_required');
    expect(effect('China')).toBe('license_required');
    expect(effect('AMD Instinct MI300X')).toBe('restriction');
  });
});

describe('tables', () => {
  it('splits quoted CSV cells', () => {
    expect(csvCells('"a, b",c,"d ""e"""')).toEqual(['a, b', 'c', 'd "e"']);
  });

  it('reads rows by column name and reports a bad row by line number', () => {
    const { document, problems } = parseTable(fixture('models.csv').toString('utf8'), 'models.csv', ctx);
    const got = factStrings(document.records);
    expect(got).toContain('DEVELOPED_BY GLM-5 -> Zhipu AI');
    expect(got).toContain('HEADQUARTERED_IN Zhipu AI -> China');
    expect(got).toContain('TRAINED_ON GLM-5 -> Huawei Ascend 910B');
    expect(got).toContain('DEVELOPED_BY Example-7B, v2 -> Example Labs');
    expect(problems).toEqual([{ line: 4, reason: 'expected 6 cells, found 2' }]);
  });

  it('passes JSONL fact records through and names invalid lines', () => {
    const text = ['{"kind":"entity","type":"Lab","name":"Example Labs"}', '{"kind":"fact","rel":"NOT_A_REL","subject":{"id":"a:b"},"object":{"id":"c:d"}}', 'not json'].join('\n');
    const { document, problems } = parseTable(text, 'facts.jsonl', ctx);
    expect(document.records.map((r) => r.kind)).toEqual(['entity']);
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
  });
});

describe('model cards without a "Developed by" line', () => {
  const card = ['---', 'license: apache-2.0', 'pipeline_tag: text-generation', '---', '# Qwen3-8B', '- Number of Parameters: 8.2B', '- Context Length: 32,768 natively'].join('\n');

  it('take the developer from a known publishing namespace, without a quote outside the document', () => {
    const doc = parseModelCard(card, 'https://huggingface.co/mistralai/Some-Model-7B/raw/main/README.md', ctx);
    const dev = doc.records.find((r): r is FactOut => r.kind === 'fact' && r.rel === 'DEVELOPED_BY');
    expect(dev?.object.name).toBe('Mistral AI');
    expect(dev?.quote).toBeUndefined();
  });

  it('else from the family of an original release', () => {
    const doc = parseModelCard(card, 'models/Qwen3-8B/README.md', ctx);
    expect(factStrings(doc.records)).toContain('DEVELOPED_BY Qwen3-8B -> Alibaba Group');
    const model = doc.records.find((r) => r.kind === 'entity' && r.name === 'Qwen3-8B');
    expect(model?.kind === 'entity' && model.props).toMatchObject({ parametersB: 8.2, contextTokens: 32768, family: 'Qwen', version: '3' });
  });
});

describe('statutes', () => {
  it('an EU act names its number and its two co-legislators, and is the Union’s', () => {
    const doc = parsePolicy(fixture('eu-act.txt').toString('utf8'), 'eu-act.txt', ctx, false);
    const reg = doc.records.find((r) => r.kind === 'entity' && r.type === 'Regulation');
    expect(reg?.kind === 'entity' && reg.props.documentNumber).toBe('Regulation (EU) 2024/1689');
    const enacted = factStrings(doc.records).filter((f) => f.startsWith('ENACTED_BY'));
    expect(enacted.map((f) => f.split(' -> ')[1])).toEqual(['European Parliament', 'Council of the European Union', 'European Union']);
  });
});

describe('a model card that names its model only in prose', () => {
  it('takes the name from "We present …", ignores markup, and reads the training hardware', () => {
    const doc = parseModelCard(fixture('model-card-prose-name.md').toString('utf8'), 'README.md', ctx);
    const got = factStrings(extractParsed(doc, lexicon));
    expect(doc.title).toBe('DeepSeek-V3');
    expect(got).toContain('TRAINED_ON DeepSeek-V3 -> NVIDIA H800');
    expect(got).toContain('DEVELOPED_BY DeepSeek-V3 -> DeepSeek');
    expect(doc.text).not.toContain('<img');
  });
});

describe('hardware a model card states by its structure', () => {
  const card = (...body: string[]) => parseModelCard(['# Orchard-7B', '', ...body].join('\n'), 'cards/orchard/README.md', ctx);
  const hardware = (doc: ReturnType<typeof parseModelCard>) =>
    doc.records
      .filter((r): r is FactOut => r.kind === 'fact' && (r.rel === 'TRAINED_ON' || r.rel === 'RUNS_ON'))
      .map((f) => `${f.rel} ${f.object.name}${f.props.count ? ` ×${String(f.props.count)}` : ''}`);

  const ROWS: { what: string; body: string[]; expect: string[] }[] = [
    { what: 'a table row of training hardware with a count', body: ['| Item | Value |', '|---|---|', '| Training hardware | 2048 H800 |'], expect: ['TRAINED_ON NVIDIA H800 ×2048'] },
    { what: 'a "Hardware type" line under training details', body: ['## Training Details', '', '- **Hardware Type:** H100-80GB', '- **Hours used:** 12,000'], expect: ['TRAINED_ON NVIDIA H100'] },
    { what: 'a GPUs line with a count', body: ['## Training', '', '* GPUs: 512 H100-80G', '* Training time: 10 days'], expect: ['TRAINED_ON NVIDIA H100 ×512'] },
    { what: 'GPU hours on a chip, no count taken from the hours', body: ['**Training Energy Use** Training used 1.2M GPU hours of computation on H200 hardware.'], expect: ['TRAINED_ON NVIDIA H200'] },
    { what: 'a column of hardware under a table header', body: ['| Model | Training GPUs | GPU hours |', '|---|---|---|', '| Orchard-7B | 256 B200 | 90K |'], expect: ['TRAINED_ON NVIDIA B200 ×256'] },
    {
      what: 'a list of GPUs the model was tested to run on',
      body: ['## Hardware', '', 'The model was tested on the following GPUs:', '* NVIDIA A100', '* NVIDIA H100'],
      expect: ['RUNS_ON NVIDIA A100', 'RUNS_ON NVIDIA H100'],
    },
    { what: 'inference hardware in a table', body: ['| Setting | Value |', '|---|---|', '| Inference hardware | 8x H20 |'], expect: ['RUNS_ON NVIDIA H20 ×8'] },
    { what: 'a minimum requirement line', body: ['## Quickstart', '', 'Minimum GPU: one H100'], expect: ['RUNS_ON NVIDIA H100'] },
    { what: 'a benchmark table is no hardware', body: ['## Evaluation', '', '| Benchmark | Orchard-7B |', '|---|---|', '| MMLU | 61.2 |'], expect: [] },
    { what: 'a chip in prose outside any hardware label is left to sentence extraction', body: ['## Acknowledgements', '', 'We thank the team that lent us H100 time.'], expect: [] },
  ];

  it.each(ROWS)('$what', ({ body, expect: expected }) => {
    expect(hardware(card(...body))).toEqual(expected);
  });

  it('quotes the line as the card writes it', () => {
    const doc = card('| Training hardware | 2048 H800 |');
    const fact = doc.records.find((r): r is FactOut => r.kind === 'fact' && r.rel === 'TRAINED_ON');
    expect(fact?.quote).toBe('| Training hardware | 2048 H800 |');
  });
});

describe('model cards without front matter', () => {
  it('take the model name from the sentence that presents it when there is no title heading', () => {
    const body = ['## Model Information', '', 'Orchard 2.5 is an auto-regressive language model for dialogue.', '', '**Model developer**: Orchard Labs'].join('\n');
    const doc = parseModelCard(body, 'cards/README.md', ctx);
    expect(doc.title).toBe('Orchard 2.5');
    expect(factStrings(doc.records)).toContain('DEVELOPED_BY Orchard 2.5 -> Orchard Labs');
  });
});
