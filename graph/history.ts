// The history of the graph: every claim added, retracted or superseded, and every relation whose
// aggregate moved as a result, at the graph version and time of the write that did it. Both
// stores keep these events for good (the change log keeps only recent versions, as ids); this
// module holds the record shapes and the pure rules that turn one write into its events.
import type { ClaimRecord, Props, RelationRecord } from '../schema/records.js';
import { InvalidInput } from '../schema/errors.js';
import { decodeKeyCursor, encodeKeyCursor } from './query-page.js';
import { aggregateClaims, claimsByRelation } from './claims.js';

/** What happened to a claim: it was added (or made live again), retracted by id, or retracted because its document changed. */
export const CLAIM_EVENT_KINDS = ['added', 'retracted', 'superseded'] as const;
/** What happened to a relation's aggregate: it appeared, its values moved, or its last live claim went. */
export const RELATION_EVENT_KINDS = ['created', 'changed', 'removed'] as const;
export const EVENT_KINDS = [...CLAIM_EVENT_KINDS, ...RELATION_EVENT_KINDS] as const;
export type ClaimEventKind = (typeof CLAIM_EVENT_KINDS)[number];
export type RelationEventKind = (typeof RELATION_EVENT_KINDS)[number];
export type EventKind = (typeof EVENT_KINDS)[number];

/** What a relation showed to readers before or after a change: the values a change of aggregate is judged on. */
export interface RelationValues {
  props: Props;
  confidence: number;
  validFrom?: string;
  validTo?: string;
  claimCount: number;
}

/** One event of the history. */
export interface HistoryEvent {
  /** unique per event: the claim or relation id and the version (`claim:…@12`) */
  id: string;
  /** `claim` for a claim's event, `relation` for a relation's */
  entry: 'claim' | 'relation';
  kind: EventKind;
  /** the graph version the write produced */
  version: number;
  /** when the write committed, ISO 8601 */
  at: string;
  /** the claim id (claim events) or the relation id (relation events) */
  key: string;
  /** the relation the event belongs to */
  relKey: string;
  rel: string;
  subject: string;
  object: string;
  /** the claim's document, or the documents of the claims that moved the relation at this version */
  documents: string[];
  /** relation events: the claims whose change moved it at this version */
  claims: string[];
  /** relation events: its values before and after (absent when it did not exist) */
  before?: RelationValues;
  after?: RelationValues;
  /** written by the migration for claims stored before history was kept: the version is the first one known, not the one that added it */
  backfilled?: boolean;
}

/** A stored claim with its state: live or retracted, and when each last happened. */
export interface ClaimState extends ClaimRecord {
  retracted: boolean;
  /** the graph version at which the claim was (last) added, and when */
  addedVersion?: number;
  addedAt?: string;
  /** set while the claim is retracted: the version, time and how (retracted by id, or superseded by its document's new claims) */
  retractedVersion?: number;
  retractedAt?: string;
  retractedAs?: 'retracted' | 'superseded';
}

/** A question to the history: a window of versions and times, filters, and a page. */
export interface HistoryQuery {
  /** versions after this one (default 0) */
  sinceVersion?: number;
  /** versions up to this one (default: all) */
  untilVersion?: number;
  /** events at or after this time (ISO 8601) */
  since?: string;
  /** events at or before this time (ISO 8601) */
  until?: string;
  /** relation types to keep (all when empty) */
  types?: string[];
  /** event kinds to keep (all when empty) */
  kinds?: EventKind[];
  /** events of claims and relations with this entity at either end */
  entity?: string;
  /** events of claims citing this document (and the relations they moved) */
  document?: string;
  /** events of this relation only */
  relation?: string;
  /** at most this many from the newest end of the window (default 50 when last is not given, at most 1,000) */
  first?: number | null;
  /** the events after this cursor (older than its event): the endCursor of the page before */
  after?: string | null;
  /** at most this many from the oldest end of the window (at most 1,000) */
  last?: number | null;
  /** the events before this cursor (newer than its event): the startCursor of the page after */
  before?: string | null;
}

/** A page of the history with Relay's page info. */
export interface HistoryPage {
  items: HistoryEvent[];
  startCursor: string | null;
  endCursor: string | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** The sort key of an event in every history list (newest first, then by id): its version (descending) and id. */
export const eventKey = (e: Pick<HistoryEvent, 'version' | 'id'>): [number, string] => [e.version, e.id];
/** The directions of eventKey: the version descends. */
export const EVENT_ORDER = [true] as const;

/** The cursor of an event: the list cursor of graph/query-page.ts over its eventKey; opaque to clients. */
export function historyCursor(e: Pick<HistoryEvent, 'version' | 'id'>): string {
  return encodeKeyCursor(eventKey(e));
}

/** Reads a cursor made by historyCursor; throws InvalidInput naming the argument. */
export function parseHistoryCursor(cursor: string, field = 'after'): { version: number; id: string } {
  const [version, id] = decodeKeyCursor(cursor, 1, field);
  if (!Number.isInteger(version)) throw new InvalidInput(`${field}: "${cursor.slice(0, 80)}" is not a cursor of this list (pass the endCursor of the page before)`);
  return { version: version as number, id: id as string };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A bound of a time window as an ISO instant: a date-time as given, or a date (the start of that
 * day for `since`, its end for `until`, in UTC). Throws InvalidInput naming the field.
 */
export function timeBound(field: string, value: string, end: 'since' | 'until'): string {
  const v = value.trim();
  const ok = DATE_ONLY.test(v) || DATE_TIME.test(v);
  const ms = ok ? Date.parse(DATE_ONLY.test(v) ? `${v}T00:00:00Z` : v) : Number.NaN;
  // a date that does not exist (2026-02-30) parses to another day: refuse it rather than move it
  if (Number.isNaN(ms) || (DATE_ONLY.test(v) && new Date(ms).toISOString().slice(0, 10) !== v))
    throw new InvalidInput(`${field}: expected a date (2026-05-01) or a date-time (2026-05-01T12:00:00Z), got ${JSON.stringify(value.slice(0, 80))}`);
  return new Date(DATE_ONLY.test(v) && end === 'until' ? ms + 86_400_000 - 1 : ms).toISOString();
}

/** The values of a relation a change is judged on. */
export function relationValues(r: RelationRecord): RelationValues {
  const v: RelationValues = { props: r.props, confidence: r.confidence, claimCount: r.claimCount };
  if (r.validFrom) v.validFrom = r.validFrom;
  if (r.validTo) v.validTo = r.validTo;
  return v;
}

// the aggregate moved when what a reader sees of it moved; another source for the same values only corroborates it
const shown = (v: RelationValues | undefined) => (v ? JSON.stringify([Object.entries(v.props).sort(([a], [b]) => (a < b ? -1 : 1)), v.confidence, v.validFrom ?? null, v.validTo ?? null]) : null);

/** What a write did to claims, net: a claim retracted and added again in the same write did not change. */
export interface ClaimMoves {
  added: string[];
  retracted: string[];
  superseded: string[];
}

/** Drops the claims that were both retracted and added again in one write (a re-ingested document's unchanged facts). */
export function netMoves(moves: ClaimMoves): ClaimMoves {
  const added = new Set(moves.added);
  const retracted = new Set(moves.retracted);
  const gone = new Set([...moves.retracted, ...moves.superseded]);
  return {
    added: [...added].filter((id) => !gone.has(id)),
    retracted: [...retracted].filter((id) => !added.has(id)),
    superseded: [...new Set(moves.superseded)].filter((id) => !added.has(id) && !retracted.has(id)),
  };
}

/**
 * The events of one write: one per claim that changed, and one per relation whose aggregate moved
 * (judged from the relation's claims now and the net moves of this write, so no read of the
 * relation before is needed). `claims` are every claim (live and retracted) of the relations the
 * write touched, as they stand after it.
 */
export function writeEvents(version: number, at: string, moves: ClaimMoves, claims: readonly ClaimState[]): HistoryEvent[] {
  const kindOf = new Map<string, ClaimEventKind>();
  for (const id of moves.added) kindOf.set(id, 'added');
  for (const id of moves.retracted) kindOf.set(id, 'retracted');
  for (const id of moves.superseded) kindOf.set(id, 'superseded');
  const events: HistoryEvent[] = [];
  for (const [relKey, group] of claimsByRelation(claims)) {
    const moved = group.filter((c) => kindOf.has(c.id));
    if (!moved.length) continue;
    for (const c of moved)
      events.push({
        id: `${c.id}@${version}`,
        entry: 'claim',
        kind: kindOf.get(c.id)!,
        version,
        at,
        key: c.id,
        relKey,
        rel: c.rel,
        subject: c.subject,
        object: c.object,
        documents: [c.documentId],
        claims: [c.id],
      });
    const live = group.filter((c) => !c.retracted);
    // before this write: the live claims but those it added, and those it retracted
    const liveBefore = group.filter((c) => (!c.retracted && kindOf.get(c.id) !== 'added') || (c.retracted && (kindOf.get(c.id) === 'retracted' || kindOf.get(c.id) === 'superseded')));
    const beforeRel = aggregateClaims(liveBefore);
    const afterRel = aggregateClaims(live);
    const before = beforeRel ? relationValues(beforeRel) : undefined;
    const after = afterRel ? relationValues(afterRel) : undefined;
    if (shown(before) === shown(after)) continue;
    const first = group[0]!;
    events.push({
      id: `${relKey}@${version}`,
      entry: 'relation',
      kind: !before ? 'created' : !after ? 'removed' : 'changed',
      version,
      at,
      key: relKey,
      relKey,
      rel: first.rel,
      subject: first.subject,
      object: first.object,
      documents: [...new Set(moved.map((c) => c.documentId))].sort(),
      claims: moved.map((c) => c.id).sort(),
      ...(before ? { before } : {}),
      ...(after ? { after } : {}),
    });
  }
  return events.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Newest first, then by id: the order of every history list. */
export function compareEvents(a: HistoryEvent, b: HistoryEvent): number {
  return b.version - a.version || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
