// data_localization: dependents in the jurisdiction that handle the listed data classes must
// keep that data at home, so every data processor seated elsewhere is off limits to them. The
// causes start at the jurisdiction and reach the dependent through where it sits.
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
    const origin = ctx.node(shock.jurisdiction);
    const home = new Set([origin]);
    const scope = { nations: home, dataClasses: new Set<string>(shock.dataClasses), by: 'seat' as const };
    return (
      dataProcessors(ctx.index)
        .filter((p) => {
          const seat = ctx.juris.where(p.node);
          return seat.length > 0 && !intersects(seat, home);
        })
        // the law binds the dependents seated under it: a chain starts at the jurisdiction, walks down to the
        // dependent by its seat and on to the processor outside
        .map((p) => ({ node: p.node, layers: p.layers, level: HARD, scope, shock: i, origin, via: [], throughSeat: true as const }))
    );
  },
});
