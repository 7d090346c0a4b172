// Relation and Source resolvers: endpoints, claims and documents through the request's loaders.
import { NotFound } from '../../../schema/errors.js';
import type { ClaimRecord } from '../../../schema/records.js';
import type { GraphContext } from '../context.js';
import type { RelationResolvers, SourceResolvers } from '../generated.js';
import { statedNumber } from '../../../graph/query-page.js';

async function entityOrFail(id: string, ctx: GraphContext) {
  const e = await ctx.loaders.entity.load(id);
  if (!e) throw new NotFound(`entity ${id} is referenced by a relation but does not exist`);
  return e;
}

/** True when two claims give different values for one property. */
export function isContested(claims: ClaimRecord[]): boolean {
  const values = new Map<string, string>();
  for (const c of claims)
    for (const [k, v] of Object.entries(c.props)) {
      const text = JSON.stringify(v);
      const known = values.get(k);
      if (known !== undefined && known !== text) return true;
      values.set(k, text);
    }
  return false;
}

const dates = (claims: ClaimRecord[]) => claims.map((c) => c.observedAt).sort();

export const Relation: RelationResolvers = {
  from: (r, _a, ctx) => entityOrFail(r.from, ctx),
  to: (r, _a, ctx) => entityOrFail(r.to, ctx),
  properties: (r) => r.props,
  confidence: (r) => statedNumber(r.confidence),
  sources: async (r, _a, ctx) => {
    const claims = await ctx.loaders.claims.load(r.id);
    ctx.meter.add(claims.length);
    return claims;
  },
  claimCount: async (r, _a, ctx) => (await ctx.loaders.claims.load(r.id)).length,
  contested: async (r, _a, ctx) => isContested(await ctx.loaders.claims.load(r.id)),
  firstSeen: async (r, _a, ctx) => r.firstSeen ?? dates(await ctx.loaders.claims.load(r.id))[0] ?? null,
  lastSeen: async (r, _a, ctx) => r.lastSeen ?? dates(await ctx.loaders.claims.load(r.id)).at(-1) ?? null,
};

export const Source: SourceResolvers = {
  relationType: (c) => c.rel,
  subject: (c, _a, ctx) => entityOrFail(c.subject, ctx),
  object: (c, _a, ctx) => entityOrFail(c.object, ctx),
  properties: (c) => c.props,
  confidence: (c) => statedNumber(c.confidence),
  document: (c, _a, ctx) => ctx.loaders.entity.load(c.documentId),
  quote: (c) => c.quote ?? null,
};
