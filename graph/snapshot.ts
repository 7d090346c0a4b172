// The in-memory snapshot: the whole topology packed into typed arrays (CSR adjacency in both
// directions, a relation type per edge, a label per node, string ids interned). Traversals,
// paths, scenarios and chokepoint ranking run on it, never as one Cypher query per question.
import { LABELS, RELATION_TYPES, type Label, type RelationType } from '../schema/generated/model.js';
import type { EntityRecord, Props, RelationRecord } from '../schema/records.js';

const LABEL_INDEX = new Map<string, number>(LABELS.map((l, i) => [l, i]));
const REL_INDEX = new Map<string, number>(RELATION_TYPES.map((r, i) => [r, i]));
const NO_DATE = Number.NaN;

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

  /** Packs what was added into a Snapshot. */
  build(version: string | number = 0): Snapshot {
    return new Snapshot(version, {
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

function csr(n: number, keys: Int32Array): { offsets: Int32Array; edges: Int32Array } {
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < keys.length; e++) offsets[keys[e]! + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, n);
  const edges = new Int32Array(keys.length);
  for (let e = 0; e < keys.length; e++) edges[cursor[keys[e]!]!++] = e;
  return { offsets, edges };
}

/** An immutable, packed view of the graph at one graph version. */
export class Snapshot {
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

  constructor(
    readonly version: string | number,
    p: Packed,
  ) {
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
    const out = csr(this.nodeCount, p.edgeFrom);
    const inn = csr(this.nodeCount, p.edgeTo);
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

  /** Bytes held by the typed arrays (topology only), for the bytes-per-edge benchmark. */
  topologyBytes(): number {
    return [this.labelOf, this.edgeFrom, this.edgeTo, this.edgeType, this.edgeValidFrom, this.edgeValidTo, this.edgeConfidence, this.outOffsets, this.outEdges, this.inOffsets, this.inEdges].reduce(
      (s, a) => s + a.byteLength,
      0,
    );
  }
}
