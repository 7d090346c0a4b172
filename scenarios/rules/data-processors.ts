// The entities that process a dependent's data, for rules about where data may go: whatever the
// schema's `replacement.holdsData` flag says holds the data of what depends on it (a host; a model
// behind an API, not self-hosted weights). Each fails in the layers that reach only the dependents
// that send it their data, so self-hosted weights are never a data processor.
import { z } from 'zod';
import { DOMAIN } from '../../schema/generated/domain.js';
import { LABELS, type Label } from '../../schema/generated/model.js';
import { edgeLayers, layerOf } from '../../schema/layers.js';
import { layerMask, type ReachIndex } from '../reach.js';

/** Data classes a judged entity may declare, as the schema lists them. */
export const dataClassSchema = z.enum([...new Set(DOMAIN.labels.flatMap((l) => l.properties.dataClasses?.values ?? []))] as [string, ...string[]]);

// Per label index: the failure layers in which an entity of that label, as the needed end of a
// data-holding relation, fails the dependents whose data it holds. A relation that holds data on
// every edge (a host) fails them in its own layer; one that holds it only for some values of a
// property (USES_MODEL via api) in the layers those values let through and the others do not. Read
// by label: a cloud nobody uses yet still processes data once someone moves there.
const LAYERS_BY_LABEL: readonly number[] = (() => {
  const out = new Array<number>(LABELS.length).fill(0);
  for (const r of DOMAIN.relations) {
    const rep = r.replacement;
    const dep = r.dependency;
    if (!rep || !dep) continue;
    let layers = 0;
    if (!('property' in rep)) layers = rep.holdsData ? layerMask([layerOf(dep)]) : 0;
    else {
      const passes = (v: string) => layerMask(edgeLayers(dep, { [rep.property]: v }));
      for (const [v, rule] of Object.entries(rep.values)) if (rule.holdsData) layers |= passes(v);
      for (const [v, rule] of Object.entries(rep.values)) if (!rule.holdsData) layers &= ~passes(v);
    }
    for (const l of dep.dependent === 'from' ? r.to : r.from) out[LABELS.indexOf(l as Label)]! |= layers;
  }
  return out;
})();

const cache = new WeakMap<ReachIndex, { node: number; layers: number }[]>();

/** Every data processor with the layers it fails in when it may not be used (cached per index). */
export function dataProcessors(idx: ReachIndex): { node: number; layers: number }[] {
  const known = cache.get(idx);
  if (known) return known;
  const out: { node: number; layers: number }[] = [];
  for (let x = 0; x < idx.snapshot.nodeCount; x++) {
    const layers = LAYERS_BY_LABEL[idx.snapshot.labelOf[x]!]!;
    if (layers) out.push({ node: x, layers });
  }
  cache.set(idx, out);
  return out;
}
