// The smallest graph that shows every behaviour the API suite checks: a chip with export control
// and two contradicting claims about its use, labs and models in two nations, a bloc, a deployment
// that depends on a foreign cloud, a regulation and a deal.
import type { GraphStore, WriteResult } from '../../graph/store.js';
import { claimId, documentId, type ClaimRecord, type DocumentRecord, type EntityRecord, type Props } from '../../schema/records.js';
import type { Label, RelationType } from '../../schema/generated/model.js';

const e = (id: string, label: Label, name: string, props: Props = {}, aliases: string[] = [], description?: string): EntityRecord =>
  description ? { id, label, name, props, aliases, description } : { id, label, name, props, aliases };

export const DOCS: DocumentRecord[] = [
  { id: documentId('https://example.org/h20-export-rule'), url: 'https://example.org/h20-export-rule', title: 'Export rule on H20', publisher: 'BIS', publishedAt: '2025-04-15', kind: 'policy' },
  {
    id: documentId('https://example.org/deepseek-report'),
    url: 'https://example.org/deepseek-report',
    title: 'DeepSeek hardware report',
    publisher: 'Example News',
    publishedAt: '2025-02-01',
    kind: 'news',
  },
  { id: documentId('https://example.org/other-report'), url: 'https://example.org/other-report', title: 'A second estimate', publisher: 'Other Wire', publishedAt: '2025-03-01', kind: 'news' },
];

export const ENTITIES: EntityRecord[] = [
  e('nation:us', 'Nation', 'United States', { kind: 'country', iso: 'US', region: 'North America' }, ['USA']),
  e('nation:cn', 'Nation', 'China', { kind: 'country', iso: 'CN', region: 'East Asia' }, ['PRC']),
  e('nation:tw', 'Nation', 'Taiwan', { kind: 'country', iso: 'TW', region: 'East Asia' }),
  e('nation:fr', 'Nation', 'France', { kind: 'country', iso: 'FR', region: 'Western Europe' }),
  e('nation:eu', 'Nation', 'European Union', { kind: 'bloc', iso: 'EU' }, ['EU']),
  e('org:nvidia', 'Organization', 'NVIDIA', { kind: 'chip_designer' }, ['Nvidia Corporation']),
  e('org:tsmc', 'Organization', 'TSMC', { kind: 'foundry' }, ['Taiwan Semiconductor Manufacturing Company']),
  e('org:amazon', 'Organization', 'Amazon', { kind: 'company' }),
  e('org:us-department-of-commerce', 'Organization', 'US Department of Commerce', { kind: 'agency' }, ['BIS']),
  e('chip:nvidia-h20', 'Chip', 'NVIDIA H20', { kind: 'gpu', exportClass: '3A090', memoryGb: 96 }, ['H20'], 'A China-market data-centre GPU.'),
  e('chip:nvidia-h100', 'Chip', 'NVIDIA H100', { kind: 'gpu', exportClass: '3A090' }, ['H100']),
  e('chip:huawei-ascend-910b', 'Chip', 'Huawei Ascend 910B', { kind: 'npu' }, ['Ascend 910B']),
  e('lab:deepseek', 'Lab', 'DeepSeek', { kind: 'private' }),
  e('lab:mistral-ai', 'Lab', 'Mistral AI', { kind: 'private' }, ['Mistral']),
  e('model:deepseek-v3', 'Model', 'DeepSeek V3', { openWeights: true, license: 'MIT', family: 'DeepSeek' }),
  e('model:mistral-large', 'Model', 'Mistral Large', { openWeights: false, license: 'proprietary', family: 'Mistral' }),
  e('cloud:aws', 'Cloud', 'AWS', { kind: 'hyperscaler' }, ['Amazon Web Services']),
  e('deployment:fr-gov-assistant', 'Deployment', 'French government assistant', { dataClasses: ['government'], sector: 'government', status: 'live' }),
  e('reg:h20-license-rule', 'Regulation', 'H20 licence requirement', { kind: 'rule', status: 'in_force' }),
  e('deal:eu-ai-gigafactory', 'Deal', 'EU AI gigafactory fund', { kind: 'investment', amountUsd: 20_000_000_000, date: '2025-02-11' }),
];

type C = [string, RelationType, string, Props?, { doc?: number; quote?: string; confidence?: number; observedAt?: string; validFrom?: string; validTo?: string }?];
const CLAIMS: C[] = [
  ['nation:fr', 'MEMBER_OF', 'nation:eu'],
  ['org:nvidia', 'HEADQUARTERED_IN', 'nation:us'],
  ['org:tsmc', 'HEADQUARTERED_IN', 'nation:tw'],
  ['org:amazon', 'HEADQUARTERED_IN', 'nation:us'],
  ['org:us-department-of-commerce', 'HEADQUARTERED_IN', 'nation:us'],
  ['chip:nvidia-h20', 'DESIGNED_BY', 'org:nvidia'],
  ['chip:nvidia-h20', 'FABRICATED_BY', 'org:tsmc'],
  ['chip:nvidia-h100', 'DESIGNED_BY', 'org:nvidia'],
  ['lab:deepseek', 'HEADQUARTERED_IN', 'nation:cn'],
  ['lab:mistral-ai', 'HEADQUARTERED_IN', 'nation:fr'],
  ['model:deepseek-v3', 'DEVELOPED_BY', 'lab:deepseek'],
  ['model:mistral-large', 'DEVELOPED_BY', 'lab:mistral-ai'],
  ['model:deepseek-v3', 'TRAINED_ON', 'chip:nvidia-h20', { count: 10_000 }, { doc: 1, quote: 'DeepSeek trained V3 on about 10,000 H20s.', confidence: 0.7, observedAt: '2025-02-01' }],
  ['model:deepseek-v3', 'TRAINED_ON', 'chip:nvidia-h20', { count: 50_000 }, { doc: 2, quote: 'Estimates put the H20 fleet at 50,000.', confidence: 0.6, observedAt: '2025-03-01' }],
  ['model:mistral-large', 'RUNS_ON', 'chip:nvidia-h100'],
  ['cloud:aws', 'OPERATED_BY', 'org:amazon'],
  ['cloud:aws', 'RUNS_ON', 'chip:nvidia-h100'],
  ['deployment:fr-gov-assistant', 'LOCATED_IN', 'nation:fr'],
  ['deployment:fr-gov-assistant', 'USES_MODEL', 'model:mistral-large', { via: 'api' }],
  ['deployment:fr-gov-assistant', 'HOSTED_ON', 'cloud:aws'],
  ['reg:h20-license-rule', 'ENACTED_BY', 'nation:us', {}, { doc: 0 }],
  [
    'reg:h20-license-rule',
    'APPLIES_TO',
    'chip:nvidia-h20',
    { effect: 'license_required', scope: 'exports to China' },
    { doc: 0, quote: 'A licence is required to export the H20 to China.', validFrom: '2025-04-15' },
  ],
  ['nation:fr', 'PARTY_TO', 'deal:eu-ai-gigafactory', { role: 'investor' }],
];

/** The fixture's claims as records. */
export function fixtureClaims(): ClaimRecord[] {
  return CLAIMS.map(([subject, rel, object, props = {}, o = {}]) => {
    const body: Omit<ClaimRecord, 'id' | 'observedAt' | 'confidence'> = { subject, rel, object, props, documentId: DOCS[o.doc ?? 0]!.id, extractor: 'fixture' };
    if (o.quote) body.quote = o.quote;
    if (o.validFrom) body.validFrom = o.validFrom;
    if (o.validTo) body.validTo = o.validTo;
    return { ...body, id: claimId(body), confidence: o.confidence ?? 0.9, observedAt: o.observedAt ?? '2025-01-15' };
  });
}

/** Writes the fixture into a store. */
export function writeFixture(store: GraphStore): Promise<WriteResult> {
  return store.write({ entities: ENTITIES, documents: DOCS, claims: fixtureClaims() });
}
