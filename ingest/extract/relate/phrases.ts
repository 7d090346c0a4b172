// Loads the relation phrases (phrases.yaml beside this file) and checks them against the domain
// model: an unknown relation type, label or organisation kind, or a malformed phrase, fails with
// the file and line. Each phrase becomes a regular expression over the lower-cased words between
// two mentions.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { z } from 'zod';
import { LABELS, RELATION_TYPES, labelProps, type Label, type RelationType } from '../../../schema/generated/model.js';

export const PHRASES_FILE = fileURLToPath(new URL('./phrases.yaml', import.meta.url));

/** Which mention of a pair is the subject. */
export type Direction = 'either' | 'forward' | 'backward';

/** The phrases of one entry and direction, compiled into one pattern. */
export interface Phrase {
  rel: RelationType;
  direction: Direction;
  /** the phrases as written in the data file */
  texts: string[];
  /** every phrase that is more than a lone function word, as one alternation (null when there is none) */
  re: RegExp | null;
  /** lone function words ("by", "in"): each states the relation only when it is all that stands between the two mentions */
  weak: ReadonlySet<string>;
  subjectLabels?: readonly Label[];
  objectLabels?: readonly Label[];
  objectKinds?: readonly string[];
  subjectKinds?: readonly string[];
  /** words that, standing in the gap, make the entry state nothing there (null when the entry has none) */
  unless?: RegExp;
}

export interface PhraseBook {
  phrases: Phrase[];
  /** head noun (lower case) -> the label it gives a name it heads or introduces */
  heads: ReadonlyMap<string, Label>;
  /** descriptions that stand for an organisation named before ("the California chipmaker"): head noun -> what it fits */
  referents: ReadonlyMap<string, { labels: readonly Label[]; kinds?: readonly string[] }>;
  possessive: { relations: RelationType[]; maxModifiers: number };
  /** the bodies through which a nation enacts its laws ("Congress", "the Bundestag"): what they enact is ENACTED_BY the nation */
  legislatures: RegExp | null;
  /** technical terms a text may define with an acronym ("Mixture of Experts (MoE)"), lower case: never an entity's name */
  terms: ReadonlySet<string>;
  /** a hash-free summary for tests and docs: relation type -> number of phrases */
  counts: Partial<Record<RelationType, number>>;
}

export class PhraseFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
  }
}

const RELATION = z.enum(RELATION_TYPES as unknown as [RelationType, ...RelationType[]]);
const LABEL = z.enum(LABELS as unknown as [Label, ...Label[]]);
const PHRASE_TEXT = z.string().regex(/^[a-z0-9 '*,.+\-[\]]+$/, 'a phrase is lower-case words, optionally ending a stem with *');
// a kind is valid for a label when the schema's props of that label accept it (an organisation's, a chip's)
const kindOf =
  (label: 'Organization' | 'Chip') =>
  (k: string): boolean =>
    labelProps[label].safeParse({ kind: k }).success;
const isOrgKind = kindOf('Organization');

const ENTRY = z
  .object({
    rel: RELATION,
    either: z.array(PHRASE_TEXT).optional(),
    forward: z.array(PHRASE_TEXT).optional(),
    backward: z.array(PHRASE_TEXT).optional(),
    labels: z.tuple([z.array(LABEL).min(1), z.array(LABEL).min(1)]).optional(),
    objectKinds: z.array(z.string().refine(isOrgKind, 'not an Organization kind of the schema')).optional(),
    subjectKinds: z.array(z.string().refine(kindOf('Chip'), 'not a Chip kind of the schema')).optional(),
    unless: z.array(PHRASE_TEXT).optional(),
  })
  .strict()
  .refine((e) => (e.either?.length ?? 0) + (e.forward?.length ?? 0) + (e.backward?.length ?? 0) > 0, 'an entry needs phrases under either, forward or backward');

const FILE = z
  .object({
    possessive: z.object({ relations: z.array(RELATION).min(1), maxModifiers: z.number().int().min(0).max(10) }).strict(),
    weak: z.array(PHRASE_TEXT).default([]),
    heads: z.partialRecord(LABEL, z.array(z.string().regex(/^[a-z][a-z -]*$/, 'a head noun is lower-case words'))),
    referents: z
      .array(
        z
          .object({
            heads: z.array(z.string().regex(/^[a-z][a-z -]*$/, 'a head noun is lower-case words')).min(1),
            labels: z.array(LABEL).min(1),
            kinds: z.array(z.string().refine(isOrgKind, 'not an Organization kind of the schema')).optional(),
          })
          .strict(),
      )
      .default([]),
    legislatures: z.array(z.string().regex(/^[a-z][a-z' -]*$/, 'a legislature is lower-case words')).default([]),
    terms: z.array(z.string().regex(/^[a-z][a-z -]*$/, 'a term is lower-case words')).default([]),
    entries: z.array(z.unknown()),
  })
  .strict();

/** A phrase as a regular expression over lower-cased words: `*` ends a stem, `[..]` and `+` pass through. */
export function phraseSource(text: string): string {
  return text
    .split(' ')
    .map((w) => {
      if (w.startsWith('[') || w.endsWith('+') || w.endsWith(']*') || w.endsWith(']+')) return w;
      const stem = w.endsWith('*');
      const body = (stem ? w.slice(0, -1) : w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return stem ? `${body}[\\w-]*` : body;
    })
    .join(' ');
}

function lineOf(node: Node | undefined, counter: LineCounter): number {
  const at = node?.range?.[0];
  return at === undefined ? 1 : counter.linePos(at).line;
}

/** Parses and checks a phrase file's text; `file` names it in errors. */
export function parsePhrases(text: string, file: string): PhraseBook {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new PhraseFileError(file, e.linePos?.[0]?.line ?? 1, e.message.split('\n')[0] ?? 'unreadable YAML');
  }
  const top = FILE.safeParse(doc.toJS());
  if (!top.success) {
    const issue = top.error.issues[0]!;
    const node = doc.getIn(issue.path as (string | number)[], true) as Node | undefined;
    throw new PhraseFileError(file, lineOf(node, counter), `${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  const entriesNode = doc.get('entries', true);
  const items = isSeq(entriesNode) ? (entriesNode.items as Node[]) : [];
  const phrases: Phrase[] = [];
  const counts: Partial<Record<RelationType, number>> = {};
  const weakWords = new Set(top.data.weak);
  top.data.entries.forEach((raw, i) => {
    const parsed = ENTRY.safeParse(raw);
    const node = items[i];
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const at = isMap(node) ? (node.getIn(issue.path as (string | number)[], true) as Node | undefined) : undefined;
      throw new PhraseFileError(file, lineOf(at ?? node, counter), `entries[${i}].${issue.path.join('.')}: ${issue.message}`);
    }
    const e = parsed.data;
    const add = (list: string[] | undefined, direction: Direction) => {
      if (!list?.length) return;
      const strong = list.filter((t) => !weakWords.has(t));
      let re: RegExp | null = null;
      if (strong.length) {
        try {
          re = new RegExp(`(?:^|[^\\w-])(?:${strong.map(phraseSource).join('|')})(?=$|[^\\w-])`, 'g');
        } catch (err) {
          throw new PhraseFileError(file, lineOf(node, counter), `entries[${i}]: a phrase is not a valid pattern (${(err as Error).message})`);
        }
      }
      phrases.push({
        rel: e.rel,
        direction,
        texts: list,
        re,
        weak: new Set(list.filter((t) => weakWords.has(t))),
        ...(e.labels ? { subjectLabels: e.labels[0], objectLabels: e.labels[1] } : {}),
        ...(e.objectKinds ? { objectKinds: e.objectKinds } : {}),
        ...(e.subjectKinds ? { subjectKinds: e.subjectKinds } : {}),
        ...(e.unless ? { unless: new RegExp(`(?:^|[^\\w-])(?:${e.unless.map(phraseSource).join('|')})(?=$|[^\\w-])`) } : {}),
      });
      counts[e.rel] = (counts[e.rel] ?? 0) + list.length;
    };
    add(e.either, 'either');
    add(e.forward, 'forward');
    add(e.backward, 'backward');
  });
  const heads = new Map<string, Label>();
  for (const [label, nouns] of Object.entries(top.data.heads) as [Label, string[]][]) {
    for (const n of nouns) {
      const prior = heads.get(n);
      if (prior && prior !== label) {
        const node = doc.getIn(['heads', label], true) as Node | undefined;
        throw new PhraseFileError(file, lineOf(node, counter), `heads: "${n}" is listed under both ${prior} and ${label}`);
      }
      heads.set(n, label);
    }
  }
  const referents = new Map<string, { labels: readonly Label[]; kinds?: readonly string[] }>();
  top.data.referents.forEach((r, i) => {
    for (const h of r.heads) {
      if (referents.has(h)) {
        const node = doc.getIn(['referents', i], true) as Node | undefined;
        throw new PhraseFileError(file, lineOf(node, counter), `referents: "${h}" is listed twice`);
      }
      referents.set(h, { labels: r.labels, ...(r.kinds ? { kinds: r.kinds } : {}) });
    }
  });
  const legislatures = top.data.legislatures.length ? new RegExp(`\\b(?:${top.data.legislatures.map(phraseSource).join('|')})\\b`, 'i') : null;
  return { phrases, heads, referents, possessive: top.data.possessive, legislatures, terms: new Set(top.data.terms), counts };
}

let book: PhraseBook | undefined;
/** The phrase book of the shipped data file, loaded once. */
export function phraseBook(): PhraseBook {
  return (book ??= parsePhrases(readFileSync(PHRASES_FILE, 'utf8'), 'ingest/extract/relate/phrases.yaml'));
}
