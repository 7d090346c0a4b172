// Conversions at the GraphQL boundary: EntityType enum <-> label, asOf dates, snapshot edges as
// relation records, zod-checked inputs (cursors: graph/query-page.ts).
import type { z } from 'zod';
import { screamingSnake } from '../../schema/meta.js';
import { LABELS, type Label } from '../../schema/generated/model.js';
import { InvalidInput } from '../../schema/errors.js';
import { dateMs, type Snapshot } from '../../graph/snapshot.js';
import { dayOfMs } from '../../graph/query-relations.js';
import { pageCount } from '../../graph/query-page.js';
import { describeZodError, type RelationRecord } from '../../schema/records.js';
import type { EntityType } from './generated.js';

const TO_ENUM = new Map<Label, EntityType>(LABELS.map((l) => [l, screamingSnake(l) as EntityType]));
const TO_LABEL = new Map<EntityType, Label>(LABELS.map((l) => [screamingSnake(l) as EntityType, l]));

/** The EntityType enum value of a label. */
export function entityTypeOf(label: Label): EntityType {
  return TO_ENUM.get(label)!;
}

/** The label of an EntityType enum value. */
export function labelOf(type: EntityType): Label {
  const label = TO_LABEL.get(type);
  if (!label) throw new InvalidInput(`type: unknown entity type ${type}`);
  return label;
}

/** Parses an optional asOf argument to epoch ms (NaN when absent: validity is ignored). */
export function asOfMs(asOf: string | null | undefined, field = 'asOf'): number {
  if (asOf === null || asOf === undefined) return Number.NaN;
  const ms = dateMs(asOf);
  if (Number.isNaN(ms)) throw new InvalidInput(`${field}: expected an ISO date like 2025-06-30, got "${asOf}"`);
  return ms;
}

/** Edge e of a snapshot as a relation record (claim counts and dates come from the claims). */
export function relationAt(s: Snapshot, e: number): RelationRecord {
  // validity as days, as the API gives dates
  return s.relation(e, dayOfMs);
}

/** Whether a relation record is valid at asOf (NaN: always). */
export function validAt(r: Pick<RelationRecord, 'validFrom' | 'validTo'>, ms: number): boolean {
  if (Number.isNaN(ms)) return true;
  return !(dateMs(r.validFrom) > ms) && !(dateMs(r.validTo) < ms);
}

/** Parses an input argument with a zod schema; the error names the argument (`field`) and the first bad path. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new InvalidInput(`${field}.${describeZodError(r.error)}`);
  return r.data;
}

/** Clamps a page size argument. */
export function pageSize(first: number | null | undefined, fallback: number, max = 500): number {
  return pageCount(first ?? fallback, 'first', max)!;
}
