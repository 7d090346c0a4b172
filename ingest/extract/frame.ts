// The sentence frame relation rules read: the sentence with each entity mention replaced by a
// marker ⟨i⟩, so a rule is a short regular expression over words and markers, plus the typed
// records rules return. Rules never see the raw text offsets; extract.ts maps them back.
import type { Label, RelationType } from '../../schema/generated/model.js';
import { RELATION_ENDPOINTS } from '../../schema/generated/model.js';
import type { Props } from '../../schema/records.js';
import { sameKindProblem } from '../../schema/validate.js';
import { MONEY_SOURCE, formatMoney, type Money } from './money.js';
import { ROLE_NOUN } from './proposals/proposal.js';

/** An entity mentioned in a sentence. */
export interface Mention {
  start: number;
  end: number;
  surface: string;
  label: Label;
  name: string;
  id?: string;
  aliases: string[];
  props: Props;
  status: 'known' | 'proposed' | 'ambiguous';
  confidence: number;
  /** candidate ids when ambiguous */
  candidates?: string[];
  /** ISO code of the nation a known organisation is headquartered in */
  country?: string;
  /** id of the organisation that operates it, when known (clouds) */
  operator?: string;
  demonym: boolean;
  /** a city standing for its nation ("Paris"): recorded only when a fact uses it */
  place?: boolean;
  /** "The model" standing for the model the document last named */
  anaphor?: boolean;
  /** for a description standing for an organisation ("the Santa Clara, California chipmaker"): the place it names */
  describedAt?: Mention;
  /** a proposal the text itself defines or introduces ("X (ABC)", "dubbed X", a formal designation) */
  defined?: boolean;
  /** a proposal shown for what its form or context says, though nothing else is said of it (it never displaces a known name inside it) */
  shown?: boolean;
  /** a name that opens a longer name nobody listed ("China National … Fund"): not an endpoint of its own */
  inName?: boolean;
  /** the owner a repository id names ("nvidia/Model-7B"): the organisation that publishes the model */
  publisher?: Mention;
  /** for a chip, model or cloud written without its maker ("H20", "GPT-4"): the id of the maker its full name or family gives */
  maker?: string;
}

/** An entity a rule brings into being (a deal, a regulation, a deployment). */
export interface NewEntity {
  label: Label;
  name: string;
  aliases?: string[];
  props?: Props;
}

export type Endpoint = Mention | NewEntity;

/** A relation a rule found, before validation against the schema. */
export interface FactDraft {
  rel: RelationType;
  subject: Endpoint;
  object: Endpoint;
  props?: Props;
  confidence: number;
}

export interface Frame {
  text: string;
  masked: string;
  mentions: Mention[];
  /** the subject mention of the previous sentence, for "Its ..." and "The company ..." */
  previous?: Mention;
  /** the subject of the sentence just before, only when that sentence opened on one ("Investors include …" after it) */
  justBefore?: Mention;
  /** the model the text was about before this sentence, for "Its successor …" */
  previousModel?: Mention;
}

/** A relation rule: one pattern family for one kind of statement. */
export interface RelationRule {
  name: string;
  /** what the rule reads, in a sentence, for the README and tests */
  example: string;
  /** mentions a sentence needs before the rule is worth trying (default 2) */
  minMentions?: number;
  /** words one of which every sentence the rule reads contains; sentences without any are skipped unread */
  cue?: RegExp;
  apply(frame: Frame): FactDraft[];
}

/** Regex source of the words that make a statement no fact: a denial, a possibility, a condition. */
export const HEDGES = 'not|cannot|never|no longer|could|might|may|would|should|if|whether';
/** Whether a span says no fact: one of the HEDGES, or a negation written "n't". */
export const HEDGED = new RegExp(`\\b(?:${HEDGES})\\b|n't\\b`, 'i');

/** Where a mention's marker stands in a frame's masked sentence. */
export function markerAt(frame: Frame, m: Mention): number {
  return frame.masked.indexOf(`⟨${frame.mentions.indexOf(m)}⟩`);
}

/** The masked text between two mentions of a frame (either may come first). */
export function between(frame: Frame, a: Mention, b: Mention): string {
  const [i, j] = [markerAt(frame, a), markerAt(frame, b)];
  return frame.masked.slice(Math.min(i, j), Math.max(i, j));
}

/** A role noun standing alone between two names, a noun compound that describes the name after it by the one before ("⟨X⟩
 * competitor ⟨Y⟩": Y is X's competitor, the one described). */
export const ROLE_COMPOUND = /^\s*(?:competitor|rival|challenger)\s*$/;

/** Regex source of the words that take a company over ("acquired", "bought", "the acquisition of"), before what is taken. */
export const TAKEOVER = '(?:acquire|acquires|acquired|acquiring|buy|buys|bought|buying|purchase|purchases|purchased|take over|takes over|took over|acquisition of|purchase of|takeover of|buyout of)';

/** Regex source for one marker, capturing its index. */
export const E = '⟨(\\d+)⟩';
/** The labels of companies: what the domain model lets own a subsidiary (a lab or an organisation). */
export const COMPANY_LABELS: ReadonlySet<Label> = new Set(RELATION_ENDPOINTS.SUBSIDIARY_OF.to);
/** Regex source for one marker, not capturing. */
export const E_ = '⟨\\d+⟩';
/** What a name's kind says before it in a list ("the hedge fund ⟨2⟩", "the ⟨1⟩ sovereign wealth fund ⟨2⟩", "chip startup ⟨3⟩"). */
// (in the plural too, and after an acronym: "VC firms ⟨1⟩ and ⟨2⟩")
const KIND_WORDS = `(?:(?!(?:and|or|but|with|to|of|by|from|in|for)\\b)(?:[a-z][a-z-]*|[A-Z]{2,4}) ){0,3}${ROLE_NOUN}s?`;
const DESCRIPTOR = `(?:${E_} )?${KIND_WORDS} (?=⟨)`;
/** A list item: a marker, after what its kind says, optionally as a possessive qualifier ("⟨1⟩'s government agencies"). */
const ITEM = `(?:${DESCRIPTOR})?${E_}(?:'s(?: [a-z]+){1,3})?`;
// the first item without it: a pattern that opens on a list is tried at every word, and a kind before each would be tried
// there too; a pattern whose list follows the words that open it names the first item's kind with KIND_BEFORE
const FIRST_ITEM = `${E_}(?:'s(?: [a-z]+){1,3})?`;
/** Regex source for what the first item's kind says, for a list after the words that open it ("led by the hedge fund ⟨1⟩ and …"). */
export const KIND_BEFORE = `(?:${DESCRIPTOR})?`;
/** Regex source for a list of markers ("⟨1⟩, ⟨2⟩, and ⟨3⟩"), capturing the whole list. */
export const LIST = `(${FIRST_ITEM}(?:(?:\\s*,\\s*(?:and |or |& )?|\\s+(?:and|or|&)\\s+)(?:the )?${ITEM})*)`;
export const MONEY = `(${MONEY_SOURCE})`;
/** Regex source for one character of a span that stays in its clause and steps over no name: not a marker, a semicolon or a
 * full stop, though a decimal point ("$1.5 billion") is part of the clause. */
export const IN_CLAUSE = '(?:[^⟨.;]|\\.(?=\\d))';
/** An aside between dashes after a name, which a pattern may step over ("Acme — maker of the X1 — signed …"). */
const DASH_ASIDE = '\\s*[—–][^—–.;]{1,100}[—–]';
export const ASIDE = `(?:${DASH_ASIDE})?`;

// a marker inside what an item's kind says ("the ⟨1⟩ sovereign wealth fund ⟨2⟩"): a nation describing the item, not an item
const DESCRIBING = new RegExp(`⟨(\\d+)⟩(?! ${KIND_WORDS} ⟨)`, 'g');

/** Mention indices in a captured list, in order (never a marker inside what an item's kind says). */
export function listIndices(list: string | undefined): number[] {
  return [...(list ?? '').matchAll(DESCRIBING)].map((m) => Number(m[1]));
}

/** The usable mention at a captured index (never an ambiguous one: rules do not guess). */
export function at(frame: Frame, index: string | number | undefined): Mention | undefined {
  if (index === undefined) return undefined;
  const m = frame.mentions[Number(index)];
  return m && m.status !== 'ambiguous' ? m : undefined;
}

/** Whether the schema allows a relation between two labels (and, for a relation of one kind, only between equal labels). */
export function allowed(rel: RelationType, from: Label, to: Label): boolean {
  const ends = RELATION_ENDPOINTS[rel];
  return ends.from.includes(from) && ends.to.includes(to) && !sameKindProblem(rel, from, to);
}

/** A nation's possessive before an organisation the lexicon knows is at home elsewhere ("China's Nvidia"): a likeness, not a home. */
export function homeElsewhere(owner: Mention, owned: Mention): boolean {
  return owner.label === 'Nation' && !!owned.country && !!owner.props?.iso && owned.country !== owner.props.iso;
}

/** The first of several relation types the schema allows between two endpoints. */
export function firstAllowed(rels: readonly RelationType[], subject: Endpoint, object: Endpoint): RelationType | undefined {
  return rels.find((r) => allowed(r, subject.label, object.label));
}

/** Replaces markers in a captured phrase with the surfaces they stand for. */
export function unmask(frame: Frame, phrase: string): string {
  return phrase.replace(/⟨(\d+)⟩/g, (_, i: string) => frame.mentions[Number(i)]?.surface ?? '');
}

/** Builds a global regex from a pattern source (all rules match case-insensitively on words). */
export function pattern(source: string): RegExp {
  return new RegExp(source, 'gu');
}

/** Head nouns that describe an organisation by its kind ("chipmaker", "AI firms", "the startup"). */
export const ORG_HEADS =
  '(?:alternatives?|players?|competitors?|challengers?|companies|company|firms?|startups?|start-ups?|giants?|groups?|chipmakers?|chip makers?|makers?|labs?|laboratory|providers?|hyperscalers?|vendors?|operators?|conglomerates?|developers?|designers?|manufacturers?|champions?|rivals?|entities|entity|funds?|investors?|banks?|agency|agencies|suppliers?|clouds?|miners?|juggernauts?|powerhouses?|unicorns?|counterparts?|peers?|specialists?|outfits?|neoclouds?)';
// a sentence's actor after an opening word, a time or a source ("Meanwhile, X …", "As of November 2024, X …", "According to
// Reuters, X …"), and after a description of its kind, an owner's or a nation's included ("US chipmaker X", "Acme's AI
// startup X", "AI giant X")
const OPENING_ACTOR = new RegExp(
  `^[#*>\\-\\s]*(?:[A-Z][a-z]+, |(?:As of|In|On|By|Since|Until|Last|This|Earlier|Later|Early|Late) [^,⟨;]{1,30}, |According to (?:the )?⟨\\d+⟩(?: [a-z]+)?, )?(?:The |the )?(?:(?:(?:[A-Z][\\w.-]*(?: [A-Z][\\w.-]*){0,2}['’]s|⟨\\d+⟩) )?(?:(?:[A-Za-z][a-z-]*|AI) ){0,3}${ORG_HEADS} )?⟨(\\d+)⟩`,
);

/** The sentence's leading actor: its first mention at the start ("Meanwhile, the X ...", "X's plan ..."), never a demonym. */
export function leadingActor(frame: Frame): Mention | undefined {
  const m = OPENING_ACTOR.exec(frame.masked);
  const first = m ? at(frame, m[1]) : undefined;
  return first && !first.demonym ? first : undefined;
}

/**
 * A known entity as a mention that no span of the sentence holds: what a document's structure or the
 * lexicon says an unnamed subject or object is (a card's model, a model family's usual developer).
 */
export function knownMention(e: { label: Label; name: string; id: string; aliases?: string[]; props?: Props }, confidence: number): Mention {
  return { start: 0, end: 0, surface: e.name, label: e.label, name: e.name, id: e.id, aliases: e.aliases ?? [], props: e.props ?? {}, status: 'known', confidence, demonym: false };
}

/** Whether an endpoint is a mention (as opposed to an entity a rule created). */
export function isMention(e: Endpoint): e is Mention {
  return 'surface' in e;
}

// what may stand between a clause's actor and its word: words only, no clause turn, no denial or condition
const ACTOR_GAP = new RegExp(`^(?:(?!\\b(?:${HEDGES}|but|while|whereas|although|however|unlike|denied|rejected|considering|blocked|abandoned|scrapped|failed)\\b)[^⟨;])*$`);
// a relative clause or an appositive set off by commas, and a mention standing inside one
// (and a participle's aside: "Acme, founded in 2021 by former Globex engineers, raised …", "Acme, backed by Initech, will buy …")
const ASIDE_OPENER =
  '(?:which|who|whose|that|a|an|the|(?:first |originally |later )?(?:founded|backed|owned|co-owned|controlled|based|headquartered|created|formed|established|spun (?:out|off)|valued|formerly|once|best known|known))';
const SET_OFF = new RegExp(`,\\s*${ASIDE_OPENER}\\b[^,;]*,|${DASH_ASIDE}`, 'g');
// an aside between dashes ("Acme — maker of the X1 — signed"): a mention inside it is no actor
const DASHED = new RegExp(DASH_ASIDE, 'g');
const INSIDE_SET_OFF = new RegExp(`,\\s*${ASIDE_OPENER}\\b[^,;]*$`);
// "said it would": reported future, no condition
// (a time or a channel may come between: "said last week it would", "said on Monday that it would", "said in a statement it would")
const REPORTED_FUTURE =
  /\b(?:said|says|announced|confirmed|agreed|told [^⟨,;]{1,30}?)(?:\s+(?:on|last|this|earlier|late|early|in|at|during)\s+(?:[A-Za-z]+\s+){0,2}?(?:[A-Z][a-z]+|week|month|year|day|morning|afternoon|evening|statement|filing|release|interview|briefing|post)\b)?\s+(?:that\s+)?(?:it|they)\s+would\b/g;
// someone stopped from doing it: "regulators blocked ⟨X⟩ from buying"
const STOPPED = /\b(?:blocked|barred|prevented|stopped|banned|prohibited|forbade|forbidden)\s+(?:the\s+)?$/;

/**
 * The actor a clause is about, read back from a word at `index` of the masked sentence ("Nvidia said it will invest …",
 * "Intel, which Nvidia backs, will buy …"): the nearest mention of one of `labels` before it with only words between
 * (a relative clause or an appositive skipped, a reported "said it would" no condition), never one stopped from acting
 * or under a denial or a condition; another party in between ends the search.
 */
export function clauseActor(frame: Frame, index: number, labels: ReadonlySet<string>): Mention | undefined {
  const head = frame.masked.slice(0, index);
  const markers = [...head.matchAll(/⟨(\d+)⟩/g)];
  const asides = [...head.matchAll(DASHED)].map((d) => [d.index, d.index + d[0].length] as const);
  for (let i = markers.length - 1; i >= 0; i--) {
    const m = at(frame, markers[i]![1]);
    const before = head.slice(0, markers[i]!.index);
    if (INSIDE_SET_OFF.test(before) || asides.some(([from, to]) => markers[i]!.index > from && markers[i]!.index < to)) continue;
    const between = head
      .slice(markers[i]!.index + markers[i]![0].length)
      .replace(SET_OFF, ' ')
      .replace(REPORTED_FUTURE, ' will ');
    if (!ACTOR_GAP.test(between) || STOPPED.test(before)) return undefined;
    if (m && labels.has(m.label) && !m.demonym && !m.place) return m;
    if (m && !m.demonym) return undefined;
  }
  return undefined;
}

/** A mention as the text wrote it, or its name where a description stands for it ("the company"). */
export const writtenName = (m: Mention): string => (m.anaphor ? m.name : m.surface);

/**
 * The name of a deal between two parties, by the project's convention "<A>-<B> [<amount>] <noun>" ("Nvidia-Intel $5B
 * investment"): the parties as the text wrote them (a description standing for one, "the company", by its name), and the
 * parties' canonical names as an alias where they differ, so the same deal is found from other documents.
 */
export function dealName(first: Mention, second: Mention, amount: Money | null, noun: string, more: readonly Mention[] = []): { name: string; aliases: string[] } {
  const tail = `${amount ? ` ${formatMoney(amount)}` : ''} ${noun}`;
  const parties = [first, second, ...more];
  const name = `${parties.map(writtenName).join('-')}${tail}`;
  const canonical = `${parties.map((p) => p.name).join('-')}${tail}`;
  return { name, aliases: canonical !== name ? [canonical] : [] };
}
