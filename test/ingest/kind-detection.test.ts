// Kind detection (`--kind auto`): every document goes to the reader made for it. The documents are
// written for this table (none is copied from a real one); each row names the kind expected, and,
// for policy texts, the title the regulation is named by.
import { describe, expect, it } from 'vitest';
import { pickSource } from '../../ingest/sources/index.js';
import { parsePolicy } from '../../ingest/sources/policy.js';
import { KIND_CHOICES, READ_KINDS } from '../../ingest/sources/kinds.js';
import { DOCUMENT_KINDS } from '../../schema/records.js';
import type { EntityOut, FactOut } from '../../ingest/extract/extract.js';
import { extractParsed } from '../../ingest/document.js';
import { lexicon } from './extract-helpers.js';

const lines = (...l: string[]) => l.join('\n');

// the reader a source kind stands for, as `--kind` names it
const READER: Record<string, string> = { html: 'news', text: 'news', 'model-card': 'model-card', policy: 'policy', feed: 'feed', table: 'table' };

const ROWS: { what: string; url: string; body: string; kind: string; title?: string }[] = [
  // model cards
  {
    what: 'a model card with front matter',
    url: 'cards/README.md',
    body: lines('---', 'license: apache-2.0', 'pipeline_tag: text-generation', '---', '# Orchard-7B', '', 'Orchard-7B is a small open model.'),
    kind: 'model-card',
  },
  {
    what: 'front matter after a blank line',
    url: 'cards/README.md',
    body: lines('', '---', 'license: mit', 'base_model: example/Orchard-7B', '---', '# Orchard-7B-Chat', '', 'A chat tune.'),
    kind: 'model-card',
  },
  {
    what: "a model repository's README without front matter",
    url: 'repos/orchard/README.md',
    body: lines(
      '# Orchard-7B',
      '',
      '## Model Details',
      '',
      '- **Developed by:** Orchard Labs',
      '- **Model type:** decoder-only transformer',
      '',
      '## Training',
      '',
      '| Training hardware | 256 H100 |',
      '|---|---|',
      '',
      '## Evaluation',
      '',
      '| Benchmark | Orchard-7B |',
      '|---|---|',
      '| MMLU | 61.2 |',
    ),
    kind: 'model-card',
  },
  {
    what: 'a card of headings and a benchmark table, in a .txt file',
    url: 'downloads/card.txt',
    body: lines('## Model Summary', 'Pine-2 answers questions.', '', '## Benchmarks', '', '| Task | Pine-2 |', '|---|---|', '| GSM8K | 70.1 |', '', '## Limitations', 'It makes mistakes.'),
    kind: 'model-card',
  },
  {
    what: 'a model hub URL, whatever the body',
    url: 'https://huggingface.co/example/Orchard-7B/raw/main/README.md',
    body: 'Orchard-7B.',
    kind: 'model-card',
  },
  {
    what: 'a software README (usage, license, citation) is not a model card',
    url: 'repos/tool/README.md',
    body: lines('# fastsort', '', '## Usage', '', '```', 'fastsort input.txt', '```', '', '## License', 'MIT', '', '## Citation', 'Cite the repository.'),
    kind: 'news',
  },
  // policy texts
  {
    what: 'a Federal Register rule with its headers',
    url: 'rules/rule.txt',
    body: lines(
      'DEPARTMENT OF COMMERCE',
      'Bureau of Industry and Security',
      '15 CFR Part 744',
      '[Docket No. 260101-0001]',
      'RIN 0694-ZZ00',
      'Additions to the Entity List for Accelerator Diversion',
      'AGENCY: Bureau of Industry and Security, Commerce.',
      'ACTION: Final rule.',
      'SUMMARY: This final rule adds two companies to the Entity List.',
    ),
    kind: 'policy',
    title: 'Additions to the Entity List for Accelerator Diversion',
  },
  {
    what: 'a Federal Register rule whose title is followed by its citation and date lines',
    url: 'rules/rule-2.txt',
    body: lines(
      'Controls on Example Computing Items',
      '',
      'Federal RegisterJan 5, 2026',
      '91 Fed. Reg. 1234 (Jan. 5, 2026)',
      '',
      'AGENCY:',
      '',
      'Bureau of Industry and Security, Department of Commerce.',
      '',
      'ACTION:',
      '',
      'Interim final rule.',
    ),
    kind: 'policy',
    title: 'Controls on Example Computing Items',
  },
  {
    what: 'a Federal Register rule without headers, its agencies on the first line',
    url: 'rules/abstract.txt',
    body: lines(
      'Commerce Department, Industry and Security Bureau',
      'With this interim final rule, the Bureau revises controls on example accelerators. This rule takes effect on publication, and exporters shall apply for a license.',
    ),
    kind: 'policy',
    title: 'Bureau of Industry and Security interim final rule',
  },
  {
    what: 'an EU regulation article',
    url: 'law/article.txt',
    body: lines(
      'Article 12',
      '',
      'Duties of providers of example systems',
      '',
      '1.   Providers of example systems shall keep records of their testing.',
      '',
      '2.   Providers shall inform the national authority of serious incidents.',
      '',
      '3.   This Regulation shall not apply to research prototypes.',
    ),
    kind: 'policy',
    title: 'Article 12: Duties of providers of example systems',
  },
  {
    what: 'an EU act with its title line',
    url: 'law/act.txt',
    body: lines(
      'REGULATION (EU) 2031/99 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL',
      'of 1 March 2031',
      'on example compute registries',
      'Article 1',
      'Subject matter',
      '1. This Regulation lays down rules on example compute registries.',
      '2. Member States shall keep a registry.',
    ),
    kind: 'policy',
    title: 'REGULATION (EU) 2031/99 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL',
  },
  {
    what: 'a US Code section',
    url: 'code/section.txt',
    body: lines(
      '99 USC § 1234 - Reporting of example accelerator exports',
      '',
      '(a) In general.—An exporter shall report each shipment to the Secretary.',
      '(b) Penalties.—A person who fails to report shall be liable for a civil penalty.',
      '(Added Pub. L. 120–1, § 2, Jan. 3, 2031.)',
    ),
    kind: 'policy',
    title: '99 USC § 1234 - Reporting of example accelerator exports',
  },
  {
    what: 'a bill with its short title',
    url: 'bills/hr1.txt',
    body: lines(
      '[Congressional Bills 121st Congress]',
      'A BILL',
      'To require a report on example compute exports.',
      'Be it enacted by the Senate and House of Representatives of the United States of America in Congress assembled,',
      'SECTION 1. SHORT TITLE.',
      "    This Act may be cited as the ``Example Compute Reporting Act of 2031''.",
    ),
    kind: 'policy',
    title: 'Example Compute Reporting Act of 2031',
  },
  {
    what: 'a national law with chapters and articles',
    url: 'law/national.txt',
    body: lines(
      'Example Data Law',
      '',
      'CHAPTER I',
      '',
      'Article 1',
      '',
      'Purpose',
      '',
      'This Law shall protect personal data processed in the country.',
      '',
      'Article 2',
      '',
      'Operators shall store important data within the territory.',
    ),
    kind: 'policy',
    title: 'Example Data Law',
  },
  {
    what: "a President's order with no number above it",
    url: 'orders/permits.txt',
    body: lines(
      'Speeding Permits for Example Grid Lines',
      'By the authority vested in me as President by the',
      'Constitution and the laws of the United States of',
      'America, it is hereby ordered:',
      'Section 1. Purpose. Grid lines are to be built faster.',
    ),
    kind: 'policy',
    title: 'Speeding Permits for Example Grid Lines',
  },
  {
    what: "a ministry's release with its fields in brackets",
    url: 'releases/announcement.txt',
    body: lines(
      'MOFCOM Announcement No. 7 of 2031: Announcement on Export Controls on Example Alloys',
      '[Issuing Unit] Example Security Bureau',
      '[Issuing Document Number] MOFCOM Announcement No. 7 of 2031',
      'In accordance with the relevant laws, the following measures are announced.',
    ),
    kind: 'policy',
    title: 'MOFCOM Announcement No. 7 of 2031: Announcement on Export Controls on Example Alloys',
  },
  // news
  {
    what: 'a news story about a rule stays news',
    url: 'news/rule-story.txt',
    body: lines(
      'Exporters weigh new chip curbs',
      '',
      'The Commerce Department published the interim final rule in the Federal Register on Tuesday, officials said.',
      'Analysts expect the rule to hit two chipmakers, and one executive said the company would comply.',
    ),
    kind: 'news',
  },
  {
    what: 'a news story about a model release with benchmark figures stays news',
    url: 'news/model-story.txt',
    body: lines('Startup releases Orchard-7B', '', 'Orchard Labs said its new model scored 61 on MMLU and was trained on 256 H100 chips.', 'The model is free to download.'),
    kind: 'news',
  },
  {
    what: 'an HTML news page',
    url: 'https://news.example/story',
    body: '<!doctype html><html><head><title>Chip story</title></head><body><article><p>A chipmaker said sales rose.</p></article></body></html>',
    kind: 'news',
  },
  // feeds and tables
  {
    what: 'an RSS feed',
    url: 'feeds/rss.xml',
    body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Lab news</title><item><title>Release</title><link>https://lab.example/r</link></item></channel></rss>',
    kind: 'feed',
  },
  {
    what: 'a CSV table',
    url: 'tables/models.csv',
    body: 'name,developer\nOrchard-7B,Orchard Labs\n',
    kind: 'table',
  },
];

describe('kind detection', () => {
  it.each(ROWS)('$what → $kind', ({ url, body, kind }) => {
    expect(READER[pickSource({ url, body }).kind]).toBe(kind);
  });

  it.each(ROWS.filter((r) => r.title))('$what is named by its title', ({ url, body, title }) => {
    const doc = parsePolicy(body, url, { gazetteer: lexicon }, false);
    expect(doc.title).toBe(title);
  });

  it("a President's order is the United States'; a numbered instrument is named by its designation and enacted by the unit its fields name and the body its name opens on", () => {
    const enacted = (doc: ReturnType<typeof parsePolicy>) =>
      doc.records.filter((r): r is FactOut => r.kind === 'fact' && r.rel === 'ENACTED_BY').map((f) => `${f.subject.name} -> ${f.object.name} | ${f.quote}`);
    const order = ROWS.find((r) => r.url === 'orders/permits.txt')!;
    expect(enacted(parsePolicy(order.body, order.url, { gazetteer: lexicon }, false))).toEqual([
      'Speeding Permits for Example Grid Lines -> United States | By the authority vested in me as President by the',
    ]);
    const release = ROWS.find((r) => r.url === 'releases/announcement.txt')!;
    const doc = parsePolicy(release.body, release.url, { gazetteer: lexicon }, false);
    const reg = doc.records.find((r): r is EntityOut => r.kind === 'entity' && r.type === 'Regulation');
    expect(reg?.name).toBe('MOFCOM Announcement No. 7 of 2031');
    expect(reg?.aliases).toContain(release.title);
    expect(enacted(doc)).toEqual(['MOFCOM Announcement No. 7 of 2031 -> Example Security Bureau | [Issuing Unit] Example Security Bureau']);
    const eu = parsePolicy(
      lines('Regulation (EU) 2031/9 of the European Parliament and of the Council of 2 May 2031 on example data', '', 'Article 1', '', 'This Regulation shall apply to providers.'),
      'eu/2031-9.txt',
      { gazetteer: lexicon },
      false,
    );
    expect(eu.records.find((r): r is EntityOut => r.kind === 'entity' && r.type === 'Regulation')?.name).toBe('Regulation (EU) 2031/9');
  });

  it('a US Code section is enacted by the United States and takes a known act by its citation', () => {
    const body = lines('18 USC § 2713 - Example heading', '', '(a) A provider shall preserve records.', '(Added Pub. L. 115–141.)');
    const doc = parsePolicy(body, 'code/2713.txt', { gazetteer: lexicon }, false);
    const reg = doc.records.find((r): r is EntityOut => r.kind === 'entity' && r.type === 'Regulation');
    expect(reg?.name).toBe('CLOUD Act');
    const enacted = doc.records.filter((r): r is FactOut => r.kind === 'fact' && r.rel === 'ENACTED_BY');
    expect(enacted.map((f) => f.object.name)).toEqual(['United States']);
    // the enactment note is the quote, as the section writes it
    expect(enacted[0]?.quote).toBe('(Added Pub. L. 115–141.)');
  });
});

describe('the list of document kinds', () => {
  it('comes from the domain model, and every read kind is a --kind choice', () => {
    expect(DOCUMENT_KINDS).toEqual(['news', 'model-card', 'policy', 'feed', 'record', 'table', 'seed']);
    expect(READ_KINDS).toEqual(['news', 'model-card', 'policy', 'feed', 'table']);
    expect(KIND_CHOICES).toEqual([...READ_KINDS, 'auto']);
  });

  it('each read kind has a reader', () => {
    for (const kind of READ_KINDS) expect(() => pickSource({ url: 'x.txt', body: 'x' }, kind)).not.toThrow();
  });
});

describe('what a policy text does not apply to', () => {
  it('never its own jurisdiction or the agencies that enforce it', () => {
    const body = lines(
      'Article 7',
      '',
      'Duties of example providers',
      '',
      '1.   Providers shall notify the Commission before placing an example system on the market in the Union.',
      '2.   Member States shall require that providers established in China shall register.',
    );
    const doc = parsePolicy(body, 'law/article-7.txt', { gazetteer: lexicon }, false);
    const records = extractParsed(doc, lexicon);
    const objects = records.filter((r): r is FactOut => r.kind === 'fact' && r.rel === 'APPLIES_TO').map((f) => f.object.name);
    expect(objects).not.toContain('European Commission');
    expect(objects).not.toContain('European Union');
  });

  it('an agency the text itself binds ("The Commission shall …") is one of the parties it regulates', () => {
    const body = lines(
      'Article 8',
      '',
      'Duties of the Commission',
      '',
      '1.   The Commission shall publish guidelines on example systems within a year.',
      '2.   Providers shall notify the market surveillance authority.',
    );
    const doc = parsePolicy(body, 'law/article-8.txt', { gazetteer: lexicon }, false);
    const objects = extractParsed(doc, lexicon)
      .filter((r): r is FactOut => r.kind === 'fact' && r.rel === 'APPLIES_TO')
      .map((f) => f.object.name);
    expect(objects).toContain('European Commission');
  });

  it('an office a law gives duties to by its title is a party it applies to; a title naming a known act inside it is not that act', () => {
    const body = lines(
      'A BILL',
      '',
      'SEC. 2. Review.',
      '(a) In general.--The Secretary of Commerce shall conduct an interagency review of export licences.',
      'This Act may be cited as the "Example Chips Act".',
    );
    const doc = parsePolicy(body, 'bills/example.txt', { gazetteer: lexicon }, false);
    const facts = extractParsed(doc, lexicon).filter((r): r is FactOut => r.kind === 'fact' && r.rel === 'APPLIES_TO');
    expect(facts.map((f) => `${f.subject.name} -> ${f.object.name}`)).toContain('Example Chips Act -> Secretary of Commerce');
  });

  it('nothing a sentence leaves out of its scope', () => {
    const body = lines(
      'Article 9',
      '',
      'Scope of example duties',
      '',
      '1.   Providers of example systems shall keep records for ten years.',
      '2.   This Regulation shall not apply to providers of research tools used only in laboratories.',
    );
    const doc = parsePolicy(body, 'law/article-9.txt', { gazetteer: lexicon }, false);
    const objects = extractParsed(doc, lexicon)
      .filter((r): r is FactOut => r.kind === 'fact' && r.rel === 'APPLIES_TO')
      .map((f) => f.object.name);
    expect(objects).toContain('providers of example systems');
    expect(objects).not.toContain('providers of research tools');
  });
});
