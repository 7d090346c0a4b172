import { describe, expect, it } from 'vitest';
import { parseModelName } from '../../ingest/resolve/model-version.js';
import { compactKey, nameKey } from '../../ingest/resolve/normalise.js';
import { resolveName } from '../../ingest/resolve/resolver.js';
import { Gazetteer } from '../../ingest/extract/gazetteer.js';
import { formatMoney, parseCount, parseMoney } from '../../ingest/extract/money.js';
import { extract } from '../../ingest/extract/extract.js';
import { entityNames, lexicon } from './extract-helpers.js';

describe('model-version parsing', () => {
  it.each([
    ['Qwen3-235B-A22B-Instruct', { family: 'Qwen', version: '3', variant: 'Instruct', parametersB: 235, activeParametersB: 22 }],
    ['GLM-5.1', { family: 'GLM', version: '5.1' }],
    ['DeepSeek V4 Flash', { family: 'DeepSeek', version: 'V4', variant: 'Flash' }],
    ['Qwen3.6-27B', { family: 'Qwen', version: '3.6', parametersB: 27 }],
    ['Llama 3.1 405B', { family: 'Llama', version: '3.1', parametersB: 405 }],
  ])('%s', (name, expected) => {
    expect(parseModelName(name)).toEqual(expected);
  });

  it('returns null for names without a version', () => expect(parseModelName('Claude')).toBeNull());
});

describe('normalisation and resolution', () => {
  it('meets spellings of one name', () => {
    expect(nameKey('The NVIDIA Corp.')).toBe(nameKey('nvidia'));
    expect(compactKey('Qwen 3')).toBe(compactKey('Qwen3'));
    expect(nameKey('Anthropic’s')).toBe(nameKey("Anthropic's"));
  });

  it('resolves aliases and spacing variants to the known entity', () => {
    const r = resolveName(lexicon, 'Qwen 3', 'Model');
    expect(r.status === 'known' && r.known.entity.id).toBe('model:qwen3');
    const eu = resolveName(lexicon, 'European Union', 'Nation');
    expect(eu.status === 'known' && eu.known.entity.id).toBe('nation:eu');
  });

  it('records a name with several candidates as ambiguous instead of guessing', () => {
    const g = Gazetteer.build(
      [
        { id: 'org:mercury-a', label: 'Organization', name: 'Mercury Systems', aliases: ['Mercury'], props: {} },
        { id: 'lab:mercury-b', label: 'Lab', name: 'Mercury Labs', aliases: ['Mercury'], props: {} },
      ],
      { lexicon: false },
    );
    expect(resolveName(g, 'Mercury', 'Organization')).toEqual({ status: 'ambiguous', name: 'Mercury', candidates: ['org:mercury-a', 'lab:mercury-b'] });
    const mention = extract('Mercury expanded in Europe.', { source: 't', gazetteer: g }).find((r) => r.kind === 'entity' && r.name === 'Mercury');
    expect(mention).toMatchObject({ status: 'ambiguous', candidates: ['org:mercury-a', 'lab:mercury-b'] });
    expect(mention && 'id' in mention).toBe(false);
  });

  it('proposes a new entity for an unknown name', () => {
    expect(resolveName(lexicon, 'Example Robotics', 'Organization')).toMatchObject({ status: 'proposed', id: 'org:example-robotics' });
  });
});

describe('entity mentions', () => {
  it('maps demonyms to nations only where they qualify a noun, and finds proposed names again later', () => {
    const names = entityNames('Chinese vendor H3C grew. Later, H3C hired staff. Scale AI acquired ICG Solutions.');
    expect(names).toEqual(expect.arrayContaining(['China', 'H3C', 'Scale AI', 'ICG Solutions']));
  });

  it('does not take phrases around known names for organisations', () => {
    const names = entityNames('US AI models lead. European AI chip startups are chasing NVIDIA. SME AI adoption grows.');
    expect(names).not.toContain('US AI');
    expect(names).not.toContain('European AI');
    expect(names).not.toContain('SME AI');
  });

  it('proposes named instruments as regulations', () => {
    expect(entityNames('The European Commission fined a firm under the Digital Markets Act.')).toContain('Digital Markets Act');
  });

  it('does not read "North America" as the United States', () => {
    expect(entityNames('Sales in North America rose.')).not.toContain('United States');
  });
});

describe('money and counts', () => {
  it.each([
    ['$5 billion', { amount: 5e9, currency: 'USD' }],
    ['€1.2bn', { amount: 1.2e9, currency: 'EUR' }],
    ['USD 300 million', { amount: 3e8, currency: 'USD' }],
    ['$100B', { amount: 1e11, currency: 'USD' }],
  ])('%s', (text, expected) => expect(parseMoney(text)).toEqual(expected));

  it('writes short amounts and reads counts', () => {
    expect(formatMoney({ amount: 5e9, currency: 'USD' })).toBe('$5B');
    expect(parseCount('~100,000 chips')).toBe(100000);
    expect(parseCount('10k GPUs')).toBe(10000);
  });
});

describe('descriptions kept as aliases', () => {
  it('a created deal keeps the words the text used for it, which are never matched as a name', () => {
    const records = extract('Acme and Globex signed a strategic partnership on Monday.', { source: 'a.txt', gazetteer: lexicon });
    const deal = records.find((r) => r.kind === 'entity' && r.type === 'Deal');
    expect(deal).toMatchObject({ name: 'Acme-Globex partnership', aliases: ['Globex-Acme partnership', 'strategic partnership', 'Acme-Globex strategic partnership'] });
    const g = Gazetteer.build([{ id: 'deal:acme-globex', label: 'Deal', name: 'Acme-Globex partnership', aliases: ['strategic partnership', 'Acme Globex pact'], props: {} }], { lexicon: false });
    expect(g.match('Another strategic partnership was signed; the Acme Globex pact holds.').map((h) => h.surface)).toEqual(['Acme Globex pact']);
    expect(resolveName(g, 'strategic partnership', 'Deal').status).toBe('proposed');
    // lower-case names that are not plain words stay names
    const regions = Gazetteer.build([{ id: 'cloud:r', label: 'Cloud', name: 'Region One', aliases: ['us-east-1'], props: {} }], { lexicon: false });
    expect(regions.match('Hosted in us-east-1.').map((h) => h.surface)).toEqual(['us-east-1']);
  });
});
