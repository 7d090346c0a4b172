// sanction: the targets and everything they control are cut off from dependents under the
// sanctioning jurisdictions (the issuer's by default, or the listed `scope`).
import { z } from 'zod';
import { ALL_LAYERS } from '../reach.js';
import { HARD, defineRule, entityRef, hitsWithControlled, shockBase } from './rule.js';

export default defineRule({
  type: 'sanction',
  schema: z
    .object({
      type: z.literal('sanction'),
      issuer: entityRef,
      targets: z.array(entityRef).min(1),
      scope: z.array(entityRef).min(1).optional(),
      ...shockBase,
    })
    .strict(),
  acts: 'use',
  refs: { issuer: ['Nation', 'Organization'], targets: null, scope: ['Nation'] },
  hits(shock, ctx, i) {
    const scope = { nations: ctx.standsFor(shock.scope ?? [shock.issuer]), by: 'seat' as const };
    return hitsWithControlled(ctx, shock.targets, { layers: ALL_LAYERS, level: HARD, scope, shock: i });
  },
});
