// Standing scenarios, the pure part: what a watch remembers of a run (each affected deployment's
// status and the relations its causal chains run through), and the difference between two runs
// with the history events that explain it.
import { relationId } from '../schema/records.js';
import { compareEvents, type HistoryEvent } from '../graph/history.js';
import { STATUSES, type Status } from './levels.js';
import type { ScenarioResult } from './engine.js';

/** What a watch keeps of one affected deployment: its status and the relations its chains run through. */
export interface WatchedImpact {
  name: string;
  status: Status;
  /** relation ids on its causal chains (at most MAX_RELATIONS) */
  relations: string[];
}

/** Affected deployments by id (the unaffected are not kept). */
export type WatchedStatuses = Record<string, WatchedImpact>;

/** The relations of a deployment's chains a watch keeps, at most. */
export const MAX_RELATIONS = 50;

/** What a watch keeps of a run. */
export function watchedStatuses(result: ScenarioResult): WatchedStatuses {
  const out: WatchedStatuses = {};
  for (const impact of result.impacts) {
    const relations = new Set<string>();
    for (const cause of impact.causes) for (const step of cause.steps) if (relations.size < MAX_RELATIONS) relations.add(relationId(step.from, step.rel, step.to));
    out[impact.deployment.id] = { name: impact.deployment.name, status: impact.status, relations: [...relations].sort() };
  }
  return out;
}

/** One deployment whose status moved between two runs, with the claim changes on its chains that explain it. */
export interface WatchedChange {
  deployment: { id: string; name: string };
  before: Status;
  after: Status;
  /** claim events between the two runs on the relations of its chains, before or after (newest first) */
  causes: HistoryEvent[];
}

/**
 * The deployments whose status moved from `before` to `after`, worst new status first then by id,
 * each with the claim events (of `events`, the history between the runs) on the relations of its
 * chains before or after: a new claim that breaks a deployment lies on its new chain, a retraction
 * that frees it on its old one.
 */
export function diffWatched(before: WatchedStatuses, after: WatchedStatuses, events: readonly HistoryEvent[]): WatchedChange[] {
  const byRelation = new Map<string, HistoryEvent[]>();
  for (const e of events) {
    if (e.entry !== 'claim') continue;
    const list = byRelation.get(e.relKey);
    if (list) list.push(e);
    else byRelation.set(e.relKey, [e]);
  }
  const changes: WatchedChange[] = [];
  for (const id of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const was = before[id];
    const now = after[id];
    const from = was?.status ?? 'UNAFFECTED';
    const to = now?.status ?? 'UNAFFECTED';
    if (from === to) continue;
    const relations = new Set([...(was?.relations ?? []), ...(now?.relations ?? [])]);
    const causes = [...relations].flatMap((r) => byRelation.get(r) ?? []).sort(compareEvents);
    changes.push({ deployment: { id, name: (now ?? was)!.name }, before: from, after: to, causes });
  }
  return changes.sort((p, q) => STATUSES.indexOf(p.after) - STATUSES.indexOf(q.after) || (p.deployment.id < q.deployment.id ? -1 : 1));
}
