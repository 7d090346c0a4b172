// Scenario diffs: what changes for each deployment between two results, or between a result
// and the empty scenario (no shocks, everyone unaffected). A run with `baseline: true` uses it to
// report what its shocks change beyond the rules in force.
import { STATUSES, type Status } from './levels.js';

/** What a diff reads of a scenario result (engine.ts's ScenarioResult has this shape). */
interface ScenarioResult {
  scenario: string;
  asOf: string | null;
  summary: { broken: number; degraded: number; atRisk: number; unaffected: number };
  impacts: { deployment: { id: string; name: string }; status: Status }[];
}

/** One deployment whose status differs. */
export interface StatusChange {
  deployment: { id: string; name: string };
  before: Status;
  after: Status;
}

/** The difference between two scenario results. */
export interface ScenarioDiff {
  from: string;
  to: string;
  summary: { broken: number; degraded: number; atRisk: number; unaffected: number };
  changes: StatusChange[];
}

/** The result of the empty scenario on the same deployments: everything unaffected. */
export function baselineOf(result: ScenarioResult): ScenarioResult {
  const s = result.summary;
  return { scenario: 'baseline', asOf: result.asOf, summary: { broken: 0, degraded: 0, atRisk: 0, unaffected: s.broken + s.degraded + s.atRisk + s.unaffected }, impacts: [] };
}

/** Status changes from `a` to `b` (b defaults to comparing a against the baseline: baseline -> a). */
export function diffScenarios(a: ScenarioResult, b?: ScenarioResult): ScenarioDiff {
  const [before, after] = b ? [a, b] : [baselineOf(a), a];
  const was = new Map(before.impacts.map((i) => [i.deployment.id, i]));
  const now = new Map(after.impacts.map((i) => [i.deployment.id, i]));
  const ids = [...new Set([...was.keys(), ...now.keys()])].sort();
  const changes: StatusChange[] = [];
  for (const id of ids) {
    const x = was.get(id);
    const y = now.get(id);
    const bs = x?.status ?? 'UNAFFECTED';
    const as = y?.status ?? 'UNAFFECTED';
    if (bs !== as) changes.push({ deployment: (y ?? x)!.deployment, before: bs, after: as });
  }
  changes.sort((p, q) => STATUSES.indexOf(p.after) - STATUSES.indexOf(q.after) || (p.deployment.id < q.deployment.id ? -1 : 1));
  const d = (k: keyof ScenarioResult['summary']) => after.summary[k] - before.summary[k];
  return { from: before.scenario, to: after.scenario, summary: { broken: d('broken'), degraded: d('degraded'), atRisk: d('atRisk'), unaffected: d('unaffected') }, changes };
}
