// Which relations a map follows and which end needs the other, read from the schema flags:
// dependency relations by their `dependent` end; jurisdiction and control relations as the
// `from` end depending on the `to` end (it sits under that law, or answers to that controller).
import { DOMAIN } from '../../schema/generated/domain.js';
import { RELATION_TYPES } from '../../schema/generated/model.js';
import type { Snapshot } from '../../graph/snapshot.js';

export interface RelationRole {
  /** the end that needs the other one */
  dependent: 'from' | 'to';
  /** places the `from` end under the `to` end's jurisdiction */
  jurisdiction: boolean;
  /** the `to` end controls the `from` end */
  control: boolean;
}

/** Per relation-type index (snapshot.edgeType), its role on a map, or null when maps ignore it. */
export const RELATION_ROLES: readonly (RelationRole | null)[] = RELATION_TYPES.map((type) => {
  const spec = DOMAIN.relations.find((r) => r.type === type);
  if (!spec || !(spec.dependency || spec.jurisdiction || spec.control)) return null;
  return { dependent: spec.dependency?.dependent ?? 'from', jurisdiction: spec.jurisdiction, control: spec.control };
});

/** Human words for a relation type: RUNS_ON -> "runs on". */
export function relationWords(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

/** Human words for a label, singular or plural: DataCenter -> "data center(s)". */
export function labelWords(label: string, count = 1): string {
  const words = label.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  if (count === 1) return words;
  if (/[^aeiou]y$/.test(words)) return words.slice(0, -1) + 'ies';
  if (/(s|x|ch|sh)$/.test(words)) return words + 'es';
  return words + 's';
}

/**
 * The name of the nation or bloc whose jurisdiction node i sits in: its own jurisdiction relation,
 * else its controller's (followed a few steps), or undefined. Ties go to the lowest id.
 */
export function seatOf(s: Snapshot, i: number, asOfMs: number, hops = 3): string | undefined {
  let controller: number | undefined;
  let seat: number | undefined;
  for (const e of s.outOf(i)) {
    const role = RELATION_ROLES[s.edgeType[e]!];
    if (!role || !s.validAt(e, asOfMs)) continue;
    const to = s.edgeTo[e]!;
    if (role.jurisdiction && (seat === undefined || s.ids[to]! < s.ids[seat]!)) seat = to;
    if (role.control && (controller === undefined || s.ids[to]! < s.ids[controller]!)) controller = to;
  }
  if (seat !== undefined) return s.names[seat];
  if (controller !== undefined && hops > 0) return seatOf(s, controller, asOfMs, hops - 1);
  return undefined;
}
