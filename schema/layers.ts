// The failure layers, read once from the domain model: every layer a dependency relation names
// (its own `layer`, the layers it `carries`, the layers its `passes` property lets through), plus
// `direct` for a dependency that names none. Scenarios, exposure and the chokepoint ranking all
// read this list; bit i of a layer mask is FAILURE_LAYERS[i].
import { DOMAIN } from './generated/domain.js';
import { DIRECT_LAYER, failureLayers, type DependencySpec } from './meta.js';

export { DIRECT_LAYER, MAX_FAILURE_LAYERS } from './meta.js';

/** Every failure layer, sorted (the schema loader refuses more than MAX_FAILURE_LAYERS). */
export const FAILURE_LAYERS: readonly string[] = failureLayers(DOMAIN.relations);

/** The layer a dependency fails its dependent in. */
export function layerOf(dependency: DependencySpec): string {
  return dependency.layer ?? DIRECT_LAYER;
}

/** The layers of the needed end that reach the dependent through one edge: its `carries`, narrowed by `passes` (an edge missing the deciding property lets everything through: unknown means exposed). */
export function edgeLayers(dependency: DependencySpec, props: Readonly<Record<string, unknown>>): readonly string[] {
  const carried = dependency.carries ?? FAILURE_LAYERS;
  const passes = dependency.passes;
  if (!passes) return carried;
  const value = props[passes.property];
  const layers = typeof value === 'string' ? passes.layers[value] : undefined;
  return layers ? carried.filter((l) => layers.includes(l)) : carried;
}
