// A relation is the aggregate of its live claims: this module computes that aggregate, the same
// way for every store and for in-memory uses (seeds, tests).
import type { ClaimRecord, Props, RelationRecord } from '../schema/records.js';
import { relationId } from '../schema/records.js';

const byStrength = (a: ClaimRecord, b: ClaimRecord) => a.confidence - b.confidence || a.observedAt.localeCompare(b.observedAt) || a.id.localeCompare(b.id);

function minDate(values: (string | undefined)[]): string | undefined {
  const present = values.filter((v): v is string => !!v).sort();
  return present[0];
}

/**
 * Aggregates the live claims of one (from, type, to) into a relation: properties merged from the
 * weakest claim to the strongest (so the most confident, then the most recent, wins a conflict),
 * confidence the maximum, validFrom the earliest, validTo open when any claim is open.
 */
export function aggregateClaims(claims: ClaimRecord[]): RelationRecord | null {
  if (claims.length === 0) return null;
  const sorted = [...claims].sort(byStrength);
  const first = sorted[0]!;
  const props: Props = {};
  for (const c of sorted) Object.assign(props, c.props);
  const validTos = sorted.map((c) => c.validTo);
  const observed = sorted.map((c) => c.observedAt).sort();
  return {
    id: relationId(first.subject, first.rel, first.object),
    type: first.rel,
    from: first.subject,
    to: first.object,
    props,
    confidence: Math.max(...sorted.map((c) => c.confidence)),
    validFrom: sorted.every((c) => c.validFrom) ? minDate(sorted.map((c) => c.validFrom)) : undefined,
    validTo: validTos.some((v) => !v) ? undefined : validTos.sort().at(-1),
    firstSeen: observed[0],
    lastSeen: observed.at(-1),
    claimCount: sorted.length,
  };
}

/** Claims grouped by the id of the relation they make, in the order given. */
export function claimsByRelation<C extends Pick<ClaimRecord, 'subject' | 'rel' | 'object'>>(claims: Iterable<C>): Map<string, C[]> {
  const groups = new Map<string, C[]>();
  for (const c of claims) {
    const key = relationId(c.subject, c.rel, c.object);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return groups;
}

/** Groups claims by relation and aggregates each group, sorted by relation id. */
export function relationsFromClaims(claims: Iterable<ClaimRecord>): RelationRecord[] {
  return [...claimsByRelation(claims).values()].map((g) => aggregateClaims(g)!).sort((a, b) => a.id.localeCompare(b.id));
}
