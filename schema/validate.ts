// One validation of the values every entry point takes from people and documents: calendar dates,
// date ranges, source URLs, names and quotes. Each check returns null when the value is fine, or
// a message naming the field and the value ("validFrom: "2026-02-30" is not a calendar date ...");
// `assertValid` turns a message into InvalidInput. Import, GraphQL, scenario files and the CLI
// all call these, so one input is refused the same way everywhere.
import { z } from 'zod';
import { InvalidInput } from './errors.js';
import { DOMAIN } from './generated/domain.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// C0 and C1 control characters (tab, newline and the rest), which no name or URL carries
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Unicode bidirectional overrides and isolates reorder what a reader sees around them
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/** The longest name (or alias) an entity may have, in characters. */
export const MAX_NAME_LENGTH = 1_000;
/** The longest URL a source may have, in characters. */
export const MAX_URL_LENGTH = 4_096;

/** Shows a value in a message: quoted, control characters escaped, long values cut. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : String(JSON.stringify(value));
  const cut = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return JSON.stringify(cut);
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Null when `value` is an ISO 8601 calendar date (YYYY-MM-DD) or date-time that exists; else why not. */
export function dateProblem(field: string, value: unknown): string | null {
  if (typeof value !== 'string') return `${field}: expected an ISO date (YYYY-MM-DD), got ${shown(value)}`;
  const m = DATE.exec(value);
  if (!m) return `${field}: expected an ISO date (YYYY-MM-DD), got ${shown(value)}`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `${field}: ${shown(value)} is not a calendar date (month ${m[2]} does not exist)`;
  const last = daysIn(year, month);
  if (day < 1 || day > last) return `${field}: ${shown(value)} is not a calendar date (${MONTHS[month - 1]} ${year} has ${last} days)`;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return `${field}: ${shown(value)} is not a valid time of day`;
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return `${field}: ${shown(value)} has an impossible UTC offset`;
  return null;
}

/** Milliseconds since the epoch of a checked date (a date alone is midnight UTC); throws InvalidInput naming the field. */
export function parseDate(field: string, value: unknown): number {
  assertValid(dateProblem(field, value));
  const text = value as string;
  return Date.parse(/T/.test(text) && !/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? `${text}Z` : text);
}

/** Null when the range is empty on either side or from ≤ to; else a message naming both fields. */
export function rangeProblem(fromField: string, from: string | null | undefined, toField: string, to: string | null | undefined): string | null {
  if (!from || !to) return null;
  const problem = dateProblem(fromField, from) ?? dateProblem(toField, to);
  if (problem) return problem;
  if (parseDate(fromField, from) > parseDate(toField, to)) return `${fromField}: ${shown(from)} is after ${toField} ${shown(to)}`;
  return null;
}

/**
 * Null when `value` may name a claim's source: an http(s) URL with a host, or a document id
 * (`doc:…`); with `allowNames` (import records) also a plain file or document name without a
 * scheme. Any other scheme (javascript:, data:, file:, …) is refused.
 */
export function sourceUrlProblem(field: string, value: unknown, opts: { allowNames?: boolean } = {}): string | null {
  if (typeof value !== 'string' || !value.trim()) return `${field}: expected an http(s) URL or a document id, got ${shown(value)}`;
  if (value.length > MAX_URL_LENGTH) return `${field}: a source URL has at most ${MAX_URL_LENGTH} characters, got ${value.length}`;
  if (CONTROL.test(value)) return `${field}: ${shown(value)} contains control characters`;
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'doc') return /^doc:\S+$/.test(value) ? null : `${field}: ${shown(value)} is not a document id (doc:<id>)`;
  if (scheme === 'http' || scheme === 'https') {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return `${field}: ${shown(value)} is not a valid URL`;
    }
    return url.hostname ? null : `${field}: ${shown(value)} has no host`;
  }
  // a Windows drive letter (C:\reports\a.txt) is a file name, not a scheme
  if (opts.allowNames && (scheme === undefined || (scheme.length === 1 && /^[a-z]:[\\/]/i.test(value)))) return null;
  if (scheme !== undefined) return `${field}: only http(s) URLs or document ids are accepted, got ${shown(value)} (scheme ${scheme}:)`;
  return `${field}: expected an http(s) URL or a document id (doc:…), got ${shown(value)}`;
}

/** Null when `value` is a usable name or alias: not blank, at most MAX_NAME_LENGTH characters, no control or bidi-override characters. */
export function nameProblem(field: string, value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return `${field}: expected a non-empty name, got ${shown(value)}`;
  if (value.length > MAX_NAME_LENGTH) return `${field}: a name has at most ${MAX_NAME_LENGTH} characters, got ${value.length}`;
  if (CONTROL.test(value)) return `${field}: ${shown(value)} contains control characters`;
  if (BIDI.test(value)) return `${field}: ${shown(value)} contains bidirectional override characters`;
  return null;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Null when `quote` occurs in the document's text (exactly, or with runs of white space taken as one space); else a message naming the field. */
export function quoteProblem(field: string, quote: string, documentText: string): string | null {
  if (!quote.trim()) return `${field}: the quote is empty`;
  if (documentText.includes(quote) || collapse(documentText).includes(collapse(quote))) return null;
  return `${field}: ${shown(quote)} does not occur in its source document`;
}

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v);

/**
 * Null when `value` is a property value both stores can hold: a string, a finite number, a
 * boolean, or a list of one of those, all of one type (Neo4j stores nothing else: no nested maps,
 * no lists of lists, no mixed lists, no nulls inside a list); else a message naming the field.
 * A null or absent value is fine (the property is simply not stored).
 */
export function storableProblem(field: string, value: unknown): string | null {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${field}: ${String(value)} is not a finite number`;
  if (Array.isArray(value)) {
    const kinds = [...new Set(value.map(kindOf))];
    const bad = kinds.find((k) => k !== 'string' && k !== 'number' && k !== 'boolean');
    if (bad) return `${field}: a list may hold only strings, numbers or booleans, got ${bad === 'object' ? 'a map' : `a ${bad}`} in ${shown(value)}`;
    if (kinds.length > 1) return `${field}: a list must hold values of one type, got ${kinds.join(' and ')} in ${shown(value)}`;
    const broken = value.find((v) => typeof v === 'number' && !Number.isFinite(v));
    return broken === undefined ? null : `${field}: ${String(broken)} is not a finite number`;
  }
  return `${field}: expected a string, number, boolean or a list of one of them, got ${typeof value === 'object' ? 'a map' : `a ${typeof value}`} ${shown(value)}`;
}

/** Null when every value of a props map is storable (storableProblem); else the first problem, naming `field.key`. */
export function propsProblem(field: string, props: Record<string, unknown> | null | undefined): string | null {
  for (const [key, value] of Object.entries(props ?? {})) {
    const problem = storableProblem(`${field}.${key}`, value);
    if (problem) return problem;
  }
  return null;
}

/** Throws InvalidInput with the message when there is one. */
export function assertValid(problem: string | null): void {
  if (problem) throw new InvalidInput(problem);
}

// The checks as zod refinements, for inputs validated with zod (the issue's path names the field;
// its message is the part after the field name).
const refine =
  (check: (field: string, value: unknown) => string | null) =>
  (value: unknown, ctx: z.core.$RefinementCtx): void => {
    const problem = check('', value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.replace(/^: /, '') });
  };

/** A calendar date or date-time string (zod). */
export const calendarDate = z.string().superRefine(refine(dateProblem));
/** A name or alias (zod). */
export const entityName = z.string().superRefine(refine(nameProblem));
/** A claim's source: an http(s) URL or a document id (zod). */
export const sourceUrl = z.string().superRefine(refine((f, v) => sourceUrlProblem(f, v)));

// relations whose two ends are of one kind in the domain model (a comparison, a substitution)
const SAME_KIND: ReadonlySet<string> = new Set(DOMAIN.relations.flatMap((r) => (r.sameKind ? [r.type] : [])));

// the kind each label is (its own, or the one its `kindOf` names: a lab is an organisation)
const KIND_OF: ReadonlyMap<string, string> = new Map(DOMAIN.labels.map((l) => [l.label, l.kindOf ?? l.label]));

/** Null when a relation of one kind joins two entities of one kind; else what is wrong. */
export function sameKindProblem(rel: string, from: string, to: string): string | null {
  return SAME_KIND.has(rel) && (KIND_OF.get(from) ?? from) !== (KIND_OF.get(to) ?? to) ? `${rel} relates two entities of one kind, not a ${from} and a ${to}` : null;
}

const SINGLE: ReadonlySet<string> = new Set(DOMAIN.relations.flatMap((r) => (r.single ? [r.type] : [])));
/** Whether a relation type gives a `from` end one `to` end at most (the domain model's `single`: an organisation's home). */
export const isSingle = (rel: string): boolean => SINGLE.has(rel);

const ACTS: ReadonlySet<string> = new Set(DOMAIN.relations.flatMap((r) => (r.act ? [r.type] : [])));
/** Whether a relation type is stated by an act done once (the domain model's `act`): "previously invested in" still holds, "formerly a unit of" does not. */
export const isAct = (rel: string): boolean => ACTS.has(rel);

// per relation type, the property values its `to` end never has (the domain model's `notTo`)
const NOT_TO: ReadonlyMap<string, { property: string; values: ReadonlySet<string> }> = new Map(
  DOMAIN.relations.flatMap((r) => (r.notTo ? [[r.type, { property: r.notTo.property, values: new Set(r.notTo.values) }] as const] : [])),
);

/** Whether the domain model rules out an entity with these props as the `to` end of a relation type (a foundry as a chip's designer). */
export function refusedAsTo(rel: string, props: Record<string, unknown> | undefined): boolean {
  const rule = NOT_TO.get(rel);
  const value = rule ? props?.[rule.property] : undefined;
  return value !== undefined && rule!.values.has(String(value));
}

// kinds of organisation that are public bodies (the domain model's `publicBodies`): they make and enforce rules
const PUBLIC_BODIES: ReadonlySet<string> = new Set(DOMAIN.labels.flatMap((l) => Object.values(l.properties ?? {}).flatMap((p) => (p as { publicBodies?: string[] }).publicBodies ?? [])));

/** Whether an entity's props mark it a public body (an agency, a court): one that makes and enforces rules. */
export function isPublicBody(props: { kind?: unknown } | undefined): boolean {
  return props?.kind !== undefined && PUBLIC_BODIES.has(String(props.kind));
}
