// The in-memory snapshot: the whole topology packed into typed arrays (CSR adjacency in both
// directions, a relation type per edge, a label per node, string ids interned). Traversals,
// paths, scenarios and chokepoint ranking run on it, never as one Cypher query per question.
import { LABELS, RELATION_TYPES, type Label, type RelationType } from '../schema/generated/model.js';
import type { EntityRecord, Props, RelationRecord } from '../schema/records.js';
import type { RemovedRelation } from './store.js';
import { isDeepStrictEqual } from 'node:util';
import { CHECKPOINT_MASK, runNow, type Steps } from './snapshot-pacing.js';

const LABEL_INDEX = new Map<string, number>(LABELS.map((l, i) => [l, i]));
const REL_INDEX = new Map<string, number>(RELATION_TYPES.map((r, i) => [r, i]));
const NO_DATE = Number.NaN;

/** Elements per chunk of a ChunkedList (a power of two). */
const CHUNK_BITS = 15;
const CHUNK = 1 << CHUNK_BITS;

/**
 * A list that grows by chunks: pushing never copies what it holds. An array of millions grown by push is
 * copied whole each time it outgrows its store, and those copies held the event loop for up to 65 ms in
 * one page of a 1M-edge read (several lists outgrowing their stores on the same record).
 */
export class ChunkedList<T> {
  private readonly chunks: T[][] = [[]];
  length = 0;

  push(value: T): void {
    let last = this.chunks[this.chunks.length - 1]!;
    if (last.length === CHUNK) this.chunks.push((last = []));
    last.push(value);
    this.length++;
  }

  at(i: number): T {
    return this.chunks[i >>> CHUNK_BITS]![i & (CHUNK - 1)]!;
  }
}

/** An ISO date-time of milliseconds since the epoch, undefined for NaN (no date). */
const isoDate = (ms: number): string | undefined => (Number.isNaN(ms) ? undefined : new Date(ms).toISOString());

/** Milliseconds since the epoch of an ISO date, NaN when absent or unparseable. */
export function dateMs(value: string | undefined | null): number {
  if (!value) return NO_DATE;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : NO_DATE;
}

/** Collects nodes and edges, then packs them; use it to build large snapshots without records. */
export class SnapshotBuilder {
  private ids: string[] = [];
  private index = new Map<string, number>();
  private labels: number[] = [];
  private names: string[] = [];
  private nodeProps: Props[] = [];
  private aliases: string[][] = [];
  private from: number[] = [];
  private to: number[] = [];
  private types: number[] = [];
  private edgeProps: Props[] = [];
  private edgeIds: string[] = [];
  private validFrom: number[] = [];
  private validTo: number[] = [];
  private confidence: number[] = [];

  /** Adds a node and returns its index; adding the same id twice returns the first index. */
  addNode(id: string, label: Label, name: string, props: Props = {}, aliases: string[] = []): number {
    const known = this.index.get(id);
    if (known !== undefined) return known;
    const li = LABEL_INDEX.get(label);
    if (li === undefined) throw new Error(`unknown label ${label}`);
    const i = this.ids.length;
    this.ids.push(id);
    this.index.set(id, i);
    this.labels.push(li);
    this.names.push(name);
    this.nodeProps.push(props);
    this.aliases.push(aliases);
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
    this.edgeProps.push(props);
    this.edgeIds.push(opts.id ?? '');
    this.validFrom.push(dateMs(opts.validFrom));
    this.validTo.push(dateMs(opts.validTo));
    this.confidence.push(opts.confidence ?? 1);
    return true;
  }

  /** Packs what was added into a Snapshot; `canonical` promises nodes in id order and edges in (source, id) order. */
  build(version: string | number = 0, canonical = false): Snapshot {
    return new Snapshot(version, {
      canonical,
      ids: this.ids,
      index: this.index,
      labelOf: Uint8Array.from(this.labels),
      names: this.names,
      nodeProps: this.nodeProps,
      aliases: this.aliases,
      edgeFrom: Int32Array.from(this.from),
      edgeTo: Int32Array.from(this.to),
      edgeType: Uint8Array.from(this.types),
      edgeProps: this.edgeProps,
      edgeIds: this.edgeIds,
      edgeValidFrom: Float64Array.from(this.validFrom),
      edgeValidTo: Float64Array.from(this.validTo),
      edgeConfidence: Float32Array.from(this.confidence),
    });
  }
}

interface Packed {
  /** nodes in id order and edges in (source node, relation id) order: what applyChanges needs */
  canonical: boolean;
  ids: string[];
  index: Map<string, number>;
  labelOf: Uint8Array;
  names: string[];
  nodeProps: Props[];
  aliases: string[][];
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeType: Uint8Array;
  edgeProps: Props[];
  edgeIds: string[];
  edgeValidFrom: Float64Array;
  edgeValidTo: Float64Array;
  edgeConfidence: Float32Array;
}

/** CSR adjacency of one direction: the edges of node i are edges[offsets[i] .. offsets[i+1]). */
interface Csr {
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
  const out = yield* csrSteps(p.ids.length, p.edgeFrom);
  const inn = yield* csrSteps(p.ids.length, p.edgeTo);
  return new Snapshot(version, p, { out, in: inn });
}

/**
 * A chunked list copied into one array made at its full length (a typed array for numbers, else a plain one), in `order`
 * when given, with checkpoints.
 */
function* copySteps<T, A extends { [i: number]: T }>(make: (n: number) => A, list: ChunkedList<T>, order?: Int32Array): Steps<A> {
  const a = make(list.length);
  for (let i = 0; i < list.length; i++) {
    a[i] = list.at(order ? order[i]! : i);
    if ((i & CHECKPOINT_MASK) === 0) yield;
  }
  return a;
}

/** What applyChanges patches in: entities and relations as they now are, and the relations gone. */
export type SnapshotChanges = { entities: readonly EntityRecord[]; relations: readonly RelationRecord[]; removed: readonly RemovedRelation[] };

/** A patch's steps, the snapshot they make marked with what it was patched from. */
function* withLineage(steps: Steps<Snapshot>, from: string | number, changes: SnapshotChanges): Steps<Snapshot> {
  const next = yield* steps;
  next.patchedFrom = { version: from, changes };
  return next;
}

/** An immutable, packed view of the graph at one graph version. */
export class Snapshot {
  /** nodes ordered by id and edges by (source node, relation id), as canonical() builds them */
  readonly canonical: boolean;
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly ids: readonly string[];
  readonly labelOf: Uint8Array;
  readonly names: readonly string[];
  readonly nodeProps: readonly Props[];
  readonly aliases: readonly string[][];
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeType: Uint8Array;
  readonly edgeProps: readonly Props[];
  readonly edgeIds: readonly string[];
  readonly edgeValidFrom: Float64Array;
  readonly edgeValidTo: Float64Array;
  readonly edgeConfidence: Float32Array;
  /** out-edges of node i are outEdges[outOffsets[i] .. outOffsets[i+1]) (edge indexes) */
  readonly outOffsets: Int32Array;
  readonly outEdges: Int32Array;
  readonly inOffsets: Int32Array;
  readonly inEdges: Int32Array;
  private readonly index: Map<string, number>;
  /**
   * The snapshot this one was patched from (its version) and the changes applied, when made by applyChanges:
   * a copy of that version elsewhere (an analysis worker's) becomes this one by the same patch, without the whole being sent.
   * The previous snapshot itself is not kept.
   */
  patchedFrom?: { version: string | number; changes: SnapshotChanges };

  /** `adjacency`: the CSR of p's edges when already built (else built here, in one go) */
  constructor(
    readonly version: string | number,
    p: Packed,
    adjacency?: { out: Csr; in: Csr },
  ) {
    this.canonical = p.canonical;
    this.ids = p.ids;
    this.index = p.index;
    this.labelOf = p.labelOf;
    this.names = p.names;
    this.nodeProps = p.nodeProps;
    this.aliases = p.aliases;
    this.edgeFrom = p.edgeFrom;
    this.edgeTo = p.edgeTo;
    this.edgeType = p.edgeType;
    this.edgeProps = p.edgeProps;
    this.edgeIds = p.edgeIds;
    this.edgeValidFrom = p.edgeValidFrom;
    this.edgeValidTo = p.edgeValidTo;
    this.edgeConfidence = p.edgeConfidence;
    this.nodeCount = p.ids.length;
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
   * unchanged parts (strings, props, the id index when no node is added) are shared, the typed
   * arrays are copied in blocks and the adjacency rebuilt. Requires a canonical snapshot.
   */
  applyChanges(changes: SnapshotChanges, version: string | number): Snapshot {
    return runNow(this.applyChangesSteps(changes, version));
  }

  /** applyChanges as steps with checkpoints, to be run in slices (snapshot-pacing.ts). */
  applyChangesSteps(changes: SnapshotChanges, version: string | number): Steps<Snapshot> {
    if (!this.canonical) throw new Error('applyChanges needs a canonical snapshot (Snapshot.canonical or CanonicalBuilder)');
    return withLineage(patchSteps(this, changes, version), this.version, changes);
  }

  /** The packed arrays this snapshot was made of (shared, not copied), for building the next one. */
  parts(): Readonly<Packed> {
    return {
      canonical: this.canonical,
      ids: this.ids as string[],
      index: this.index,
      labelOf: this.labelOf,
      names: this.names as string[],
      nodeProps: this.nodeProps as Props[],
      aliases: this.aliases as string[][],
      edgeFrom: this.edgeFrom,
      edgeTo: this.edgeTo,
      edgeType: this.edgeType,
      edgeProps: this.edgeProps as Props[],
      edgeIds: this.edgeIds as string[],
      edgeValidFrom: this.edgeValidFrom,
      edgeValidTo: this.edgeValidTo,
      edgeConfidence: this.edgeConfidence,
    };
  }

  /** Node index of an id, or undefined. */
  indexOf(id: string): number | undefined {
    return this.index.get(id);
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

  /** The entity record of node i (props shared, not copied). */
  entity(i: number): EntityRecord {
    return { id: this.ids[i]!, label: this.label(i), name: this.names[i]!, aliases: this.aliases[i]!, props: this.nodeProps[i]! };
  }

  /**
   * The relation record of edge e (props shared, not copied; the claim count is not kept in a snapshot), its validity
   * dates written by `date` (full ISO dates unless told otherwise; none where the edge has none).
   */
  relation(e: number, date: (ms: number) => string | undefined = isoDate): RelationRecord {
    const r: RelationRecord = {
      id: this.edgeIds[e]!,
      type: this.type(e),
      from: this.ids[this.edgeFrom[e]!]!,
      to: this.ids[this.edgeTo[e]!]!,
      props: this.edgeProps[e]!,
      confidence: this.edgeConfidence[e]!,
      claimCount: 0,
    };
    const validFrom = date(this.edgeValidFrom[e]!);
    const validTo = date(this.edgeValidTo[e]!);
    if (validFrom !== undefined) r.validFrom = validFrom;
    if (validTo !== undefined) r.validTo = validTo;
    return r;
  }

  /** Bytes held by the typed arrays (topology only), for the bytes-per-edge benchmark. */
  topologyBytes(): number {
    return [this.labelOf, this.edgeFrom, this.edgeTo, this.edgeType, this.edgeValidFrom, this.edgeValidTo, this.edgeConfidence, this.outOffsets, this.outEdges, this.inOffsets, this.inEdges].reduce(
      (s, a) => s + a.byteLength,
      0,
    );
  }
}

/** One shared, frozen object for every edge without props (most edges): no object per edge. */
const NO_PROPS: Props = Object.freeze({}) as Props;
const edgePropsOf = (r: RelationRecord): Props => (Object.keys(r.props).length ? r.props : NO_PROPS);

/** Code-point order of ids, the order the stores' ORDER BY n.id returns. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds a canonical snapshot from pages: entities first (any order; the stores return them in id
 * order), then relations (best grouped by source in the entities' order, as a paged read returns
 * them); out-of-order input is sorted once at the end. Records are packed as they come, not kept.
 */
export class CanonicalBuilder {
  /**
   * `previous`: a canonical snapshot of an earlier version of the same graph, when there is one.
   * What has not changed since (a name, an alias list, an entity's or a relation's props, an id) is
   * taken from it rather than from the page just read, so the two snapshots share those objects:
   * the new one costs little more heap than its typed arrays, and what the read decodes dies young
   * (a young-generation collection copies only what survives it, so its pauses stay short).
   */
  constructor(private readonly previous: Snapshot | null = null) {}

  private entities: EntityRecord[] = [];
  private entitiesSorted = true;
  private nodes: Packed | null = null;
  // relations as they are added, in lists that grow without copying (a whole-graph read adds millions)
  private readonly from = new ChunkedList<number>();
  private readonly to = new ChunkedList<number>();
  private readonly types = new ChunkedList<number>();
  private readonly props = new ChunkedList<Props>();
  private readonly ids = new ChunkedList<string>();
  private readonly validFrom = new ChunkedList<number>();
  private readonly validTo = new ChunkedList<number>();
  private readonly confidence = new ChunkedList<number>();
  private relationsSorted = true;

  /** Adds a page of entities; every entity comes before the first relation. */
  addEntities(page: readonly EntityRecord[]): void {
    if (this.nodes) throw new Error('entities must all be added before relations');
    for (const e of page) {
      const last = this.entities.at(-1);
      if (last && compareIds(last.id, e.id) >= 0) this.entitiesSorted = false;
      this.entities.push(this.sharedEntity(e));
    }
  }

  /** Adds a page of relations; those with an endpoint not among the entities are skipped, as in fromRecords. */
  addRelations(page: readonly RelationRecord[]): void {
    const index = this.packNodes().index;
    const ranked = page.map((r) => ({ r, f: index.get(r.from), t: index.get(r.to), ti: REL_INDEX.get(r.type) })).filter((x) => x.f !== undefined && x.t !== undefined && x.ti !== undefined);
    ranked.sort((a, b) => a.f! - b.f! || compareIds(a.r.id, b.r.id));
    for (const { r, f, t, ti } of ranked) {
      const n = this.from.length;
      if (n && (this.from.at(n - 1) > f! || (this.from.at(n - 1) === f && compareIds(this.ids.at(n - 1), r.id) >= 0))) this.relationsSorted = false;
      this.from.push(f!);
      this.to.push(t!);
      this.types.push(ti!);
      const before = this.previousEdge(r);
      const props = edgePropsOf(r);
      const prev = this.previous;
      this.props.push(before >= 0 && isDeepStrictEqual(prev!.edgeProps[before], props) ? prev!.edgeProps[before]! : props);
      this.ids.push(before >= 0 ? prev!.edgeIds[before]! : r.id);
      this.validFrom.push(dateMs(r.validFrom));
      this.validTo.push(dateMs(r.validTo));
      this.confidence.push(r.confidence);
    }
  }

  /** The entity as the previous snapshot holds it, where it has not changed (see the constructor). */
  private sharedEntity(e: EntityRecord): EntityRecord {
    const p = this.previous;
    const i = p?.indexOf(e.id);
    if (!p || i === undefined || p.label(i) !== e.label) return e;
    const props = isDeepStrictEqual(p.nodeProps[i], e.props) ? p.nodeProps[i]! : e.props;
    const aliases = isDeepStrictEqual(p.aliases[i], e.aliases) ? p.aliases[i]! : e.aliases;
    return { id: p.ids[i]!, label: e.label, name: p.names[i] === e.name ? p.names[i]! : e.name, props, aliases } as EntityRecord;
  }

  /** The index of the same relation (by id, from the same source) in the previous snapshot, -1 if none. */
  private previousEdge(r: RelationRecord): number {
    const p = this.previous;
    const source = p?.canonical ? p.indexOf(r.from) : undefined;
    if (!p || source === undefined) return -1;
    // canonical: edges ordered by (source, id), so a source's edges are one run, sorted by id
    let lo = lowerBound(p.edgeFrom, source);
    let hi = lowerBound(p.edgeFrom, source + 1, lo);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareIds(p.edgeIds[mid]!, r.id);
      if (c === 0) return p.edgeTo[mid] === p.indexOf(r.to) ? mid : -1;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /** Packs everything added into a canonical snapshot. */
  build(version: string | number = 0): Snapshot {
    return runNow(this.buildSteps(version));
  }

  /** build as steps with checkpoints, to be run in slices (snapshot-pacing.ts). */
  *buildSteps(version: string | number = 0): Steps<Snapshot> {
    const nodes = yield* this.packEntities();
    let order: Int32Array | undefined;
    if (!this.relationsSorted) {
      const keys = new Int32Array(this.from.length);
      for (let e = 0; e < keys.length; e++) keys[e] = e;
      order = keys.sort((a, b) => this.from.at(a) - this.from.at(b) || compareIds(this.ids.at(a), this.ids.at(b)));
      yield;
    }
    const packed: Packed = {
      ...nodes,
      edgeFrom: yield* copySteps((n) => new Int32Array(n), this.from, order),
      edgeTo: yield* copySteps((n) => new Int32Array(n), this.to, order),
      edgeType: yield* copySteps((n) => new Uint8Array(n), this.types, order),
      edgeProps: yield* copySteps((n) => new Array<Props>(n), this.props, order),
      edgeIds: yield* copySteps((n) => new Array<string>(n), this.ids, order),
      edgeValidFrom: yield* copySteps((n) => new Float64Array(n), this.validFrom, order),
      edgeValidTo: yield* copySteps((n) => new Float64Array(n), this.validTo, order),
      edgeConfidence: yield* copySteps((n) => new Float32Array(n), this.confidence, order),
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
    const b = new SnapshotBuilder();
    for (let k = 0; k < this.entities.length; k++) {
      const e = this.entities[k]!;
      b.addNode(e.id, e.label, e.name, e.props, e.aliases);
      if ((k & CHECKPOINT_MASK) === 0) yield;
    }
    this.entities = [];
    const { index, ids, labelOf, names, nodeProps, aliases } = b.build(0, true).parts();
    this.nodes = { ...emptyEdges(), canonical: true, index, ids, labelOf, names, nodeProps, aliases };
    return this.nodes;
  }
}

function emptyEdges(): Omit<Packed, 'canonical' | 'ids' | 'index' | 'labelOf' | 'names' | 'nodeProps' | 'aliases'> {
  return {
    edgeFrom: new Int32Array(0),
    edgeTo: new Int32Array(0),
    edgeType: new Uint8Array(0),
    edgeProps: [],
    edgeIds: [],
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
  const oldIndex = p.index;
  // nodes: updates in place (in copies), new ids merged in id order
  const updates = new Map<number, EntityRecord>();
  const added = new Map<string, EntityRecord>();
  for (const e of changes.entities) {
    if (!LABEL_INDEX.has(e.label)) throw new Error(`unknown label ${e.label}`);
    const i = oldIndex.get(e.id);
    if (i === undefined) added.set(e.id, e);
    else updates.set(i, e);
  }
  const n = s.nodeCount;
  let ids = p.ids;
  let index = oldIndex;
  let labelOf = p.labelOf;
  let names = p.names;
  let nodeProps = p.nodeProps;
  let aliases = p.aliases;
  /** new index of old node i (only when nodes were added) */
  let remap: Int32Array | null = null;
  if (updates.size || added.size) {
    names = [...names];
    nodeProps = [...nodeProps];
    aliases = [...aliases];
    labelOf = labelOf.slice();
    for (const [i, e] of updates) {
      labelOf[i] = LABEL_INDEX.get(e.label)!;
      names[i] = e.name;
      nodeProps[i] = e.props;
      aliases[i] = e.aliases;
    }
  }
  if (added.size) {
    const fresh = [...added.values()].sort((a, b) => compareIds(a.id, b.id));
    const total = n + fresh.length;
    remap = new Int32Array(n);
    // filled in order with push: a large preallocated array (new Array(n)) would be a slow dictionary
    const nIds: string[] = [];
    const nLabels = new Uint8Array(total);
    const nNames: string[] = [];
    const nProps: Props[] = [];
    const nAliases: string[][] = [];
    index = new Map();
    let o = 0;
    let f = 0;
    for (let k = 0; k < total; k++) {
      if (f < fresh.length && (o >= n || compareIds(fresh[f]!.id, ids[o]!) < 0)) {
        const e = fresh[f++]!;
        nIds.push(e.id);
        nLabels[k] = LABEL_INDEX.get(e.label)!;
        nNames.push(e.name);
        nProps.push(e.props);
        nAliases.push(e.aliases);
      } else {
        remap[o] = k;
        nIds.push(ids[o]!);
        nLabels[k] = labelOf[o]!;
        nNames.push(names[o]!);
        nProps.push(nodeProps[o]!);
        nAliases.push(aliases[o]!);
        o++;
      }
      index.set(nIds[k]!, k);
      if ((k & CHECKPOINT_MASK) === 0) yield;
    }
    ids = nIds;
    labelOf = nLabels;
    names = nNames;
    nodeProps = nProps;
    aliases = nAliases;
  }
  const newIndexOfOld = (o: number) => (remap ? remap[o]! : o);

  // edges: per source (new index), the old positions that go and the relations that come
  const edits = new Map<number, { drop: Set<number>; add: RelationRecord[] }>();
  const editOf = (source: number) => {
    let edit = edits.get(source);
    if (!edit) edits.set(source, (edit = { drop: new Set(), add: [] }));
    return edit;
  };
  const dropOld = (id: string, from: string) => {
    const o = oldIndex.get(from);
    if (o === undefined) return;
    for (let e = s.outOffsets[o]!; e < s.outOffsets[o + 1]!; e++) if (p.edgeIds[e] === id) editOf(newIndexOfOld(o)).drop.add(e);
  };
  for (const r of changes.removed) dropOld(r.id, r.from);
  for (const r of changes.relations) {
    dropOld(r.id, r.from);
    const f = index.get(r.from);
    if (f === undefined || !index.has(r.to) || !REL_INDEX.has(r.type)) continue;
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
  // made at their full length at once: grown by push they were copied whole each time they outgrew their store
  const edgeProps = new Array<Props>(m);
  const edgeIds = new Array<string>(m);
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
    for (let e = a; e < b; e++, w++) {
      edgeProps[w] = p.edgeProps[e]!;
      edgeIds[w] = p.edgeIds[e]!;
      if ((e & CHECKPOINT_MASK) === 0) yield;
    }
  };
  const put = (source: number, r: RelationRecord) => {
    edgeFrom[w] = source;
    edgeTo[w] = index.get(r.to)!;
    edgeType[w] = REL_INDEX.get(r.type)!;
    edgeProps[w] = edgePropsOf(r);
    edgeIds[w] = r.id;
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
      const dropHere = edit.drop.has(e);
      const addHere = k < edit.add.length && compareIds(edit.add[k]!.id, p.edgeIds[e]!) < 0;
      if (!dropHere && !addHere) continue;
      yield* copy(run, e);
      while (k < edit.add.length && compareIds(edit.add[k]!.id, p.edgeIds[e]!) < 0) put(source, edit.add[k++]!);
      run = dropHere ? e + 1 : e;
    }
    yield* copy(run, end);
    while (k < edit.add.length) put(source, edit.add[k++]!);
    cursor = end;
  }
  yield* copy(cursor, s.edgeCount);
  return yield* snapshotSteps(version, { canonical: true, ids, index, labelOf, names, nodeProps, aliases, edgeFrom, edgeTo, edgeType, edgeProps, edgeIds, edgeValidFrom, edgeValidTo, edgeConfidence });
}

/** Whether two values of a snapshot are the same: one object (what a read shares with the snapshot before it), or equal. */
const same = (a: unknown, b: unknown): boolean => a === b || isDeepStrictEqual(a, b);

/**
 * What changed from `old` to `next`, two canonical snapshots of one graph, as the patch that makes `next` from `old`
 * (old.applyChanges(patch) holds what next holds): entities added or changed, relations added or changed, relations
 * gone. Null when no patch can say it (an entity gone: a patch only adds and changes entities) or when more than
 * `limit` records changed (the whole is then worth sending). Both are walked once in their canonical order (nodes by
 * id, edges by source id and relation id), so this costs one comparison per node and edge, most of them of shared
 * objects.
 */
export function* diffSteps(old: Snapshot, next: Snapshot, limit: number): Steps<SnapshotChanges | null> {
  if (!old.canonical || !next.canonical) return null;
  const entities: EntityRecord[] = [];
  for (let i = 0, j = 0, k = 0; i < old.nodeCount || j < next.nodeCount; k++) {
    const c = i >= old.nodeCount ? 1 : j >= next.nodeCount ? -1 : compareIds(old.ids[i]!, next.ids[j]!);
    if (c < 0) return null;
    if (c > 0) entities.push(next.entity(j++));
    else {
      if (old.labelOf[i] !== next.labelOf[j] || old.names[i] !== next.names[j] || !same(old.aliases[i], next.aliases[j]) || !same(old.nodeProps[i], next.nodeProps[j])) entities.push(next.entity(j));
      i++;
      j++;
    }
    if (entities.length > limit) return null;
    if ((k & CHECKPOINT_MASK) === 0) yield;
  }
  const relations: RelationRecord[] = [];
  const removed: RemovedRelation[] = [];
  for (let a = 0, b = 0, k = 0; a < old.edgeCount || b < next.edgeCount; k++) {
    const c = a >= old.edgeCount ? 1 : b >= next.edgeCount ? -1 : compareIds(old.ids[old.edgeFrom[a]!]!, next.ids[next.edgeFrom[b]!]!) || compareIds(old.edgeIds[a]!, next.edgeIds[b]!);
    if (c < 0) {
      removed.push({ id: old.edgeIds[a]!, type: old.type(a), from: old.ids[old.edgeFrom[a]!]!, to: old.ids[old.edgeTo[a]!]! });
      a++;
    } else if (c > 0) relations.push(next.relation(b++));
    else {
      const changed =
        old.edgeType[a] !== next.edgeType[b] ||
        old.ids[old.edgeTo[a]!] !== next.ids[next.edgeTo[b]!] ||
        old.edgeConfidence[a] !== next.edgeConfidence[b] ||
        !Object.is(old.edgeValidFrom[a], next.edgeValidFrom[b]) ||
        !Object.is(old.edgeValidTo[a], next.edgeValidTo[b]) ||
        !same(old.edgeProps[a], next.edgeProps[b]);
      if (changed) relations.push(next.relation(b));
      a++;
      b++;
    }
    if (entities.length + relations.length + removed.length > limit) return null;
    if ((k & CHECKPOINT_MASK) === 0) yield;
  }
  return { entities, relations, removed };
}
