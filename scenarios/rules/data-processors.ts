// The entities that process a dependent's data, for rules about where data may go: whatever
// others are hosted on (needed through a `hosting` relation) and whatever is served by a
// provider (needs a `provider` relation). The hit layer follows the relation, so self-hosted
// weights, which pass neither layer, are never a data processor.
import { z } from 'zod';
import { DOMAIN } from '../../schema/generated/domain.js';
import { LAYERS, layerMask, type ReachIndex } from '../reach.js';

const HOSTING = LAYERS.indexOf('hosting');
const PROVIDER = LAYERS.indexOf('provider');

/** Data classes a judged entity may declare, as the schema lists them. */
export const dataClassSchema = z.enum(
  [...new Set(DOMAIN.labels.flatMap((l) => l.properties.dataClasses?.values ?? []))] as [string, ...string[]],
);

/** Every data processor with the layer it fails in when it may not be used. */
export function dataProcessors(idx: ReachIndex): { node: number; layers: number }[] {
  const out: { node: number; layers: number }[] = [];
  const hosting = layerMask(['hosting']);
  const provider = layerMask(['provider']);
  for (let x = 0; x < idx.snapshot.nodeCount; x++) {
    let layers = 0;
    for (let r = idx.rdepOffsets[x]!; r < idx.rdepOffsets[x + 1]!; r++) if (idx.depOutLayer[idx.rdepPos[r]!] === HOSTING) layers |= hosting;
    for (let p = idx.depOffsets[x]!; p < idx.depOffsets[x + 1]!; p++) if (idx.depOutLayer[p] === PROVIDER) layers |= provider;
    if (layers) out.push({ node: x, layers });
  }
  return out;
}
