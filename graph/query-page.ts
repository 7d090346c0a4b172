// Ordering and Relay paging shared by the entity and relation lists: sort keys compared with
// absent values last in either direction and the id as the final, ascending tie-break; cursors
// that carry the sort key, so a page resumes at the right place even when the item at the cursor
// has since changed or gone.
import { InvalidInput } from '../schema/errors.js';

/** One sort key's value: absent values sort last. */
export type SortValue = string | number | boolean | null;

/** A sort key as the API gives it. */
export interface OrderKey {
  field: string;
  direction?: 'ASC' | 'DESC' | null;
}

/** Page arguments: Relay's first/after and last/before. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A page of items with the Relay page info. */
export interface Page<T> {
  items: T[];
  cursors: string[];
  totalCount: number;
  startCursor: string | null;
  endCursor: string | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** The key of an item: its sort values in key order, then its id. */
export type SortKey = [...SortValue[], string];

/** Compares two sort values in a direction (true: descending); absent values come last either way. */
export function compareValue(a: SortValue, b: SortValue, desc: boolean): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  const c = a < b ? -1 : a > b ? 1 : 0;
  return desc ? -c : c;
}

/** Compares two keys under the given directions (true: descending); the trailing id always ascends. */
export function compareKeys(a: readonly SortValue[], b: readonly SortValue[], desc: readonly boolean[]): number {
  for (let k = 0; k < desc.length; k++) {
    const c = compareValue(a[k]!, b[k]!, desc[k]!);
    if (c) return c;
  }
  const ia = a[desc.length] as string;
  const ib = b[desc.length] as string;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/** An opaque cursor holding an item's key. */
export function encodeKeyCursor(key: readonly SortValue[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The key behind a cursor; `field` names the argument in errors. A cursor of the older form (an
 * id alone, base64url) is read as a key of the id order.
 */
export function decodeKeyCursor(cursor: string, keys: number, field: string): SortValue[] {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (text.startsWith('[')) {
    try {
      const key = JSON.parse(text) as unknown;
      if (Array.isArray(key) && key.length === keys + 1 && typeof key[keys] === 'string' && key.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)))
        return key as SortValue[];
    } catch {
      // reported below
    }
  } else if (keys === 0 && /^[a-z]+:\S+$/.test(text)) return [text];
  throw new InvalidInput(`${field}: "${cursor.slice(0, 80)}" is not a cursor of this list in this order (cursors belong to one orderBy)`);
}

/** The first position in sorted whose key is greater than key (or >= when inclusive). */
function position<T>(sorted: ArrayLike<T>, keyOf: (t: T) => readonly SortValue[], key: readonly SortValue[], desc: readonly boolean[], inclusive: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareKeys(keyOf(sorted[mid]!), key, desc);
    if (c < 0 || (!inclusive && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A page size argument checked (a whole number >= 0, else InvalidInput naming it) and capped at `max`; null when not given. */
export function pageCount(n: number | null | undefined, name: string, max: number): number | null {
  if (n === null || n === undefined) return null;
  if (!Number.isInteger(n) || n < 0) throw new InvalidInput(`${name}: expected a whole number >= 0, got ${n}`);
  return Math.min(n, max);
}

/**
 * One Relay page of an already sorted list: the items after `after` and before `before`, then the
 * first `first` of them or the last `last` (the default page when neither is given).
 */
export function paginate<T>(sorted: ArrayLike<T>, keyOf: (t: T) => readonly SortValue[], desc: readonly boolean[], args: PageArgs, opts: { defaultSize: number; max: number }): Page<T> {
  const first = pageCount(args.first, 'first', opts.max);
  const last = pageCount(args.last, 'last', opts.max);
  let start = 0;
  let end = sorted.length;
  if (args.after) start = position(sorted, keyOf, decodeKeyCursor(args.after, desc.length, 'after'), desc, false);
  if (args.before) end = Math.max(start, position(sorted, keyOf, decodeKeyCursor(args.before, desc.length, 'before'), desc, true));
  if (first !== null) end = Math.min(end, start + first);
  if (last !== null) start = Math.max(start, end - last);
  if (first === null && last === null) end = Math.min(end, start + opts.defaultSize);
  // a plain array even when the list is a typed array (cursors are strings)
  const items = Array.prototype.slice.call(sorted, start, end) as T[];
  const cursors = items.map((t) => encodeKeyCursor(keyOf(t)));
  return {
    items,
    cursors,
    totalCount: sorted.length,
    startCursor: cursors[0] ?? null,
    endCursor: cursors.at(-1) ?? null,
    hasNextPage: end < sorted.length,
    hasPreviousPage: start > 0,
  };
}

/** Rounds a stored float to the decimal it was stated as: the shortest decimal that stores as the same 32-bit float (0.8999999761581421 is 0.9). */
export function statedNumber(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  const stored = Math.fround(value);
  for (let digits = 1; digits <= 17; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === stored) return candidate;
  }
  return value;
}
