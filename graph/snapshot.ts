// The in-memory snapshot: the whole topology packed into typed arrays (CSR adjacency in both
// directions, a relation type per edge, a label per node), and the ids, names, props and aliases in
// columns packed into shared memory (snapshot-columns.ts), all of it in SharedArrayBuffers: a
// snapshot built in another thread is taken, and handed to the analysis workers, as a handful of
// buffers, without an object per row. Traversals, paths, scenarios and chokepoint ranking run on it,
// never as one Cypher query per question.
import { LABELS, RELATION_TYPES, type Label, type RelationType } from '../schema/generated/model.js';
import type { EntityRecord, Props, RelationRecord } from '../schema/records.js';
import type { RemovedRelation } from './store.js';
import { CHECKPOINT_MASK, runNow, type Steps } from './snapshot-pacing.js';
import { ChunkedList, Column, ColumnBuilder, sharedInt32, type ColumnWire, type ValueTable } from './snapshot-columns.js';
import { FRESH_MEMORY, type SharedMemory } from './snapshot-memory.js';

export { ChunkedList, Column } from './snapshot-columns.js';

const LABEL_INDEX = new Map<string, number>(LABELS.map((l, i) => [l, i]));
const REL_INDEX = new Map<string, number>(RELATION_TYPES.map((r, i) => [r, i]));
const NO_DATE = Number.NaN;

/** An ISO date-time of milliseconds since the epoch, undefined for NaN (no date). */
const isoDate = (ms: number): string | undefined => (Number.isNaN(ms) ? undefined : new Date(ms).toISOString());

/** Milliseconds since the epoch of an ISO date, NaN when absent or unparseable. */
export function dateMs(value: string | undefined | null): number {
  if (!value) return NO_DATE;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : NO_DATE;
}

/** One shared, frozen object for every edge without props (most edges): no object per edge. */
const NO_PROPS: Props = Object.freeze({}) as Props;
const propsOfRelation = (r: RelationRecord): Props => (Object.keys(r.props).length ? r.props : NO_PROPS);

/** A typed array of `n` elements in shared memory (zero-filled), on a buffer from `memory` (new by default; a reserve's may be larger). */
function shared<A>(make: new (buffer: SharedArrayBuffer, byteOffset: number, length: number) => A, bytesPerElement: number, n: number, memory: SharedMemory): A {
  return new make(memory.buffer(n * bytesPerElement), 0, n);
}
const sharedUint8 = (n: number, memory: SharedMemory = FRESH_MEMORY) => shared(Uint8Array, 1, n, memory);
const sharedFloat64 = (n: number, memory: SharedMemory = FRESH_MEMORY) => shared(Float64Array, 8, n, memory);
const sharedFloat32 = (n: number, memory: SharedMemory = FRESH_MEMORY) => shared(Float32Array, 4, n, memory);
/** A copy in shared memory of a list of numbers. */
function sharedCopy<A extends { set(values: ArrayLike<number>): void }>(make: (n: number) => A, values: ArrayLike<number>): A {
  const a = make(values.length);
  a.set(values);
  return a;
}

/** The columns of the nodes and of the edges, as a node or an edge is added. */
const nodeColumns = () => ({
  ids: new ColumnBuilder<string>('text', false),
  names: new ColumnBuilder<string>('text', false),
  nodeProps: new ColumnBuilder<Props>('json', true),
  aliases: new ColumnBuilder<string[]>('json', true),
});
const edgeColumns = () => ({ edgeIds: new ColumnBuilder<string>('text', false), edgeProps: new ColumnBuilder<Props>('json', true, NO_PROPS) });

/** Collects nodes and edges, then packs them; use it to build large snapshots without records. */
export class SnapshotBuilder {
  private index = new Map<string, number>();
  private labels: number[] = [];
  private nodes = nodeColumns();
  private from: number[] = [];
  private to: number[] = [];
  private types: number[] = [];
  private edges = edgeColumns();
  private validFrom: number[] = [];
  private validTo: number[] = [];
  private confidence: number[] = [];

  /** Adds a node and returns its index; adding the same id twice returns the first index. */
  addNode(id: string, label: Label, name: string, props: Props = {}, aliases: string[] = []): number {
    const known = this.index.get(id);
    if (known !== undefined) return known;
    const li = LABEL_INDEX.get(label);
    if (li === undefined) throw new Error(`unknown label ${label}`);
    const i = this.labels.length;
    this.index.set(id, i);
    this.labels.push(li);
    this.nodes.ids.push(id);
    this.nodes.names.push(name);
    this.nodes.nodeProps.push(props);
    this.nodes.aliases.push(aliases);
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
    this.edges.edgeProps.push(Object.keys(props).length ? props : NO_PROPS);
    this.edges.edgeIds.push(opts.id ?? '');
    this.validFrom.push(dateMs(opts.validFrom));
    this.validTo.push(dateMs(opts.validTo));
    this.confidence.push(opts.confidence ?? 1);
    return true;
  }

  /** Packs what was added into a Snapshot; `canonical` promises nodes in id order and edges in (source, id) order. */
  build(version: string | number = 0, canonical = false): Snapshot {
    return new Snapshot(version, {
      canonical,
      // a canonical snapshot finds ids by binary search (its ids are in order); any other by this map
      index: canonical ? null : this.index,
      labelOf: sharedCopy(sharedUint8, this.labels),
      ids: runNow(this.nodes.ids.buildSteps()),
      names: runNow(this.nodes.names.buildSteps()),
      nodeProps: runNow(this.nodes.nodeProps.buildSteps()),
      aliases: runNow(this.nodes.aliases.buildSteps()),
      edgeFrom: sharedCopy(sharedInt32, this.from),
      edgeTo: sharedCopy(sharedInt32, this.to),
      edgeType: sharedCopy(sharedUint8, this.types),
      edgeProps: runNow(this.edges.edgeProps.buildSteps()),
      edgeIds: runNow(this.edges.edgeIds.buildSteps()),
      edgeValidFrom: sharedCopy(sharedFloat64, this.validFrom),
      edgeValidTo: sharedCopy(sharedFloat64, this.validTo),
      edgeConfidence: sharedCopy(sharedFloat32, this.confidence),
    });
  }
}

interface Packed {
  /** nodes in id order and edges in (source node, relation id) order: what applyChanges needs */
  canonical: boolean;
  /** node index of each id; null for a canonical snapshot, whose ids are found by binary search */
  index: Map<string, number> | null;
  ids: Column<string>;
  labelOf: Uint8Array;
  names: Column<string>;
  nodeProps: Column<Props>;
  aliases: Column<string[]>;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeType: Uint8Array;
  edgeProps: Column<Props>;
  edgeIds: Column<string>;
  edgeValidFrom: Float64Array;
  edgeValidTo: Float64Array;
  edgeConfidence: Float32Array;
}

/** CSR adjacency of one direction: the edges of node i are edges[offsets[i] .. offsets[i+1]). */
interface Csr {
  offsets: Int32Array;
  edges: Int32Array;
}

/**
 * A snapshot as it crosses to another thread (structured clone): every array is in shared memory, so what is sent is a
 * handful of buffers, whatever the size of the graph, and what a patch added to the columns since the last whole build.
 */
export interface SnapshotWire {
  version: string | number;
  canonical: boolean;
  labelOf: Uint8Array;
  ids: ColumnWire;
  names: ColumnWire;
  nodeProps: ColumnWire;
  aliases: ColumnWire;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeType: Uint8Array;
  edgeProps: ColumnWire;
  edgeIds: ColumnWire;
  edgeValidFrom: Float64Array;
  edgeValidTo: Float64Array;
  edgeConfidence: Float32Array;
  out: Csr;
  in: Csr;
  /** the node index of each id, for a snapshot that is not canonical (small ones, made by SnapshotBuilder) */
  index: Map<string, number> | null;
}

/**
 * A patched snapshot as it crosses to a thread that holds the version it was patched from (an analysis worker): its
 * arrays and packed columns are shared buffers, as in SnapshotWire, and of the values the patches added to each column
 * only those after the first `extraFrom[k]` (the ones the version before already had) are copied.
 */
export interface SnapshotFollow {
  /** the version patched from */
  from: string | number;
  /** per column of FOLLOWED (in that order): how many added values the version before had, which `wire` leaves out */
  extraFrom: readonly number[];
  wire: SnapshotWire;
}

/** The columns a patch adds values to (every column of a snapshot), in the order of SnapshotFollow.extraFrom. */
const FOLLOWED = ['ids', 'names', 'nodeProps', 'aliases', 'edgeProps', 'edgeIds'] as const;
type FollowedColumn = (typeof FOLLOWED)[number];

/**
 * Elements per block of the hot loops below: each block runs in a plain function rather than in the generator with a
 * checkpoint per element, with a checkpoint between blocks. Measured on a patch at 1M edges (5 nodes added, 100
 * relations; load 4.7): 175-306 ms against 335-488 ms before; most of what remains is the first writes into the new
 * arrays' memory (fresh pages: 8 MB copied into a new buffer took 30-40 ms on this machine, 0.3 ms into one already
 * written).
 */
const BLOCK = 1 << 16;

/** Runs `block(a, b)` over [from, to) in blocks of BLOCK, with a checkpoint after each. */
function* inBlocks(from: number, to: number, block: (a: number, b: number) => void): Steps<void> {
  for (let a = from; a < to; a += BLOCK) {
    block(a, Math.min(to, a + BLOCK));
    yield;
  }
}

/** Counts keys[a..b) into offsets[key + 1]; whether they are in ascending order (and follow `last`). */
function countKeys(offsets: Int32Array, keys: Int32Array, a: number, b: number, last: number): boolean {
  let sorted = true;
  for (let e = a; e < b; e++) {
    const k = keys[e]!;
    offsets[k + 1]!++;
    if (k < last) sorted = false;
    last = k;
  }
  return sorted;
}

/** Running sums over offsets[a + 1..b + 1) (offsets[a] already summed). */
function sumOffsets(offsets: Int32Array, a: number, b: number): void {
  for (let i = a; i < b; i++) offsets[i + 1]! += offsets[i]!;
}

/** Puts each edge of keys[a..b) at its key's cursor. */
function scatter(edges: Int32Array, cursor: Int32Array, keys: Int32Array, a: number, b: number): void {
  for (let e = a; e < b; e++) edges[cursor[keys[e]!]!++] = e;
}

/** edges[a..b) = a..b (keys in ascending order: each key's edges are already in place). */
function iota(edges: Int32Array, a: number, b: number): void {
  for (let e = a; e < b; e++) edges[e] = e;
}

function* csrSteps(n: number, keys: Int32Array, memory: SharedMemory = FRESH_MEMORY): Steps<Csr> {
  const offsets = sharedInt32(n + 1, memory);
  let sorted = true;
  yield* inBlocks(0, keys.length, (a, b) => {
    if (!countKeys(offsets, keys, a, b, a ? keys[a - 1]! : -1)) sorted = false;
  });
  yield* inBlocks(0, n, (a, b) => sumOffsets(offsets, a, b));
  const edges = sharedInt32(keys.length, memory);
  // (a canonical snapshot's edges are in source order: its outgoing adjacency lists every edge where it is)
  if (sorted) yield* inBlocks(0, keys.length, (a, b) => iota(edges, a, b));
  else {
    const cursor = sharedInt32(n, memory);
    cursor.set(offsets.subarray(0, n));
    yield* inBlocks(0, keys.length, (a, b) => scatter(edges, cursor, keys, a, b));
  }
  return { offsets, edges };
}

/** Packs a snapshot, building its adjacency in both directions with checkpoints. */
function* snapshotSteps(version: string | number, p: Packed, memory: SharedMemory = FRESH_MEMORY): Steps<Snapshot> {
  const out = yield* csrSteps(p.labelOf.length, p.edgeFrom, memory);
  const inn = yield* csrSteps(p.labelOf.length, p.edgeTo, memory);
  return new Snapshot(version, p, { out, in: inn });
}

/**
 * A chunked list copied into one typed array in shared memory made at its full length, in `order` when given, with
 * checkpoints.
 */
function* copySteps<A extends { [i: number]: number }>(make: (n: number) => A, list: ChunkedList<number>, order?: Int32Array): Steps<A> {
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
function* withLineage(steps: Steps<Snapshot>, from: Snapshot): Steps<Snapshot> {
  const extraFrom = FOLLOWED.map((c) => from[c].table.extra.length);
  const next = yield* steps;
  next.patchedFrom = { version: from.version, extraFrom };
  return next;
}

/** An immutable, packed view of the graph at one graph version. */
export class Snapshot {
  /** nodes ordered by id and edges by (source node, relation id), as canonical() builds them */
  readonly canonical: boolean;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** per node: its id, name, props and aliases (column.at(i)) */
  readonly ids: Column<string>;
  readonly labelOf: Uint8Array;
  readonly names: Column<string>;
  readonly nodeProps: Column<Props>;
  readonly aliases: Column<string[]>;
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeType: Uint8Array;
  /** per edge: its props and relation id */
  readonly edgeProps: Column<Props>;
  readonly edgeIds: Column<string>;
  readonly edgeValidFrom: Float64Array;
  readonly edgeValidTo: Float64Array;
  readonly edgeConfidence: Float32Array;
  /** out-edges of node i are outEdges[outOffsets[i] .. outOffsets[i+1]) (edge indexes) */
  readonly outOffsets: Int32Array;
  readonly outEdges: Int32Array;
  readonly inOffsets: Int32Array;
  readonly inEdges: Int32Array;
  private readonly index: Map<string, number> | null;
  /**
   * The snapshot this one was patched from (its version) and how many values each column had added then, when made by
   * applyChanges: a copy of that version elsewhere (an analysis worker's) takes this one from it (toFollow, follow) without
   * the whole being sent. The previous snapshot itself is not kept.
   */
  patchedFrom?: {
    version: string | number;
    /** per column of FOLLOWED, how many added values the version patched from had */
    extraFrom: readonly number[];
  };
  private followed?: SnapshotFollow;

  /** `adjacency`: the CSR of p's edges when already built (else built here, in one go) */
  constructor(
    readonly version: string | number,
    p: Packed,
    adjacency?: { out: Csr; in: Csr },
  ) {
    if (!p.canonical && !p.index) throw new Error('a snapshot that is not canonical needs the node index of its ids');
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
    this.nodeCount = p.labelOf.length;
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

  /** This snapshot as it crosses to another thread (a few shared buffers; see SnapshotWire). Its lineage stays here. */
  toWire(): SnapshotWire {
    return {
      version: this.version,
      canonical: this.canonical,
      labelOf: this.labelOf,
      ids: this.ids.wire(),
      names: this.names.wire(),
      nodeProps: this.nodeProps.wire(),
      aliases: this.aliases.wire(),
      edgeFrom: this.edgeFrom,
      edgeTo: this.edgeTo,
      edgeType: this.edgeType,
      edgeProps: this.edgeProps.wire(),
      edgeIds: this.edgeIds.wire(),
      edgeValidFrom: this.edgeValidFrom,
      edgeValidTo: this.edgeValidTo,
      edgeConfidence: this.edgeConfidence,
      out: { offsets: this.outOffsets, edges: this.outEdges },
      in: { offsets: this.inOffsets, edges: this.inEdges },
      index: this.index,
    };
  }

  /**
   * This snapshot as it crosses to a thread that holds the version it was patched from (Snapshot.follow there); undefined
   * when it was not made by a patch. Made once.
   */
  toFollow(): SnapshotFollow | undefined {
    if (!this.patchedFrom) return undefined;
    if (this.followed?.from === this.patchedFrom.version) return this.followed;
    const { extraFrom } = this.patchedFrom;
    const wire = this.toWire();
    FOLLOWED.forEach((c, k) => (wire[c] = { ...wire[c], extra: wire[c].extra.slice(extraFrom[k]) }));
    return (this.followed = { from: this.patchedFrom.version, extraFrom, wire });
  }

  /**
   * The snapshot sent as `f` (toFollow), made from `base`, the version it was patched from as this thread holds it: the
   * shared buffers taken as they are, each column's added values those of `base` it kept followed by those sent, and
   * values `base` decoded shared. No work per node or edge: a worker that made the version from the patch itself spent
   * what the serving thread's patch takes (135 ms at 1M edges). null when `base` is not that version in the same packed
   * columns (another version, a snapshot not canonical, or one read whole afresh): the whole is then sent.
   */
  static follow(base: Snapshot, f: SnapshotFollow): Snapshot | null {
    const w = f.wire;
    if (base.version !== f.from || !base.canonical || !w.canonical) return null;
    const tables = FOLLOWED.map((c, k) => {
      const t = base[c].table as ValueTable<unknown>;
      const sent = w[c];
      const same = t.kind === sent.kind && t.packed === sent.starts.length - 1 && t.bytes.byteLength === sent.bytes.byteLength && t.extra.length >= f.extraFrom[k]!;
      return same ? t.following(f.extraFrom[k]!, sent.extra) : null;
    });
    if (tables.some((t) => !t)) return null;
    return Snapshot.assemble(w, true, null, (c, k) => new Column(tables[k]!, w[c].codes, w[c].length));
  }

  /** The snapshot sent as `w` (toWire), taken as it is: no work per node or edge. */
  static fromWire(w: SnapshotWire): Snapshot {
    return Snapshot.assemble(w, w.canonical, w.index, (c) => Column.fromWire(w[c], c === 'edgeProps' ? NO_PROPS : undefined));
  }

  /** A snapshot of the arrays sent in `w`, taken as they are, each of its columns made by `column` from what was sent of it. */
  private static assemble(w: SnapshotWire, canonical: boolean, index: Map<string, number> | null, column: (c: FollowedColumn, k: number) => Column<unknown>): Snapshot {
    const columns = Object.fromEntries(FOLLOWED.map((c, k) => [c, column(c, k)])) as Pick<Packed, FollowedColumn>;
    const { labelOf, edgeFrom, edgeTo, edgeType, edgeValidFrom, edgeValidTo, edgeConfidence } = w;
    return new Snapshot(w.version, { canonical, index, labelOf, edgeFrom, edgeTo, edgeType, edgeValidFrom, edgeValidTo, edgeConfidence, ...columns }, { out: w.out, in: w.in });
  }

  /**
   * A new snapshot: this one with the given entities and relations upserted (current state) and
   * the removed relations gone. This snapshot is left untouched for whoever still reads it; the
   * packed values are shared (the new ones added to each column's table), the typed arrays are
   * copied in blocks and the adjacency rebuilt. Requires a canonical snapshot.
   */
  applyChanges(changes: SnapshotChanges, version: string | number): Snapshot {
    return runNow(this.applyChangesSteps(changes, version));
  }

  /**
   * applyChanges as steps with checkpoints, to be run in slices (snapshot-pacing.ts); the new arrays' buffers taken from
   * `memory` (a reserve whose pages are already made: WarmMemory).
   */
  applyChangesSteps(changes: SnapshotChanges, version: string | number, memory: SharedMemory = FRESH_MEMORY): Steps<Snapshot> {
    if (!this.canonical) throw new Error('applyChanges needs a canonical snapshot (Snapshot.canonical or CanonicalBuilder)');
    return withLineage(patchSteps(this, changes, version, memory), this);
  }

  /** The packed arrays and columns this snapshot was made of (shared, not copied), for building the next one. */
  parts(): Readonly<Packed> {
    return {
      canonical: this.canonical,
      index: this.index,
      ids: this.ids,
      labelOf: this.labelOf,
      names: this.names,
      nodeProps: this.nodeProps,
      aliases: this.aliases,
      edgeFrom: this.edgeFrom,
      edgeTo: this.edgeTo,
      edgeType: this.edgeType,
      edgeProps: this.edgeProps,
      edgeIds: this.edgeIds,
      edgeValidFrom: this.edgeValidFrom,
      edgeValidTo: this.edgeValidTo,
      edgeConfidence: this.edgeConfidence,
    };
  }

  /** Node index of an id, or undefined (a canonical snapshot's ids are in code-point order: a binary search). */
  indexOf(id: string): number | undefined {
    if (this.index) return this.index.get(id);
    let lo = 0;
    let hi = this.nodeCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareIds(this.ids.at(mid), id);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return undefined;
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
    return { id: this.ids.at(i), label: this.label(i), name: this.names.at(i), aliases: this.aliases.at(i), props: this.nodeProps.at(i) };
  }

  /**
   * The relation record of edge e (props shared, not copied; the claim count is not kept in a snapshot), its validity
   * dates written by `date` (full ISO dates unless told otherwise; none where the edge has none).
   */
  relation(e: number, date: (ms: number) => string | undefined = isoDate): RelationRecord {
    const r: RelationRecord = {
      id: this.edgeIds.at(e),
      type: this.type(e),
      from: this.ids.at(this.edgeFrom[e]!),
      to: this.ids.at(this.edgeTo[e]!),
      props: this.edgeProps.at(e),
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

  /** Bytes of shared memory the snapshot's arrays and packed columns hold (the topology and every value packed). */
  sharedBytes(): number {
    const columns = [this.ids, this.names, this.nodeProps, this.aliases, this.edgeProps, this.edgeIds];
    return this.topologyBytes() + columns.reduce((s, c) => s + c.table.bytes.byteLength + c.table.starts.byteLength + (c.codes?.byteLength ?? 0), 0);
  }
}

/** Code-point order of ids, the order the stores' ORDER BY n.id returns. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds a canonical snapshot from pages: entities first (any order; the stores return them in id
 * order), then relations (best grouped by source in the entities' order, as a paged read returns
 * them); out-of-order input is sorted once at the end. Records are packed as they come, not kept:
 * each value goes into its column's builder (props and alias lists interned), so what a page
 * decoded dies young.
 */
export class CanonicalBuilder {
  private entities: EntityRecord[] = [];
  private entitiesSorted = true;
  private nodes: Packed | null = null;
  // relations as they are added, in lists that grow without copying (a whole-graph read adds millions)
  private readonly from = new ChunkedList<number>();
  private readonly to = new ChunkedList<number>();
  private readonly types = new ChunkedList<number>();
  private readonly edges = edgeColumns();
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
      this.entities.push(e);
    }
  }

  /** Adds a page of relations; those with an endpoint not among the entities are skipped, as in fromRecords. */
  addRelations(page: readonly RelationRecord[]): void {
    const nodes = this.packNodes();
    const index = (id: string) => indexIn(nodes.ids, id);
    const ranked = page.map((r) => ({ r, f: index(r.from), t: index(r.to), ti: REL_INDEX.get(r.type) })).filter((x) => x.f !== undefined && x.t !== undefined && x.ti !== undefined);
    ranked.sort((a, b) => a.f! - b.f! || compareIds(a.r.id, b.r.id));
    for (const { r, f, t, ti } of ranked) {
      const n = this.from.length;
      if (n && (this.from.at(n - 1) > f! || (this.from.at(n - 1) === f && compareIds(this.edges.edgeIds.at(n - 1), r.id) >= 0))) this.relationsSorted = false;
      this.from.push(f!);
      this.to.push(t!);
      this.types.push(ti!);
      this.edges.edgeProps.push(propsOfRelation(r));
      this.edges.edgeIds.push(r.id);
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
    let order: Int32Array | undefined;
    if (!this.relationsSorted) {
      const keys = new Int32Array(this.from.length);
      for (let e = 0; e < keys.length; e++) keys[e] = e;
      order = keys.sort((a, b) => this.from.at(a) - this.from.at(b) || compareIds(this.edges.edgeIds.at(a), this.edges.edgeIds.at(b)));
      yield;
    }
    const packed: Packed = {
      ...nodes,
      edgeFrom: yield* copySteps(sharedInt32, this.from, order),
      edgeTo: yield* copySteps(sharedInt32, this.to, order),
      edgeType: yield* copySteps(sharedUint8, this.types, order),
      edgeProps: yield* this.edges.edgeProps.buildSteps(order),
      edgeIds: yield* this.edges.edgeIds.buildSteps(order),
      edgeValidFrom: yield* copySteps(sharedFloat64, this.validFrom, order),
      edgeValidTo: yield* copySteps(sharedFloat64, this.validTo, order),
      edgeConfidence: yield* copySteps(sharedFloat32, this.confidence, order),
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
    const columns = nodeColumns();
    const labels = sharedUint8(this.entities.length);
    let n = 0;
    for (let k = 0; k < this.entities.length; k++) {
      const e = this.entities[k]!;
      // (the same id twice: the first is kept, as SnapshotBuilder.addNode does)
      if (n && columns.ids.at(n - 1) === e.id) continue;
      const li = LABEL_INDEX.get(e.label);
      if (li === undefined) throw new Error(`unknown label ${e.label}`);
      labels[n++] = li;
      columns.ids.push(e.id);
      columns.names.push(e.name);
      columns.nodeProps.push(e.props);
      columns.aliases.push(e.aliases);
      if ((k & CHECKPOINT_MASK) === 0) yield;
    }
    this.entities = [];
    this.nodes = {
      ...emptyEdges(),
      canonical: true,
      index: null,
      labelOf: labels.subarray(0, n),
      ids: yield* columns.ids.buildSteps(),
      names: yield* columns.names.buildSteps(),
      nodeProps: yield* columns.nodeProps.buildSteps(),
      aliases: yield* columns.aliases.buildSteps(),
    };
    return this.nodes;
  }
}

/** The index of `id` in a column of ids in code-point order, or undefined. */
function indexIn(ids: Column<string>, id: string): number | undefined {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareIds(ids.at(mid), id);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return undefined;
}

function emptyEdges(): Omit<Packed, 'canonical' | 'index' | 'ids' | 'labelOf' | 'names' | 'nodeProps' | 'aliases'> {
  const none = new ColumnBuilder<never>('text', false);
  return {
    edgeFrom: sharedInt32(0),
    edgeTo: sharedInt32(0),
    edgeType: sharedUint8(0),
    edgeProps: runNow(none.buildSteps()) as Column<Props>,
    edgeIds: runNow(none.buildSteps()) as Column<string>,
    edgeValidFrom: sharedFloat64(0),
    edgeValidTo: sharedFloat64(0),
    edgeConfidence: sharedFloat32(0),
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

/** A column's codes, to be patched: the column's own, or 0..n-1 for a column whose row i holds value i. */
function codesOf(c: Column<unknown>): Int32Array {
  if (c.codes) return c.codes;
  const codes = new Int32Array(c.length);
  for (let i = 0; i < codes.length; i++) codes[i] = i;
  return codes;
}

/** Values added to a column by a patch: each gets the code after the table's last. */
class Added<T> {
  readonly values: T[] = [];
  constructor(private readonly base: Column<T>) {}

  code(value: T): number {
    this.values.push(value);
    return this.base.table.size + this.values.length - 1;
  }

  column(codes: Int32Array): Column<T> {
    return new Column(this.base.table.with(this.values), codes, codes.length);
  }
}

/** remap[a..b) = a + shift .. b + shift (old node i is new node i + shift in a run between new nodes). */
function shiftInto(remap: Int32Array, a: number, b: number, shift: number): void {
  for (let i = a; i < b; i++) remap[i] = i + shift;
}

/** dst[e + at] = remap[src[e]] for e in [a, b): old node indices as new ones. */
function remapInto(dst: Int32Array, src: Int32Array, remap: Int32Array, a: number, b: number, at: number): void {
  for (let e = a; e < b; e++) dst[e + at] = remap[src[e]!]!;
}

/** How many ids of a column in code-point order come before `id` (where a new id goes). */
function insertionPoint(ids: Column<string>, id: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareIds(ids.at(mid), id) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** applyChanges: see Snapshot.applyChanges. */
function* patchSteps(s: Snapshot, changes: SnapshotChanges, version: string | number, memory: SharedMemory): Steps<Snapshot> {
  const p = s.parts();
  // nodes: updates in place (in copies), new ids merged in id order
  const updates = new Map<number, EntityRecord>();
  const added = new Map<string, EntityRecord>();
  for (const e of changes.entities) {
    if (!LABEL_INDEX.has(e.label)) throw new Error(`unknown label ${e.label}`);
    const i = s.indexOf(e.id);
    if (i === undefined) added.set(e.id, e);
    else updates.set(i, e);
  }
  const n = s.nodeCount;
  let ids = p.ids;
  let labelOf = p.labelOf;
  let names = p.names;
  let nodeProps = p.nodeProps;
  let aliases = p.aliases;
  /** new index of old node i (only when nodes were added) */
  let remap: Int32Array | null = null;
  /** the new node index of an id */
  let indexOf = (id: string) => s.indexOf(id);
  if (updates.size || added.size) {
    const fresh = [...added.values()].sort((a, b) => compareIds(a.id, b.id));
    const total = n + fresh.length;
    if (fresh.length) remap = sharedInt32(n, memory);
    const oldIds = codesOf(p.ids);
    const oldNames = codesOf(p.names);
    const oldProps = codesOf(p.nodeProps);
    const oldAliases = codesOf(p.aliases);
    const nIds = sharedInt32(total, memory);
    const nNames = sharedInt32(total, memory);
    const nProps = sharedInt32(total, memory);
    const nAliases = sharedInt32(total, memory);
    const nLabels = sharedUint8(total, memory);
    const newIds = new Added(p.ids);
    const newNames = new Added(p.names);
    const newProps = new Added(p.nodeProps);
    const newAliases = new Added(p.aliases);
    // the old nodes go over in runs between the new ones, each new one where a binary search over the ids puts it (a
    // few ids decoded, not every one: comparing each old id decoded all of them, 250k strings at 1M edges)
    let o = 0;
    let k = 0;
    const run = function* (end: number): Steps<void> {
      const shift = k - o;
      nIds.set(oldIds.subarray(o, end), k);
      nLabels.set(p.labelOf.subarray(o, end), k);
      nNames.set(oldNames.subarray(o, end), k);
      nProps.set(oldProps.subarray(o, end), k);
      nAliases.set(oldAliases.subarray(o, end), k);
      if (remap) yield* inBlocks(o, end, (a, b) => shiftInto(remap!, a, b, shift));
      k += end - o;
      o = end;
      yield;
    };
    for (const e of fresh) {
      yield* run(insertionPoint(p.ids, e.id));
      nIds[k] = newIds.code(e.id);
      nLabels[k] = LABEL_INDEX.get(e.label)!;
      nNames[k] = newNames.code(e.name);
      nProps[k] = newProps.code(e.props);
      nAliases[k] = newAliases.code(e.aliases);
      k++;
    }
    yield* run(n);
    for (const [old, e] of updates) {
      const at = remap ? remap[old]! : old;
      nLabels[at] = LABEL_INDEX.get(e.label)!;
      nNames[at] = newNames.code(e.name);
      nProps[at] = newProps.code(e.props);
      nAliases[at] = newAliases.code(e.aliases);
    }
    ids = newIds.column(nIds);
    labelOf = nLabels;
    names = newNames.column(nNames);
    nodeProps = newProps.column(nProps);
    aliases = newAliases.column(nAliases);
    if (remap) {
      const patchedIds = ids;
      indexOf = (id) => indexIn(patchedIds, id);
    }
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
    const o = s.indexOf(from);
    if (o === undefined) return;
    for (let e = s.outOffsets[o]!; e < s.outOffsets[o + 1]!; e++) if (p.edgeIds.at(e) === id) editOf(newIndexOfOld(o)).drop.add(e);
  };
  for (const r of changes.removed) dropOld(r.id, r.from);
  for (const r of changes.relations) {
    dropOld(r.id, r.from);
    const f = indexOf(r.from);
    if (f === undefined || indexOf(r.to) === undefined || !REL_INDEX.has(r.type)) continue;
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
  const edgeFrom = sharedInt32(m, memory);
  const edgeTo = sharedInt32(m, memory);
  const edgeType = sharedUint8(m, memory);
  const edgePropCodes = sharedInt32(m, memory);
  const edgeIdCodes = sharedInt32(m, memory);
  const edgeValidFrom = sharedFloat64(m, memory);
  const edgeValidTo = sharedFloat64(m, memory);
  const edgeConfidence = sharedFloat32(m, memory);
  const oldPropCodes = codesOf(p.edgeProps);
  const oldIdCodes = codesOf(p.edgeIds);
  const newEdgeProps = new Added(p.edgeProps);
  const newEdgeIds = new Added(p.edgeIds);
  let w = 0;
  /** copies old edges [a, b) as a block */
  const copy = function* (a: number, b: number): Steps<void> {
    if (b <= a) return;
    if (remap) {
      const at = w - a;
      yield* inBlocks(a, b, (x, y) => {
        remapInto(edgeFrom, p.edgeFrom, remap!, x, y, at);
        remapInto(edgeTo, p.edgeTo, remap!, x, y, at);
      });
    } else {
      edgeFrom.set(p.edgeFrom.subarray(a, b), w);
      edgeTo.set(p.edgeTo.subarray(a, b), w);
    }
    edgeType.set(p.edgeType.subarray(a, b), w);
    edgeValidFrom.set(p.edgeValidFrom.subarray(a, b), w);
    edgeValidTo.set(p.edgeValidTo.subarray(a, b), w);
    edgeConfidence.set(p.edgeConfidence.subarray(a, b), w);
    edgePropCodes.set(oldPropCodes.subarray(a, b), w);
    edgeIdCodes.set(oldIdCodes.subarray(a, b), w);
    w += b - a;
    yield;
  };
  const put = (source: number, r: RelationRecord) => {
    edgeFrom[w] = source;
    edgeTo[w] = indexOf(r.to)!;
    edgeType[w] = REL_INDEX.get(r.type)!;
    edgePropCodes[w] = newEdgeProps.code(propsOfRelation(r));
    edgeIdCodes[w] = newEdgeIds.code(r.id);
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
      const addHere = k < edit.add.length && compareIds(edit.add[k]!.id, p.edgeIds.at(e)) < 0;
      if (!dropHere && !addHere) continue;
      yield* copy(run, e);
      while (k < edit.add.length && compareIds(edit.add[k]!.id, p.edgeIds.at(e)) < 0) put(source, edit.add[k++]!);
      run = dropHere ? e + 1 : e;
    }
    yield* copy(run, end);
    while (k < edit.add.length) put(source, edit.add[k++]!);
    cursor = end;
  }
  yield* copy(cursor, s.edgeCount);
  return yield* snapshotSteps(
    version,
    {
      canonical: true,
      index: null,
      ids,
      labelOf,
      names,
      nodeProps,
      aliases,
      edgeFrom,
      edgeTo,
      edgeType,
      edgeProps: newEdgeProps.column(edgePropCodes),
      edgeIds: newEdgeIds.column(edgeIdCodes),
      edgeValidFrom,
      edgeValidTo,
      edgeConfidence,
    },
    memory,
  );
}
