// license_change: a model's weights are relicensed. The hit is in the `weights` layer, so it
// reaches self-hosted and API users alike, and models derived from it through lineage.
// `revoked` breaks, unless the model's licence was granted irrevocably (then at risk); `restricted`
// (new conditions to meet) puts at risk; `excluded` limits the change to dependents in some jurisdictions.
import { z } from 'zod';
import { layerMask } from '../reach.js';
import { CONDITIONAL, HARD, defineRule, entityRef, shockBase } from './rule.js';

export default defineRule({
  type: 'license_change',
  schema: z
    .object({
      type: z.literal('license_change'),
      model: entityRef,
      license: z.string().min(1),
      effect: z.enum(['revoked', 'restricted']).default('restricted'),
      excluded: z.array(entityRef).min(1).optional(),
      ...shockBase,
    })
    .strict(),
  acts: 'use',
  refs: { model: ['Model'], excluded: ['Nation'] },
  hits(shock, ctx, i) {
    // an irrevocable grant (Apache-2.0, MIT) survives for the copies already out: revoking it binds
    // only later releases, so users are at risk, not broken
    const model = ctx.node(shock.model);
    const irrevocable = ctx.index.snapshot.nodeProps.at(model).irrevocableLicense === true;
    const level = shock.effect === 'revoked' && !irrevocable ? HARD : CONDITIONAL;
    const scope = shock.excluded ? { nations: ctx.standsFor(shock.excluded), by: 'seat' as const } : undefined;
    return [{ node: model, origin: model, via: [], layers: layerMask(['weights']), level, ...(scope ? { scope } : {}), shock: i }];
  },
});
