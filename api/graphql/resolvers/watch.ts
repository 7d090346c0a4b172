// Standing scenarios over GraphQL: register and unregister (editor key), read a watch and its
// changes, and follow them by subscription. The work is the server's WatchService (scenarios/watch.ts).
import { InvalidInput, NotFound, StoreUnavailable } from '../../../schema/errors.js';
import { findScenario, fromObject } from '../../../scenarios/scenario-file.js';
import type { WatchService } from '../../../scenarios/watch.js';
import { requireEditor } from '../auth.js';
import type { GraphContext } from '../context.js';
import type { MutationResolvers, QueryResolvers, ScenarioWatchChangeResolvers, ScenarioWatchResolvers, SubscriptionResolvers, WatchedStatusChangeResolvers } from '../generated.js';
import { pageSize } from '../entity-types.js';
import { listConnection } from '../connections.js';

/** The path of a watch's Atom feed on the server. */
export const feedPath = (id: string) => `/feeds/scenario-watch/${encodeURIComponent(id)}.atom`;

function service(ctx: GraphContext): WatchService {
  if (!ctx.watches) throw new StoreUnavailable('standing scenarios run only in the server (chokepoint serve)');
  return ctx.watches;
}

export const watchQueries: Pick<QueryResolvers, 'scenarioWatch' | 'scenarioWatches'> = {
  scenarioWatch: async (_p, { id }, ctx) => {
    // a watch moves on after the graph does, off the request path: never served from the response cache
    ctx.seen.volatile = true;
    return service(ctx).get(id);
  },
  scenarioWatches: async (_p, _a, ctx) => {
    ctx.seen.volatile = true;
    const watches = await service(ctx).list();
    ctx.meter.add(watches.length);
    return watches;
  },
};

export const watchMutations: Pick<MutationResolvers, 'registerScenarioWatch' | 'unregisterScenarioWatch'> = {
  registerScenarioWatch: async (_p, { name, shocks, title, asOf, baseline, horizon }, ctx) => {
    requireEditor(ctx.role);
    if ((name ? 1 : 0) + (shocks ? 1 : 0) !== 1) throw new InvalidInput('registerScenarioWatch: give either name (a library scenario) or shocks (a list of shocks), not both or neither');
    const given = name ? findScenario(name) : fromObject({ name: 'ad-hoc', title: title ?? 'Ad-hoc scenario', shocks }, 'shocks');
    const scenario = fromObject(
      { ...given, ...(title ? { title } : {}), ...(asOf ? { asOf } : {}), ...(typeof baseline === 'boolean' ? { baseline } : {}), ...(horizon ? { horizon } : {}) },
      'registerScenarioWatch',
    );
    return service(ctx).register(scenario);
  },
  unregisterScenarioWatch: async (_p, { id }, ctx) => {
    requireEditor(ctx.role);
    return service(ctx).unregister(id);
  },
};

export const watchSubscriptions: Pick<SubscriptionResolvers, 'scenarioWatchChanged'> = {
  scenarioWatchChanged: {
    subscribe: async (_p, { id }, ctx) => {
      const watches = service(ctx);
      if (!(await watches.get(id))) throw new NotFound(`id: no scenario watch "${id}"`);
      return watches.subscribe(id, ctx.signal);
    },
    resolve: (change: unknown) => change as never,
  },
};

export const ScenarioWatch: ScenarioWatchResolvers = {
  scenario: (w) => w.scenario,
  removedAt: (w) => w.removedAt ?? null,
  feed: (w) => feedPath(w.id),
  changes: async (w, { first }, ctx) => {
    const changes = await service(ctx).changes(w.id, pageSize(first, 20, 1000));
    ctx.meter.add(changes.length);
    return changes;
  },
  changesConnection: async (w, args, ctx) => {
    // the newest 1,000 changes the service reads at once, newest first (a run records one change per version)
    const all = await service(ctx).changes(w.id, 1000);
    return listConnection(all, (c) => [c.version, c.fromVersion, w.id], [true, true], args, 'ScenarioWatch.changesConnection', ctx.meter);
  },
};

export const ScenarioWatchChange: ScenarioWatchChangeResolvers = {
  deployments: (c) => c.changes,
};

export const WatchedStatusChange: WatchedStatusChangeResolvers = {
  deployment: async (c, _a, ctx) => {
    const e = await ctx.loaders.entity.load(c.deployment.id);
    if (!e) throw new NotFound(`deployment ${c.deployment.id} is named by a scenario watch but does not exist`);
    return e;
  },
};
