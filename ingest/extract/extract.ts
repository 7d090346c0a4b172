// Text -> fact records (README.md, "Fact records (JSONL)"): sentences, mentions (known and proposed), then every
// relation rule on every sentence. Deterministic and offline; quotes are exact sentences of the text.
import { boundedMemo } from './memo.js';
import { isPublicBody, refusedAsTo } from '../../schema/validate.js';
import { relationProps, type Label, type RelationType } from '../../schema/generated/model.js';
import { entityId, type EntityRecord, type Props } from '../../schema/records.js';
import { allowed, isMention, leadingActor, type Endpoint, type FactDraft, type Frame, type Mention, type RelationRule } from './frame.js';
import type { Gazetteer } from './gazetteer.js';
import { findMentions } from './mentions.js';
import { analyse, type Sentence } from './nlp.js';
import { NATIONS_BY_ISO, SEATS } from './lexicon.js';
import { phraseBook } from './relate/phrases.js';
import { ORG_DESCRIPTION, SPEAKER } from './relate/relate.js';
import { RULES } from './rules/index.js';
import { EXTRACTOR_VERSION } from './version.js';

import type { DocumentKind } from '../sources/kinds.js';
export type { DocumentKind };

export interface ExtractOptions {
  /** document id, url or file name the records cite */
  source: string;
  gazetteer: Gazetteer;
  kind?: DocumentKind;
  /** rules a document brings for its own text (a policy's regulation applying to what it names) */
  extraRules?: readonly RelationRule[];
  /** names the document's structure vouches for (a model card's sibling releases): kept though nothing relates them */
  vouches?: (entity: { type: Label; name: string }) => boolean;
  /** entities the document's structure names, found in its text wherever it writes them */
  names?: readonly EntityRecord[];
}

/** An entity fact record as extraction emits it. */
export interface EntityOut {
  kind: 'entity';
  type: Label;
  name: string;
  id?: string;
  aliases: string[];
  props: Props;
  source: string;
  confidence: number;
  /** known: in the graph or lexicon; proposed: new, typed by its form; ambiguous: several candidates, not resolved */
  status: 'known' | 'proposed' | 'ambiguous';
  candidates?: string[];
}

export interface EndpointOut {
  type: Label;
  name: string;
  id: string;
}

/** A relation fact record as extraction emits it. */
export interface FactOut {
  kind: 'fact';
  rel: RelationType;
  subject: EndpointOut;
  object: EndpointOut;
  props: Props;
  /** the exact sentence or span of the source; absent when the fact comes from where the document lives (its URL) */
  quote?: string;
  source: string;
  confidence: number;
  extractor: string;
}

export type ExtractedRecord = EntityOut | FactOut;

/** Version of the extractor: a hash of its code and data (version.ts); `reextract` supersedes claims of other versions. */
export { EXTRACTOR_VERSION } from './version.js';

// created entities (deals, regulations) recur in every draft of a sentence: their ids are computed once
const createdId = boundedMemo(
  50_000,
  (e: Endpoint) => `${e.label}|${e.name}|${String(e.props?.iso ?? '')}`,
  (e: Endpoint) => entityId(e.label, e.name, e.props),
);
const idOf = (e: Endpoint): string => (isMention(e) && e.id ? e.id : createdId(e));

// a nation's laws are its own, whichever of its bodies passed them: "enacted by Congress" is ENACTED_BY the United States
const { legislatures: LEGISLATURES } = phraseBook();
function enactingNation(d: FactDraft): FactDraft {
  if (d.rel !== 'ENACTED_BY' || !LEGISLATURES || !isMention(d.object) || !d.object.country || !LEGISLATURES.test(d.object.name)) return d;
  const nation = NATIONS_BY_ISO.get(d.object.country);
  return nation ? { ...d, object: { label: 'Nation', name: nation.name, aliases: nation.aliases, props: nation.props } } : d;
}

// a maker's team named after its product line ("Qwen Team" for Qwen3): the maker's own unit, not another maker
const namedAfter = (maker: string, product: string): boolean => {
  const line = /^[a-z]+/i.exec(product)?.[0]?.toLowerCase();
  return !!line && line.length >= 3 && maker.toLowerCase().split(/\s+/).includes(line);
};

// the maker's house named by the same first word ("Meta" for Meta AI's models, "Google" for Google DeepMind's): the group the maker belongs to
const sameHouse = (makerId: string, owner: string): boolean => {
  const first = /^[a-z]+:([a-z0-9]+)/.exec(makerId)?.[1];
  return !!first && first.length >= 3 && owner.toLowerCase().split(/\s+/)[0] === first;
};

// who made a chip by the maker's role: a foundry fabricates what it "built", and so does a memory maker the
// memory it "makes"; a memory standard (HBM3E) has no one designer
function makerRole(d: FactDraft): FactDraft | null {
  // a product the lexicon knows is made by its maker, whatever a possessive or an "its" nearby seems to say ("Nvidia hardware to
  // scale its Claude models", "Anthropic's strategy spans Google's TPUs")
  if (
    (d.rel === 'DESIGNED_BY' || d.rel === 'DEVELOPED_BY') &&
    isMention(d.subject) &&
    d.subject.status === 'known' &&
    d.subject.maker &&
    isMention(d.object) &&
    d.object.status === 'known' &&
    d.object.id !== d.subject.maker &&
    !namedAfter(d.object.name, d.subject.name) &&
    !sameHouse(d.subject.maker, d.object.name)
  )
    return null;
  if (d.rel !== 'DESIGNED_BY') return d;
  const kind = d.object.props?.kind;
  const fabricates = kind === 'foundry' || (kind === 'memory_maker' && d.subject.props?.kind === 'hbm');
  if (fabricates) return allowed('FABRICATED_BY', d.subject.label, d.object.label) ? { ...d, rel: 'FABRICATED_BY' } : null;
  return d.subject.props?.kind === 'hbm' ? null : d;
}

const sameEntity = (a: Mention, b: Mention): boolean => a.status !== 'ambiguous' && a.label === b.label && (a.id !== undefined ? a.id === b.id : a.name === b.name);

function mask(text: string, offset: number, mentions: Mention[]): string {
  let out = '';
  let cursor = 0;
  mentions.forEach((m, i) => {
    // a name's own abbreviation in brackets after it ("Advanced Micro Devices (AMD)") is one mention: lists and patterns read
    // "⟨0⟩ and ⟨2⟩" as they would without it
    if (cursor > m.start - offset) return;
    out += text.slice(cursor, m.start - offset) + `⟨${i}⟩`;
    cursor = m.end - offset;
    const next = mentions[i + 1];
    if (next && sameEntity(m, next) && text.slice(cursor, next.start - offset) === ' (' && text[next.end - offset] === ')') cursor = next.end - offset + 1;
  });
  return (out + text.slice(cursor)).replace(/[\u2018\u2019]/g, "'");
}

// a nation's name used as an adjective before an organisation's kind and name ("U.S. chipmaker Nvidia", "UAE firm G42")
const NATION_MODIFIER = new RegExp(`^\\s+${ORG_DESCRIPTION}\\s+$`);

/** Nations named only to describe the organisation after them, read like demonyms: a modifier, not a party. */
function nationModifiers(sentence: { text: string; start: number }, mentions: Mention[]): Mention[] {
  return mentions.map((m, i) => {
    const next = mentions[i + 1];
    if (m.label !== 'Nation' || m.demonym || m.place || m.status === 'ambiguous' || !next || next.label === 'Nation') return m;
    return NATION_MODIFIER.test(sentence.text.slice(m.end - sentence.start, next.start - sentence.start)) ? { ...m, demonym: true } : m;
  });
}

// a seat of government acting, or owning what it issued: "Washington restricted …", "Beijing has told …", "Tokyo's new rules"
const SEAT_ACTS = /^(?:['’]s\s|\s+(?:(?:has|have|had|will|would|is|was|also|then|now|later|quickly|quietly|formally|officially|further|recently)\s+)*(?!based\b)[a-z]+(?:ed|es|s)\b)/;
// … never where it is only a place: "in Washington", "from Beijing", "Washington-based", "Washington, D.C."
const SEAT_PLACE = /\b(?:in|at|from|to|near|outside|around|of|into|via|between|across|visit(?:ed|s)?)\s+$/i;

// "government" after a nation's name, short form or demonym ("the U.S. government", "Chinese authorities", "EU lawmakers"), never "government-funded"
const GOVERNMENT_AFTER = /^\s+(?:government|administration|authorities|lawmakers|legislators|parliament)\b(?!-)/;

/**
 * A nation's government and a seat of government that acts stand for the nation (a party), not for a
 * place or a nationality: "the Japanese government" is one mention of Japan, so every rule reads it as
 * the nation itself.
 */
function seatsOfGovernment(sentence: { text: string; start: number }, mentions: Mention[]): Mention[] {
  return mentions.map((m) => {
    const government = m.label === 'Nation' ? GOVERNMENT_AFTER.exec(sentence.text.slice(m.end - sentence.start)) : null;
    // the span takes the word in (rules read the marker as the nation); the surface stays the nation's as written, but
    // its people's adjective is no name of it ("the Vietnamese government" is Vietnam's)
    if (government) return { ...m, demonym: false, place: false, end: m.end + government[0].length, ...(m.demonym ? { surface: m.name } : {}) };
    if (m.label !== 'Nation' || !m.place || !SEATS.has(m.surface)) return m;
    const after = sentence.text.slice(m.end - sentence.start);
    const before = sentence.text.slice(0, m.start - sentence.start);
    return SEAT_ACTS.test(after) && !SEAT_PLACE.test(before) ? { ...m, place: false, demonym: false } : m;
  });
}

// what may precede a sentence's subject: markup, "The", "Meanwhile,"
const LEADS = /^(?:[#*>\-\s]*)(?:[A-Z][a-z]+, )?(?:The |the |We introduce |Introducing )?$/;
const ANAPHOR = /\b(?:[Tt]he|[Tt]his) model\b(?! (?:card|family|series|weights|of|that|which|from|was released))/g;
// "… was placed on the list in 2023": a list of parties the text named before (the Entity List, a sanctions list)
const LIST_ANAPHOR = /\b[Tt]he (?:same |trade |export |sanctions |US |U\.S\. )?(?:list|blacklist)\b(?! of\b)/g;
// "Under the agreement, …", "The partnership will see …": the deal the text named before (within a few sentences); a deal
// a rule made from a description has no name of the text's own, so what "the agreement" says is not hung on it
const DEAL_ANAPHOR = /\b[Tt]he (?:deal|agreement|partnership|pact|contract|joint venture|arrangement|initiative)\b(?! (?:with|between|among|to|of|for|that|which)\b)/g;
// "The campus will be built in …", "the AI hub": the site the text named last (within two sentences)
const SITE_ANAPHOR = /\b[Tt]he (?:AI |new |planned |proposed |future )?(?:data cent(?:er|re)|campus|facility|AI hub|supercomputer|supercluster)\b(?! (?:of|in|at|for|that|which|to|with)\b)/g;
// "At the time, it was powered by …": a lower-case "it" before what is said of a site, a cloud or a model stands for the one named
// last (a sentence-opening "It" is left to organisations)
const IT_THING =
  /(?<=,\s|\bthat\s|\bwhen\s|\band\s)it(?=\s+(?:(?:was|is|will be|would be|has been|had been|will soon be|is now|was then)\s+)?(?:powered by|located in|built (?:in|on|with)|trained on|run(?:s|ning)? on|host(?:s|ed|ing)?|hous(?:es|ed|ing)|equipped with|fitted with|packed with)\b)/g;

/** A phrase that stands for what the text named last of a kind, within `reach` sentences; `cue` tests a sentence cheaply. */
interface Referring {
  phrase: RegExp;
  cue: RegExp;
  fits: (m: Mention) => boolean;
  reach: number;
}
const referring = (phrase: RegExp, fits: (m: Mention) => boolean, reach: number): Referring => ({ phrase, cue: new RegExp(phrase.source), fits, reach });
const REFERRING: readonly Referring[] = [
  referring(LIST_ANAPHOR, (m) => m.label === 'Regulation' && /\b(?:List|list)$/.test(m.name), Infinity),
  referring(DEAL_ANAPHOR, (m) => m.label === 'Deal', 3),
  referring(IT_THING, (m) => m.label === 'DataCenter' || m.label === 'Cloud' || m.label === 'Model', 2),
  referring(SITE_ANAPHOR, (m) => m.label === 'DataCenter', 2),
];
const isModel = (m: Mention): boolean => m.label === 'Model';

/**
 * "The model runs on ...", "… added to the list": a text names a model or a list once and then says
 * "the model", "the list". Each such phrase becomes a mention of the one named last before it (in
 * this sentence or earlier).
 */
function withAnaphors(sentence: Sentence, named: Mention[], before: Mention | undefined, phrase: RegExp, fits: (m: Mention) => boolean): Mention[] {
  const out: Mention[] = [];
  let referent = before;
  let i = 0;
  for (const a of sentence.text.matchAll(phrase)) {
    const start = sentence.start + a.index;
    const end = start + a[0].length;
    for (; i < named.length && named[i]!.start < start; i++) {
      out.push(named[i]!);
      if (fits(named[i]!) && named[i]!.status !== 'ambiguous') referent = named[i];
    }
    if (referent && (i >= named.length || named[i]!.start >= end)) out.push({ ...referent, start, end, anaphor: true });
  }
  return [...out, ...named.slice(i)];
}

// "the company", "the California chipmaker", "the Chinese startup", and "It" opening a sentence: an
// organisation the text named before. The heads and what each fits are data (phrases.yaml, referents).
const { referents: REFERENTS } = phraseBook();
const DESCRIPTOR = new RegExp(
  `\\b[Tt]he (?:[A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z][a-z]+(?: [A-Z][a-z]+)? )?(?:(?:[A-Z][a-z]+(?:-based|-headquartered)?|[A-Z]{2,3}|(?:[A-Z]\\.){2,3}|[a-z]+-based|[a-z]+-headquartered|(?!(?:most|least|only|other|another|same|next|[a-z]+est)\\b)[a-z]+) ){0,3}?(${[...REFERENTS.keys()].join('|')})(?! (?:of|that|which|who)\\b)\\b`,
  'g',
);
// "Its" is left to the rules that read it ("Its selection of …") and to the relation layer's possessive pronoun
const PRONOUN = /^(?:[A-Z][a-z]+, )?(It)\b(?!['’])/;
/** Labels a description can stand for: whose mentions a sentence offers as referents. */
const REFERENT_LABELS = new Set([...REFERENTS.values()].flatMap((r) => r.labels));
const fits = (head: string, m: Mention, pronoun = false): boolean => {
  const r = REFERENTS.get(head);
  if (!r || !r.labels.includes(m.label)) return false;
  // "the company", "the giant" never stand for a public body ("It" may)
  if (!pronoun && m.label === 'Organization' && isPublicBody(m.props)) return !!r.kinds?.includes(String(m.props.kind));
  return !r.kinds || m.label !== 'Organization' || m.props?.kind === undefined || r.kinds.includes(String(m.props.kind));
};

/**
 * Mentions for "the company" and "It": each stands for the actor the text named last that fits its head
 * (a chipmaker is an organisation that makes chips, a lab is a lab), never across more than two sentences.
 * Only a sentence without a named actor of its own at its start reads a pronoun.
 */
function withReferents(sentence: Sentence, named: Mention[], actors: readonly Mention[]): Mention[] {
  if (!actors.length) return named;
  const extra: Mention[] = [];
  let kept = named;
  const take = (start: number, end: number, head: string, pronoun = false) => {
    const inside = kept.filter((m) => m.start < end && m.end > start);
    // a place or nationality inside the description ("the Beijing-based lab", "the US chip giant") is part of it
    if (inside.some((m) => m.label !== 'Nation')) return;
    kept = kept.filter((m) => !inside.includes(m));
    // "the Santa Clara, California chipmaker": the place the description names is the referent's home,
    // so an organisation known to be at home elsewhere is not the one meant
    const place = inside.find((m) => m.status !== 'ambiguous');
    const iso = place ? String(place.props?.iso ?? '') : '';
    // the referent is named in an earlier sentence, or leads this one when the description reports what it said
    // ("Acme plans …, the US chip giant said"; an appositive "…, the Paris-based developer of X" describes its neighbour)
    const speaking = SPEAKER.test(sentence.text.slice(end - sentence.start));
    const referent = actors.find((a) => (a.start < sentence.start || (speaking && a.start < start)) && fits(head, a, pronoun) && (!place || !a.country || a.country === iso));
    if (referent) extra.push({ ...referent, start, end, surface: sentence.text.slice(start - sentence.start, end - sentence.start), anaphor: true, ...(place ? { describedAt: place } : {}) });
  };
  if (sentence.text.includes('he ')) for (const d of sentence.text.matchAll(DESCRIPTOR)) take(sentence.start + d.index, sentence.start + d.index + d[0].length, d[1]!.toLowerCase());
  const p = PRONOUN.exec(sentence.text);
  if (p) {
    const at = sentence.start + p[0].length - p[1]!.length;
    take(at, at + p[1]!.length, 'company', true);
  }
  if (!extra.length) return named;
  return [...kept, ...extra].sort((a, b) => a.start - b.start);
}

const SOURCE_CITED = /\b[Aa]ccording to (?:the )?⟨(\d+)⟩|,\s*⟨(\d+)⟩ (?:reported|said in a report|reports)\b/g;
const LANGUAGES = /\b(?:languages?|multilingual|English|dialects?|tokeni[sz]er|translation)\b/;

/** The likely grammatical subject of a sentence: its first actor-like mention near the start. */
function subjectOf(frame: Frame): Mention | undefined {
  const first = leadingActor(frame);
  return first && allowed('PARTY_TO', first.label, 'Deal') ? first : undefined;
}

// most facts carry no props: whether a relation type accepts none is asked of the schema once
const acceptsEmpty = new Map<RelationType, boolean>();

/** Props the schema accepts for the relation, or null (every extractor's records pass this one check). */
export function validProps(rel: RelationType, props: Props | undefined): Props | null {
  if (!props || Object.keys(props).length === 0) {
    let ok = acceptsEmpty.get(rel);
    if (ok === undefined) acceptsEmpty.set(rel, (ok = relationProps[rel].safeParse({}).success));
    return ok ? {} : null;
  }
  return relationProps[rel].safeParse(props).success ? props : null;
}

/** Extracts entity and fact records from a plain text. */
export function extract(text: string, opts: ExtractOptions): ExtractedRecord[] {
  const sentences = analyse(text);
  const mentionsBySentence = findMentions(text, sentences, opts.gazetteer, opts.names);
  const facts = new Map<string, FactOut>();
  const entities = new Map<string, EntityOut>();
  // proposals the text defines ("dubbed X", "X (ABC)"): shown even when nothing relates them
  const defined = new Set<string>();

  const addEntity = (e: Endpoint) => {
    const ambiguous = isMention(e) && e.status === 'ambiguous';
    const id = ambiguous ? `?${e.name}` : idOf(e);
    // a description standing for the entity ("the chipmaker", "it") is no name of it
    const surface = isMention(e) && !e.demonym && !e.anaphor && e.surface !== e.name ? [e.surface] : [];
    if (isMention(e) && (e.defined || e.shown)) defined.add(id);
    const prior = entities.get(id);
    if (prior) {
      // a repeated mention usually adds nothing: only a new surface form is worth a copy
      if (surface.length && !prior.aliases.includes(surface[0]!) && surface[0] !== prior.name) prior.aliases = [...prior.aliases, surface[0]!];
      return;
    }
    entities.set(id, {
      kind: 'entity',
      type: e.label,
      name: e.name,
      ...(ambiguous ? {} : { id }),
      aliases: [...new Set([...(e.aliases ?? []), ...surface])].filter((a) => a !== e.name),
      props: e.props ?? {},
      source: opts.source,
      confidence: isMention(e) ? e.confidence : 0.6,
      status: isMention(e) ? e.status : 'proposed',
      ...(isMention(e) && e.candidates ? { candidates: e.candidates } : {}),
    });
  };

  const rules = [...RULES, ...(opts.extraRules ?? [])];
  let previous: Mention | undefined;
  let justBefore: Mention | undefined;
  let lastModel: Mention | undefined;
  // for each referring phrase, what the text named last of its kind and the sentence it was in
  const lastNamed: ({ mention: Mention; at: number } | undefined)[] = REFERRING.map(() => undefined);
  // organisations the last two sentences named, the latest first: what "the company" and "It" can stand for
  let actors: Mention[] = [];
  let quiet = 0;
  sentences.forEach((sentence, k) => {
    const named = mentionsBySentence[k]!;
    const modelBefore = lastModel;
    const withModel =
      sentence.text.includes(' model') || sentence.text.startsWith('The model') || sentence.text.startsWith('This model') ? withAnaphors(sentence, named, lastModel, ANAPHOR, isModel) : named;
    // "the list", "the agreement", "it": each stands for what the text named last of its kind, within its reach
    let withRefs = withModel;
    REFERRING.forEach((r, i) => {
      const last = lastNamed[i];
      if (last && k - last.at <= r.reach && r.cue.test(sentence.text)) withRefs = withAnaphors(sentence, withRefs, last.mention, r.phrase, r.fits);
      const here = named.findLast((m) => r.fits(m) && m.status !== 'ambiguous');
      if (here) lastNamed[i] = { mention: here, at: k };
    });
    const own = named.filter((m) => REFERENT_LABELS.has(m.label) && m.status !== 'ambiguous' && !m.demonym);
    // the sentence's leading actor first, then the others it names from the last
    const lead = own[0] && LEADS.test(sentence.text.slice(0, own[0].start - sentence.start)) ? own[0] : undefined;
    // a description later in the sentence may stand for its leading actor ("Acme plans …, the US chip giant said")
    const mentions = seatsOfGovernment(sentence, nationModifiers(sentence, withReferents(sentence, withRefs, lead ? [lead, ...actors.filter((a) => a.id !== lead.id)] : actors)));
    if (own.length) actors = [...new Set([...(lead ? [lead] : []), ...own.reverse(), ...actors.filter((a) => !own.some((o) => o.id === a.id))])].slice(0, 6);
    // two sentences without an organisation and the referents are gone
    quiet = own.length ? 0 : quiet + 1;
    if (quiet >= 2) actors = [];
    // the referent is the model a sentence is about (its subject), else the first model the document names
    const first = named[0];
    if (first && first.label === 'Model' && first.status !== 'ambiguous' && LEADS.test(sentence.text.slice(0, first.start - sentence.start))) lastModel = first;
    else lastModel ??= named.find((m) => m.label === 'Model' && m.status !== 'ambiguous');
    // "English, German and Thai" in a sentence about languages names languages, not nations
    const languages = mentions.some((m) => m.demonym) && LANGUAGES.test(sentence.text);
    for (const m of mentions) if (!m.place && !m.anaphor && !(languages && m.demonym)) addEntity(m);
    const masked = mask(sentence.text, sentence.start, mentions);
    // a source the sentence cites ("According to ⟨X⟩, …", "…, ⟨X⟩ reported") is no party to what it reports, whichever rule reads
    // it: the rules see it as a name they may not use
    const cited = /ccording to|report/.test(masked) ? new Set([...masked.matchAll(SOURCE_CITED)].map((m) => mentions[Number(m[1] ?? m[2])])) : null;
    const frame: Frame = {
      text: sentence.text,
      masked,
      mentions: cited?.size ? mentions.map((m) => (cited.has(m) ? { ...m, status: 'ambiguous' as const } : m)) : mentions,
      ...(previous ? { previous } : {}),
      ...(justBefore ? { justBefore } : {}),
      ...(modelBefore ? { previousModel: modelBefore } : {}),
    };
    justBefore = subjectOf(frame);
    previous = justBefore ?? previous;
    for (const rule of rules) {
      // most rules relate two mentions; skipping sentences with fewer keeps extraction fast
      if (mentions.length < (rule.minMentions ?? 2)) continue;
      if (rule.cue && !rule.cue.test(frame.masked)) continue;
      let drafts: FactDraft[];
      try {
        drafts = rule.apply(frame);
      } catch {
        // a rule that trips on odd input loses this sentence only
        continue;
      }
      for (const draft of drafts) {
        const d = makerRole(enactingNation(draft));
        // the domain model's endpoint labels, and the kinds it rules out as the object (a foundry designs nothing, a GPU is no memory)
        if (!d || !allowed(d.rel, d.subject.label, d.object.label) || refusedAsTo(d.rel, d.object.props)) continue;
        const props = validProps(d.rel, d.props);
        if (!props) continue;
        const subject = { type: d.subject.label, name: d.subject.name, id: idOf(d.subject) };
        const object = { type: d.object.label, name: d.object.name, id: idOf(d.object) };
        if (subject.id === object.id) continue;
        const key = `${d.rel}|${subject.id}|${object.id}`;
        const prior = facts.get(key);
        if (prior && prior.confidence >= d.confidence) continue;
        addEntity(d.subject);
        addEntity(d.object);
        facts.set(key, {
          kind: 'fact',
          rel: d.rel,
          subject,
          object,
          props,
          quote: sentence.text,
          source: opts.source,
          confidence: d.confidence,
          extractor: `ingest/${rule.name}@${EXTRACTOR_VERSION}`,
        });
      }
    }
  });
  // an organisation's offices in its home country say no more than its headquarters do
  const home = new Set([...facts.values()].filter((f) => f.rel === 'HEADQUARTERED_IN').map((f) => `${f.subject.id}|${f.object.id}`));
  // a rule a sentence applies to a nation does not come from it on a bare "from" ("… to the Entity List from China")
  const appliedTo = new Map([...facts.values()].filter((f) => f.rel === 'APPLIES_TO').map((f) => [`${f.subject.id}|${f.object.id}`, f.confidence]));
  const kept = [...facts.values()].filter(
    (f) => !(f.rel === 'LOCATED_IN' && home.has(`${f.subject.id}|${f.object.id}`)) && !(f.rel === 'ENACTED_BY' && (appliedTo.get(`${f.subject.id}|${f.object.id}`) ?? 0) > f.confidence),
  );
  // a name no lexicon knows earns its place by what the text says of it: a proposal the text neither
  // defines nor relates to anything is dropped
  const related = new Set(kept.flatMap((f) => [f.subject.id, f.object.id]));
  const shown = [...entities.values()].filter((e) => e.status !== 'proposed' || (e.id !== undefined && (related.has(e.id) || defined.has(e.id))) || opts.vouches?.(e));
  return [...shown, ...kept];
}
