// Whether a dependent falls within a scoped hit: under one of its jurisdictions (by seat or by
// reach) and, when the hit names data classes, declaring one of them in its `dataClasses`.
// Seat and reach lists are interned, so the nation part is memoised per (scope, list).
import type { Snapshot } from '../graph/snapshot.js';
import { intersects, type Jurisdictions } from './jurisdiction.js';
import type { Scope } from './rules/rule.js';

/** The scope test of one snapshot's jurisdictions. */
export function scopeTest(juris: Jurisdictions, snapshot: Snapshot): (scope: Scope, node: number) => boolean {
  const byScope = new WeakMap<Scope, Map<readonly number[], boolean>>();
  return (scope, node) => {
    const j = scope.by === 'seat' ? juris.seat(node) : juris.reach(node);
    let memo = byScope.get(scope);
    if (!memo) byScope.set(scope, (memo = new Map()));
    let inside = memo.get(j);
    if (inside === undefined) memo.set(j, (inside = intersects(j, scope.nations)));
    if (!inside) return false;
    const wanted = scope.dataClasses;
    if (!wanted) return true;
    const classes = snapshot.nodeProps[node]!.dataClasses;
    if (!Array.isArray(classes)) return false;
    for (const c of classes) if (wanted.has(String(c))) return true;
    return false;
  };
}
