// Grafeo's rows as the rest of the project reads them (64-bit integers as numbers, dates as ISO
// text), and the whole-graph read's pages decoded from the rows the database returned: in the
// serving thread for every read, and in the worker of a replica's whole-graph read
// (graph/snapshot-worker.ts), which is sent the rows undecoded so that the serving thread makes
// one object per value, not four.
import type { EntityRecord, RelationRecord } from '../../schema/records.js';
import { decodeEntity, decodeRelation, type Row } from '../cypher/cypher-store.js';

/** A value of a Grafeo row as a Neo4j row gives it; bytes stay as they are. */
export function normalise(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(normalise);
  if (value instanceof Date) return value.toISOString();
  // a Buffer, or the Uint8Array it becomes when it crosses to another thread
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalise(v);
    return out;
  }
  return value;
}

/** The records of a page of the whole-graph read (CypherGraphStore.wholeGraphRows), from its rows as Grafeo returned them. */
export function decodeWholeGraphRows(kind: 'entities', rows: readonly unknown[]): EntityRecord[];
export function decodeWholeGraphRows(kind: 'relations', rows: readonly unknown[]): RelationRecord[];
export function decodeWholeGraphRows(kind: 'entities' | 'relations', rows: readonly unknown[]): (EntityRecord | RelationRecord)[] {
  return rows.map((raw) => {
    const r = normalise(raw) as Row;
    return kind === 'entities' ? decodeEntity(r.p as Row) : decodeRelation(r.source, r.type, r.target, r.rp as Row);
  });
}
