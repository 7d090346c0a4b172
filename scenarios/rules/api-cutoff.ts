// api_cutoff: the providers stop serving their models to dependents in the destinations. The
// hit is in the `provider` layer, so self-hosted weights (which pass only `weights`) keep working.
import { z } from 'zod';
import { layerMask, relationTypesInLayers } from '../reach.js';
import { HARD, defineRule, entityRef, hitsWithControlled, shockBase } from './rule.js';

const PROVIDER = ['provider'];
// what a provider controls through provider-layer relations (the models it develops), and the layer cut
const VIA = relationTypesInLayers(PROVIDER);
const CUT = layerMask(PROVIDER);

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
  acts: 'use',
  refs: { providers: null, destinations: ['Nation'] },
  hits(shock, ctx, i) {
    const scope = { nations: ctx.standsFor(shock.destinations), by: 'seat' as const };
    return hitsWithControlled(ctx, shock.providers, { layers: CUT, level: HARD, scope, shock: i }, VIA);
  },
});
