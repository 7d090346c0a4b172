// Traversals, paths, exposure and timelines: each runs on the snapshot in graph/ and is shaped here.
import { NotFound, InvalidInput } from '../../../schema/errors.js';
import { dateMs, type Snapshot } from '../../../graph/snapshot.js';
import type { Way } from '../../../graph/traverse.js';
import type { ClaimRecord, EntityRecord } from '../../../schema/records.js';
import { compareKeys } from '../../../graph/query-page.js';
import { listConnection } from '../connections.js';
import type { GraphContext } from '../context.js';
import type { QueryResolvers } from '../generated.js';
import type { ExposureModel, PathModel, SubgraphModel } from '../models.js';
import { asOfMs, labelOf, relationAt } from '../entity-types.js';
import { runAnalysis, type AnalysisResults, type AnalysisTask } from '../analysis-tasks.js';

function nodeOf(s: Snapshot, id: string, field: string): number {
  const i = s.indexOf(id);
  if (i === undefined) throw new NotFound(`${field}: no entity with id "${id}"`);
  return i;
}

async function records(s: Snapshot, nodes: number[], ctx: GraphContext): Promise<EntityRecord[]> {
  const found = await ctx.loaders.entity.loadMany(nodes.map((n) => s.ids.at(n)));
  // the snapshot may be a moment older than the store: fall back to its own copy of the node
  return found.map((e, k) => (e && !(e instanceof Error) ? e : s.entity(nodes[k]!)));
}

/** Runs an analysis in the server's worker threads when there are some, else here; either way it stops at the request's deadline. */
function analyse<K extends AnalysisTask['kind']>(s: Snapshot, task: Extract<AnalysisTask, { kind: K }>, ctx: GraphContext): Promise<AnalysisResults[K]> | AnalysisResults[K] {
  return ctx.analyses ? ctx.analyses.run(s, task, ctx.deadline) : runAnalysis(s, task, () => ctx.meter.check());
}

/** Stops a request that ran out of time, before and after each traversal on the snapshot. */
function checkDeadline(ctx: GraphContext): void {
  ctx.meter.check();
}

function bounded(value: number | null | undefined, fallback: number, max: number, field: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidInput(`${field}: expected a whole number from 1 to ${max}, got ${n}`);
  return n;
}

async function subgraph(id: string, depth: number | null | undefined, asOf: string | null | undefined, way: Way, ctx: GraphContext): Promise<SubgraphModel> {
  const d = bounded(depth, 3, 8, 'depth');
  const ms = asOfMs(asOf);
  const s = await ctx.snapshots.get();
  checkDeadline(ctx);
  const r = await analyse(s, { kind: 'reach', root: nodeOf(s, id, 'id'), way, depth: d, asOfMs: ms }, ctx);
  ctx.meter.add(r.nodes.length + r.edges.length);
  const nodes = await records(s, r.nodes, ctx);
  return { root: nodes[0]!, nodes, depths: r.depths, edges: r.edges.map((e) => relationAt(s, e)) };
}

/** The claims about an entity observed on or before asOf, oldest first (observedAt, then id). */
async function timelineOf(id: string, asOf: string | null | undefined, ctx: GraphContext): Promise<ClaimRecord[]> {
  const ms = asOfMs(asOf);
  if (!(await ctx.loaders.entity.load(id))) throw new NotFound(`id: no entity with id "${id}"`);
  const claims = await ctx.store.claimsAbout(id);
  return claims.filter((c) => Number.isNaN(ms) || !(dateMs(c.observedAt) > ms)).sort((a, b) => compareKeys([a.observedAt, a.id], [b.observedAt, b.id], [false]));
}

export const analysisQueries: Pick<QueryResolvers, 'dependencies' | 'dependents' | 'paths' | 'exposure' | 'timeline' | 'timelineConnection'> = {
  dependencies: (_p, { id, depth, asOf }, ctx) => subgraph(id, depth, asOf, 'upstream', ctx),
  dependents: (_p, { id, depth, asOf }, ctx) => subgraph(id, depth, asOf, 'downstream', ctx),

  paths: async (_p, args, ctx) => {
    const maxLength = bounded(args.maxLength, 6, 10, 'maxLength');
    const k = bounded(args.first, 3, 20, 'first');
    const s = await ctx.snapshots.get();
    const from = nodeOf(s, args.from, 'from');
    const to = nodeOf(s, args.to, 'to');
    checkDeadline(ctx);
    const found = await analyse(s, { kind: 'paths', from, to, maxLength, k, directed: args.directed ?? true, asOfMs: asOfMs(args.asOf) }, ctx);
    ctx.meter.add(found.reduce((n, p) => n + p.steps.length, 0));
    const nodes = [...new Set([from, ...found.flatMap((p) => p.steps.map((st) => st.node))])];
    const byNode = new Map((await records(s, nodes, ctx)).map((e, k) => [nodes[k]!, e]));
    return found.map((p): PathModel => ({
      length: p.steps.length,
      start: byNode.get(p.start)!,
      steps: p.steps.map((st) => ({ relation: relationAt(s, st.edge), reversed: st.reversed, entity: byNode.get(st.node)! })),
    }));
  },

  exposure: async (_p, args, ctx) => {
    const s = await ctx.snapshots.get();
    const n = nodeOf(s, args.nation, 'nation');
    const ms = asOfMs(args.asOf);
    const subjects = (args.subjects ?? []).map(labelOf);
    if (!subjects.length) throw new InvalidInput('subjects: name at least one entity type');
    checkDeadline(ctx);
    const report = await analyse(s, { kind: 'exposure', nation: n, subjects, asOfMs: ms, depth: bounded(args.depth, 6, 10, 'depth') }, ctx);
    ctx.meter.add(report.layers.reduce((k, l) => k + l.items.reduce((m, it) => m + 2 + it.jurisdictions.length + it.path.length + it.control.length, 0), 0));
    const nodes = [...new Set([n, ...report.home, ...report.layers.flatMap((l) => l.items.flatMap((it) => [it.subject, it.dependency, ...it.jurisdictions]))])];
    const byNode = new Map((await records(s, nodes, ctx)).map((e, k) => [nodes[k]!, e]));
    const share = (a: number, b: number) => (b ? Math.round((a / b) * 10_000) / 10_000 : 0);
    const model: ExposureModel = {
      nation: byNode.get(n)!,
      asOf: args.asOf ?? null,
      home: report.home.map((h) => byNode.get(h)!),
      subjects: report.subjects.length,
      exposed: report.exposed,
      share: share(report.exposed, report.subjects.length),
      layers: report.layers.map((l) => ({
        layer: l.layer,
        exposed: l.exposed,
        total: l.total,
        share: share(l.exposed, l.total),
        items: l.items.map((it) => ({
          subject: byNode.get(it.subject)!,
          dependency: byNode.get(it.dependency)!,
          jurisdictions: it.jurisdictions.map((j) => byNode.get(j)!),
          path: it.path.map((e) => relationAt(s, e)),
          control: it.control.map((e) => relationAt(s, e)),
        })),
      })),
    };
    return model;
  },

  timeline: async (_p, { id, asOf }, ctx) => {
    const claims = await timelineOf(id, asOf, ctx);
    ctx.meter.add(claims.length);
    return claims;
  },

  timelineConnection: async (_p, args, ctx) => {
    return listConnection(await timelineOf(args.id, args.asOf, ctx), (c) => [c.observedAt, c.id], [false], args, 'Query.timelineConnection', ctx.meter);
  },
};
