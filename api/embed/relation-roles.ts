// Words for labels and relation types, and the seat (nation or bloc) of an entity (graph/placement.ts).
import { placementOf } from '../../graph/placement.js';
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
 * else its controller's (followed a few steps), or undefined. Ties go to the lowest id (graph/placement.ts).
 */
export function seatOf(s: Snapshot, i: number, asOfMs: number): string | undefined {
  const seat = placementOf(s, asOfMs).primarySeat(i);
  return seat === undefined ? undefined : s.names.at(seat);
}
