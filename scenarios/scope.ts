// Whether a dependent falls within a scoped hit: under one of its jurisdictions (by seat or by
// reach) and, when the hit names data classes, declaring one of them in its `dataClasses`.
import type { Snapshot } from '../graph/snapshot.js';
import { intersects, type Jurisdictions } from './jurisdiction.js';
import type { Scope } from './rules/rule.js';

/** The scope test of one snapshot's jurisdictions. */
export function scopeTest(juris: Jurisdictions, snapshot: Snapshot): (scope: Scope, node: number) => boolean {
  return (scope, node) => {
    const j = scope.by === 'seat' ? juris.seat(node) : juris.reach(node);
    if (!intersects(j, scope.nations)) return false;
    if (!scope.dataClasses) return true;
    const classes = snapshot.nodeProps[node]!.dataClasses;
    return Array.isArray(classes) && classes.some((c) => scope.dataClasses!.has(String(c)));
  };
}
