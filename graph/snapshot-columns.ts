// The snapshot's values of one per node or edge (ids, names, props, aliases, relation ids and props)
// as columns packed into shared memory: each column's distinct values written one after another as
// UTF-8 (text as it is, props and alias lists as JSON) in one SharedArrayBuffer with their offsets in
// another, each row a code into that table (or its own value, in order, for ids and names). A
// snapshot built in another thread (the embedded store's, grafeo-serve.ts) crosses to the serving
// thread, and from there to the analysis workers, as a handful of shared buffers: the thread that
// takes it makes no object per row, and its young generation sees no garbage from it. Values are
// decoded when first asked for and kept (per thread), so a value asked for again is the same object.
// Measured before (the columns as JS arrays of strings and objects): taking a whole-graph read on the
// serving thread made 250k small objects per 1M edges, whose young-generation collections held the
// event loop 10-14 ms at a time.
import { Buffer } from 'node:buffer';
import { CHECKPOINT_MASK, type Steps } from './snapshot-pacing.js';
import { FRESH_MEMORY, type SharedMemory } from './snapshot-memory.js';

/** How a table's packed values are written: text as it is, or JSON. */
export type ValueKind = 'text' | 'json';

/** A column as it crosses to another thread: the buffers are shared, `extra` (values added by patches) is copied. */
export interface ColumnWire {
  kind: ValueKind;
  bytes: Uint8Array;
  /** starts of the packed values in bytes, one more than there are values */
  starts: Int32Array;
  extra: unknown[];
  /** the value code of each row; null: row i holds packed value i */
  codes: Int32Array | null;
  length: number;
}

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

/** An Int32Array in shared memory, zero-filled, on a buffer from `memory` (new by default; a reserve's may be larger). */
export function sharedInt32(n: number, memory: SharedMemory = FRESH_MEMORY): Int32Array {
  const length = Math.max(n, 0);
  return new Int32Array(memory.buffer(length * Int32Array.BYTES_PER_ELEMENT), 0, length);
}

/** Elements per chunk of a decode cache (a power of two): chunks are made when first used. */
const CACHE_BITS = 12;
const CACHE_CHUNK = 1 << CACHE_BITS;

/**
 * The values of a table decoded so far, in chunks made when first used: a column of millions is not given a slot per
 * value at once (an array of millions made whole is a slow dictionary in V8, or one long loop to fill).
 */
class DecodeCache<T> {
  private readonly chunks: (T | undefined)[][] = [];

  get(code: number): T | undefined {
    return this.chunks[code >>> CACHE_BITS]?.[code & (CACHE_CHUNK - 1)];
  }

  set(code: number, value: T): T {
    const chunk = (this.chunks[code >>> CACHE_BITS] ??= new Array<T | undefined>(CACHE_CHUNK).fill(undefined));
    chunk[code & (CACHE_CHUNK - 1)] = value;
    return value;
  }
}

/** The distinct values of a column: packed ones in shared buffers, then those added since (by patches) as JS values. */
export class ValueTable<T> {
  readonly packed: number;
  private readonly text: Buffer;

  constructor(
    readonly kind: ValueKind,
    readonly bytes: Uint8Array,
    readonly starts: Int32Array,
    readonly extra: readonly T[] = [],
    /** what the JSON `{}` decodes to (one shared object for the edges without props), when given */
    private readonly empty?: T,
    private readonly cache = new DecodeCache<T>(),
  ) {
    this.packed = Math.max(starts.length - 1, 0);
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** How many values the table holds. */
  get size(): number {
    return this.packed + this.extra.length;
  }

  value(code: number): T {
    if (code >= this.packed) return this.extra[code - this.packed]!;
    const known = this.cache.get(code);
    if (known !== undefined) return known;
    const text = this.text.toString('utf8', this.starts[code]!, this.starts[code + 1]!);
    if (this.kind === 'text') return this.cache.set(code, text as T);
    return this.cache.set(code, this.empty !== undefined && text === '{}' ? this.empty : (JSON.parse(text) as T));
  }

  /** This table with `values` added after its values (the packed ones and their decoded copies shared). */
  with(values: readonly T[]): ValueTable<T> {
    return values.length ? new ValueTable(this.kind, this.bytes, this.starts, [...this.extra, ...values], this.empty, this.cache) : this;
  }

  /**
   * The table a patch made from this one elsewhere, as sent (Snapshot.follow): this one's first `keep` added values, then
   * `values`; the packed values, and those decoded here, shared.
   */
  following(keep: number, values: readonly T[]): ValueTable<T> {
    return new ValueTable(this.kind, this.bytes, this.starts, [...this.extra.slice(0, keep), ...values], this.empty, this.cache);
  }

  /** A table of `count` values, value k being `get(k)`, packed (no extra values), with checkpoints. */
  static *packSteps<T>(kind: ValueKind, count: number, get: (k: number) => T, empty?: T): Steps<ValueTable<T>> {
    const text = kind === 'text' ? (k: number) => get(k) as string : (k: number) => JSON.stringify(get(k));
    let total = 0;
    for (let k = 0; k < count; k++) {
      total += Buffer.byteLength(text(k), 'utf8');
      if ((k & CHECKPOINT_MASK) === 0) yield;
    }
    const bytes = new Uint8Array(new SharedArrayBuffer(total));
    const starts = sharedInt32(count + 1);
    const out = Buffer.from(bytes.buffer, 0, total);
    let at = 0;
    for (let k = 0; k < count; k++) {
      at += out.write(text(k), at, 'utf8');
      starts[k + 1] = at;
      if ((k & CHECKPOINT_MASK) === 0) yield;
    }
    return new ValueTable(kind, bytes, starts, [], empty);
  }
}

/** One value per row (node or edge), read with at(i). */
export class Column<T> implements Iterable<T> {
  constructor(
    readonly table: ValueTable<T>,
    /** the value code of each row; null: row i holds value i */
    readonly codes: Int32Array | null,
    readonly length: number,
  ) {}

  at(i: number): T {
    return this.table.value(this.codes ? this.codes[i]! : i);
  }

  /** The value code of row i (rows with one code hold the same value). */
  code(i: number): number {
    return this.codes ? this.codes[i]! : i;
  }

  map<U>(f: (value: T, i: number) => U): U[] {
    const out: U[] = [];
    for (let i = 0; i < this.length; i++) out.push(f(this.at(i), i));
    return out;
  }

  /** Every row's value, as an array (tests, small snapshots). */
  toArray(): T[] {
    return this.map((v) => v);
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  wire(): ColumnWire {
    const t = this.table;
    return { kind: t.kind, bytes: t.bytes, starts: t.starts, extra: t.extra as unknown[], codes: this.codes, length: this.length };
  }

  static fromWire<T>(w: ColumnWire, empty?: T): Column<T> {
    return new Column(new ValueTable<T>(w.kind, w.bytes, w.starts, w.extra as T[], empty), w.codes, w.length);
  }
}

/**
 * Collects a column's values row by row, then packs them. `interned`: rows with equal values share one packed value
 * (props and alias lists: most rows repeat a few); else each row packs its own (ids, names).
 */
export class ColumnBuilder<T> {
  private readonly values = new ChunkedList<T>();
  private readonly codes = new ChunkedList<number>();
  private readonly known = new Map<string, number>();

  constructor(
    private readonly kind: ValueKind,
    private readonly interned: boolean,
    private readonly empty?: T,
  ) {}

  get length(): number {
    return this.interned ? this.codes.length : this.values.length;
  }

  push(value: T): void {
    if (!this.interned) {
      this.values.push(value);
      return;
    }
    const key = this.kind === 'text' ? (value as string) : JSON.stringify(value);
    let code = this.known.get(key);
    if (code === undefined) {
      code = this.values.length;
      this.known.set(key, code);
      this.values.push(value);
    }
    this.codes.push(code);
  }

  /** The value pushed as row `row`. */
  at(row: number): T {
    return this.values.at(this.interned ? this.codes.at(row) : row);
  }

  /** The column of the rows pushed, in `order` (row k takes pushed row order[k]) when given, with checkpoints. */
  *buildSteps(order?: ArrayLike<number>): Steps<Column<T>> {
    const table = yield* ValueTable.packSteps(this.kind, this.values.length, (k) => this.values.at(k), this.empty);
    const n = this.length;
    if (!this.interned && !order) return new Column(table, null, n);
    const codes = sharedInt32(n);
    for (let k = 0; k < n; k++) {
      const row = order ? order[k]! : k;
      codes[k] = this.interned ? this.codes.at(row) : row;
      if ((k & CHECKPOINT_MASK) === 0) yield;
    }
    return new Column(table, codes, n);
  }
}
