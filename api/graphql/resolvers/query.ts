// Query resolvers for lookups, search and the typed lists.
import type { Label } from '../../../schema/generated/model.js';
import type { EntityRecord } from '../../../schema/records.js';
import { InvalidInput } from '../../../schema/errors.js';
import type { GraphContext } from '../context.js';
import type { QueryResolvers } from '../generated.js';
import type { EntityConnection, SearchHitModel } from '../models.js';
import { LIST_FILTERS } from '../list-filters.js';
import { rankSearch } from '../search-ranking.js';
import { asOfMs, decodeCursor, encodeCursor, labelOf, pageSize } from '../entity-types.js';
import type { EntityType } from '../generated.js';

async function present(ids: string[], ctx: GraphContext): Promise<EntityRecord[]> {
  const found = await ctx.loaders.entity.loadMany(ids);
  return found.filter((e): e is EntityRecord => !!e && !(e instanceof Error));
}

async function searchHits(args: { query: string; types?: EntityType[] | null; first?: number | null }, ctx: GraphContext): Promise<SearchHitModel[]> {
  const first = pageSize(args.first, 10, 100);
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

type ListArgs = { first?: number | null; after?: string | null; asOf?: string | null } & Record<string, unknown>;

/** One page of a typed list: filtered on the snapshot, ordered by id, records fetched in one batch. */
async function listPage(field: string, args: ListArgs, ctx: GraphContext): Promise<EntityConnection> {
  const spec = LIST_FILTERS[field]!;
  const first = pageSize(args.first, 50);
  const after = args.after ? decodeCursor(args.after) : null;
  const ms = asOfMs(typeof args.asOf === 'string' ? args.asOf : null);
  const s = await ctx.snapshots.get();
  const active = Object.entries(spec.tests)
    .map(([name, test]) => ({ test, value: args[name] }))
    .filter((f): f is { test: typeof f.test; value: string | number | boolean } => f.value !== null && f.value !== undefined);
  const ids: string[] = [];
  for (let i = 0; i < s.nodeCount; i++) if (s.label(i) === spec.label && active.every((f) => f.test(s, i, f.value, ms))) ids.push(s.ids[i]!);
  ids.sort();
  const start = after ? ids.findIndex((id) => id > after) : 0;
  const pageIds = start < 0 ? [] : ids.slice(start, start + first);
  ctx.meter.add(pageIds.length);
  const nodes = await present(pageIds, ctx);
  return {
    edges: nodes.map((node) => ({ cursor: encodeCursor(node.id), node })),
    pageInfo: { endCursor: pageIds.length ? encodeCursor(pageIds.at(-1)!) : null, hasNextPage: start >= 0 && start + first < ids.length },
    totalCount: ids.length,
  };
}

const list = (field: string) => (_p: unknown, args: ListArgs, ctx: GraphContext) => listPage(field, args, ctx);

export const Query: QueryResolvers = {
  entity: (_p, { id }, ctx) => ctx.loaders.entity.load(id),
  entities: (_p, { ids }, ctx) => {
    ctx.meter.add(ids.length);
    return present(ids, ctx);
  },
  search: async (_p, args, ctx) => (await searchHits(args, ctx)).map((h) => h.entity),
  searchHits: (_p, args, ctx) => searchHits(args, ctx),
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
