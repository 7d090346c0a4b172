// Mitigations: for an affected deployment, entities that could take the place of what failed (the
// shocked entity first, then the deployment's own dependency on the chain): of the same label and
// role (needed through the same relation, sharing the label's `role` properties: a foundry for a
// foundry, a data-centre accelerator for one, a code model for a code model), legally allowed (no
// shock of this scenario and no rule in force restricts them for the deployment's jurisdiction), with
// what the relation's `replacement` rule needs (open weights for self-hosting), and, where that rule
// says the replaced end holds the data (a host, a model behind an API) and the deployment's data is
// bound to a place (a data class not `placeFree`), located where the deployment is.
// Ranked: declared substitutes, then entities based where the deployment is, then entities already
// serving there; up to MAX_PER_REPLACED for each thing replaced, so a model swap is never crowded
// out by chip alternatives. They are suggestions and never change a status.
import { DOMAIN } from '../schema/generated/domain.js';
import { LABELS, RELATION_TYPES } from '../schema/generated/model.js';
import type { ReplacementRule } from '../schema/meta.js';
import { intersects, type Placement } from '../graph/placement.js';
import { nodeLevel, type Propagation } from './propagate.js';
import { SUBSTITUTION_TYPES, dependedOn, type ReachIndex } from './reach.js';
import { rulesInForce } from './rules-in-force.js';
import { hitsByNode, type Hit, type Scope } from './rules/rule.js';

/** Why a replacement is suggested, best first. */
export type MitigationBasis = 'substitute' | 'seated' | 'serving';

/** One suggested replacement. */
export interface Mitigation {
  replace: string;
  with: string;
  /** the rank's reason: a declared substitute, based where the deployment is, or already serving there */
  basis: MitigationBasis;
  note: string;
}

/** At most this many replacements for each thing a deployment must replace. */
export const MAX_PER_REPLACED = 3;

// per label index: the properties a replacement must share (the schema's `role` flag), with the value of an entity that gives none
const ROLE_PROPS: readonly { name: string; default?: string | boolean }[][] = LABELS.map((l) =>
  Object.entries(DOMAIN.labels.find((x) => x.label === l)?.properties ?? {}).flatMap(([name, p]) => (p.role ? [{ name, ...(p.default !== undefined ? { default: p.default } : {}) }] : [])),
);
// per label index: the data-class property and the values of it that bind data to no place (the schema's `placeFree`)
const PLACE_FREE: readonly ({ property: string; values: ReadonlySet<string> } | undefined)[] = LABELS.map((l) => {
  const found = Object.entries(DOMAIN.labels.find((x) => x.label === l)?.properties ?? {}).find(([, p]) => p.placeFree);
  return found ? { property: found[0], values: new Set(found[1].placeFree) } : undefined;
});
const NO_RULE: ReplacementRule = { holdsData: false, needs: {} };
// per relation type index: what a replacement of its `to` end must be, as variants (variant 0 for a
// rule on every relation, 1.. for the values of the deciding property) and the property deciding
const REPLACEMENT: readonly { property?: string; values: string[]; rules: ReplacementRule[] }[] = RELATION_TYPES.map((t) => {
  const r = DOMAIN.relations.find((x) => x.type === t)?.replacement;
  if (!r) return { values: [], rules: [NO_RULE] };
  if (!('property' in r)) return { values: [], rules: [r] };
  const values = Object.keys(r.values);
  return { property: r.property, values, rules: [NO_RULE, ...values.map((v) => r.values[v]!)] };
});
// a replaced dependency is packed in one number: (needed node * 256 + relation type) * VARIANTS + variant
const VARIANTS = 8;

interface Candidate {
  node: number;
  tier: MitigationBasis;
  note?: string;
  nation?: number;
}

// What no scenario changes: candidates per (replaced entity, seat), entities per label and the
// jurisdictions each entity serves. Shared by every run on one reach index.
interface Shared {
  byLabel: Map<number, number[]>;
  served: Map<number, readonly number[]>;
  substitutes: Map<number, Candidate[]>;
  local: Map<string, Map<readonly number[], Candidate[]>>;
  roles: Map<number, ReadonlySet<number>>;
  /** per restricted item: the destinations a rule in force restricts it for */
  restricted: Map<number, Set<number>>;
}
const sharedByIndex = new WeakMap<ReachIndex, Shared>();

function sharedOf(idx: ReachIndex): Shared {
  let sh = sharedByIndex.get(idx);
  if (!sh) {
    const restricted = new Map<number, Set<number>>();
    for (const rule of rulesInForce(idx.snapshot, idx.asOfMs))
      for (const item of rule.items) {
        let set = restricted.get(item.node);
        if (!set) restricted.set(item.node, (set = new Set()));
        rule.destinations.forEach((d) => set.add(d));
      }
    sharedByIndex.set(idx, (sh = { byLabel: new Map(), served: new Map(), substitutes: new Map(), local: new Map(), roles: new Map(), restricted }));
  }
  return sh;
}

// Memoised answers, keyed by a path of numbers (no key strings per deployment).
class AnswerTrie {
  private readonly children = new Map<number, AnswerTrie>();
  answer: Mitigation[] | undefined;

  child(k: number): AnswerTrie {
    let c = this.children.get(k);
    if (!c) this.children.set(k, (c = new AnswerTrie()));
    return c;
  }
}

/** Finds mitigations over one propagation. */
export class MitigationFinder {
  private readonly hitsByNode: Map<number, Hit[]>;
  private readonly shared: Shared;
  private readonly noteMemo = new Map<string, string>();
  // every distinct scope of the hits: a deployment's answer depends on it only through which it is in
  private readonly scopes: Scope[];
  private readonly answers = new Map<readonly number[], AnswerTrie>();
  // what the current deployment replaces (reused: compute reads it and keeps nothing of it)
  private readonly replace: number[] = [];

  constructor(
    private readonly pr: Propagation,
    private readonly juris: Placement,
    hits: readonly Hit[],
    private readonly inScope: (scope: Scope, node: number) => boolean,
  ) {
    this.hitsByNode = hitsByNode(hits);
    this.scopes = [...new Set(hits.flatMap((h) => (h.scope ? [h.scope] : [])))];
    this.shared = sharedOf(pr.idx);
  }

  private sameLabel(label: number): number[] {
    let list = this.shared.byLabel.get(label);
    if (!list) {
      const s = this.pr.idx.snapshot;
      list = [];
      for (let i = 0; i < s.nodeCount; i++) if (s.labelOf[i] === label) list.push(i);
      list.sort((a, b) => (s.ids.at(a) < s.ids.at(b) ? -1 : 1));
      this.shared.byLabel.set(label, list);
    }
    return list;
  }

  // every jurisdiction an entity's dependents are seated in, sorted (all of them: computed once per index)
  private servedBy(c: number): readonly number[] {
    let list = this.shared.served.get(c);
    if (!list) {
      const set = new Set<number>();
      const { idx } = this.pr;
      for (let r = idx.rdepOffsets[c]!; r < idx.rdepOffsets[c + 1]!; r++) for (const x of this.juris.seat(idx.depSource[idx.rdepPos[r]!]!)) set.add(x);
      list = [...set].sort((a, b) => a - b);
      this.shared.served.set(c, list);
    }
    return list;
  }

  // declared substitutes of r with the same label, by id
  private substitutes(r: number): Candidate[] {
    let subs = this.shared.substitutes.get(r);
    if (subs) return subs;
    const s = this.pr.idx.snapshot;
    const seen = new Set<number>([r]);
    subs = [];
    for (const e of [...s.outOf(r), ...s.inOf(r)]) {
      if (!SUBSTITUTION_TYPES.has(s.edgeType[e]!) || !s.validAt(e, this.pr.idx.asOfMs)) continue;
      const c = s.edgeFrom[e] === r ? s.edgeTo[e]! : s.edgeFrom[e]!;
      if (s.labelOf[c] !== s.labelOf[r] || !this.sameRole(r, c)) continue;
      // "c substitutes r" carries a note about c replacing r; the reverse edge's note is about r
      const note = s.edgeFrom[e] === c ? s.edgeProps.at(e).note : undefined;
      const known = subs.find((x) => x.node === c);
      if (known) {
        if (typeof note === 'string' && known.note === undefined) known.note = note;
        continue;
      }
      if (seen.has(c)) continue;
      seen.add(c);
      subs.push({ node: c, tier: 'substitute', ...(typeof note === 'string' ? { note } : {}) });
    }
    subs.sort((a, b) => (s.ids.at(a.node) < s.ids.at(b.node) ? -1 : 1));
    this.shared.substitutes.set(r, subs);
    return subs;
  }

  // whether c shares r's role properties (absent: the schema's default; with none, an unknown value matches any)
  private sameRole(r: number, c: number): boolean {
    const s = this.pr.idx.snapshot;
    for (const k of ROLE_PROPS[s.labelOf[r]!]!) {
      const a = s.nodeProps.at(r)[k.name] ?? k.default;
      const b = s.nodeProps.at(c)[k.name] ?? k.default;
      if (a !== undefined && b !== undefined && String(a) !== String(b)) return false;
    }
    return true;
  }

  // r's label and role property values, as a key
  private roleKey(r: number, role: number): string {
    const s = this.pr.idx.snapshot;
    return `${s.labelOf[r]!}|${role}|${ROLE_PROPS[s.labelOf[r]!]!.map((k) => String(s.nodeProps.at(r)[k.name] ?? k.default ?? '')).join('|')}`;
  }

  // entities like r available in a seat: located there first, then already serving there (by id)
  private local(r: number, role: number, variant: number, seat: readonly number[]): Candidate[] {
    const label = this.pr.idx.snapshot.labelOf[r]!;
    const needs = REPLACEMENT[role]!.rules[variant]!.needs;
    const key = `${this.roleKey(r, role)}|${variant}`;
    let perSeat = this.shared.local.get(key);
    if (!perSeat) this.shared.local.set(key, (perSeat = new Map()));
    let out = perSeat.get(seat);
    if (out) return out;
    const home = new Set(seat);
    const { idx } = this.pr;
    const serving: Candidate[] = [];
    out = [];
    for (const c of this.sameLabel(label)) {
      if (!this.rolesOf(c).has(role) || !this.sameRole(r, c) || !this.meets(c, needs)) continue;
      const cs = this.juris.where(c).find((x) => home.has(x));
      if (cs !== undefined) out.push({ node: c, tier: 'seated', nation: cs });
      else if (dependedOn(idx, c)) {
        const where = this.servedBy(c).find((x) => home.has(x));
        if (where !== undefined) serving.push({ node: c, tier: 'serving', nation: where });
      }
    }
    out.push(...serving);
    perSeat.set(seat, out);
    return out;
  }

  // the relation types through which something depends on c: the roles it plays (foundry, memory, host...)
  private rolesOf(c: number): ReadonlySet<number> {
    let roles = this.shared.roles.get(c);
    if (!roles) {
      const { idx } = this.pr;
      const set = new Set<number>();
      for (let r = idx.rdepOffsets[c]!; r < idx.rdepOffsets[c + 1]!; r++) set.add(idx.snapshot.edgeType[idx.depEdge[idx.rdepPos[r]!]!]!);
      this.shared.roles.set(c, (roles = set));
    }
    return roles;
  }

  // replacements for r, needed in the role `role`, where `seat` is: its declared substitutes, then
  // entities of its label that play the same role for someone (a foundry for a foundry, not any company)
  private *candidates(r: number, role: number, variant: number, seat: readonly number[]): Generator<Candidate> {
    const subs = this.substitutes(r);
    yield* subs;
    for (const c of this.local(r, role, variant, seat)) if (c.node !== r && !subs.some((x) => x.node === c.node)) yield c;
  }

  // not hit by this scenario for d, and not restricted for d's jurisdiction by a rule in force
  private usable(c: number, d: number, seat: readonly number[]): boolean {
    if (nodeLevel(this.pr, c) > 0) return false;
    const restricted = this.shared.restricted.get(c);
    if (restricted && intersects(seat, restricted)) return false;
    return !(this.hitsByNode.get(c) ?? []).some((h) => !h.scope || this.inScope(h.scope, d));
  }

  // whether d handles data bound to a place (a data class the schema does not mark place-free)
  private resident(d: number): boolean {
    const s = this.pr.idx.snapshot;
    const free = PLACE_FREE[s.labelOf[d]!];
    if (!free) return false;
    const classes = s.nodeProps.at(d)[free.property];
    return Array.isArray(classes) && classes.some((c) => !free.values.has(String(c)));
  }

  /**
   * Mitigations for deployment d given the first and last dependency positions of its cause chains. The answer
   * depends on d only through what it replaces, its seat and which hit scopes it falls in, so it
   * is computed once per such combination and shared (treat it as read-only).
   */
  for(d: number, firsts: Int32Array, lasts: Int32Array, chains: number): Mitigation[] {
    // what to replace, each as (entity, the relation type it is needed through): the shocked end of
    // each chain, then the deployment's own dependency on it
    const replace = this.replace;
    replace.length = 0;
    for (const ends of [firsts, lasts])
      for (let i = 0; i < chains; i++) {
        const r = this.role(ends[i]!);
        if (!replace.includes(r)) replace.push(r);
      }
    if (!replace.length) return [];
    const seat = this.juris.seat(d);
    // walk a trie keyed by seat, what is replaced, and which scopes d is in (30 scopes per level)
    let node = this.answers.get(seat);
    if (!node) this.answers.set(seat, (node = new AnswerTrie()));
    for (const r of replace) node = node.child(r);
    const resident = this.resident(d);
    node = node.child(resident ? -2 : -1);
    for (let i = 0; i < this.scopes.length; i += 30) {
      let bits = 0;
      for (let j = i; j < Math.min(i + 30, this.scopes.length); j++) if (this.inScope(this.scopes[j]!, d)) bits |= 1 << (j - i);
      node = node.child(bits);
    }
    const answer = (node.answer ??= this.compute(d, replace, seat, resident));
    return answer;
  }

  // the entity a dependency position needs, the relation type it is needed through and the variant of
  // that relation's replacement rule its edge falls in, in one number
  private role(p: number): number {
    const { idx } = this.pr;
    const e = idx.depEdge[p]!;
    const t = idx.snapshot.edgeType[e]!;
    const rule = REPLACEMENT[t]!;
    const variant = rule.property === undefined ? 0 : rule.values.indexOf(String(idx.snapshot.edgeProps.at(e)[rule.property])) + 1;
    return (idx.depTarget[p]! * 256 + t) * VARIANTS + variant;
  }

  // whether c has the property values a replacement rule needs
  private meets(c: number, needs: ReplacementRule['needs']): boolean {
    const props = this.pr.idx.snapshot.nodeProps.at(c);
    for (const k in needs) if (props[k] !== needs[k]) return false;
    return true;
  }

  private compute(d: number, replace: readonly number[], seat: readonly number[], resident: boolean): Mitigation[] {
    const s = this.pr.idx.snapshot;
    const out: Mitigation[] = [];
    const used = new Set<string>();
    const home = new Set(seat);
    for (const rr of replace) {
      const variant = rr % VARIANTS;
      const role = Math.floor(rr / VARIANTS) % 256;
      const r = Math.floor(rr / VARIANTS / 256);
      const rule = REPLACEMENT[role]!.rules[variant]!;
      // what holds data bound to a place has to be replaced by something located there
      const mustBeHome = resident && rule.holdsData;
      let taken = 0;
      for (const c of this.candidates(r, role, variant, seat)) {
        // candidates already serving here come last and are not located here: none can hold data bound here
        if (taken >= MAX_PER_REPLACED || (mustBeHome && c.tier === 'serving')) break;
        const key = `${r}>${c.node}`;
        if (used.has(key) || !this.usable(c.node, d, seat) || !this.meets(c.node, rule.needs)) continue;
        if (mustBeHome && !intersects(this.juris.where(c.node), home)) continue;
        used.add(key);
        taken++;
        out.push({ replace: s.ids.at(r), with: s.ids.at(c.node), basis: c.tier, note: this.noteFor(r, c) });
      }
    }
    return out;
  }

  private noteFor(r: number, c: Candidate): string {
    const key = `${r}>${c.node}>${c.tier}>${c.nation ?? ''}`;
    let note = this.noteMemo.get(key);
    if (note === undefined) this.noteMemo.set(key, (note = this.note(r, c)));
    return note;
  }

  private note(r: number, c: Candidate): string {
    const s = this.pr.idx.snapshot;
    const name = s.names.at(c.node);
    if (c.tier === 'substitute') return c.note ?? `${name} is listed as a substitute for ${s.names.at(r)} and is not hit by this scenario`;
    const where = c.nation === undefined ? '' : s.names.at(c.nation);
    return c.tier === 'seated' ? `${name} is not hit by this scenario and is based in ${where}` : `${name} is not hit by this scenario and already serves ${where}`;
  }
}
