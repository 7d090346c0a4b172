// The gazetteer: every known name and alias in a character trie, matched at word boundaries,
// longest first. Built from the store's (or the seeds') entities plus the built-in lexicon, so
// extraction works on an empty store and prefers the graph's own ids when it has them.
import type { EntityRecord } from '../../schema/records.js';
import { LEXICON, type LexiconEntry } from './lexicon.js';
import { normaliseName } from '../resolve/normalise.js';

/** One entity the gazetteer knows, with the facts about it that rules may lean on. */
export interface KnownEntity {
  entity: EntityRecord;
  /** ISO code of the nation it is headquartered in, when known */
  country?: string;
  /** id of the organisation that operates it (clouds), when known */
  operator?: string;
  origin: 'graph' | 'lexicon';
}

/** A gazetteer match in a text. */
export interface GazetteerHit {
  start: number;
  end: number;
  surface: string;
  /** every known entity the surface names; more than one distinct id means ambiguous */
  candidates: KnownEntity[];
  /** true when the surface is a demonym ("Chinese") or a city ("Paris") standing for the entity, not its name */
  demonym: boolean;
  /** true when the surface is a city standing for the entity ("Paris" for France) */
  place: boolean;
}

interface Term {
  known: KnownEntity;
  /** alias as written, for case checks */
  form: string;
  demonym: boolean;
  place: boolean;
  isName: boolean;
  /** whether the form has a lowercase letter (an acronym has none and must match exactly); fixed at insertion */
  mixedCase: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  terms: Term[];
}

// ASCII is the hot path (a table lookup); other characters go through the full normalisation,
// once per distinct character in the life of the process.
const ASCII_KEY = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c).toLowerCase());
const otherKeys = new Map<string, string>();
const charKey = (ch: string): string => {
  const code = ch.charCodeAt(0);
  if (code < 128) return ASCII_KEY[code]!;
  let key = otherKeys.get(ch);
  if (key === undefined) otherKeys.set(ch, (key = normaliseName(ch).slice(0, 1) || ch));
  return key;
};
const newNode = (): TrieNode => ({ next: new Map(), terms: [] });
const isWordCode = (text: string, i: number): boolean => {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  // ASCII fast path; everything else by Unicode class
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(text[i]!);
};
const isWordChar = (c: string | undefined): boolean => (c ? isWordCode(c, 0) : false);
const isSpace = (c: string): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r' || (c.charCodeAt(0) > 127 && /\s/.test(c));
const hasLower = (s: string) => /\p{Ll}/u.test(s);
// A place name after a compass word is another place ("North America", "South Sudan").
const NAME_BEFORE =
  /(?:^|[^\p{L}\p{N}'’.])(?!(?:The|In|On|At|For|By|With|From|And|But|As|If|When|While|Meanwhile|That|This|Its|Their|A|An|To|Of|Both|Also|Under|After|Before|Since|Why|How|What|Where|Who|Unlike|Like|Despite|Against|Via|Through|Between|Among|Across|Inside|Outside|Even|Only|So|Yet|Then|Now|Today|Here|There|Why|Did|Does|Do|Is|Are|Was|Were|Will|Can|Could|Would|Should|Has|Have|Had|Not|No|Every|Each|All|Some|Many|Most|Several|Former|Chinese|American|European)\s)\p{Lu}\p{Ll}+ $/u;
const COMPASS_BEFORE = /\b(North|South|East|West|Latin|Central|Southeast|Northeast|Southwest|Northwest|Greater|New)\s$/;

/**
 * Whether an alias is the text's description of an entity rather than a name for it: lower-case
 * words, several or one plain word ("export restrictions", "$5 billion investment", "guidance"; "us-east-1" is a name). A description is kept with the entity, so a reader
 * sees how the document spoke of it, but never matched as a name (it would claim every such phrase).
 */
export const isDescription = (alias: string): boolean => !/\p{Lu}/u.test(alias) && (/\s/.test(alias) || /^\p{Ll}+$/u.test(alias));

/** Whether the text at a match has the case the alias demands (acronyms exactly; names by their first letter). */
function caseFits(term: Term, surface: string): boolean {
  if (!term.mixedCase) return term.form === surface;
  // (a name written with its article, "the Commission", opens a sentence with a capital: "The Commission shall …")
  return term.form[0] === surface[0] || (term.form.startsWith('the ') && surface.startsWith('The '));
}

function lexiconKnown(e: LexiconEntry): KnownEntity {
  return {
    entity: { id: e.id, label: e.label, name: e.name, aliases: e.aliases ?? [], props: e.props ?? {} },
    ...(e.country ? { country: e.country } : {}),
    ...(e.operator ? { operator: e.operator } : {}),
    origin: 'lexicon',
  };
}

export class Gazetteer {
  private readonly root = newNode();
  private readonly byId = new Map<string, KnownEntity>();
  private readonly demonymsById = new Map<string, string[]>();

  /** Builds a gazetteer from graph entities (which win on id clashes) and, unless disabled, the lexicon. */
  static build(entities: readonly EntityRecord[], opts: { lexicon?: boolean } = {}): Gazetteer {
    const g = new Gazetteer();
    const lexicon = opts.lexicon === false ? [] : LEXICON;
    const lexById = new Map(lexicon.map((e) => [e.id, e]));
    for (const e of entities) {
      const lex = lexById.get(e.id);
      const aliases = [...new Set([...e.aliases, ...(lex?.aliases ?? [])])];
      g.add(
        { entity: { ...e, aliases }, ...(lex?.country ? { country: lex.country } : {}), ...(lex?.operator ? { operator: lex.operator } : {}), origin: 'graph' },
        lex?.demonyms ?? [],
        lex?.places ?? [],
      );
    }
    for (const lex of lexicon) if (!g.byId.has(lex.id)) g.add(lexiconKnown(lex), lex.demonyms ?? [], lex.places ?? []);
    return g;
  }

  private add(known: KnownEntity, demonyms: string[], places: string[] = []): void {
    this.byId.set(known.entity.id, known);
    this.demonymsById.set(known.entity.id, demonyms);
    this.insert(known.entity.name, { known, form: known.entity.name, demonym: false, place: false, isName: true });
    for (const alias of known.entity.aliases) if (!isDescription(alias)) this.insert(alias, { known, form: alias, demonym: false, place: false, isName: false });
    for (const d of demonyms) this.insert(d, { known, form: d, demonym: true, place: false, isName: false });
    for (const p of places) this.insert(p, { known, form: p, demonym: true, place: true, isName: false });
  }

  private insert(form: string, entry: Omit<Term, 'mixedCase'>): void {
    // a name written with "and" is also written with "&" and the other way round ("Bureau of Industry & Security")
    const other = / and /.test(form) ? form.replace(/ and /g, ' & ') : / & /.test(form) ? form.replace(/ & /g, ' and ') : undefined;
    if (other) this.insertOne(other, { ...entry, form: other });
    this.insertOne(form, entry);
  }

  private insertOne(form: string, entry: Omit<Term, 'mixedCase'>): void {
    const term: Term = { ...entry, mixedCase: hasLower(entry.form) };
    const key = normaliseName(form);
    if (key.length < 2) return;
    let node = this.root;
    for (const ch of key) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = newNode()));
      node = child;
    }
    node.terms.push(term);
  }

  /** The known entity with this id. */
  get(id: string): KnownEntity | undefined {
    return this.byId.get(id);
  }

  /** Every known entity. */
  all(): KnownEntity[] {
    return [...this.byId.values()];
  }

  /** Longest non-overlapping matches of known names in a text, at word boundaries. */
  match(text: string): GazetteerHit[] {
    const hits: GazetteerHit[] = [];
    let i = 0;
    // whether the character before i is a word's (carried along, so each character is classed once)
    let afterWord = false;
    while (i < text.length) {
      const word = isWordCode(text, i);
      if (afterWord || !word) {
        afterWord = word;
        i++;
        continue;
      }
      const hit = this.longestAt(text, i);
      if (hit) {
        hits.push(hit);
        i = hit.end;
        afterWord = isWordCode(text, i - 1);
      } else {
        afterWord = true;
        i++;
      }
    }
    return hits;
  }

  private longestAt(text: string, start: number): GazetteerHit | null {
    let node: TrieNode | undefined = this.root;
    let best: GazetteerHit | null = null;
    let j = start;
    while (node && j < text.length) {
      let ch = text[j]!;
      if (isSpace(ch)) {
        // any run of whitespace in the text equals one space in a name
        while (j + 1 < text.length && isSpace(text[j + 1]!)) j++;
        ch = ' ';
      }
      node = node.next.get(charKey(ch));
      j++;
      if (!node || node.terms.length === 0) continue;
      // a plural of a code-like name ("H100s", "H20s") names the same thing
      const plural = text[j] === 's' && !isWordChar(text[j + 1]) && /[0-9A-Z]/.test(text[j - 1]!);
      if (isWordChar(text[j]) && !plural) continue;
      const written = text.slice(start, j);
      const surface = plural ? text.slice(start, j + 1) : written;
      const fitting = node.terms.filter((t) => caseFits(t, written));
      if (fitting.length === 0) continue;
      if (COMPASS_BEFORE.test(text.slice(Math.max(0, start - 12), start)) && fitting.every((t) => t.known.entity.label === 'Nation')) continue;
      const names = fitting.filter((t) => t.isName);
      // a one-word alias after another capitalised word is the tail of a longer name ("Mobile World Congress");
      // nations are exempt ("Dimension US Sovereign Cloud" in a table still names the US)
      if (names.length === 0 && !surface.includes(' ') && fitting.every((t) => !t.demonym && t.known.entity.label !== 'Nation') && NAME_BEFORE.test(text.slice(Math.max(0, start - 16), start)))
        continue;
      const chosen = names.length > 0 ? names : fitting;
      const seen = new Set<string>();
      const candidates = chosen.filter((t) => !seen.has(t.known.entity.id) && seen.add(t.known.entity.id)).map((t) => t.known);
      best = { start, end: start + surface.length, surface, candidates, demonym: chosen.every((t) => t.demonym), place: chosen.every((t) => t.place) };
    }
    return best;
  }
}
