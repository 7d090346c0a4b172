// Words for labels and relation types, and the seat (nation or bloc) of an entity. Which way a
// relation runs on a map comes from graph/traverse.ts (RELATION_FLAGS, read from the schema flags).
import { RELATION_FLAGS } from '../../graph/traverse.js';
import type { Snapshot } from '../../graph/snapshot.js';

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
    const role = RELATION_FLAGS[s.edgeType[e]!];
    if (!role || !(role.jurisdiction || role.control) || !s.validAt(e, asOfMs)) continue;
    const to = s.edgeTo[e]!;
    if (role.jurisdiction && (seat === undefined || s.ids[to]! < s.ids[seat]!)) seat = to;
    if (role.control && (controller === undefined || s.ids[to]! < s.ids[controller]!)) controller = to;
  }
  if (seat !== undefined) return s.names[seat];
  if (controller !== undefined && hops > 0) return seatOf(s, controller, asOfMs, hops - 1);
  return undefined;
}
