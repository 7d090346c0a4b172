// Grounding: what a model answers becomes fact records only when the document bears it out. A
// quote must be an exact substring of the document (spacing and typographic quotes aside) that names
// an endpoint, else it is aligned to the one sentence naming both endpoints, else the fact is dropped; endpoints go
// through the gazetteer and resolver the rules use (a name that fits several entities stays
// ambiguous, its facts are not written); relation types, directions and props are checked against
// the domain model as the rules' records are. Every drop is counted by its reason.
import { z } from 'zod';
import { RELATION_ENDPOINTS, RELATION_TYPES, type Label, type RelationType } from '../../../schema/generated/model.js';
import type { Props } from '../../../schema/records.js';
import { resolveName, type Resolution } from '../../resolve/resolver.js';
import { validProps, type EntityOut, type ExtractedRecord, type FactOut } from '../extract.js';
import { allowed } from '../frame.js';
import type { Gazetteer } from '../gazetteer.js';
import type { Sentence } from '../nlp.js';
import { ENDPOINT_LABELS } from './prompt.js';
import { escapeRegExp } from '../regex.js';

/** Why a fact of the model's answer was not kept. */
export type DropReason =
  | 'invalid_json'
  | 'truncated_json'
  | 'malformed_fact'
  | 'unknown_relation'
  | 'unknown_label'
  | 'name_not_in_document'
  | 'ambiguous_endpoint'
  | 'wrong_direction'
  | 'endpoints_not_allowed'
  | 'self_relation'
  | 'invalid_props'
  | 'quote_not_found'
  | 'quote_unrelated';

/** Confidence of a fact whose quote was found in the document, and of one aligned to a sentence naming both endpoints. */
export const CONFIDENCE = { quoted: 0.7, aligned: 0.6 } as const;

const endpoint = z.object({ name: z.string().trim().min(1).max(300), type: z.string().trim().min(1) });
const rawFact = z.object({
  relation: z.string().trim().min(1),
  subject: endpoint,
  object: endpoint,
  quote: z.string(),
  props: z.record(z.string(), z.unknown()).nullish(),
});

/** The facts of an answer: a JSON object with a `facts` list (or a bare list), in a code fence or not; null when it is no such JSON. */
export function parseAnswer(content: string): unknown[] | null {
  const body = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (Array.isArray(json)) return json;
  if (json && typeof json === 'object' && Array.isArray((json as { facts?: unknown }).facts)) return (json as { facts: unknown[] }).facts;
  return null;
}

const RELATIONS = new Map(RELATION_TYPES.map((r) => [r, r]));
const relationOf = (s: string): RelationType | undefined => RELATIONS.get(s.toUpperCase().replace(/[\s-]+/g, '_') as RelationType);
const LABEL_KEYS = new Map(ENDPOINT_LABELS.map((l) => [l.toLowerCase(), l]));
const labelOf = (s: string): Label | undefined => LABEL_KEYS.get(s.toLowerCase().replace(/[\s_-]+/g, ''));

// spacing and typographic marks a model may not copy exactly
const FOLD: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u2013': '-', '\u2014': '-', '\u2212': '-' };
const fold = (ch: string) => FOLD[ch] ?? ch;
const isSpace = (ch: string) => /\s/.test(ch);

/** A text folded for quote search (runs of white space as one space, typographic quotes and dashes plain), with each folded character's offset in the original. */
function folded(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (isSpace(ch)) {
      if (!space && out.length) {
        out += ' ';
        at.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    out += fold(ch);
    at.push(i);
  }
  return { text: out, at };
}

const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** A document's text and sentences, with what quote search needs, computed once per document. */
export class GroundingText {
  private readonly fold: { text: string; at: number[] };
  readonly lower: string;

  constructor(
    readonly text: string,
    readonly sentences: readonly Sentence[],
  ) {
    this.fold = folded(text);
    this.lower = text.toLowerCase();
  }

  /** The span a quote occupies: found exactly, or after folding spacing and typographic marks; widened to the sentences it lies in. */
  find(quote: string): { start: number; end: number } | null {
    const q = quote.trim().replace(/^["'\u201c\u2018]+(?=.{8})|(?<=.{8})["'\u201d\u2019]+$/gu, '');
    if (q.length < 8) return null;
    let start = this.text.indexOf(q);
    let end = start + q.length;
    if (start < 0) {
      const fq = folded(q).text;
      const i = this.fold.text.indexOf(fq);
      if (i < 0) return null;
      start = this.fold.at[i]!;
      end = this.fold.at[i + fq.length - 1]! + 1;
    }
    // a quote inside a sentence stands for the sentence, as the rules' quotes do
    const first = this.sentences.find((s) => s.start <= start && start < s.end);
    const last = this.sentences.find((s) => s.start < end && end <= s.end);
    return { start: first?.start ?? start, end: last?.end ?? end };
  }

  /** Whether a name occurs in the text, or in a span of it (any case, at word boundaries). */
  names(name: string, span?: { start: number; end: number }): boolean {
    const hay = span ? this.lower.slice(span.start, span.end) : this.lower;
    return name.length >= 2 && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name.toLowerCase())}(?![\\p{L}\\p{N}])`, 'u').test(hay);
  }

  /** The one sentence that names an endpoint of each list, the closest to the quote in words when several do; null when none or a tie. */
  align(subject: readonly string[], object: readonly string[], quote: string): Sentence | null {
    const names = (s: Sentence, list: readonly string[]) =>
      list.some((n) => n.length >= 2 && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n.toLowerCase())}(?![\\p{L}\\p{N}])`, 'u').test(s.text.toLowerCase()));
    const both = this.sentences.filter((s) => names(s, subject) && names(s, object));
    if (both.length <= 1) return both[0] ?? null;
    const q = words(quote);
    const scored = both.map((s) => ({ s, n: [...words(s.text)].filter((w) => q.has(w)).length })).sort((a, b) => b.n - a.n);
    return scored[0]!.n > scored[1]!.n ? scored[0]!.s : null;
  }
}

interface GroundContext {
  doc: GroundingText;
  gazetteer: Gazetteer;
  source: string;
  extractor: string;
}

type Resolved = Exclude<Resolution, { status: 'ambiguous' }>;

/** A name through the resolver the rules use; a name several entities fit is narrowed only by the labels the relation allows at that end. */
function resolve(g: Gazetteer, name: string, label: Label, endLabels: readonly Label[]): Resolution {
  const r = resolveName(g, name, label);
  if (r.status !== 'ambiguous') return r;
  const narrowed = resolveName(g, name, label, { labels: endLabels });
  return narrowed.status === 'proposed' ? r : narrowed;
}

const labelOfResolved = (r: Resolved): Label => (r.status === 'known' ? r.known.entity.label : r.label);
const idOfResolved = (r: Resolved): string => (r.status === 'known' ? r.known.entity.id : r.id);
const nameOfResolved = (r: Resolved): string => (r.status === 'known' ? r.known.entity.name : r.name);
/** The names an endpoint may appear under in the text: as the model gave it, and the known entity's name and aliases. */
const surfaces = (given: string, r: Resolution): string[] => [given, ...(r.status === 'known' ? [r.known.entity.name, ...r.known.entity.aliases] : [])];

function entityOf(r: Resolution, source: string, g: Gazetteer, given: Label): EntityOut {
  if (r.status === 'ambiguous')
    return { kind: 'entity', type: g.get(r.candidates[0]!)?.entity.label ?? given, name: r.name, aliases: [], props: {}, source, confidence: 0.3, status: 'ambiguous', candidates: r.candidates };
  if (r.status === 'known') {
    const e = r.known.entity;
    return { kind: 'entity', type: e.label, name: e.name, id: e.id, aliases: e.aliases, props: e.props, source, confidence: 0.9, status: 'known' };
  }
  return { kind: 'entity', type: r.label, name: r.name, id: r.id, aliases: [], props: {}, source, confidence: 0.5, status: 'proposed' };
}

/** Props the schema accepts for the relation (nulls left out), or null. */
function checkedProps(rel: RelationType, raw: Record<string, unknown> | null | undefined): Props | null {
  return validProps(rel, Object.fromEntries(Object.entries(raw ?? {}).filter(([, v]) => v !== null && v !== undefined)) as Props);
}

/** The outcome of grounding: the records kept and the count of each drop. */
export interface Grounded {
  records: ExtractedRecord[];
  drops: Partial<Record<DropReason, number>>;
}

/**
 * Grounds the facts of every chunk's answer against the document: the records that survive (facts
 * and their endpoints' entities, ambiguous names as ambiguous entity records), one fact per relation,
 * subject and object across chunks (the better grounded kept), and every drop by its reason.
 */
export function groundFacts(facts: readonly unknown[], ctx: GroundContext): Grounded {
  const drops: Partial<Record<DropReason, number>> = {};
  const drop = (reason: DropReason) => void (drops[reason] = (drops[reason] ?? 0) + 1);
  const kept = new Map<string, FactOut>();
  const entities = new Map<string, EntityOut>();
  const g = ctx.gazetteer;
  for (const raw of facts) {
    const parsed = rawFact.safeParse(raw);
    if (!parsed.success) {
      drop('malformed_fact');
      continue;
    }
    const f = parsed.data;
    const rel = relationOf(f.relation);
    if (!rel) {
      drop('unknown_relation');
      continue;
    }
    const sLabel = labelOf(f.subject.type);
    const oLabel = labelOf(f.object.type);
    if (!sLabel || !oLabel) {
      drop('unknown_label');
      continue;
    }
    const s = resolve(g, f.subject.name, sLabel, RELATION_ENDPOINTS[rel].from);
    const o = resolve(g, f.object.name, oLabel, RELATION_ENDPOINTS[rel].to);
    // a name the document never writes (under any name or alias of what it resolves to) is the model's, not the text's
    const sNames = surfaces(f.subject.name, s);
    const oNames = surfaces(f.object.name, o);
    if (!sNames.some((n) => ctx.doc.names(n)) || !oNames.some((n) => ctx.doc.names(n))) {
      drop('name_not_in_document');
      continue;
    }
    if (s.status === 'ambiguous' || o.status === 'ambiguous') {
      // the name is kept as the rules keep it: an ambiguous entity record with its candidates, never guessed
      if (s.status === 'ambiguous') entities.set(`?${s.name}`, entityOf(s, ctx.source, g, sLabel));
      if (o.status === 'ambiguous') entities.set(`?${o.name}`, entityOf(o, ctx.source, g, oLabel));
      drop('ambiguous_endpoint');
      continue;
    }
    const from = labelOfResolved(s);
    const to = labelOfResolved(o);
    if (!allowed(rel, from, to)) {
      drop(allowed(rel, to, from) ? 'wrong_direction' : 'endpoints_not_allowed');
      continue;
    }
    if (idOfResolved(s) === idOfResolved(o)) {
      drop('self_relation');
      continue;
    }
    const props = checkedProps(rel, f.props);
    if (!props) {
      drop('invalid_props');
      continue;
    }
    let span = ctx.doc.find(f.quote);
    let confidence: number = CONFIDENCE.quoted;
    // a quote found in the text but naming neither endpoint points at the wrong sentence
    const found = span;
    if (found && !sNames.some((n) => ctx.doc.names(n, found)) && !oNames.some((n) => ctx.doc.names(n, found))) span = null;
    if (!span) {
      const sentence = ctx.doc.align(sNames, oNames, f.quote);
      span = sentence && { start: sentence.start, end: sentence.end };
      confidence = CONFIDENCE.aligned;
    }
    if (!span) {
      drop(found ? 'quote_unrelated' : 'quote_not_found');
      continue;
    }
    const subject = { type: from, name: nameOfResolved(s), id: idOfResolved(s) };
    const object = { type: to, name: nameOfResolved(o), id: idOfResolved(o) };
    const key = `${rel}|${subject.id}|${object.id}`;
    const prior = kept.get(key);
    // the same fact from two chunks (the overlap) or two sentences: the better grounded one stays
    if (prior && prior.confidence >= confidence) continue;
    kept.set(key, { kind: 'fact', rel, subject, object, props, quote: ctx.doc.text.slice(span.start, span.end), source: ctx.source, confidence, extractor: ctx.extractor });
    entities.set(subject.id, entityOf(s, ctx.source, g, from));
    entities.set(object.id, entityOf(o, ctx.source, g, to));
  }
  return { records: [...entities.values(), ...kept.values()], drops };
}
