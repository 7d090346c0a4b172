// The entities that process a dependent's data, for rules about where data may go: whatever
// others are hosted on (needed through a `hosting` relation) and whatever is served by a
// provider (needs a `provider` relation). The hit layer follows the relation, so self-hosted
// weights, which pass neither layer, are never a data processor.
import { z } from 'zod';
import { DOMAIN } from '../../schema/generated/domain.js';
import { LABELS, type Label } from '../../schema/generated/model.js';
import { LAYERS, layerMask, neededInLayer, type ReachIndex } from '../reach.js';

const HOSTING = LAYERS.indexOf('hosting');
const PROVIDER = LAYERS.indexOf('provider');

/** Data classes a judged entity may declare, as the schema lists them. */
export const dataClassSchema = z.enum([...new Set(DOMAIN.labels.flatMap((l) => l.properties.dataClasses?.values ?? []))] as [string, ...string[]]);

// Labels that can host others, by the schema: the needed end of a hosting-layer relation. A cloud
// nobody uses yet still processes data once someone moves there, so it counts from its label.
const HOST_LABELS = new Set(
  DOMAIN.relations
    .filter((r) => r.dependency && (r.dependency.layer ?? '') === 'hosting')
    .flatMap((r) => (r.dependency!.dependent === 'from' ? r.to : r.from))
    .map((l) => LABELS.indexOf(l as Label)),
);

const cache = new WeakMap<ReachIndex, { node: number; layers: number }[]>();

/** Every data processor with the layer it fails in when it may not be used (cached per index). */
export function dataProcessors(idx: ReachIndex): { node: number; layers: number }[] {
  const known = cache.get(idx);
  if (known) return known;
  const out: { node: number; layers: number }[] = [];
  const hosting = layerMask(['hosting']);
  const provider = layerMask(['provider']);
  for (let x = 0; x < idx.snapshot.nodeCount; x++) {
    let layers = HOST_LABELS.has(idx.snapshot.labelOf[x]!) || neededInLayer(idx, x, HOSTING) ? hosting : 0;
    for (let p = idx.depOffsets[x]!; p < idx.depOffsets[x + 1]!; p++) if (idx.depOutLayer[p] === PROVIDER) layers |= provider;
    if (layers) out.push({ node: x, layers });
  }
  cache.set(idx, out);
  return out;
}
