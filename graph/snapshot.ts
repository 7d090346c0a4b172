// The in-memory snapshot: the whole topology packed into typed arrays (CSR adjacency in both
// directions, a relation type per edge, a label per node), and its ids, names, relation ids, props
// and aliases packed as text columns with a hash index of ids (snapshot-text.ts), read through
// accessors. Traversals, paths, scenarios and chokepoint ranking run on it, never as one Cypher
// query per question.
import { LABELS, RELATION_TYPES, type Label, type RelationType } from '../schema/generated/model.js';
import type { EntityRecord, Props, RelationRecord } from '../schema/records.js';
import type { RemovedRelation } from './store.js';
import { CHECKPOINT_MASK, runNow, type Steps } from './snapshot-pacing.js';
import { aliasesText, columnLength, listOf, DecodedColumn, idIndexSteps, lookupId, propsText, textAt, TextColumnBuilder, type IdIndex, type TextColumn } from './snapshot-text.js';

const LABEL_INDEX = new Map<string, number>(LABELS.map((l, i) => [l, i]));
const REL_INDEX = new Map<string, number>(RELATION_TYPES.map((r, i) => [r, i]));
const NO_DATE = Number.NaN;

/** Milliseconds since the epoch of an ISO date, NaN when absent or unparseable. */
export function dateMs(value: string | undefined | null): number {
  if (!value) return NO_DATE;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : NO_DATE;
}

/** The packed columns of a list of nodes, filled in order. */
class NodeColumns {
  readonly ids = new TextColumnBuilder();
  readonly labels: number[] = [];
  readonly names = new TextColumnBuilder();
  readonly props = new TextColumnBuilder();
  readonly aliases = new TextColumnBuilder();

  add(id: string, label: number, name: string, props: Props, aliases: readonly string[]): void {
    this.ids.add(id);
    this.labels.push(label);
    this.names.add(name);
    this.props.add(propsText(props));
    this.aliases.add(aliasesText(aliases));
  }

  /** The node columns of a Packed (the id index built with checkpoints). */
  *build(): Steps<Pick<Packed, 'ids' | 'index' | 'labelOf' | 'names' | 'nodeProps' | 'aliases'>> {
    const ids = this.ids.build();
    const index = yield* idIndexSteps(ids);
    return { ids, index, labelOf: Uint8Array.from(this.labels), names: this.names.build(), nodeProps: this.props.build(), aliases: this.aliases.build() };
  }
}

/** Collects nodes and edges, then packs them; use it to build large snapshots without records. */
export class SnapshotBuilder {
  private index = new Map<string, number>();
  private nodes = new NodeColumns();
  private from: number[] = [];
  private to: number[] = [];
  private types: number[] = [];
  private edgeProps = new TextColumnBuilder();
  private edgeIds = new TextColumnBuilder();
  private validFrom: number[] = [];
  private validTo: number[] = [];
  private confidence: number[] = [];

  /** Adds a node and returns its index; adding the same id twice returns the first index. */
  addNode(id: string, label: Label, name: string, props: Props = {}, aliases: string[] = []): number {
    const known = this.index.get(id);
    if (known !== undefined) return known;
    const li = LABEL_INDEX.get(label);
    if (li === undefined) throw new Error(`unknown label ${label}`);
    const i = this.index.size;
    this.index.set(id, i);
    this.nodes.add(id, li, name, props, aliases);
    return i;
  }

  /** Adds an edge between two added nodes; returns false when an endpoint is missing. */
  addEdge(from: string | number, type: RelationType, to: string | number, props: Props = {}, opts: { id?: string; validFrom?: string; validTo?: string; confidence?: number } = {}): boolean {
    const f = typeof from === 'number' ? from : this.index.get(from);
    const t = typeof to === 'number' ? to : this.index.get(to);
    const ti = REL_INDEX.get(type);
    if (f === undefined || t === undefined || ti === undefined) return false;
    this.from.push(f);
    this.to.push(t);
    this.types.push(ti);
    this.edgeProps.add(propsText(props));
    this.edgeIds.add(opts.id ?? '');
    this.validFrom.push(dateMs(opts.validFrom));
    this.validTo.push(dateMs(opts.validTo));
    this.confidence.push(opts.confidence ?? 1);
    return true;
  }

  /** Packs what was added into a Snapshot; `canonical` promises nodes in id order and edges in (source, id) order. */
  build(version: string | number = 0, canonical = false): Snapshot {
    return new Snapshot(version, {
      canonical,
      ...runNow(this.nodes.build()),
      edgeFrom: Int32Array.from(this.from),
      edgeTo: Int32Array.from(this.to),
      edgeType: Uint8Array.from(this.types),
      edgeProps: this.edgeProps.build(),
      edgeIds: this.edgeIds.build(),
      edgeValidFrom: Float64Array.from(this.validFrom),
      edgeValidTo: Float64Array.from(this.validTo),
      edgeConfidence: Float32Array.from(this.confidence),
    });
  }
}

/**
 * A snapshot's data: typed arrays, and its strings and props as text columns (snapshot-text.ts),
 * a few dozen objects in all whatever the graph's size; what crosses to a worker and back.
 */
export interface Packed {
  /** nodes in id order and edges in (source node, relation id) order: what applyChanges needs */
  canonical: boolean;
  ids: TextColumn;
  /** the id index (a hash table over ids); built by the Snapshot when absent */
  index?: IdIndex;
  labelOf: Uint8Array;
  names: TextColumn;
  /** JSON texts, '' for none */
  nodeProps: TextColumn;
  /** JSON texts, '' for none */
  aliases: TextColumn;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeType: Uint8Array;
  /** JSON texts, '' for none */
  edgeProps: TextColumn;
  edgeIds: TextColumn;
  edgeValidFrom: Float64Array;
  edgeValidTo: Float64Array;
  edgeConfidence: Float32Array;
}

/** CSR adjacency of one direction: the edges of node i are edges[offsets[i] .. offsets[i+1]). */
export interface Csr {
  offsets: Int32Array;
  edges: Int32Array;
}

function* csrSteps(n: number, keys: Int32Array): Steps<Csr> {
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < keys.length; e++) {
    offsets[keys[e]! + 1]!++;
    if ((e & CHECKPOINT_MASK) === 0) yield;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  yield;
  const cursor = offsets.slice(0, n);
  const edges = new Int32Array(keys.length);
  for (let e = 0; e < keys.length; e++) {
    edges[cursor[keys[e]!]!++] = e;
    if ((e & CHECKPOINT_MASK) === 0) yield;
  }
  return { offsets, edges };
}

/** Packs a snapshot, building its adjacency in both directions with checkpoints. */
function* snapshotSteps(version: string | number, p: Packed): Steps<Snapshot> {
  const out = yield* csrSteps(columnLength(p.ids), p.edgeFrom);
  const inn = yield* csrSteps(columnLength(p.ids), p.edgeTo);
  return new Snapshot(version, p, { out, in: inn });
}

/** A typed array of a list's numbers, copied with checkpoints. */
function* typedSteps<A extends Int32Array | Uint8Array | Float64Array | Float32Array>(make: (n: number) => A, list: readonly number[]): Steps<A> {
  const a = make(list.length);
  for (let i = 0; i < list.length; i++) {
    a[i] = list[i]!;
    if ((i & CHECKPOINT_MASK) === 0) yield;
  }
  return a;
}

/** What applyChanges patches in: entities and relations as they now are, and the relations gone. */
export type SnapshotChanges = { entities: readonly EntityRecord[]; relations: readonly RelationRecord[]; removed: readonly RemovedRelation[] };

/** An immutable, packed view of the graph at one graph version. */
export class Snapshot {
  /** nodes ordered by id and edges by (source node, relation id), as canonical() builds them */
  readonly canonical: boolean;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly labelOf: Uint8Array;
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeType: Uint8Array;
  readonly edgeValidFrom: Float64Array;
  readonly edgeValidTo: Float64Array;
  readonly edgeConfidence: Float32Array;
  /** out-edges of node i are outEdges[outOffsets[i] .. outOffsets[i+1]) (edge indexes) */
  readonly outOffsets: Int32Array;
  readonly outEdges: Int32Array;
  readonly inOffsets: Int32Array;
  readonly inEdges: Int32Array;
  private readonly ids: TextColumn;
  private readonly index: IdIndex;
  private readonly names: TextColumn;
  private readonly edgeIds: TextColumn;
  private readonly nodeProps: DecodedColumn<Props>;
  private readonly aliases: DecodedColumn<string[]>;
  private readonly edgeProps: DecodedColumn<Props>;
  /** rank of each node in id order, for a snapshot whose nodes are not in id order (made when first asked) */
  private idRank: Int32Array | null = null;
  /** the index of relation ids (made when first asked) */
  private edgeIndex: IdIndex | null = null;

  /** `adjacency`: the CSR of p's edges when already built (else built here, in one go) */
  constructor(
    readonly version: string | number,
    p: Packed,
    adjacency?: { out: Csr; in: Csr },
  ) {
    this.canonical = p.canonical;
    this.ids = p.ids;
    this.index = p.index ?? runNow(idIndexSteps(p.ids));
    this.labelOf = p.labelOf;
    this.names = p.names;
    this.nodeProps = new DecodedColumn(p.nodeProps, NO_PROPS);
    this.aliases = new DecodedColumn(p.aliases, NO_ALIASES);
    this.edgeFrom = p.edgeFrom;
    this.edgeTo = p.edgeTo;
    this.edgeType = p.edgeType;
    this.edgeProps = new DecodedColumn(p.edgeProps, NO_PROPS);
    this.edgeIds = p.edgeIds;
    this.edgeValidFrom = p.edgeValidFrom;
    this.edgeValidTo = p.edgeValidTo;
    this.edgeConfidence = p.edgeConfidence;
    this.nodeCount = columnLength(p.ids);
    this.edgeCount = p.edgeFrom.length;
    const out = adjacency?.out ?? runNow(csrSteps(this.nodeCount, p.edgeFrom));
    const inn = adjacency?.in ?? runNow(csrSteps(this.nodeCount, p.edgeTo));
    this.outOffsets = out.offsets;
    this.outEdges = out.edges;
    this.inOffsets = inn.offsets;
    this.inEdges = inn.edges;
  }

  /** Builds a snapshot from store records; relations whose endpoints are missing are skipped. */
  static fromRecords(entities: Iterable<EntityRecord>, relations: Iterable<RelationRecord>, version: string | number = 0): Snapshot {
    const b = new SnapshotBuilder();
    for (const e of entities) b.addNode(e.id, e.label, e.name, e.props, e.aliases);
    for (const r of relations) b.addEdge(r.from, r.type, r.to, r.props, { id: r.id, validFrom: r.validFrom, validTo: r.validTo, confidence: r.confidence });
    return b.build(version);
  }

  /**
   * The canonical snapshot of these records: nodes in id order, edges grouped by source in
   * relation-id order (code-point order throughout). A full build and a snapshot patched with
   * applyChanges() are then equal array for array.
   */
  static canonical(entities: Iterable<EntityRecord>, relations: Iterable<RelationRecord>, version: string | number = 0): Snapshot {
    const b = new CanonicalBuilder();
    b.addEntities([...entities]);
    b.addRelations([...relations]);
    return b.build(version);
  }

  /**
   * A new snapshot: this one with the given entities and relations upserted (current state) and
   * the removed relations gone. This snapshot is left untouched for whoever still reads it; the
   * unchanged parts (the ids and the id index when no node is added, the edge columns when no edge
   * changes) are shared, the typed arrays and text columns are copied in runs and the adjacency
   * rebuilt. Requires a canonical snapshot.
   */
  applyChanges(changes: SnapshotChanges, version: string | number): Snapshot {
    return runNow(this.applyChangesSteps(changes, version));
  }

  /** applyChanges as steps with checkpoints, to be run in slices (snapshot-pacing.ts). */
  applyChangesSteps(changes: SnapshotChanges, version: string | number): Steps<Snapshot> {
    if (!this.canonical) throw new Error('applyChanges needs a canonical snapshot (Snapshot.canonical or CanonicalBuilder)');
    return patchSteps(this, changes, version);
  }

  /** The packed data this snapshot was made of (shared, not copied), for building the next one or sending it to another thread. */
  parts(): Readonly<Required<Packed>> {
    return {
      canonical: this.canonical,
      ids: this.ids,
      index: this.index,
      labelOf: this.labelOf,
      names: this.names,
      nodeProps: this.nodeProps.column,
      aliases: this.aliases.column,
      edgeFrom: this.edgeFrom,
      edgeTo: this.edgeTo,
      edgeType: this.edgeType,
      edgeProps: this.edgeProps.column,
      edgeIds: this.edgeIds,
      edgeValidFrom: this.edgeValidFrom,
      edgeValidTo: this.edgeValidTo,
      edgeConfidence: this.edgeConfidence,
    };
  }

  /** Node index of an id, or undefined. */
  indexOf(id: string): number | undefined {
    return lookupId(this.ids, this.index, id);
  }

  /** Id of node i. */
  id(i: number): string {
    return textAt(this.ids, i);
  }

  /** Name of node i. */
  name(i: number): string {
    return textAt(this.names, i);
  }

  /** Props of node i (decoded when first asked, then the same object each time; not to be changed). */
  propsOf(i: number): Props {
    return this.nodeProps.at(i);
  }

  /** Aliases of node i (as propsOf). */
  aliasesOf(i: number): string[] {
    return this.aliases.at(i);
  }

  /** Relation id of edge e ('' for an edge built without one). */
  edgeId(e: number): string {
    return textAt(this.edgeIds, e);
  }

  /** Props of edge e (as propsOf; an edge without props has the one shared frozen empty object). */
  edgePropsOf(e: number): Props {
    return this.edgeProps.at(e);
  }

  /** The id order of nodes a and b (negative: a's id comes first), as compareIds on their ids, without reading them. */
  compareIdsAt(a: number, b: number): number {
    if (this.canonical) return a - b;
    const rank = (this.idRank ??= this.rankIds());
    return rank[a]! - rank[b]!;
  }

  /** Edge index of a relation id, or undefined (its index made when first asked). */
  edgeIndexOf(relationId: string): number | undefined {
    return lookupId(this.edgeIds, (this.edgeIndex ??= runNow(idIndexSteps(this.edgeIds))), relationId);
  }

  private rankIds(): Int32Array {
    const ids = listOf(this.nodeCount, (i) => this.id(i));
    const order = Int32Array.from(ids.keys()).sort((a, b) => compareIds(ids[a]!, ids[b]!));
    const rank = new Int32Array(this.nodeCount);
    for (let k = 0; k < order.length; k++) rank[order[k]!] = k;
    return rank;
  }

  /** Label of node i. */
  label(i: number): Label {
    return LABELS[this.labelOf[i]!]!;
  }

  /** Relation type of edge e. */
  type(e: number): RelationType {
    return RELATION_TYPES[this.edgeType[e]!]!;
  }

  /** Whether edge e is valid at asOf (ms); NaN asOf means "now, ignore validity". */
  validAt(e: number, asOfMs: number): boolean {
    if (Number.isNaN(asOfMs)) return true;
    const from = this.edgeValidFrom[e]!;
    const to = this.edgeValidTo[e]!;
    return !(from > asOfMs) && !(to < asOfMs);
  }

  /** Edge indexes leaving node i. */
  outOf(i: number): Int32Array {
    return this.outEdges.subarray(this.outOffsets[i]!, this.outOffsets[i + 1]!);
  }

  /** Edge indexes entering node i. */
  inOf(i: number): Int32Array {
    return this.inEdges.subarray(this.inOffsets[i]!, this.inOffsets[i + 1]!);
  }

  /** The entity record of node i (props and aliases shared, not copied). */
  entity(i: number): EntityRecord {
    return { id: this.id(i), label: this.label(i), name: this.name(i), aliases: this.aliasesOf(i), props: this.propsOf(i) };
  }

  /** Bytes held by the typed arrays (topology only), for the bytes-per-edge benchmark. */
  topologyBytes(): number {
    return [this.labelOf, this.edgeFrom, this.edgeTo, this.edgeType, this.edgeValidFrom, this.edgeValidTo, this.edgeConfidence, this.outOffsets, this.outEdges, this.inOffsets, this.inEdges].reduce(
      (s, a) => s + a.byteLength,
      0,
    );
  }
}

/** One shared, frozen object for every node and edge without props (most edges): no object per edge. */
export const NO_PROPS: Props = Object.freeze({}) as Props;
/** One shared, frozen list for every node without aliases. */
const NO_ALIASES = Object.freeze([]) as unknown as string[];

/** Code-point order of ids, the order the stores' ORDER BY n.id returns. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds a canonical snapshot from pages: entities first (any order; the stores return them in id
 * order), then relations (best grouped by source in the entities' order, as a paged read returns
 * them); out-of-order input is sorted once at the end. Relations are packed as they come (their
 * ids and props as text), not kept.
 */
export class CanonicalBuilder {
  private entities: EntityRecord[] = [];
  private entitiesSorted = true;
  private nodes: Packed | null = null;
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly types: number[] = [];
  private readonly props = new TextColumnBuilder();
  private readonly ids = new TextColumnBuilder();
  private lastId = '';
  /** the relation ids, kept only once the relations came out of order (to sort them by) */
  private idList: string[] | null = null;
  private readonly validFrom: number[] = [];
  private readonly validTo: number[] = [];
  private readonly confidence: number[] = [];

  /** Adds a page of entities; every entity comes before the first relation. */
  addEntities(page: readonly EntityRecord[]): void {
    if (this.nodes) throw new Error('entities must all be added before relations');
    for (const e of page) {
      const last = this.entities.at(-1);
      if (last && compareIds(last.id, e.id) >= 0) this.entitiesSorted = false;
      this.entities.push(e);
    }
  }

  /** Adds a page of relations; those with an endpoint not among the entities are skipped, as in fromRecords. */
  addRelations(page: readonly RelationRecord[]): void {
    const nodes = this.packNodes();
    const at = (id: string) => lookupId(nodes.ids, nodes.index!, id);
    const ranked = page.map((r) => ({ r, f: at(r.from), t: at(r.to), ti: REL_INDEX.get(r.type) })).filter((x) => x.f !== undefined && x.t !== undefined && x.ti !== undefined);
    ranked.sort((a, b) => a.f! - b.f! || compareIds(a.r.id, b.r.id));
    for (const { r, f, t, ti } of ranked) {
      const n = this.from.length;
      if (!this.idList && n && (this.from[n - 1]! > f! || (this.from[n - 1] === f && compareIds(this.lastId, r.id) >= 0))) {
        const sofar = this.ids.peek();
        this.idList = [];
        for (let e = 0; e < n; e++) this.idList.push(textAt(sofar, e));
      }
      this.idList?.push(r.id);
      this.lastId = r.id;
      this.from.push(f!);
      this.to.push(t!);
      this.types.push(ti!);
      this.props.add(propsText(r.props));
      this.ids.add(r.id);
      this.validFrom.push(dateMs(r.validFrom));
      this.validTo.push(dateMs(r.validTo));
      this.confidence.push(r.confidence);
    }
  }

  /** Packs everything added into a canonical snapshot. */
  build(version: string | number = 0): Snapshot {
    return runNow(this.buildSteps(version));
  }

  /** build as steps with checkpoints, to be run in slices (snapshot-pacing.ts). */
  *buildSteps(version: string | number = 0): Steps<Snapshot> {
    const nodes = yield* this.packEntities();
    let pick = <T>(list: T[]) => list;
    let edgeProps = this.props.build();
    let edgeIds = this.ids.build();
    const idList = this.idList;
    if (idList) {
      const order = Int32Array.from(this.from.keys()).sort((a, b) => this.from[a]! - this.from[b]! || compareIds(idList[a]!, idList[b]!));
      pick = <T>(list: T[]) => Array.from(order, (e) => list[e]!);
      yield;
      const reorder = function* (c: TextColumn): Steps<TextColumn> {
        const b = new TextColumnBuilder();
        for (let k = 0; k < order.length; k++) {
          b.addRange(c, order[k]!, order[k]! + 1);
          if ((k & CHECKPOINT_MASK) === 0) yield;
        }
        return b.build();
      };
      edgeProps = yield* reorder(edgeProps);
      edgeIds = yield* reorder(edgeIds);
    }
    const packed: Packed = {
      ...nodes,
      edgeFrom: yield* typedSteps((n) => new Int32Array(n), pick(this.from)),
      edgeTo: yield* typedSteps((n) => new Int32Array(n), pick(this.to)),
      edgeType: yield* typedSteps((n) => new Uint8Array(n), pick(this.types)),
      edgeProps,
      edgeIds,
      edgeValidFrom: yield* typedSteps((n) => new Float64Array(n), pick(this.validFrom)),
      edgeValidTo: yield* typedSteps((n) => new Float64Array(n), pick(this.validTo)),
      edgeConfidence: yield* typedSteps((n) => new Float32Array(n), pick(this.confidence)),
    };
    return yield* snapshotSteps(version, packed);
  }

  private packNodes(): Packed {
    return runNow(this.packEntities());
  }

  /** Packs the entities added so far (no more may be added after): as steps, so a paced reader can run it in slices before the relations come. */
  *packEntities(): Steps<Packed> {
    if (this.nodes) return this.nodes;
    if (!this.entitiesSorted) this.entities.sort((a, b) => compareIds(a.id, b.id));
    const columns = new NodeColumns();
    let last: string | null = null;
    for (let k = 0; k < this.entities.length; k++) {
      const e = this.entities[k]!;
      // the first of an id added twice, as SnapshotBuilder keeps (the sort is stable)
      if (e.id !== last) {
        const li = LABEL_INDEX.get(e.label);
        if (li === undefined) throw new Error(`unknown label ${e.label}`);
        columns.add(e.id, li, e.name, e.props, e.aliases);
        last = e.id;
      }
      if ((k & CHECKPOINT_MASK) === 0) yield;
    }
    this.entities = [];
    this.nodes = { ...emptyEdges(), canonical: true, ...(yield* columns.build()) };
    return this.nodes;
  }
}

function emptyEdges(): Omit<Packed, 'canonical' | 'ids' | 'index' | 'labelOf' | 'names' | 'nodeProps' | 'aliases'> {
  const none = (): TextColumn => ({ texts: [], ends: new Int32Array(0) });
  return {
    edgeFrom: new Int32Array(0),
    edgeTo: new Int32Array(0),
    edgeType: new Uint8Array(0),
    edgeProps: none(),
    edgeIds: none(),
    edgeValidFrom: new Float64Array(0),
    edgeValidTo: new Float64Array(0),
    edgeConfidence: new Float32Array(0),
  };
}

/** The first index i in [lo, hi) with values[i] >= target (values ascending). */
function lowerBound(values: ArrayLike<number>, target: number, lo = 0, hi = values.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** applyChanges: see Snapshot.applyChanges. */
function* patchSteps(s: Snapshot, changes: SnapshotChanges, version: string | number): Steps<Snapshot> {
  const p = s.parts();
  const oldAt = (id: string) => lookupId(p.ids, p.index, id);
  // nodes: updates in place (in copies), new ids merged in id order
  const updates = new Map<number, EntityRecord>();
  const added = new Map<string, EntityRecord>();
  for (const e of changes.entities) {
    if (!LABEL_INDEX.has(e.label)) throw new Error(`unknown label ${e.label}`);
    const i = oldAt(e.id);
    if (i === undefined) added.set(e.id, e);
    else updates.set(i, e);
  }
  const n = s.nodeCount;
  let ids = p.ids;
  let index = p.index;
  let labelOf = p.labelOf;
  let names = p.names;
  let nodeProps = p.nodeProps;
  let aliases = p.aliases;
  /** new index of old node i (only when nodes were added) */
  let remap: Int32Array | null = null;
  if (updates.size || added.size) {
    const fresh = [...added.values()].sort((a, b) => compareIds(a.id, b.id));
    // each new node goes before the first old node whose id comes after its own
    const before = fresh.map((e) => {
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareIds(textAt(p.ids, mid), e.id) < 0) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    });
    const updated = [...updates.keys()].sort((a, b) => a - b);
    if (fresh.length) remap = new Int32Array(n);
    const labels = new Uint8Array(n + fresh.length);
    const nIds = fresh.length ? new TextColumnBuilder() : null;
    const nNames = new TextColumnBuilder();
    const nProps = new TextColumnBuilder();
    const nAliases = new TextColumnBuilder();
    let o = 0;
    let k = 0;
    /** copies old nodes [o, to) as they are, in runs */
    const copyOld = function* (to: number): Steps<void> {
      while (o < to) {
        const b = Math.min(to, o + CHECKPOINT_MASK + 1);
        nIds?.addRange(p.ids, o, b);
        nNames.addRange(p.names, o, b);
        nProps.addRange(p.nodeProps, o, b);
        nAliases.addRange(p.aliases, o, b);
        labels.set(p.labelOf.subarray(o, b), k);
        if (remap) for (let j = o; j < b; j++) remap[j] = k + j - o;
        k += b - o;
        o = b;
        yield;
      }
    };
    const put = (e: EntityRecord) => {
      labels[k++] = LABEL_INDEX.get(e.label)!;
      nNames.add(e.name);
      nProps.add(propsText(e.props));
      nAliases.add(aliasesText(e.aliases));
    };
    for (let f = 0, u = 0; ;) {
      yield* copyOld(Math.min(u < updated.length ? updated[u]! : n, f < fresh.length ? before[f]! : n));
      if (f < fresh.length && before[f] === o) {
        const e = fresh[f++]!;
        nIds?.add(e.id);
        put(e);
      } else if (u < updated.length && updated[u] === o) {
        nIds?.addRange(p.ids, o, o + 1);
        if (remap) remap[o] = k;
        put(updates.get(updated[u++]!)!);
        o++;
      } else break;
    }
    if (nIds) {
      ids = nIds.build();
      index = yield* idIndexSteps(ids);
    }
    labelOf = labels;
    names = nNames.build();
    nodeProps = nProps.build();
    aliases = nAliases.build();
  }
  const newAt = (id: string) => lookupId(ids, index, id);
  const newIndexOfOld = (o: number) => (remap ? remap[o]! : o);

  // edges: per source (new index), the old positions that go and the relations that come
  const edits = new Map<number, { drop: Set<number>; add: RelationRecord[] }>();
  const editOf = (source: number) => {
    let edit = edits.get(source);
    if (!edit) edits.set(source, (edit = { drop: new Set(), add: [] }));
    return edit;
  };
  const dropOld = (id: string, from: string) => {
    const o = oldAt(from);
    if (o === undefined) return;
    for (let e = s.outOffsets[o]!; e < s.outOffsets[o + 1]!; e++) if (textAt(p.edgeIds, e) === id) editOf(newIndexOfOld(o)).drop.add(e);
  };
  for (const r of changes.removed) dropOld(r.id, r.from);
  for (const r of changes.relations) {
    dropOld(r.id, r.from);
    const f = newAt(r.from);
    if (f === undefined || newAt(r.to) === undefined || !REL_INDEX.has(r.type)) continue;
    editOf(f).add.push(r);
  }
  let dropped = 0;
  let inserted = 0;
  for (const edit of edits.values()) {
    dropped += edit.drop.size;
    inserted += edit.add.length;
    edit.add.sort((a, b) => compareIds(a.id, b.id));
  }
  const m = s.edgeCount - dropped + inserted;
  const edgeFrom = new Int32Array(m);
  const edgeTo = new Int32Array(m);
  const edgeType = new Uint8Array(m);
  // no edge changed: the edge columns are shared
  const texts = edits.size ? { props: new TextColumnBuilder(), ids: new TextColumnBuilder() } : null;
  const edgeValidFrom = new Float64Array(m);
  const edgeValidTo = new Float64Array(m);
  const edgeConfidence = new Float32Array(m);
  let w = 0;
  /** copies old edges [a, b) as a block */
  const copy = function* (a: number, b: number): Steps<void> {
    if (b <= a) return;
    if (remap) {
      for (let e = a, k = w; e < b; e++, k++) {
        edgeFrom[k] = remap[p.edgeFrom[e]!]!;
        edgeTo[k] = remap[p.edgeTo[e]!]!;
        if ((e & CHECKPOINT_MASK) === 0) yield;
      }
    } else {
      edgeFrom.set(p.edgeFrom.subarray(a, b), w);
      edgeTo.set(p.edgeTo.subarray(a, b), w);
    }
    edgeType.set(p.edgeType.subarray(a, b), w);
    edgeValidFrom.set(p.edgeValidFrom.subarray(a, b), w);
    edgeValidTo.set(p.edgeValidTo.subarray(a, b), w);
    edgeConfidence.set(p.edgeConfidence.subarray(a, b), w);
    w += b - a;
    if (texts)
      for (let e = a; e < b; e += CHECKPOINT_MASK + 1) {
        const end = Math.min(b, e + CHECKPOINT_MASK + 1);
        texts.props.addRange(p.edgeProps, e, end);
        texts.ids.addRange(p.edgeIds, e, end);
        yield;
      }
  };
  const put = (source: number, r: RelationRecord) => {
    edgeFrom[w] = source;
    edgeTo[w] = newAt(r.to)!;
    edgeType[w] = REL_INDEX.get(r.type)!;
    texts!.props.add(propsText(r.props));
    texts!.ids.add(r.id);
    edgeValidFrom[w] = dateMs(r.validFrom);
    edgeValidTo[w] = dateMs(r.validTo);
    edgeConfidence[w] = r.confidence;
    w++;
  };
  let cursor = 0;
  for (const source of [...edits.keys()].sort((a, b) => a - b)) {
    const edit = edits.get(source)!;
    // the old node at or after this position; it is this source when the source is an old node
    const o = remap ? lowerBound(remap, source) : source;
    const old = o < n && newIndexOfOld(o) === source;
    const start = s.outOffsets[o]!;
    const end = old ? s.outOffsets[o + 1]! : start;
    yield* copy(cursor, start);
    // the source's kept edges in runs, the new ones put between them in id order
    let k = 0;
    let run = start;
    for (let e = start; e < end; e++) {
      const id = textAt(p.edgeIds, e);
      const dropHere = edit.drop.has(e);
      const addHere = k < edit.add.length && compareIds(edit.add[k]!.id, id) < 0;
      if (!dropHere && !addHere) continue;
      yield* copy(run, e);
      while (k < edit.add.length && compareIds(edit.add[k]!.id, id) < 0) put(source, edit.add[k++]!);
      run = dropHere ? e + 1 : e;
    }
    yield* copy(run, end);
    while (k < edit.add.length) put(source, edit.add[k++]!);
    cursor = end;
  }
  yield* copy(cursor, s.edgeCount);
  const edgeProps = texts ? texts.props.build() : p.edgeProps;
  const edgeIds = texts ? texts.ids.build() : p.edgeIds;
  return yield* snapshotSteps(version, { canonical: true, ids, index, labelOf, names, nodeProps, aliases, edgeFrom, edgeTo, edgeType, edgeProps, edgeIds, edgeValidFrom, edgeValidTo, edgeConfidence });
}
