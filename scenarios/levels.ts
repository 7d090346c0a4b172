// The level rule, once: how a failure level travels through one dependency edge, how a group of
// alternatives combines its members, and which status a level is. Propagation, causal chains and
// the chokepoint ranking all call these (small enough for the JIT to inline in their hot loops).
import { CONDITIONAL, DEGRADED, HARD, SHORTFALL } from './rules/rule.js';

/** Layer masks of scoped hits pack the hard layers in the low half and the conditional ones above. */
export const CONDITIONAL_SHIFT = 16;

/**
 * The level a dependent sees through an edge: an upstream edge caps a hard failure at conditional
 * and passes no shortfall, and a dependency that is only degraded (its own alternatives took the
 * loss: a cloud that lost one region of several) still works for what needs it; a shortfall (part
 * of the supply lost) passes on through hard edges.
 */
export function throughEdge(level: number, hard: number): number {
  if (level === DEGRADED) return 0;
  if (hard) return level;
  return level === HARD ? CONDITIONAL : level === SHORTFALL ? 0 : level;
}

/** The level a scoped hit puts on an edge that lets `allowed` layers through (before the upstream cap). */
export function scopedHitLevel(packed: number, allowed: number): number {
  return packed & allowed ? HARD : (packed >>> CONDITIONAL_SHIFT) & allowed ? CONDITIONAL : 0;
}

/** A group of alternatives from its best (min) and worst (max) member: the best decides; a hit member beside a fine one degrades. */
export function groupOf(min: number, max: number): number {
  return min > 0 ? min : max > 0 ? DEGRADED : 0;
}

/**
 * A group whose members carry supply shares (or counts): `lost` is the share of the hit members,
 * `known` the share recorded at all (1 with counts). Losing part of the supply is a shortfall,
 * passed on; losing all of it keeps the plain level.
 */
export function groupWithShares(plain: number, lost: number, known: number): number {
  if (lost <= 0) return plain;
  if (plain === DEGRADED) return SHORTFALL;
  if (plain === HARD && lost < 1 && (known < 1 || lost < known)) return SHORTFALL;
  return plain;
}

export type Status = 'BROKEN' | 'DEGRADED' | 'AT_RISK' | 'UNAFFECTED';
/** Statuses in the order results list them. */
export const STATUSES: readonly Status[] = ['BROKEN', 'DEGRADED', 'AT_RISK', 'UNAFFECTED'];

/** Status of a propagation level. */
export function statusOf(level: number): Status {
  return level >= HARD ? 'BROKEN' : level >= CONDITIONAL ? 'AT_RISK' : level >= DEGRADED ? 'DEGRADED' : 'UNAFFECTED';
}

/** Horizons a scenario may name: immediate, or a number of months. */
export const HORIZON = /^(immediate|(\d{1,3})m)$/;
/** Months an installed base keeps running after its new supply stops (a horizon shorter than this is short). */
export const INSTALLED_BASE_MONTHS = 12;

/** Whether a horizon is short: supply shocks then hit only new supply, and what runs on an installed base is at risk. */
export function shortHorizon(horizon: string | undefined): boolean {
  if (horizon === undefined) return false;
  const m = HORIZON.exec(horizon);
  return !!m && (m[1] === 'immediate' || Number(m[2]) < INSTALLED_BASE_MONTHS);
}
