// Resolvers of every label's object type, built from the domain model: the shared Entity fields,
// `relations`, and one resolver per declared property reading the record's props.
import type { GraphQLFieldResolver } from 'graphql';
import { DOMAIN } from '../../../schema/generated/domain.js';
import type { EntityRecord, RelationRecord } from '../../../schema/records.js';
import type { GraphContext } from '../context.js';
import type { Direction, RelationType } from '../generated.js';
import { asOfMs, entityTypeOf, pageSize, validAt } from '../entity-types.js';

type FieldResolver = GraphQLFieldResolver<EntityRecord, GraphContext>;

interface RelationsArgs {
  direction?: Direction | null;
  types?: RelationType[] | null;
  first?: number | null;
  asOf?: string | null;
}

/** The relations of an entity filtered by direction, type and validity at asOf. */
export async function relationsOf(e: EntityRecord, args: RelationsArgs, ctx: GraphContext): Promise<RelationRecord[]> {
  const ms = asOfMs(args.asOf);
  const limit = pageSize(args.first, 100, 1000);
  const seen = new Set<string>();
  const direction = args.direction ?? 'BOTH';
  ctx.meter.check();
  const rows = (await ctx.loaders.relations.load(e.id))
    .filter((r) => {
      if (seen.has(r.id)) return false;
      seen.add(r.id);
      if (direction === 'OUT' && r.from !== e.id) return false;
      if (direction === 'IN' && r.to !== e.id) return false;
      if (args.types?.length && !args.types.includes(r.type)) return false;
      return validAt(r, ms);
    })
    .slice(0, limit);
  ctx.meter.add(rows.length);
  return rows;
}

const shared: Record<string, FieldResolver> = {
  type: (e) => entityTypeOf(e.label),
  aliases: (e) => e.aliases ?? [],
  relations: (e, args: RelationsArgs, ctx) => relationsOf(e, args, ctx),
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
