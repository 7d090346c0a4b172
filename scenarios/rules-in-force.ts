// The graph's own rules in force: regulations whose `restricts` relations (APPLIES_TO with effect
// ban or license_required) name items and destinations, in force at the date (status in_force,
// effective on or before it). Mitigations must respect them; a scenario with `baseline: true`
// evaluates them first.
import { PLACE_LABELS } from '../schema/places.js';
import type { Snapshot } from '../graph/snapshot.js';
import { RESTRICTS, regulationInForce } from '../graph/export-control.js';
import { CONDITIONAL, HARD } from './rules/rule.js';

/** One regulation in force restricting items for destinations. */
export interface RuleInForce {
  regulation: number;
  /** restricted items with the level of each restriction */
  items: { node: number; level: typeof HARD | typeof CONDITIONAL }[];
  /** the destinations (places) it restricts them for */
  destinations: number[];
}

const cache = new WeakMap<Snapshot, Map<number, RuleInForce[]>>();

/** Every restricting regulation in force at a date, by node index (cached per snapshot and date). */
export function rulesInForce(s: Snapshot, asOfMs: number): RuleInForce[] {
  let perDate = cache.get(s);
  if (!perDate) cache.set(s, (perDate = new Map()));
  const key = Number.isNaN(asOfMs) ? -Infinity : asOfMs;
  const known = perDate.get(key);
  if (known) return known;
  const byReg = new Map<number, RuleInForce>();
  for (let e = 0; e < s.edgeCount; e++) {
    const r = RESTRICTS[s.edgeType[e]!];
    if (!r || !s.validAt(e, asOfMs)) continue;
    const value = s.edgeProps.at(e)[r.property];
    const level = r.hard.includes(String(value)) ? HARD : r.conditional.includes(String(value)) ? CONDITIONAL : 0;
    if (!level) continue;
    const reg = s.edgeFrom[e]!;
    if (!regulationInForce(s, reg, asOfMs)) continue;
    let rule = byReg.get(reg);
    if (!rule) byReg.set(reg, (rule = { regulation: reg, items: [], destinations: [] }));
    const to = s.edgeTo[e]!;
    if (PLACE_LABELS.has(s.labelOf[to]!)) rule.destinations.push(to);
    else rule.items.push({ node: to, level });
  }
  // a rule naming no destination has no scope the graph can check: left out rather than applied everywhere
  const out = [...byReg.values()].filter((r) => r.items.length && r.destinations.length).sort((a, b) => a.regulation - b.regulation);
  perDate.set(key, out);
  return out;
}
