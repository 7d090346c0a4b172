// cloud_act_ruling: providers under the compelled jurisdiction (through ownership, wherever
// their servers stand) must hand over data, so dependents in the protected jurisdictions that
// handle the listed data classes can no longer use them. A bloc stands for its members.
import { z } from 'zod';
import { intersects } from '../../graph/placement.js';
import { dataClassSchema, dataProcessors } from './data-processors.js';
import { HARD, defineRule, entityRef, shockBase } from './rule.js';

export default defineRule({
  type: 'cloud_act_ruling',
  schema: z
    .object({
      type: z.literal('cloud_act_ruling'),
      jurisdiction: entityRef,
      protected: z.array(entityRef).min(1),
      dataClasses: z.array(dataClassSchema).min(1),
      ...shockBase,
    })
    .strict(),
  acts: 'use',
  refs: { jurisdiction: ['Nation'], protected: ['Nation'] },
  hits(shock, ctx, i) {
    const origin = ctx.node(shock.jurisdiction);
    const compelled = new Set([origin]);
    const scope = { nations: ctx.standsFor(shock.protected), dataClasses: new Set<string>(shock.dataClasses), by: 'seat' as const };
    return (
      dataProcessors(ctx.index)
        .filter((p) => intersects(ctx.juris.reach(p.node), compelled))
        // the chain starts at the compelled jurisdiction and walks control down to the processor
        .map((p) => ({ node: p.node, layers: p.layers, level: HARD, scope, shock: i, origin, via: [...(ctx.juris.jurisdictionTrails(p.node).get(origin) ?? [])].reverse() }))
    );
  },
});
