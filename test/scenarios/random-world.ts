// Random small worlds for property tests: a fixed pool of nodes per label and random edges
// between allowed endpoints, so every generated graph is valid under the schema.
import fc from 'fast-check';
import { RELATION_ENDPOINTS, type Label, type RelationType } from '../../schema/generated/model.js';
import type { Snapshot } from '../../graph/snapshot.js';
import { labelOf, world, type EdgeSpec } from './small-world.js';
import type { Props } from '../../schema/records.js';

const POOL: Record<string, number> = { nation: 2, org: 2, lab: 2, chip: 4, cloud: 3, dc: 2, model: 4, deployment: 6 };
const TYPES: RelationType[] = [
  'RUNS_ON',
  'HOSTED_ON',
  'USES_MODEL',
  'TRAINED_ON',
  'DEVELOPED_BY',
  'DESIGNED_BY',
  'FABRICATED_BY',
  'USES_MEMORY',
  'DERIVED_FROM',
  'LOCATED_IN',
  'HEADQUARTERED_IN',
  'OPERATED_BY',
  'SUBSTITUTES',
];

/** Ids of the pool, by prefix. */
export const NODE_IDS: string[] = Object.entries(POOL).flatMap(([p, n]) => Array.from({ length: n }, (_, i) => `${p}:${p}${i}`));

function candidates(labels: readonly Label[]): string[] {
  return labels.flatMap((l) => NODE_IDS.filter((id) => labelOf(id) === l));
}

/** An edge drawn as (type, from pick, to pick, via). */
export const edgeArb = fc.tuple(fc.constantFrom(...TYPES), fc.nat(), fc.nat(), fc.constantFrom('api', 'self_hosted'));
export type EdgeDraw = [RelationType, number, number, string];

/** Turns drawn edges into edge specs (duplicates and self-loops dropped). */
export function edgesOf(draws: readonly EdgeDraw[]): EdgeSpec[] {
  const seen = new Set<string>();
  const out: EdgeSpec[] = [];
  for (const [type, f, t, via] of draws) {
    const froms = candidates(RELATION_ENDPOINTS[type].from);
    const tos = candidates(RELATION_ENDPOINTS[type].to);
    if (!froms.length || !tos.length) continue;
    const from = froms[f % froms.length]!;
    const to = tos[t % tos.length]!;
    const key = `${from} ${type} ${to}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    out.push([from, type, to, type === 'USES_MODEL' ? { via } : {}]);
  }
  return out;
}

/** The snapshot of a pool plus edges. */
export function randomWorld(edges: EdgeSpec[]): Snapshot {
  return world(Object.fromEntries(NODE_IDS.map((id) => [id, id.startsWith('deployment:') ? { dataClasses: ['government'] } : ({} as Props)])), edges);
}

/** A random shock over the pool. */
export const shockArb = fc.oneof(
  fc.constantFrom(...NODE_IDS.filter((id) => !id.startsWith('nation:'))).map((id) => ({ type: 'outage', targets: [id] })),
  fc.tuple(fc.constantFrom(...NODE_IDS.filter((id) => /^(chip|model|cloud|org):/.test(id))), fc.constantFrom('ban', 'license_required')).map(([id, effect]) => ({
    type: 'export_control',
    issuer: 'nation:nation0',
    items: [id],
    destinations: ['nation:nation1'],
    effect,
  })),
  fc.constantFrom('lab:lab0', 'lab:lab1').map((id) => ({ type: 'api_cutoff', providers: [id], destinations: ['nation:nation1'] })),
  fc.constantFrom('model:model0', 'model:model1').map((id) => ({ type: 'license_change', model: id, license: 'x', effect: 'revoked' })),
);
