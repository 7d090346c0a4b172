// The paged lists of the schema outside the typed lists: their page sizes (one table, read by the
// resolvers and by the budget's caps and cost) and the shaping of a graph/query-page.ts page into a
// Relay connection.
import { compareKeys, paginate, type Page, type PageArgs, type SortValue } from '../../graph/query-page.js';
import type { PageInfoModel } from './models.js';

/** Page sizes by `Type.field` (`*.field`: on every type): the page when neither first nor last is given, and the most either may ask. */
export const PAGE_SIZES: Record<string, { defaultSize: number; max: number }> = {
  '*.relations': { defaultSize: 100, max: 1_000 },
  '*.relationsConnection': { defaultSize: 100, max: 1_000 },
  'Query.searchConnection': { defaultSize: 10, max: 100 },
  'Query.timelineConnection': { defaultSize: 50, max: 500 },
  'Query.changes': { defaultSize: 50, max: 500 },
  'Query.ingestRunsConnection': { defaultSize: 20, max: 200 },
  'Query.deadLettersConnection': { defaultSize: 50, max: 500 },
  'Relation.historyConnection': { defaultSize: 50, max: 500 },
  'Document.claimsConnection': { defaultSize: 100, max: 500 },
  'ScenarioWatch.changesConnection': { defaultSize: 20, max: 500 },
  'Query.chokepointsConnection': { defaultSize: 20, max: 500 },
};

/** The page sizes of a field. */
export function pageSizes(field: string): { defaultSize: number; max: number } {
  const sizes = PAGE_SIZES[field] ?? PAGE_SIZES[`*.${field.slice(field.indexOf('.') + 1)}`];
  if (!sizes) throw new Error(`no page sizes for ${field}`);
  return sizes;
}

/** A Relay connection's shape. */
export interface ConnectionModel<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: PageInfoModel;
  totalCount: number;
}

/** A page's Relay page info. */
export function pageInfoOf(page: Pick<Page<unknown>, 'startCursor' | 'endCursor' | 'hasNextPage' | 'hasPreviousPage'>): PageInfoModel {
  return { startCursor: page.startCursor, endCursor: page.endCursor, hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage };
}

/** A page as a Relay connection, each item made a node by `node`. */
export function toConnection<T, N>(page: Page<T>, node: (t: T) => N): ConnectionModel<N> {
  return {
    edges: page.items.map((t, k) => ({ cursor: page.cursors[k]!, node: node(t) })),
    pageInfo: pageInfoOf(page),
    totalCount: page.totalCount,
  };
}

/**
 * One page of a list held whole: sorted by `keyOf` (sort values, then a unique string id last)
 * under `desc`, then paged by the Relay arguments with the sizes of `field`.
 */
export function pageList<T>(items: readonly T[], keyOf: (t: T) => SortValue[], desc: readonly boolean[], args: PageArgs, field: string): Page<T> {
  const keyed = items.map((t) => ({ t, key: keyOf(t) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key, desc));
  const page = paginate(keyed, (k) => k.key, desc, args, pageSizes(field));
  return { ...page, items: page.items.map((k) => k.t) };
}

/** A list held whole as a Relay connection: sorted and paged as pageList does, the page's items added to the request's work `meter`. */
export function listConnection<T>(items: readonly T[], keyOf: (t: T) => SortValue[], desc: readonly boolean[], args: PageArgs, field: string, meter: { add(n: number): void }): ConnectionModel<T> {
  const page = pageList(items, keyOf, desc, args, field);
  meter.add(page.items.length);
  return toConnection(page, (t) => t);
}
