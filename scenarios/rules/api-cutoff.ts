// api_cutoff: the providers stop serving their models to dependents in the destinations. The
// hit is in the `provider` layer, so self-hosted weights (which pass only `weights`) keep working.
import { z } from 'zod';
import { layerMask, relationTypesInLayers } from '../reach.js';
import { HARD, defineRule, entityRef, shockBase } from './rule.js';

const PROVIDER = ['provider'];

export default defineRule({
  type: 'api_cutoff',
  schema: z
    .object({
      type: z.literal('api_cutoff'),
      providers: z.array(entityRef).min(1),
      destinations: z.array(entityRef).min(1),
      ...shockBase,
    })
    .strict(),
  refs: { providers: null, destinations: ['Nation'] },
  hits(shock, ctx, i) {
    const scope = { nations: ctx.standsFor(shock.destinations), by: 'seat' as const };
    const via = relationTypesInLayers(PROVIDER);
    const layers = layerMask(PROVIDER);
    return shock.providers.flatMap((id) => {
      const provider = ctx.node(id);
      return [provider, ...ctx.juris.controlledBy(provider, via)].map((node) => ({ node, layers, level: HARD, scope, shock: i }));
    });
  },
});
