// Exposure of one nation under a scenario: the deployments seated in it (a bloc counts its
// members), their statuses, and the shocked entities that reach them most often.
import { dateMs, type Snapshot } from '../graph/snapshot.js';
import { InvalidInput } from '../schema/errors.js';
import { runScenario, type Impact, type RunOptions } from './engine.js';
import { jurisdictionsOf } from './jurisdiction.js';
import { reachIndex } from './reach.js';
import type { Scenario } from './scenario-file.js';
import type { Step } from './causes.js';

/** A nation's exposure under one scenario. */
export interface Exposure {
  nation: { id: string; name: string };
  scenario: string;
  asOf: string | null;
  deployments: number;
  summary: { broken: number; degraded: number; atRisk: number; unaffected: number };
  /** shocked entities at the start of this nation's cause chains, most frequent first */
  origins: { id: string; name: string; deployments: number }[];
  impacts: Impact[];
}

/** The shocked entity a chain starts from: the end of its first step not shared with the next. */
export function chainOrigin(steps: readonly Step[], deploymentId: string): string {
  const first = steps[0];
  if (!first) return deploymentId;
  const next = steps[1];
  const joint = next ? [next.from, next.to] : [deploymentId];
  return joint.includes(first.from) ? first.to : first.from;
}

/** Runs the scenario and keeps what falls on deployments seated in `nationId`. */
export function exposureUnderScenario(snapshot: Snapshot, scenario: Scenario, nationId: string, opts: RunOptions = {}): Exposure {
  const nation = snapshot.indexOf(nationId);
  if (nation === undefined) throw new InvalidInput(`nation: unknown entity "${nationId}"`);
  const result = runScenario(snapshot, scenario, opts);
  const idx = reachIndex(snapshot, dateMs(result.asOf));
  const juris = jurisdictionsOf(idx);
  const inside = (i: number) => juris.seat(i).includes(nation) || i === nation;
  const mine = new Set<string>();
  let total = 0;
  for (const d of idx.judged)
    if (inside(d)) {
      total++;
      mine.add(snapshot.ids[d]!);
    }
  const impacts = result.impacts.filter((i) => mine.has(i.deployment.id));
  const count = (s: Impact['status']) => impacts.filter((i) => i.status === s).length;
  const originCount = new Map<string, number>();
  for (const imp of impacts) {
    const starts = new Set(imp.causes.map((c) => chainOrigin(c.steps, imp.deployment.id)));
    for (const o of starts) originCount.set(o, (originCount.get(o) ?? 0) + 1);
  }
  const origins = [...originCount.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id, n]) => ({ id, name: snapshot.names[snapshot.indexOf(id)!]!, deployments: n }));
  const broken = count('BROKEN');
  const degraded = count('DEGRADED');
  const atRisk = count('AT_RISK');
  return {
    nation: { id: nationId, name: snapshot.names[nation]! },
    scenario: result.scenario,
    asOf: result.asOf,
    deployments: total,
    summary: { broken, degraded, atRisk, unaffected: total - broken - degraded - atRisk },
    origins,
    impacts,
  };
}
