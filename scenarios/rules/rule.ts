// What a shock rule is: a zod schema for its YAML, the entity fields it refers to (checked
// against the snapshot), and a pure function from a shock to the entities it hits, each with
// the failure layers, hard or conditional, and the scope of dependents the hit reaches.
import { z } from 'zod';
import type { Label } from '../../schema/generated/model.js';
import type { Placement } from '../../graph/placement.js';
import type { ReachIndex } from '../reach.js';

/**
 * Levels of failure, ordered: an alternative took the loss (degraded, stays where it is), part of
 * the supply lost by recorded shares or counts (a shortfall: degraded, and passed on), conditional,
 * hard.
 */
export const DEGRADED = 1;
export const SHORTFALL = 2;
export const CONDITIONAL = 3;
export const HARD = 4;

/** Which dependents a scoped hit reaches: those under one of `nations`, handling one of `dataClasses`. */
export interface Scope {
  nations: ReadonlySet<number>;
  /** when set, only dependents whose `dataClasses` property lists one of these */
  dataClasses?: ReadonlySet<string>;
  /** seat: where the dependent is; reach: any jurisdiction whose law reaches it */
  by: 'seat' | 'reach';
}

/** One entity a shock hits. Without a scope it fails for everyone; with one, only for its dependents in scope. */
export interface Hit {
  node: number;
  layers: number;
  level: typeof CONDITIONAL | typeof HARD;
  scope?: Scope;
  /** index of the shock in the scenario */
  shock: number;
  /** the entity the shock names that this hit comes from (a place, a company, a ruling's jurisdiction…) */
  origin: number;
  /** snapshot edges from the origin to the hit node, in that order (control, location or jurisdiction relations); empty when origin is the node */
  via: readonly number[];
  /** the shock reaches the hit node only through where the dependent sits (a residency law binds those seated under it): a chain starts with the dependent's own trail up to the origin */
  throughSeat?: true;
}

/** What a rule may look at: the packed dependency graph and jurisdictions at the scenario date. */
export interface RuleContext {
  index: ReachIndex;
  juris: Placement;
  /** node index of a validated entity id */
  node(id: string): number;
  /** the jurisdictions some entities stand for: each itself and its seat (a bloc stands for its members) */
  standsFor(ids: readonly string[]): Set<number>;
}

/** A shock rule: schema, entity references, and what it hits. */
export interface ShockRule<Sch extends z.ZodObject = z.ZodObject> {
  type: string;
  schema: Sch;
  /** supply: the shock stops new supply (what is installed keeps running at a short horizon); use: it stops use at once */
  acts: 'supply' | 'use';
  /** shock fields holding entity ids, with the labels they must have (null: any) */
  refs: Readonly<Record<string, readonly Label[] | null>>;
  /** the entities the shock hits */
  hits(shock: z.output<Sch>, ctx: RuleContext, shockIndex: number): Hit[];
}

/** An entity id as scenarios write them. */
export const entityRef = z.string().regex(/^[a-z]+:\S+$/, 'expected an entity id like chip:nvidia-h20');

/** Fields every shock may carry: the regulation it enacts (ignored before it takes effect) and a note. */
export const shockBase = {
  regulation: entityRef.optional(),
  note: z.string().optional(),
};

/**
 * One hit per named entity and per entity it controls (through the control relation types in
 * `via` only, when given), each carrying `hit`: a shock on a company reaches what it runs.
 */
export function hitsWithControlled(ctx: RuleContext, ids: readonly string[], hit: Omit<Hit, 'node' | 'origin' | 'via'>, via?: ReadonlySet<number>): Hit[] {
  return ids.flatMap((id) => {
    const x = ctx.node(id);
    const tree = ctx.juris.controlTree(x, via);
    const nodes = [x, ...[...tree.keys()].sort((a, b) => a - b)];
    return nodes.map((node) => ({ node, ...hit, origin: x, via: chainTo(ctx, tree, node) }));
  });
}

/** The control edges from a tree's root down to `node` (controlTree maps each entity to the edge that reached it). */
export function chainTo(ctx: RuleContext, tree: ReadonlyMap<number, number>, node: number): number[] {
  const s = ctx.index.snapshot;
  const out: number[] = [];
  for (let at = node, e = tree.get(at); e !== undefined; at = s.edgeTo[e]!, e = tree.get(at)) out.push(e);
  return out.reverse();
}

/** Hits by the node they fall on, each list in shock order. */
export function hitsByNode(hits: readonly Hit[]): Map<number, Hit[]> {
  const out = new Map<number, Hit[]>();
  for (const h of hits) {
    const list = out.get(h.node);
    if (list) list.push(h);
    else out.set(h.node, [h]);
  }
  for (const list of out.values()) list.sort((a, b) => a.shock - b.shock);
  return out;
}

/** Declares a rule with its types checked. */
export function defineRule<Sch extends z.ZodObject>(rule: ShockRule<Sch>): ShockRule<Sch> {
  return rule;
}
