// Query resolvers for lookups, search and the typed lists.
import type { Label } from '../../../schema/generated/model.js';
import type { EntityRecord } from '../../../schema/records.js';
import { InvalidInput } from '../../../schema/errors.js';
import type { GraphContext } from '../context.js';
import type { QueryResolvers } from '../generated.js';
import type { EntityConnection, NodeModel, SearchHitModel } from '../models.js';
import { nodeById } from '../../../graph/query-nodes.js';
import { LIST_FILTERS } from '../list-filters.js';
import { pageInfoOf, pageList, toConnection, type ConnectionModel } from '../connections.js';
import { rankSearch } from '../search-ranking.js';
import { asOfMs as asOfMsOf, labelOf, pageSize } from '../entity-types.js';
import { queryEntities, type OrderKey, type PageArgs, type Where } from '../../../graph/query.js';
import type { EntityType } from '../generated.js';

async function present(ids: string[], ctx: GraphContext): Promise<EntityRecord[]> {
  const found = await ctx.loaders.entity.loadMany(ids);
  return found.filter((e): e is EntityRecord => !!e && !(e instanceof Error));
}

async function searchHits(args: { query: string; types?: EntityType[] | null; first?: number | null }, ctx: GraphContext): Promise<SearchHitModel[]> {
  const first = pageSize(args.first, 10, SEARCH_WINDOW);
  if (!args.query.trim()) throw new InvalidInput('query: expected some text to search for');
  const labels: Label[] | null = args.types?.length ? args.types.map(labelOf) : null;
  const [snapshot, storeHits] = await Promise.all([ctx.snapshots.get(), ctx.store.search(args.query, { labels: labels ?? undefined, limit: Math.max(first, 20) })]);
  const ranked = rankSearch(snapshot, args.query, storeHits, labels, first);
  ctx.meter.add(ranked.length);
  for (const h of storeHits) ctx.loaders.entity.prime(h.entity.id, h.entity);
  const entities = new Map(
    (
      await present(
        ranked.map((r) => r.id),
        ctx,
      )
    ).map((e) => [e.id, e]),
  );
  return ranked.filter((r) => entities.has(r.id)).map((r) => ({ entity: entities.get(r.id)!, score: r.score }));
}

/** The most hits search ranks: searchConnection pages through them. */
const SEARCH_WINDOW = 100;

/** Search as a Relay connection over the best SEARCH_WINDOW hits, best first (score descending, then id). */
async function searchConnection(args: PageArgs & { query: string; types?: EntityType[] | null }, ctx: GraphContext): Promise<ConnectionModel<SearchHitModel>> {
  const hits = await searchHits({ query: args.query, types: args.types ?? null, first: SEARCH_WINDOW }, ctx);
  return toConnection(
    pageList(hits, (h) => [h.score, h.entity.id], [true], args, 'Query.searchConnection'),
    (h) => h,
  );
}

type ListArgs = PageArgs & { asOf?: string | null; where?: Where | null; orderBy?: OrderKey[] | null } & Record<string, unknown>;

/** One page of a typed list: filtered, ordered and paged on the snapshot (graph/query.ts), records fetched in one batch. */
async function listPage(field: string, args: ListArgs, ctx: GraphContext): Promise<EntityConnection> {
  const spec = LIST_FILTERS[field]!;
  const asOfMs = asOfMsOf(typeof args.asOf === 'string' ? args.asOf : null);
  const s = await ctx.snapshots.get();
  const shorthand = Object.entries(spec.shorthands)
    .filter(([name]) => args[name] !== null && args[name] !== undefined)
    .map(([name, toWhere]) => toWhere(args[name] as string | number | boolean));
  const parts = [...(args.where ? [args.where] : []), ...shorthand];
  const where = parts.length === 0 ? null : parts.length === 1 ? parts[0]! : { AND: parts };
  const page = queryEntities(s, { label: spec.label, where, orderBy: args.orderBy ?? null, asOfMs, first: args.first, after: args.after, last: args.last, before: args.before });
  ctx.meter.add(page.items.length);
  const ids = page.items.map((i) => s.ids.at(i));
  const records = new Map((await present(ids, ctx)).map((e) => [e.id, e]));
  return {
    edges: ids.flatMap((id, k) => (records.has(id) ? [{ cursor: page.cursors[k]!, node: records.get(id)! }] : [])),
    pageInfo: pageInfoOf(page),
    totalCount: page.totalCount,
  };
}

const list = (field: string) => (_p: unknown, args: ListArgs, ctx: GraphContext) => listPage(field, args, ctx);

/** Any node by its global id (graph/query-nodes.ts), read through the request's loaders and tagged with its GraphQL type. */
async function node(id: string, ctx: GraphContext): Promise<NodeModel | null> {
  const found = await nodeById(
    { entity: (e) => ctx.loaders.entity.load(e), relationsOf: (e) => ctx.loaders.relations.load(e), claim: (c) => ctx.loaders.claim.load(c) },
    await ctx.snapshots.get(),
    id,
  );
  if (!found) return null;
  if (found.kind === 'entity') return found.entity;
  return found.kind === 'relation' ? { ...found.relation, __node: 'Relation' } : { ...found.claim, __node: 'Source' };
}

export const Query: QueryResolvers = {
  node: (_p, { id }, ctx) => node(id, ctx),
  entity: (_p, { id }, ctx) => ctx.loaders.entity.load(id),
  entities: (_p, { ids }, ctx) => {
    ctx.meter.add(ids.length);
    return present(ids, ctx);
  },
  search: async (_p, args, ctx) => (await searchHits(args, ctx)).map((h) => h.entity),
  searchHits: (_p, args, ctx) => searchHits(args, ctx),
  searchConnection: (_p, args, ctx) => searchConnection(args, ctx),
  nations: list('nations'),
  labs: list('labs'),
  organizations: list('organizations'),
  models: list('models'),
  chips: list('chips'),
  clouds: list('clouds'),
  dataCenters: list('dataCenters'),
  deployments: list('deployments'),
  deals: list('deals'),
  regulations: list('regulations'),
  documents: list('documents'),
  graphVersion: async (_p, _a, ctx) => Number((await ctx.snapshots.get()).version),
};
