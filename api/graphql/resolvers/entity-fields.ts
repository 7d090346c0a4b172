// Resolvers of every label's object type, built from the domain model: the shared Entity fields,
// `relations`, and one resolver per declared property reading the record's props.
import type { GraphQLFieldResolver } from 'graphql';
import { DOMAIN } from '../../../schema/generated/domain.js';
import type { EntityRecord, RelationRecord } from '../../../schema/records.js';
import type { GraphContext } from '../context.js';
import type { Direction, RelationType } from '../generated.js';
import { asOfMs, entityTypeOf, validAt } from '../entity-types.js';
import { pageSizes, toConnection } from '../connections.js';
import type { RelationConnectionModel } from '../models.js';
import { queryRelations, type OrderKey, type Page, type PageArgs } from '../../../graph/query.js';
import { needsClaims, recordView, type ClaimsOf, type RelationView, type RelationWhere } from '../../../graph/query-relations.js';

type FieldResolver = GraphQLFieldResolver<EntityRecord, GraphContext>;

interface RelationsArgs extends PageArgs {
  direction?: Direction | null;
  types?: RelationType[] | null;
  asOf?: string | null;
  where?: RelationWhere | null;
  orderBy?: OrderKey[] | null;
  keepOrder?: boolean;
}

/** The claims of `rows` through the request's loader when `where` tests claims; null (none read) otherwise. */
async function claimsFor(rows: readonly RelationRecord[], where: RelationWhere | null | undefined, ctx: GraphContext): Promise<ClaimsOf> {
  if (!needsClaims(where)) return null;
  const loaded = await ctx.loaders.claims.loadMany(rows.map((r) => r.id));
  const byId = new Map(rows.map((r, k) => [r.id, Array.isArray(loaded[k]) ? loaded[k] : []]));
  return (id) => byId.get(id) ?? [];
}

/** A page of an entity's relations filtered by direction, type, validity at asOf and where, in orderBy's order (graph/query.ts). */
async function relationPage(e: EntityRecord, args: RelationsArgs, ctx: GraphContext, limits: { defaultSize: number; max: number }): Promise<Page<RelationView>> {
  const ms = asOfMs(args.asOf);
  const direction = args.direction ?? 'BOTH';
  ctx.meter.check();
  const [s, records] = await Promise.all([ctx.snapshots.get(), ctx.loaders.relations.load(e.id)]);
  const seen = new Set<string>();
  const rows = records.filter((r) => {
    if (seen.has(r.id)) return false;
    seen.add(r.id);
    if (direction === 'OUT' && r.from !== e.id) return false;
    if (direction === 'IN' && r.to !== e.id) return false;
    if (args.types?.length && !args.types.includes(r.type)) return false;
    return validAt(r, ms);
  });
  const claims = await claimsFor(rows, args.where, ctx);
  const self = s.indexOf(e.id);
  return queryRelations(
    s,
    rows.map((r) => recordView(s, r)),
    self,
    { ...args, asOfMs: ms, claims },
    limits,
  );
}

/**
 * The relations of an entity read page by page from the store, which types, directs and pages
 * them itself under the request's remaining time (Neo4j: Cypher with a transaction timeout), so a
 * hub's thousands are never all read for the first hundred; validity and `where` are applied to
 * each page, and reading stops once `limit` are kept. In relation id order.
 */
async function storeRelations(e: EntityRecord, args: RelationsArgs, ctx: GraphContext, limit: number): Promise<RelationRecord[]> {
  const ms = asOfMs(args.asOf);
  const direction = args.direction === 'OUT' ? 'out' : args.direction === 'IN' ? 'in' : 'both';
  const s = await ctx.snapshots.get();
  const self = s.indexOf(e.id);
  const out: RelationRecord[] = [];
  // a self-loop is listed once per direction
  const seen = new Set<string>();
  for (let after: string | null = null; out.length < limit;) {
    ctx.meter.check();
    const page = await ctx.store.relationPage(e.id, { direction, types: args.types ?? [], first: Math.min(1000, limit - out.length), after, timeoutMs: Math.max(1, ctx.deadline - Date.now()) });
    let rows = page.items.map((n) => n.relation).filter((r) => !seen.has(r.id) && seen.add(r.id) && validAt(r, ms));
    if (args.where && rows.length) {
      const claims = await claimsFor(rows, args.where, ctx);
      const views = rows.map((r) => recordView(s, r));
      rows = queryRelations(s, views, self, { where: args.where, asOfMs: ms, claims, keepOrder: true, first: views.length }, { defaultSize: views.length, max: views.length }).items.map(
        (v) => v.record!,
      );
    }
    out.push(...rows.slice(0, limit - out.length));
    if (!page.hasNextPage) break;
    after = page.endCursor;
  }
  return out;
}

/**
 * Whether `relations` reads page by page from the store rather than all of an entity's relations
 * through the request's batched loader: on Neo4j, which pages in the database, unless orderBy
 * needs every relation to sort them. The embedded store stays on the loader: in-process, one
 * batched read for all the entities of a list is faster than a paged read per entity.
 */
const readsStorePages = (args: RelationsArgs, ctx: GraphContext) => ctx.store.info.kind === 'neo4j' && !args.orderBy?.length;

/** The relations of an entity filtered by direction, type, validity at asOf and where, in orderBy's order. */
export async function relationsOf(e: EntityRecord, args: RelationsArgs, ctx: GraphContext): Promise<RelationRecord[]> {
  // the store's order serves a plain first page; cursors and last need the list's own order
  const keepOrder = !args.after && !args.before && (args.last === null || args.last === undefined);
  const sizes = pageSizes('*.relations');
  if (keepOrder && readsStorePages(args, ctx)) {
    const rows = await storeRelations(e, args, ctx, Math.min(args.first ?? sizes.defaultSize, sizes.max));
    ctx.meter.add(rows.length);
    return rows;
  }
  const page = await relationPage(e, { ...args, keepOrder }, ctx, sizes);
  ctx.meter.add(page.items.length);
  return page.items.map((v) => v.record!);
}

/** The same relations as a Relay connection. */
export async function relationsConnectionOf(e: EntityRecord, args: RelationsArgs, ctx: GraphContext): Promise<RelationConnectionModel> {
  const page = await relationPage(e, args, ctx, pageSizes('*.relationsConnection'));
  ctx.meter.add(page.items.length);
  return toConnection(page, (v) => v.record!);
}

const shared: Record<string, FieldResolver> = {
  type: (e) => entityTypeOf(e.label),
  aliases: (e) => e.aliases ?? [],
  relations: (e, args: RelationsArgs, ctx) => relationsOf(e, args, ctx),
  relationsConnection: (e, args: RelationsArgs, ctx) => relationsConnectionOf(e, args, ctx),
};

/** Resolver maps for each label's object type, keyed by type name. */
export function entityTypeResolvers(): Record<string, Record<string, FieldResolver>> {
  const out: Record<string, Record<string, FieldResolver>> = {};
  for (const label of DOMAIN.labels) {
    const fields: Record<string, FieldResolver> = { ...shared };
    for (const [name, spec] of Object.entries(label.properties)) {
      // a required list reads as empty rather than failing the whole object when a record lacks it
      const fallback = spec.type === 'list' && spec.required ? [] : null;
      fields[name] = (e) => e.props[name] ?? fallback;
    }
    out[label.label] = fields;
  }
  return out;
}
