// outage: the targets stop working for everyone. A target that is a place (something location
// relations point to, e.g. a nation, or a bloc through its members) stands for what is located
// there and something depends on (regions, data centres, fabs): where things are, not who owns
// them. An organisation takes down what it controls with it.
import { z } from 'zod';
import { ALL_LAYERS, dependedOn } from '../reach.js';
import { HARD, chainTo, defineRule, entityRef, shockBase, type Hit } from './rule.js';

export default defineRule({
  type: 'outage',
  schema: z
    .object({
      type: z.literal('outage'),
      targets: z.array(entityRef).min(1),
      ...shockBase,
    })
    .strict(),
  acts: 'use',
  refs: { targets: null },
  hits(shock, ctx, i) {
    return shock.targets.flatMap((id): Hit[] => {
      const t = ctx.node(id);
      const hit = { layers: ALL_LAYERS, level: HARD, shock: i, origin: t } as const;
      const located = ctx.juris.locatedIn(t);
      if (located.size)
        return [...located.keys()]
          .filter((x) => dependedOn(ctx.index, x))
          .sort((a, b) => a - b)
          .map((node) => ({ node, ...hit, via: [located.get(node)!] }));
      const tree = ctx.juris.controlTree(t);
      return [t, ...[...tree.keys()].sort((a, b) => a - b)].map((node) => ({ node, ...hit, via: chainTo(ctx, tree, node) }));
    });
  },
});
