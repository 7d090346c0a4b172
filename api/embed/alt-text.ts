// Alt text written from the graph: counts by label and jurisdiction, so a screen-reader user gets
// the story the picture tells ("12 deployments depend on NVIDIA H20, 5 of them in China; ...").
import type { MapNode, MapSpec, MapStatus } from './map-model.js';
import { labelWords } from './relation-roles.js';

/** "a, b and c". */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Counts of items by key, largest first, ties by key. */
function tally<T>(items: T[], key: (t: T) => string | undefined): [string, number][] {
  const counts = new Map<string, number>();
  for (const it of items) {
    const k = key(it);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** "12 deployments and 3 models". */
function countsByLabel(nodes: MapNode[]): string {
  return listWords(tally(nodes, (n) => n.label).map(([label, n]) => `${n} ${labelWords(label, n)}`));
}

/** "5 in China and 3 in United States" for the largest seats among nodes (at most three named). */
function seats(nodes: MapNode[]): string {
  const bySeat = tally(nodes, (n) => n.seat);
  if (!bySeat.length) return '';
  return listWords(bySeat.slice(0, 3).map(([seat, n]) => `${n} in ${seat}`));
}

/** "3 deployments in China depend on X", or with several labels or places, counts then where the biggest group is. */
function dependSentence(nodes: MapNode[], name: string): string {
  const labels = tally(nodes, (n) => n.label);
  const bySeat = tally(nodes, (n) => n.seat);
  if (labels.length === 1 && bySeat.length === 1 && bySeat[0]![1] === nodes.length) return `${countsByLabel(nodes)} in ${bySeat[0]![0]} depend on ${name}`;
  const biggest = labels[0]![0];
  const group = nodes.filter((n) => n.label === biggest);
  const where = seats(group);
  return `${countsByLabel(nodes)} depend on ${name}` + (where ? `; of the ${group.length} ${labelWords(biggest, group.length)}, ${where}` : '');
}

/** Alt text of a focus map. */
export function focusAltText(spec: MapSpec): string {
  const focus = spec.nodes.find((n) => n.role === 'focus')!;
  const down = spec.nodes.filter((n) => n.role === 'downstream');
  const up = spec.nodes.filter((n) => n.role === 'upstream');
  const parts: string[] = [];
  if (down.length) parts.push(dependSentence(down, focus.name));
  else parts.push(`Nothing on this map depends on ${focus.name}`);
  if (up.length > 3) parts.push(`${focus.name} depends on ${countsByLabel(up)}, including ${listWords(up.slice(0, 3).map((n) => n.name))}`);
  else if (up.length) parts.push(`${focus.name} depends on ${listWords(up.map((n) => `${n.name} (${labelWords(n.label)})`))}`);
  if (spec.omitted) parts.push(`${spec.omitted} more entities in reach are left out of the map`);
  return parts.join('. ') + '.';
}

const VERB: Record<MapStatus, string> = {
  SHOCKED: 'are hit directly',
  BROKEN: 'would break',
  DEGRADED: 'would be degraded',
  AT_RISK: 'would be at risk',
  UNAFFECTED: 'would be unaffected',
};

/** Alt text of a scenario map: what breaks, where, and (with a focus) how much of it runs through the focus. */
export function scenarioAltText(spec: MapSpec, scenarioTitle: string, impacted: MapNode[], focusName?: string): string {
  const parts: string[] = [];
  const judged = impacted.filter((n) => n.status && n.status !== 'SHOCKED' && n.status !== 'UNAFFECTED');
  if (focusName) parts.push(judged.length ? dependSentence(judged, focusName) : `Nothing on this map depends on ${focusName}`);
  const byStatus = tally(judged, (n) => n.status).map(([status, n]) => {
    const label = tally(
      judged.filter((j) => j.status === status),
      (j) => j.label,
    )[0]![0];
    return `${n} ${labelWords(label, n)} ${VERB[status as MapStatus]}`;
  });
  parts.push(byStatus.length ? `Under ${scenarioTitle}, ${listWords(byStatus)}` : `Under ${scenarioTitle}, nothing on this map would break`);
  const broken = judged
    .filter((n) => n.status === 'BROKEN')
    .slice(0, 3)
    .map((n) => n.name);
  if (broken.length) parts.push(`Among those that break: ${listWords(broken)}`);
  if (spec.omitted) parts.push(`${spec.omitted} more impacted entities are left out of the map`);
  return parts.join('. ') + '.';
}
