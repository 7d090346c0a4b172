// Mutations: validated with zod, written through the store in one batch each, then the snapshot
// cache is told the graph moved. Every mutation needs the editor role.
import { z } from 'zod';
import { ID_PREFIX, labelProps } from '../../../schema/generated/model.js';
import { InvalidInput, NotFound } from '../../../schema/errors.js';
import { assertValid, calendarDate, entityName, rangeProblem, sourceUrl } from '../../../schema/validate.js';
import {
  DOCUMENT_KINDS as DOC_KINDS,
  claimId,
  describeZodError,
  documentId,
  entityId,
  propsSchema,
  relationId,
  type ClaimRecord,
  type DocumentRecord,
  type EntityRecord,
} from '../../../schema/records.js';
import { graphMoved, type GraphContext } from '../context.js';
import type { MutationResolvers } from '../generated.js';
import { requireEditor } from '../auth.js';
import { labelOf, parseInput as parse } from '../entity-types.js';
import { mergeEntities } from '../../../graph/editor.js';

const ID = z.string().regex(/^[a-z]+:\S+$/, 'expected an id like chip:nvidia-h20');

const upsertInput = z.object({
  type: z.string(),
  name: entityName.transform((n) => n.trim()),
  id: ID.nullish(),
  aliases: z
    .array(entityName.transform((n) => n.trim()))
    .max(200)
    .nullish(),
  description: z.string().max(10_000).nullish(),
  properties: z.record(z.string(), z.unknown()).nullish(),
});

const claimInput = z.object({
  subject: ID,
  type: z.string(),
  object: ID,
  properties: z.record(z.string(), z.unknown()).nullish(),
  source: z.object({
    url: sourceUrl,
    title: z.string().nullish(),
    publisher: z.string().nullish(),
    publishedAt: calendarDate.nullish(),
    kind: z.enum(DOC_KINDS).nullish(),
  }),
  quote: z.string().max(10_000).nullish(),
  confidence: z.number().min(0).max(1).nullish(),
  observedAt: calendarDate.nullish(),
  validFrom: calendarDate.nullish(),
  validTo: calendarDate.nullish(),
});

async function existing(id: string, ctx: GraphContext, field: string): Promise<EntityRecord> {
  const e = (await ctx.store.getEntities([id])).get(id);
  if (!e) throw new NotFound(`${field}: no entity with id "${id}"`);
  return e;
}

export const Mutation: MutationResolvers = {
  upsertEntity: async (_p, args, ctx) => {
    requireEditor(ctx.role);
    const input = parse(upsertInput, args.input, 'input');
    const label = labelOf(input.type as Parameters<typeof labelOf>[0]);
    const props = propsSchema.parse(input.properties ?? {});
    const id = input.id ?? entityId(label, input.name, props);
    if (!id.startsWith(`${ID_PREFIX[label]}:`)) throw new InvalidInput(`input.id: a ${label} id starts with "${ID_PREFIX[label]}:", got "${id}"`);
    const before = (await ctx.store.getEntities([id])).get(id);
    if (before && before.label !== label) throw new InvalidInput(`input.type: ${id} is a ${before.label}, not a ${label}`);
    const merged = { ...(before?.props ?? {}), ...props };
    const checked = labelProps[label].safeParse(merged);
    if (!checked.success) throw new InvalidInput(`input.properties.${describeZodError(checked.error)}`);
    const record: EntityRecord = {
      id,
      label,
      name: input.name,
      aliases: [...new Set([...(before?.aliases ?? []), ...(input.aliases ?? [])])],
      props: merged,
    };
    const description = input.description ?? before?.description;
    if (description) record.description = description;
    await ctx.store.write({ entities: [record] });
    graphMoved(ctx);
    return (await ctx.store.getEntities([id])).get(id) ?? record;
  },

  addClaim: async (_p, args, ctx) => {
    requireEditor(ctx.role);
    const input = parse(claimInput, args.input, 'input');
    assertValid(rangeProblem('input.validFrom', input.validFrom, 'input.validTo', input.validTo));
    await existing(input.subject, ctx, 'input.subject');
    await existing(input.object, ctx, 'input.object');
    const docId = documentId(input.source.url);
    const documents: DocumentRecord[] = [];
    if (!input.source.url.startsWith('doc:')) {
      const doc: DocumentRecord = { id: docId, url: input.source.url, kind: input.source.kind ?? 'record' };
      if (input.source.title) doc.title = input.source.title;
      if (input.source.publisher) doc.publisher = input.source.publisher;
      if (input.source.publishedAt) doc.publishedAt = input.source.publishedAt;
      documents.push(doc);
    } else if (!(await ctx.store.getDocuments([docId])).has(docId)) throw new NotFound(`input.source.url: no document with id "${docId}"`);
    const body: Omit<ClaimRecord, 'id' | 'observedAt' | 'confidence'> = {
      subject: input.subject,
      rel: input.type as ClaimRecord['rel'],
      object: input.object,
      props: propsSchema.parse(input.properties ?? {}),
      documentId: docId,
      extractor: `api:${ctx.role}`,
    };
    if (input.quote) body.quote = input.quote;
    if (input.validFrom) body.validFrom = input.validFrom;
    if (input.validTo) body.validTo = input.validTo;
    const claim: ClaimRecord = { ...body, id: claimId(body), confidence: input.confidence ?? 0.8, observedAt: input.observedAt ?? new Date().toISOString().slice(0, 10) };
    const result = await ctx.store.write({ documents, claims: [claim] });
    graphMoved(ctx);
    const rid = relationId(claim.subject, claim.rel, claim.object);
    const relation = (await ctx.store.relationsOf([claim.subject])).get(claim.subject)?.find((r) => r.id === rid) ?? null;
    return { claim, relation, graphVersion: result.version };
  },

  retractClaim: async (_p, { id }, ctx) => {
    requireEditor(ctx.role);
    const result = await ctx.store.write({ retractClaims: [id] });
    if (result.claimsRetracted === 0) throw new NotFound(`id: no live claim with id "${id}"`);
    graphMoved(ctx);
    return { retracted: result.claimsRetracted, graphVersion: result.version };
  },

  mergeEntities: async (_p, { keep, merge }, ctx) => {
    requireEditor(ctx.role);
    const merged = await mergeEntities(ctx.store, keep, merge);
    graphMoved(ctx);
    return { entity: merged.entity, movedClaims: merged.movedClaims, graphVersion: merged.version };
  },
};
