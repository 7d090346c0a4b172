// Scenario fields: the library, runs (named or ad-hoc shocks) and chokepoints, all computed by the
// scenario engine on the snapshot; causal steps resolve to stored relations with their sources.
import { InvalidInput } from '../../../schema/errors.js';
import { relationId } from '../../../schema/records.js';
import { runScenario } from '../../../scenarios/engine.js';
import { rankChokepoints } from '../../../scenarios/chokepoints.js';
import { findScenario, fromObject, loadLibrary } from '../../../scenarios/scenario-file.js';
import type { GraphContext } from '../context.js';
import type { RelationType, CauseStepResolvers, ChokepointResolvers, ImpactResolvers, MitigationResolvers, QueryResolvers, StatusChangeResolvers, ScenarioInfoResolvers } from '../generated.js';
import { labelOf, pageSize } from '../entity-types.js';
import { listConnection } from '../connections.js';

async function entity(id: string, ctx: GraphContext) {
  const e = await ctx.loaders.entity.load(id);
  if (e) return e;
  const s = await ctx.snapshots.get();
  const i = s.indexOf(id);
  if (i === undefined) throw new InvalidInput(`the scenario result names "${id}", which is not in the graph`);
  return s.entity(i);
}

/** How many rows of the ranking chokepointsConnection pages through. */
const CHOKEPOINT_WINDOW = 500;

export const scenarioQueries: Pick<QueryResolvers, 'scenarios' | 'runScenario' | 'chokepoints' | 'chokepointsConnection'> = {
  scenarios: (_p, _a, ctx) => {
    const { scenarios, errors } = loadLibrary();
    for (const err of errors) ctx.logger.warn({ err: err.message }, 'a library scenario does not load');
    return scenarios;
  },
  runScenario: async (_p, { name, shocks, asOf, baseline, horizon }, ctx) => {
    if ((name ? 1 : 0) + (shocks ? 1 : 0) !== 1) throw new InvalidInput('runScenario: give either name (a library scenario) or shocks (a list of shocks), not both or neither');
    const given = name ? findScenario(name) : fromObject({ name: 'ad-hoc', title: 'Ad-hoc scenario', shocks }, 'shocks');
    const scenario = fromObject({ ...given, ...(typeof baseline === 'boolean' ? { baseline } : {}), ...(horizon ? { horizon } : {}) }, 'runScenario');
    const snapshot = await ctx.snapshots.get();
    ctx.meter.check();
    const result = runScenario(snapshot, scenario, asOf ? { asOf } : {});
    ctx.meter.add(result.impacts.length);
    return result;
  },
  chokepoints: async (_p, { type, first, asOf }, ctx) => {
    const snapshot = await ctx.snapshots.get();
    ctx.meter.check();
    const rows = rankChokepoints(snapshot, { type: type ? labelOf(type) : undefined, first: pageSize(first, 20, 500), asOf: asOf ?? undefined });
    ctx.meter.add(rows.length);
    return rows;
  },
  chokepointsConnection: async (_p, args, ctx) => {
    const snapshot = await ctx.snapshots.get();
    ctx.meter.check();
    const rows = rankChokepoints(snapshot, { type: args.type ? labelOf(args.type) : undefined, first: CHOKEPOINT_WINDOW, asOf: args.asOf ?? undefined });
    return listConnection(rows, (r) => [r.broken, r.entity.id], [true], args, 'Query.chokepointsConnection', ctx.meter);
  },
};

export const ScenarioInfo: ScenarioInfoResolvers = {
  asOf: (s) => s.asOf ?? null,
  shocks: (s) => s.shocks,
};

export const Impact: ImpactResolvers = {
  deployment: (i, _a, ctx) => entity(i.deployment.id, ctx),
};

export const CauseStep: CauseStepResolvers = {
  rel: (st) => st.rel as RelationType,
  fromEntity: (st, _a, ctx) => entity(st.from, ctx),
  toEntity: (st, _a, ctx) => entity(st.to, ctx),
  relation: async (st, _a, ctx) => {
    const id = relationId(st.from, st.rel, st.to);
    return (await ctx.loaders.relations.load(st.from)).find((r) => r.id === id) ?? null;
  },
};

export const StatusChange: StatusChangeResolvers = {
  deployment: (c, _a, ctx) => entity(c.deployment.id, ctx),
};

export const Mitigation: MitigationResolvers = {
  replaceEntity: (m, _a, ctx) => entity(m.replace, ctx),
  withEntity: (m, _a, ctx) => entity(m.with, ctx),
};

export const Chokepoint: ChokepointResolvers = {
  entity: (row, _a, ctx) => entity(row.entity.id, ctx),
};
