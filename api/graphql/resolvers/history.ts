// What changed: `changes`, `Relation.history`, `Document.claims` and a claim's history fields, all
// read from the history the store keeps (graph/history.ts). Loaders batch the reads of one request.
import DataLoader from 'dataloader';
import { NotFound } from '../../../schema/errors.js';
import { documentId } from '../../../schema/records.js';
import { EVENT_ORDER, eventKey, historyCursor, timeBound, type ClaimState, type EventKind, type HistoryEvent } from '../../../graph/history.js';
import { listConnection, pageInfoOf, pageList, pageSizes, toConnection } from '../connections.js';
import type { GraphContext } from '../context.js';
import type { ChangeKind, ChangeResolvers, DocumentResolvers, QueryResolvers, RelationResolvers, RelationType, RelationValuesResolvers, SourceResolvers } from '../generated.js';
import { pageSize } from '../entity-types.js';

interface HistoryLoaders {
  /** every claim of a relation, retracted ones too */
  allClaims: DataLoader<string, ClaimState[]>;
  relationHistory: DataLoader<string, HistoryEvent[]>;
  documentClaims: DataLoader<string, ClaimState[]>;
}

// one set per request: the request's loaders object is the key
const perRequest = new WeakMap<object, HistoryLoaders>();

function loaders(ctx: GraphContext): HistoryLoaders {
  let l = perRequest.get(ctx.loaders);
  if (!l) {
    const fromMap =
      <V>(read: (ids: string[]) => Promise<Map<string, V[]>>) =>
      async (ids: readonly string[]) => {
        const found = await read([...ids]);
        return ids.map((id) => found.get(id) ?? []);
      };
    l = {
      allClaims: new DataLoader(fromMap((ids) => ctx.store.claimsFor(ids, { includeRetracted: true }) as Promise<Map<string, ClaimState[]>>)),
      relationHistory: new DataLoader(fromMap((ids) => ctx.store.relationHistory(ids))),
      documentClaims: new DataLoader(fromMap((ids) => ctx.store.claimsOfDocuments(ids))),
    };
    perRequest.set(ctx.loaders, l);
  }
  return l;
}

/** Drops what this request's history loaders read (a long-lived subscription, before each event). */
export function forgetHistoryReads(ctx: GraphContext): void {
  perRequest.delete(ctx.loaders);
}

async function entityOrFail(id: string, ctx: GraphContext) {
  const e = await ctx.loaders.entity.load(id);
  if (!e) throw new NotFound(`entity ${id} is named by the history but does not exist`);
  return e;
}

// by claim id, per loaded list: the changes of one relation share its list
const indexed = new WeakMap<ClaimState[], Map<string, ClaimState>>();

async function claimsById(e: HistoryEvent, ctx: GraphContext): Promise<Map<string, ClaimState>> {
  const claims = await loaders(ctx).allClaims.load(e.relKey);
  let byId = indexed.get(claims);
  if (!byId) indexed.set(claims, (byId = new Map(claims.map((c) => [c.id, c]))));
  return byId;
}

const upper = (kind: EventKind) => kind.toUpperCase() as ChangeKind;

export const historyQueries: Pick<QueryResolvers, 'changes'> = {
  changes: async (_p, args, ctx) => {
    // the store checks the sizes; the budget has capped them at the field's most
    const { defaultSize } = pageSizes('Query.changes');
    const last = args.last ?? null;
    const page = await ctx.store.history({
      ...(args.since ? { since: timeBound('since', args.since, 'since') } : {}),
      ...(args.until ? { until: timeBound('until', args.until, 'until') } : {}),
      ...(typeof args.sinceVersion === 'number' ? { sinceVersion: args.sinceVersion } : {}),
      ...(typeof args.untilVersion === 'number' ? { untilVersion: args.untilVersion } : {}),
      ...(args.types?.length ? { types: args.types } : {}),
      ...(args.kinds?.length ? { kinds: args.kinds.map((k) => k.toLowerCase() as EventKind) } : {}),
      ...(args.entity ? { entity: args.entity } : {}),
      ...(args.document ? { document: documentId(args.document) } : {}),
      first: args.first ?? (last === null ? defaultSize : null),
      last,
      after: args.after ?? null,
      before: args.before ?? null,
    });
    ctx.meter.add(page.items.length);
    return {
      edges: page.items.map((node) => ({ cursor: historyCursor(node), node })),
      nodes: page.items,
      pageInfo: pageInfoOf(page),
    };
  },
};

export const Change: ChangeResolvers = {
  entry: (e) => (e.entry === 'claim' ? 'CLAIM' : 'RELATION'),
  kind: (e) => upper(e.kind),
  relationId: (e) => e.relKey,
  relationType: (e) => e.rel as RelationType,
  subject: (e, _a, ctx) => entityOrFail(e.subject, ctx),
  object: (e, _a, ctx) => entityOrFail(e.object, ctx),
  claim: async (e, _a, ctx) => (e.entry === 'claim' ? ((await claimsById(e, ctx)).get(e.key) ?? null) : null),
  claims: async (e, _a, ctx) => {
    if (e.entry !== 'relation') return [];
    const byId = await claimsById(e, ctx);
    return e.claims.flatMap((id) => byId.get(id) ?? []);
  },
  relation: async (e, _a, ctx) => (await ctx.loaders.relations.load(e.subject)).find((r) => r.id === e.relKey) ?? null,
  documents: async (e, _a, ctx) => (await Promise.all(e.documents.map((id) => ctx.loaders.entity.load(id)))).filter((d) => d !== null),
  before: (e) => e.before ?? null,
  after: (e) => e.after ?? null,
  backfilled: (e) => e.backfilled === true,
};

export const RelationValues: RelationValuesResolvers = {
  properties: (v) => v.props,
  validFrom: (v) => v.validFrom ?? null,
  validTo: (v) => v.validTo ?? null,
};

export const RelationHistory: Pick<RelationResolvers, 'history' | 'historyConnection'> = {
  history: async (r, { first }, ctx) => {
    const events = (await loaders(ctx).relationHistory.load(r.id)).slice(0, pageSize(first, 50));
    ctx.meter.add(events.length);
    return events;
  },
  historyConnection: async (r, args, ctx) => {
    const page = pageList(await loaders(ctx).relationHistory.load(r.id), eventKey, EVENT_ORDER, args, 'Relation.historyConnection');
    ctx.meter.add(page.items.length);
    const { edges, pageInfo } = toConnection(page, (e) => e);
    return { edges, nodes: page.items, pageInfo };
  },
};

/** A document's claims newest first: the version that (last) added them, then id. */
const claimKey = (c: ClaimState) => [c.addedVersion ?? 0, c.id];

export const DocumentClaims: Pick<DocumentResolvers, 'claims' | 'claimsConnection'> = {
  claims: async (d, { first }, ctx) => {
    const claims = (await loaders(ctx).documentClaims.load(d.id)).slice(0, pageSize(first, 100));
    ctx.meter.add(claims.length);
    return claims;
  },
  claimsConnection: async (d, args, ctx) => {
    return listConnection(await loaders(ctx).documentClaims.load(d.id), claimKey, [true], args, 'Document.claimsConnection', ctx.meter);
  },
};

const state = (c: object) => c as Partial<ClaimState>;

export const SourceHistory: Pick<SourceResolvers, 'addedVersion' | 'addedAt' | 'retractedVersion' | 'retractedAt' | 'retraction'> = {
  addedVersion: (c) => state(c).addedVersion ?? null,
  addedAt: (c) => state(c).addedAt ?? null,
  retractedVersion: (c) => state(c).retractedVersion ?? null,
  retractedAt: (c) => state(c).retractedAt ?? null,
  retraction: (c) => (state(c).retractedAs ? upper(state(c).retractedAs!) : null),
};
