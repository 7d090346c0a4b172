// outage: the targets stop working for everyone. A target that is a place (something
// jurisdiction relations point to, e.g. a nation or region) stands for the hosting facilities
// located there; an organisation takes down what it controls with it.
import { z } from 'zod';
import { ALL_LAYERS, JURISDICTION, LAYERS, neededInLayer, type ReachIndex } from '../reach.js';
import { HARD, defineRule, entityRef, shockBase } from './rule.js';
import type { Jurisdictions } from '../jurisdiction.js';

const HOSTING = LAYERS.indexOf('hosting');

function isPlace(idx: ReachIndex, x: number): boolean {
  const s = idx.snapshot;
  for (const e of s.inOf(x)) if (idx.jurisdictionKind[s.edgeType[e]!] === JURISDICTION && s.validAt(e, idx.asOfMs)) return true;
  return false;
}

function facilitiesIn(idx: ReachIndex, juris: Jurisdictions, place: number): number[] {
  const s = idx.snapshot;
  const out = new Set<number>();
  for (const e of s.inOf(place)) {
    if (idx.jurisdictionKind[s.edgeType[e]!] !== JURISDICTION || !s.validAt(e, idx.asOfMs)) continue;
    const x = s.edgeFrom[e]!;
    if (neededInLayer(idx, x, HOSTING)) out.add(x);
    // a bloc's members are places too
    else if (juris.closure(x).includes(place) && isPlace(idx, x)) facilitiesIn(idx, juris, x).forEach((f) => out.add(f));
  }
  return [...out].sort((a, b) => a - b);
}

export default defineRule({
  type: 'outage',
  schema: z
    .object({
      type: z.literal('outage'),
      targets: z.array(entityRef).min(1),
      ...shockBase,
    })
    .strict(),
  refs: { targets: null },
  hits(shock, ctx, i) {
    return shock.targets.flatMap((id) => {
      const t = ctx.node(id);
      const nodes = isPlace(ctx.index, t) ? facilitiesIn(ctx.index, ctx.juris, t) : [t, ...ctx.juris.controlledBy(t)];
      return nodes.map((node) => ({ node, layers: ALL_LAYERS, level: HARD, shock: i }));
    });
  },
});
