// A deal's amount as a range {min, max, currency}: a stated range keeps both bounds, a single
// amount is its own range, a lower bound alone (amountIsLowerBound) has no max.
import type { EntityRecord } from '../../../schema/records.js';

/** The range of a Deal's amount, or null when it has none. */
export function amountRange(e: EntityRecord): { min: number; max: number | null; currency: string; minUsd: number | null; maxUsd: number | null } | null {
  const p = e.props;
  if (typeof p.amount !== 'number' || typeof p.currency !== 'string') return null;
  const usd = typeof p.amountUsd === 'number' ? p.amountUsd : null;
  if (typeof p.amountMax === 'number') return { min: p.amount, max: p.amountMax, currency: p.currency, minUsd: usd, maxUsd: typeof p.amountMaxUsd === 'number' ? p.amountMaxUsd : null };
  if (p.amountIsLowerBound === true) return { min: p.amount, max: null, currency: p.currency, minUsd: usd, maxUsd: null };
  return { min: p.amount, max: p.amount, currency: p.currency, minUsd: usd, maxUsd: usd };
}
