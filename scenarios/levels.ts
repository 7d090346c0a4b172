// The level rule, once: how a failure level travels through one dependency edge, how a group of
// alternatives combines its members, and which status a level is. Propagation, causal chains and
// the chokepoint ranking all call these (small enough for the JIT to inline in their hot loops).
import { CONDITIONAL, DEGRADED, HARD } from './rules/rule.js';

/** Layer masks of scoped hits pack the hard layers in the low half and the conditional ones above. */
export const CONDITIONAL_SHIFT = 16;

/**
 * The level a dependent sees through an edge: an upstream edge caps a hard failure at conditional,
 * and a dependency that is only degraded (its own alternatives took the loss: a cloud that lost one
 * region of several) still works for what needs it.
 */
export function throughEdge(level: number, hard: number): number {
  return level === HARD && !hard ? CONDITIONAL : level === DEGRADED ? 0 : level;
}

/** The level a scoped hit puts on an edge that lets `allowed` layers through (before the upstream cap). */
export function scopedHitLevel(packed: number, allowed: number): number {
  return packed & allowed ? HARD : (packed >>> CONDITIONAL_SHIFT) & allowed ? CONDITIONAL : 0;
}

/** A group of alternatives from its best (min) and worst (max) member: the best decides; a hit member beside a fine one degrades. */
export function groupOf(min: number, max: number): number {
  return min > 0 ? min : max > 0 ? DEGRADED : 0;
}

export type Status = 'BROKEN' | 'DEGRADED' | 'AT_RISK' | 'UNAFFECTED';
/** Statuses in the order results list them. */
export const STATUSES: readonly Status[] = ['BROKEN', 'DEGRADED', 'AT_RISK', 'UNAFFECTED'];

/** Status of a propagation level. */
export function statusOf(level: number): Status {
  return level >= HARD ? 'BROKEN' : level >= CONDITIONAL ? 'AT_RISK' : level >= DEGRADED ? 'DEGRADED' : 'UNAFFECTED';
}
