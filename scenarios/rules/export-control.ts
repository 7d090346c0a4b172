// export_control: the items (and whatever their controllers make) may not reach dependents
// located in the destinations; a ban breaks, a licence requirement puts at risk.
import { z } from 'zod';
import { ALL_LAYERS } from '../reach.js';
import { CONDITIONAL, HARD, defineRule, entityRef, hitsWithControlled, shockBase } from './rule.js';

export default defineRule({
  type: 'export_control',
  schema: z
    .object({
      type: z.literal('export_control'),
      issuer: entityRef,
      items: z.array(entityRef).min(1),
      destinations: z.array(entityRef).min(1),
      effect: z.enum(['ban', 'license_required']).default('ban'),
      ...shockBase,
    })
    .strict(),
  acts: 'supply',
  refs: { issuer: ['Nation', 'Organization'], items: null, destinations: ['Nation'] },
  hits(shock, ctx, i) {
    // one scope object per shock: propagation tests each dependent once per scope
    const scope = { nations: ctx.standsFor(shock.destinations), by: 'seat' as const };
    const level = shock.effect === 'ban' ? HARD : CONDITIONAL;
    return hitsWithControlled(ctx, shock.items, { layers: ALL_LAYERS, level, scope, shock: i });
  },
});
