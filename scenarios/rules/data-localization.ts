// data_localization: dependents in the jurisdiction that handle the listed data classes must
// keep that data at home, so every data processor seated elsewhere is off limits to them.
// Processors whose seat is unknown are left alone: no placement, no claim.
import { z } from 'zod';
import { intersects } from '../../graph/placement.js';
import { dataClassSchema, dataProcessors } from './data-processors.js';
import { HARD, defineRule, entityRef, shockBase } from './rule.js';

export default defineRule({
  type: 'data_localization',
  schema: z
    .object({
      type: z.literal('data_localization'),
      jurisdiction: entityRef,
      dataClasses: z.array(dataClassSchema).min(1),
      ...shockBase,
    })
    .strict(),
  acts: 'use',
  refs: { jurisdiction: ['Nation'] },
  hits(shock, ctx, i) {
    const home = new Set([ctx.node(shock.jurisdiction)]);
    const scope = { nations: home, dataClasses: new Set<string>(shock.dataClasses), by: 'seat' as const };
    return (
      dataProcessors(ctx.index)
        .filter((p) => {
          const seat = ctx.juris.where(p.node);
          return seat.length > 0 && !intersects(seat, home);
        })
        // the chain starts at the processor's own location outside the jurisdiction
        .map((p) => ({ node: p.node, layers: p.layers, level: HARD, scope, shock: i, origin: p.node, via: [] }))
    );
  },
});
