// A hand-built world small enough to reason about: every expected status in the tests below
// follows from these few edges.
import { SnapshotBuilder, type Snapshot } from '../../graph/snapshot.js';
import type { Label, RelationType } from '../../schema/generated/model.js';
import type { Props } from '../../schema/records.js';

export type EdgeSpec = [string, RelationType, string, Props?, { validFrom?: string; validTo?: string }?];

const LABEL_BY_PREFIX: Record<string, Label> = {
  nation: 'Nation',
  org: 'Organization',
  lab: 'Lab',
  chip: 'Chip',
  model: 'Model',
  cloud: 'Cloud',
  dc: 'DataCenter',
  deployment: 'Deployment',
  reg: 'Regulation',
};

/** The label of a node id, from its prefix (undefined for a prefix the small worlds do not use). */
export function labelOf(id: string): Label | undefined {
  return LABEL_BY_PREFIX[id.split(':')[0]!];
}

/** Builds a snapshot from node ids (label from the prefix) and edges. */
export function world(nodes: Record<string, Props>, edges: EdgeSpec[]): Snapshot {
  const b = new SnapshotBuilder();
  for (const [id, props] of Object.entries(nodes)) {
    const label = labelOf(id)!;
    b.addNode(id, label, id.split(':')[1]!, label === 'Nation' && !props.kind ? { kind: 'country', ...props } : props);
  }
  for (const [f, t, to, props, valid] of edges) if (!b.addEdge(f, t, to, props ?? {}, valid ?? {})) throw new Error(`bad edge ${f} ${t} ${to}`);
  return b.build();
}

const gov = { dataClasses: ['government'] };
const pub = { dataClasses: ['public'] };

export const SMALL_NODES: Record<string, Props> = {
  'nation:us': {},
  'nation:cn': {},
  'nation:fr': {},
  'nation:de': {},
  'nation:tw': {},
  'nation:kr': {},
  'nation:ae': {},
  'nation:eu': { kind: 'bloc' },
  'org:nvidia': {},
  'org:huawei': {},
  'org:tsmc': {},
  'org:smic': {},
  'org:sk-hynix': {},
  'org:amazon': {},
  'org:ovhcloud': {},
  'lab:deepseek': {},
  'lab:zhipu-ai': {},
  'lab:openai': {},
  'lab:mistral-ai': {},
  'lab:meta-ai': {},
  'chip:nvidia-h20': {},
  'chip:nvidia-h100': {},
  'chip:huawei-ascend-910c': {},
  'chip:hbm3': {},
  'model:deepseek-v4': { openWeights: true },
  'model:glm-5-1': { openWeights: true },
  'model:gpt-5': {},
  'model:mistral-large': {},
  'model:llama-4': { openWeights: true },
  'cloud:aws': {},
  'cloud:ovhcloud': {},
  'cloud:aws-european-sovereign-cloud': {},
  'dc:uae-1': {},
  'dc:virginia-1': {},
  'deployment:cn-api': pub,
  'deployment:cn-dual': pub,
  'deployment:cn-self': pub,
  'deployment:us-h20': pub,
  'deployment:cn-gpt': pub,
  'deployment:cn-llama': pub,
  'deployment:fr-ministry': gov,
  'deployment:fr-esc': gov,
  'deployment:fr-public': pub,
  'deployment:fr-ascend': pub,
  'deployment:ae-direct': pub,
  'deployment:us-aws': pub,
  'reg:future-rule': { effectiveDate: '2027-01-01' },
};

export const SMALL_EDGES: EdgeSpec[] = [
  ['nation:fr', 'MEMBER_OF', 'nation:eu'],
  ['nation:de', 'MEMBER_OF', 'nation:eu'],
  ['org:nvidia', 'HEADQUARTERED_IN', 'nation:us'],
  ['org:huawei', 'HEADQUARTERED_IN', 'nation:cn'],
  ['org:tsmc', 'HEADQUARTERED_IN', 'nation:tw'],
  ['org:smic', 'HEADQUARTERED_IN', 'nation:cn'],
  ['org:sk-hynix', 'HEADQUARTERED_IN', 'nation:kr'],
  ['org:amazon', 'HEADQUARTERED_IN', 'nation:us'],
  ['org:ovhcloud', 'HEADQUARTERED_IN', 'nation:fr'],
  ['lab:deepseek', 'HEADQUARTERED_IN', 'nation:cn'],
  ['lab:zhipu-ai', 'HEADQUARTERED_IN', 'nation:cn'],
  ['lab:openai', 'HEADQUARTERED_IN', 'nation:us'],
  ['lab:mistral-ai', 'HEADQUARTERED_IN', 'nation:fr'],
  ['lab:meta-ai', 'HEADQUARTERED_IN', 'nation:us'],
  ['chip:nvidia-h20', 'DESIGNED_BY', 'org:nvidia'],
  ['chip:nvidia-h20', 'FABRICATED_BY', 'org:tsmc'],
  ['chip:nvidia-h20', 'USES_MEMORY', 'chip:hbm3'],
  ['chip:nvidia-h100', 'DESIGNED_BY', 'org:nvidia'],
  ['chip:nvidia-h100', 'FABRICATED_BY', 'org:tsmc'],
  ['chip:huawei-ascend-910c', 'DESIGNED_BY', 'org:huawei'],
  ['chip:huawei-ascend-910c', 'FABRICATED_BY', 'org:smic'],
  ['chip:huawei-ascend-910c', 'USES_MEMORY', 'chip:hbm3'],
  ['chip:hbm3', 'DESIGNED_BY', 'org:sk-hynix'],
  ['chip:huawei-ascend-910c', 'SUBSTITUTES', 'chip:nvidia-h20', { note: 'needs porting to CANN' }],
  ['model:deepseek-v4', 'DEVELOPED_BY', 'lab:deepseek'],
  ['model:deepseek-v4', 'RUNS_ON', 'chip:nvidia-h20'],
  ['model:deepseek-v4', 'TRAINED_ON', 'chip:nvidia-h20'],
  ['model:glm-5-1', 'DEVELOPED_BY', 'lab:zhipu-ai'],
  ['model:glm-5-1', 'RUNS_ON', 'chip:huawei-ascend-910c'],
  ['model:glm-5-1', 'TRAINED_ON', 'chip:huawei-ascend-910c'],
  ['model:gpt-5', 'DEVELOPED_BY', 'lab:openai'],
  ['model:gpt-5', 'RUNS_ON', 'chip:nvidia-h100'],
  ['model:mistral-large', 'DEVELOPED_BY', 'lab:mistral-ai'],
  ['model:mistral-large', 'HOSTED_ON', 'cloud:ovhcloud'],
  ['model:llama-4', 'DEVELOPED_BY', 'lab:meta-ai'],
  ['cloud:aws', 'HEADQUARTERED_IN', 'nation:us'],
  ['cloud:aws', 'OPERATED_BY', 'org:amazon'],
  ['cloud:aws', 'HOSTED_ON', 'dc:uae-1'],
  ['cloud:aws', 'HOSTED_ON', 'dc:virginia-1'],
  ['cloud:ovhcloud', 'HEADQUARTERED_IN', 'nation:fr'],
  ['cloud:ovhcloud', 'OPERATED_BY', 'org:ovhcloud'],
  ['cloud:aws-european-sovereign-cloud', 'LOCATED_IN', 'nation:de'],
  ['cloud:aws-european-sovereign-cloud', 'SUBSIDIARY_OF', 'org:amazon'],
  ['dc:uae-1', 'LOCATED_IN', 'nation:ae'],
  ['dc:virginia-1', 'LOCATED_IN', 'nation:us'],
  ['deployment:cn-api', 'LOCATED_IN', 'nation:cn'],
  ['deployment:cn-api', 'USES_MODEL', 'model:deepseek-v4', { via: 'api' }],
  ['deployment:cn-dual', 'LOCATED_IN', 'nation:cn'],
  ['deployment:cn-dual', 'RUNS_ON', 'chip:nvidia-h20'],
  ['deployment:cn-dual', 'RUNS_ON', 'chip:huawei-ascend-910c'],
  ['deployment:cn-dual', 'USES_MODEL', 'model:glm-5-1', { via: 'self_hosted' }],
  ['deployment:cn-self', 'LOCATED_IN', 'nation:cn'],
  ['deployment:cn-self', 'RUNS_ON', 'chip:huawei-ascend-910c'],
  ['deployment:cn-self', 'USES_MODEL', 'model:deepseek-v4', { via: 'self_hosted' }],
  ['deployment:us-h20', 'LOCATED_IN', 'nation:us'],
  ['deployment:us-h20', 'RUNS_ON', 'chip:nvidia-h20'],
  ['deployment:cn-gpt', 'LOCATED_IN', 'nation:cn'],
  ['deployment:cn-gpt', 'USES_MODEL', 'model:gpt-5', { via: 'api' }],
  ['deployment:cn-llama', 'LOCATED_IN', 'nation:cn'],
  ['deployment:cn-llama', 'USES_MODEL', 'model:llama-4', { via: 'self_hosted' }],
  ['deployment:fr-ministry', 'LOCATED_IN', 'nation:fr'],
  ['deployment:fr-ministry', 'HOSTED_ON', 'cloud:aws'],
  ['deployment:fr-ministry', 'USES_MODEL', 'model:mistral-large', { via: 'api' }],
  ['deployment:fr-esc', 'LOCATED_IN', 'nation:fr'],
  ['deployment:fr-esc', 'HOSTED_ON', 'cloud:aws-european-sovereign-cloud'],
  ['deployment:fr-public', 'LOCATED_IN', 'nation:fr'],
  ['deployment:fr-public', 'HOSTED_ON', 'cloud:aws'],
  ['deployment:fr-ascend', 'LOCATED_IN', 'nation:fr'],
  ['deployment:fr-ascend', 'RUNS_ON', 'chip:huawei-ascend-910c'],
  ['deployment:ae-direct', 'LOCATED_IN', 'nation:ae'],
  ['deployment:ae-direct', 'HOSTED_ON', 'dc:uae-1'],
  ['deployment:us-aws', 'LOCATED_IN', 'nation:us'],
  ['deployment:us-aws', 'HOSTED_ON', 'cloud:aws'],
];

/** The small world as a snapshot. */
export function smallWorld(extra: EdgeSpec[] = []): Snapshot {
  return world(SMALL_NODES, [...SMALL_EDGES, ...extra]);
}
