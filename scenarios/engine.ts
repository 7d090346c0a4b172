// The scenario engine: shocks -> hits (one rule per shock type) -> propagation over the
// snapshot's dependency relations -> a status per deployment, with causal chains and
// mitigations (README: Scenarios). Pure and deterministic: same snapshot and scenario, same JSON.
import { dateMs, type Snapshot } from '../graph/snapshot.js';
import { assertValid, dateProblem } from '../schema/validate.js';
import { CauseFinder, type Cause } from './causes.js';
import { placementOf, type Placement } from '../graph/placement.js';
import { MitigationFinder, type Mitigation } from './mitigations.js';
import { lostShare, nodeLevel, propagate, type Propagation } from './propagate.js';
import { reachIndex, type ReachIndex } from './reach.js';
import { ruleFor } from './rules/registry.js';
import { shortHorizon, statusOf, type Status } from './levels.js';
import { validateScenario, type Scenario } from './scenario-file.js';
import { diffScenarios, type StatusChange } from './diff.js';
import exportControl from './rules/export-control.js';
import { rulesInForce } from './rules-in-force.js';
import { CONDITIONAL, HARD, SHORTFALL, type Hit, type ShockRule, type RuleContext, type Scope } from './rules/rule.js';
import { scopeTest } from './scope.js';

export { STATUSES, statusOf, type Status } from './levels.js';

/** One deployment's outcome. */
export interface Impact {
  deployment: { id: string; name: string };
  status: Status;
  /** the part of its supply or capacity lost (0..1), when that is what degrades it (shares or counts on the relations) */
  lost?: number;
  causes: Cause[];
  mitigations: Mitigation[];
}

/** The result of a scenario run (README: Scenarios); impacts list every deployment not UNAFFECTED. */
export interface ScenarioResult {
  scenario: string;
  asOf: string | null;
  /** the scenario's horizon (null: the long run) */
  horizon?: string;
  summary: { broken: number; degraded: number; atRisk: number; unaffected: number };
  impacts: Impact[];
  /** with `baseline: true`: the rules in force alone, and the statuses the shocks change beyond them */
  baseline?: { summary: ScenarioResult['summary']; changes: StatusChange[] };
}

/** Cause type of a chain that starts at a rule in force (a scenario's baseline). */
export const RULE_IN_FORCE = 'rule_in_force';

export interface RunOptions {
  /** overrides the scenario's asOf (YYYY-MM-DD) */
  asOf?: string;
  /** skip causal chains and mitigations (status only), e.g. for diffs and exposure tables */
  statusOnly?: boolean;
}

/** Everything a run computes before shaping the result. */
export interface Evaluation {
  idx: ReachIndex;
  juris: Placement;
  hits: Hit[];
  inScope: (scope: Scope, node: number) => boolean;
  propagation: Propagation;
  asOf: string | null;
}

// A shock that enacts a regulation only counts once the regulation is in effect and not repealed.
function shockActive(snapshot: Snapshot, regulation: string | undefined, asOfMs: number): boolean {
  if (!regulation) return true;
  const props = snapshot.nodeProps.at(snapshot.indexOf(regulation)!);
  if (props.status === 'repealed') return false;
  const effective = dateMs(typeof props.effectiveDate === 'string' ? props.effectiveDate : undefined);
  return Number.isNaN(asOfMs) || Number.isNaN(effective) || effective <= asOfMs;
}

/** Validates a scenario against the snapshot, selects its hits and propagates them. */
export function evaluateScenario(snapshot: Snapshot, scenario: Scenario, opts: RunOptions = {}): Evaluation {
  validateScenario(snapshot, scenario);
  const asOf = opts.asOf ?? scenario.asOf ?? null;
  if (asOf !== null) assertValid(dateProblem('asOf', asOf));
  const asOfMs = dateMs(asOf);
  const idx = reachIndex(snapshot, asOfMs);
  const juris = placementOf(idx.snapshot, idx.asOfMs);
  const ctx: RuleContext = {
    index: idx,
    juris,
    node: (id) => snapshot.indexOf(id)!,
    standsFor: (ids) => {
      const out = new Set<number>();
      for (const id of ids) {
        const n = snapshot.indexOf(id)!;
        out.add(n);
        juris.seat(n).forEach((x) => out.add(x));
      }
      return out;
    },
  };
  const hits: Hit[] = [];
  const short = shortHorizon(scenario.horizon);
  // at a short horizon a supply shock stops only new supply: what is installed runs on, at risk
  const add = (acts: ShockRule['acts'], found: readonly Hit[]) => {
    for (const h of found) hits.push(short && acts === 'supply' && h.level > CONDITIONAL ? { ...h, level: CONDITIONAL } : h);
  };
  scenario.shocks.forEach((shock, i) => {
    if (!shockActive(snapshot, shock.regulation, asOfMs)) return;
    const rule = ruleFor(shock.type)!;
    add(rule.acts, rule.hits(shock, ctx, i));
  });
  if (scenario.baseline) add(exportControl.acts, baselineHits(snapshot, ctx, asOfMs, scenario.shocks.length));
  const inScope = scopeTest(juris, snapshot);
  return { idx, juris, hits, inScope, propagation: propagate(idx, hits, inScope, { installedBase: short }), asOf };
}

/** The shock types of a scenario's chains, by shock index: its own shocks, then its rules in force. */
export function shockTypes(snapshot: Snapshot, scenario: Scenario, asOfMs: number): string[] {
  const own = scenario.shocks.map((sh) => sh.type);
  return scenario.baseline ? [...own, ...rulesInForce(snapshot, asOfMs).map(() => RULE_IN_FORCE)] : own;
}

// The rules in force as export controls: each restricted item may not reach its destinations.
function baselineHits(snapshot: Snapshot, ctx: RuleContext, asOfMs: number, first: number): Hit[] {
  return rulesInForce(snapshot, asOfMs).flatMap((rule, k) =>
    [HARD, CONDITIONAL].flatMap((level) => {
      const items = rule.items.filter((x) => x.level === level).map((x) => snapshot.ids.at(x.node));
      if (!items.length) return [];
      const shock = {
        type: 'export_control' as const,
        issuer: snapshot.ids.at(rule.regulation),
        items,
        destinations: rule.destinations.map((d) => snapshot.ids.at(d)),
        effect: level === HARD ? ('ban' as const) : ('license_required' as const),
      };
      return exportControl.hits(shock, ctx, first + k);
    }),
  );
}

// One { id, name } object per deployment and snapshot, shared by every result (read-only).
const refs = new WeakMap<Snapshot, ({ id: string; name: string } | undefined)[]>();

function deploymentRefs(snapshot: Snapshot): ({ id: string; name: string } | undefined)[] {
  let list = refs.get(snapshot);
  if (!list) refs.set(snapshot, (list = new Array<{ id: string; name: string } | undefined>(snapshot.nodeCount)));
  return list;
}

/** Runs a scenario on a snapshot: a status per deployment, causes and mitigations for the affected. */
export function runScenario(snapshot: Snapshot, scenario: Scenario, opts: RunOptions = {}): ScenarioResult {
  const ev = evaluateScenario(snapshot, scenario, opts);
  const { idx, propagation } = ev;
  const causes = opts.statusOnly ? undefined : new CauseFinder(propagation, ev.hits, shockTypes(snapshot, scenario, idx.asOfMs), ev.juris, ev.inScope);
  const mitigations = opts.statusOnly ? undefined : new MitigationFinder(propagation, ev.juris, ev.hits, ev.inScope);
  const buckets: Record<Status, Impact[]> = { BROKEN: [], DEGRADED: [], AT_RISK: [], UNAFFECTED: [] };
  let unaffected = 0;
  const { touched } = propagation;
  const ref = deploymentRefs(snapshot);
  for (const d of idx.judged) {
    const level = touched[d] ? nodeLevel(propagation, d) : 0;
    if (level === 0) {
      unaffected++;
      continue;
    }
    const status = statusOf(level);
    const chains = causes ? causes.causes(d, level) : [];
    buckets[status].push({
      deployment: (ref[d] ??= { id: snapshot.ids.at(d), name: snapshot.names.at(d) }),
      status,
      ...(level === SHORTFALL ? { lost: Math.round(lostShare(propagation, d) * 1000) / 1000 } : {}),
      causes: chains,
      mitigations: mitigations && causes ? mitigations.for(d, causes.firsts, causes.lasts, causes.ends) : [],
    });
  }
  const result: ScenarioResult = {
    scenario: scenario.name,
    asOf: ev.asOf,
    ...(scenario.horizon ? { horizon: scenario.horizon } : {}),
    summary: { broken: buckets.BROKEN.length, degraded: buckets.DEGRADED.length, atRisk: buckets.AT_RISK.length, unaffected },
    impacts: [...buckets.BROKEN, ...buckets.DEGRADED, ...buckets.AT_RISK],
  };
  if (scenario.baseline && scenario.shocks.length) {
    // the same date and rules, without the scenario's own shocks
    const base = runScenario(snapshot, { ...scenario, shocks: [] }, { ...opts, statusOnly: true, asOf: ev.asOf ?? undefined });
    result.baseline = { summary: base.summary, changes: diffScenarios(base, result).changes };
  }
  return result;
}
