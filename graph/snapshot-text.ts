// The snapshot's strings (ids, names, edge ids) and JSON texts (props, aliases) packed as a few
// large strings with typed-array offsets, and the id index as an open-addressing hash table in a
// typed array. Kept as one small object per node or edge (a string, a props object, a Map entry),
// a snapshot of 100k edges was some 250k small objects: built on the serving thread they survived
// young-generation collections (each copying them), and a snapshot built in a worker had to be
// adopted object by object. Packed, a snapshot is a few dozen objects: typed arrays that move to
// another thread, and strings that cross as one copy each.
import type { Props } from '../schema/records.js';
import { CHECKPOINT_MASK, type Steps } from './snapshot-pacing.js';

/** Entries per chunk of a column (a power of two; each chunk is one string). */
export const CHUNK_SHIFT = 15;
const CHUNK = 1 << CHUNK_SHIFT;
const CHUNK_MASK = CHUNK - 1;

/**
 * A column of strings: entry i is texts[i >>> CHUNK_SHIFT].slice(start, ends[i]), where start is
 * ends[i - 1] within the same chunk, else 0. Chunked so that no string grows towards V8's limit
 * (about 2^29 characters) at millions of edges.
 */
export interface TextColumn {
  texts: string[];
  ends: Int32Array;
}

/** Where entry i of a column starts in its chunk's text. */
const startOf = (c: TextColumn, i: number): number => ((i & CHUNK_MASK) === 0 ? 0 : c.ends[i - 1]!);

/** Entry i of a column (a fresh string, short-lived: nothing keeps it). */
export function textAt(c: TextColumn, i: number): string {
  return c.texts[i >>> CHUNK_SHIFT]!.slice(startOf(c, i), c.ends[i]!);
}

/** Whether entry i of a column is the empty string. */
export function textEmpty(c: TextColumn, i: number): boolean {
  return c.ends[i]! === startOf(c, i);
}

/** A list of n values, filled in order (a large preallocated array would be a slow dictionary). */
export function listOf<T>(n: number, value: (i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(value(i));
  return out;
}

/** Entries in a column. */
export const columnLength = (c: TextColumn): number => c.ends.length;

/** Appends strings, and runs of another column's entries, into a new column. */
export class TextColumnBuilder {
  private readonly texts: string[] = [];
  private parts: string[] = [];
  private chunkLength = 0;
  private readonly ends: number[] = [];

  get length(): number {
    return this.ends.length;
  }

  add(s: string): void {
    this.parts.push(s);
    this.chunkLength += s.length;
    this.ends.push(this.chunkLength);
    if ((this.ends.length & CHUNK_MASK) === 0) this.seal();
  }

  /** Appends entries [a, b) of column `c`, as runs of its text (no string per entry). */
  addRange(c: TextColumn, a: number, b: number): void {
    while (a < b) {
      const chunk = a >>> CHUNK_SHIFT;
      const k = Math.min(b - a, CHUNK - (this.ends.length & CHUNK_MASK), ((chunk + 1) << CHUNK_SHIFT) - a);
      const from = startOf(c, a);
      const to = c.ends[a + k - 1]!;
      this.parts.push(c.texts[chunk]!.slice(from, to));
      const delta = this.chunkLength - from;
      for (let j = a; j < a + k; j++) this.ends.push(c.ends[j]! + delta);
      this.chunkLength += to - from;
      a += k;
      if ((this.ends.length & CHUNK_MASK) === 0) this.seal();
    }
  }

  /** The column so far, leaving this builder as it is. */
  peek(): TextColumn {
    return { texts: this.ends.length & CHUNK_MASK ? [...this.texts, this.parts.join('')] : [...this.texts], ends: Int32Array.from(this.ends) };
  }

  build(): TextColumn {
    if (this.ends.length & CHUNK_MASK) this.seal();
    return { texts: this.texts, ends: Int32Array.from(this.ends) };
  }

  private seal(): void {
    // one flat string per chunk (a join, not a rope of pieces)
    this.texts.push(this.parts.join(''));
    this.parts = [];
    this.chunkLength = 0;
  }
}

/** A column of strings from a list. */
export function textColumn(list: Iterable<string>): TextColumn {
  const b = new TextColumnBuilder();
  for (const s of list) b.add(s);
  return b.build();
}

/** The JSON text of props: '' for none (most edges), so that they decode to one shared object. */
export function propsText(p: Props): string {
  // the first key, if any, without making the list of keys (most edges have none)
  for (const _key in p) return JSON.stringify(p);
  return '';
}
/** The JSON text of aliases: '' for none. */
export const aliasesText = (a: readonly string[]): string => (a.length ? JSON.stringify(a) : '');

/**
 * The values of a JSON column, decoded on first access and kept (so that one entry is one object
 * each time it is asked for, as when the snapshot held the objects); an empty entry is `empty`,
 * one shared frozen value. The cache is one array per chunk of entries, made when first needed.
 */
export class DecodedColumn<T> {
  private readonly chunks: (T | undefined)[][] = [];

  constructor(
    readonly column: TextColumn,
    private readonly empty: T,
  ) {}

  at(i: number): T {
    const c = this.column;
    if (textEmpty(c, i)) return this.empty;
    const chunk = (this.chunks[i >>> CHUNK_SHIFT] ??= new Array<T | undefined>(CHUNK));
    return (chunk[i & CHUNK_MASK] ??= JSON.parse(textAt(c, i)) as T);
  }
}

/** FNV-1a over UTF-16 code units [from, to) of s. */
function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** The id index: an open-addressing hash table of node index + 1 (0: empty), sized a power of two at least twice the ids. */
export type IdIndex = Int32Array;

/** The id index of a column of unique ids, with checkpoints; empty entries are left out. */
export function* idIndexSteps(ids: TextColumn): Steps<IdIndex> {
  const n = columnLength(ids);
  let size = 4;
  while (size < 2 * n) size *= 2;
  const table = new Int32Array(size);
  const mask = size - 1;
  for (let i = 0; i < n; i++) {
    const text = ids.texts[i >>> CHUNK_SHIFT]!;
    const from = startOf(ids, i);
    if (from !== ids.ends[i]!) {
      let slot = hashRange(text, from, ids.ends[i]!) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = i + 1;
    }
    if ((i & CHECKPOINT_MASK) === 0) yield;
  }
  return table;
}

/** Whether entry i of the column is `id`, compared in place. */
function entryIs(c: TextColumn, i: number, id: string): boolean {
  const from = startOf(c, i);
  if (c.ends[i]! - from !== id.length) return false;
  const text = c.texts[i >>> CHUNK_SHIFT]!;
  for (let k = 0; k < id.length; k++) if (text.charCodeAt(from + k) !== id.charCodeAt(k)) return false;
  return true;
}

/** The node index of `id` in a column of ids with its index, or undefined. */
export function lookupId(ids: TextColumn, index: IdIndex, id: string): number | undefined {
  if (!id) return undefined;
  const mask = index.length - 1;
  for (let slot = hashRange(id, 0, id.length) & mask; ; slot = (slot + 1) & mask) {
    const v = index[slot]!;
    if (v === 0) return undefined;
    if (entryIs(ids, v - 1, id)) return v - 1;
  }
}
