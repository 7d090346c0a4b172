// Entity mentions of a document: gazetteer matches (known entities) and proposals (new ones),
// merged longest-first without overlaps. Proposed names are then matched everywhere else in the
// document too, so "ICG Solutions" introduced once is found again later.
import { isPublicBody } from '../../schema/validate.js';
import type { Label } from '../../schema/generated/model.js';
import type { EntityRecord } from '../../schema/records.js';
import { entityId } from '../../schema/records.js';
import { COMPANY_LABELS, allowed, type Mention } from './frame.js';
import { MODEL_FAMILIES } from './lexicon.js';
import { boundedMemo } from './memo.js';
import { Gazetteer, type GazetteerHit } from './gazetteer.js';
import type { Sentence } from './nlp.js';
import { nameKey } from '../resolve/normalise.js';
import { CALENDAR_WORDS, LEGAL_FORMS, NAME_WORD, QUANT_TYPE, WEIGHTS_EXT, listedNames, type Proposal, type Proposer } from './proposals/proposal.js';
import { proposeModelNames } from './proposals/model-shape.js';
import { FIRM_ENDINGS, PUBLIC_BODY_NAME, PUBLIC_BODY_WORDS, proposeOrganisations } from './proposals/org-suffix.js';
import { noMember, proposeByRole } from './proposals/role-noun.js';
import { proposeCorporateSubjects } from './proposals/proper-noun-subject.js';
import { proposeInstruments } from './proposals/instrument-name.js';
import { proposeChips } from './proposals/chip-shape.js';
import { proposeNamedByContext } from './proposals/named-by-context.js';
import { proposeInvestors } from './proposals/investor.js';

const INSTITUTION = new RegExp(`\\b(?:of|for|Center|Centre|Office|Academy|University|Institute|Bank|Group|Corporation|${PUBLIC_BODY_WORDS.join('|')})\\b`);
// a public body named with its nation ("French Senate", "U.S. Justice Department", "UK Atomic Energy Authority")
const publicBody = (p: Mention) => p.label === 'Organization' && isPublicBody(p.props) && PUBLIC_BODY_NAME.test(p.name);

// a listed company's stock ticker after its name ("Broadcom Inc. (NASDAQ: AVGO)", "Tata Elxsi (NSE: TATAELXSI)"): part of its mention
const TICKER = ' \\((?:NASDAQ|Nasdaq|NYSE|NYSE American|TSX|LSE|TSE|TYO|HKEX|HKG|SSE|SZSE|KRX|KOSPI|TWSE|TPE|ASX|Euronext|XETRA|FRA|BSE|NSE|SGX|SIX)(?::\\s?|\\s)[A-Z0-9.]{1,12}\\)';
// what may follow a name and belongs to its mention, by the labels it follows: a company's legal forms (after a group's or a
// holding's words: "Alibaba Group Holding Ltd."), a comma before each
// allowed ("Co., Ltd."; "Oracle Corp., and SoftBank": so lists stay lists), and its ticker; a chip's memory size ("A100 80GB",
// "MI300X 192 GB": that chip's memory variant, written as one name with it, so the writing is one of its names)
const NAME_TAILS: { labels: ReadonlySet<Label>; tail: RegExp; reach: number; written: boolean; after?: RegExp }[] = [
  { labels: COMPANY_LABELS, tail: new RegExp(`^(?:(?: Group| Holdings?)*(?:,? ${LEGAL_FORMS}\\.?)+(?![\\p{L}\\p{N}])(?:${TICKER})?|${TICKER})`, 'u'), reach: 48, written: false },
  // the full stop of a legal form that closes the name, inside a sentence ("… Holding Ltd. and …")
  { labels: COMPANY_LABELS, tail: /^\.(?=,| [a-z(]| and | or )/, reach: 6, written: false, after: new RegExp(`(?<![\\p{L}\\p{N}])${LEGAL_FORMS}$`, 'u') },
  // (a plural of units is still the variant: "440 A100-40GBs")
  { labels: new Set(['Chip']), tail: /^[ -]?\d{2,3} ?GB(?=s?(?![\p{L}\p{N}]))/u, reach: 12, written: true },
];
// (with a group's or a holding's words before it: "Alibaba Group Holding Ltd.", "Tencent Holdings Ltd.")
const LEGAL_FORM = new RegExp(`^,?\\s(?:(?:Group|Holdings?) )*(?:${LEGAL_FORMS}|Group|Holdings?)\\.?$`);
// two or more words and a firm's ending after a known company's name: another firm ("… Management & Research Company")
const FIRM_TAIL = new RegExp(`^ (?:[A-Z][\\w-]*|&|and|of) (?:(?:[A-Z][\\w-]*|&|and|of) )*(?:${FIRM_ENDINGS.join('|')})$`);

// a demonym further inside a name only when an institution's head opens it ("Center for a New American Security")
const HEADED_INSTITUTION =
  /^(?:[A-Z][\p{L}-]+ ){0,2}(?:Center|Centre|Institute|Ministry|Department|Office|Academy|University|Agency|Council|Commission|Bureau|Administration|Authority|Court|Federation|Association) (?:of|for)\b/u;

// a date is never an entity, whichever proposer took it for a name ("on Monday", "In March 2025")
const A_DATE = new RegExp(`^(?:On |In )?${CALENDAR_WORDS}(?: \\d{1,2})?(?:,? \\d{4})?$`);
// a news agency or wire service reports the story and takes no part in it ("Yonhap News Agency", "Saudi Press Agency"):
// no entity of the graph, whichever proposer took it for an organisation
const NEWS_AGENCY = /\b(?:News|Press) Agency$|\bNews Service$|\bWire$/;
// a kind of rule or its reference written as an abbreviation ("this IFR", "the NPRM", "under the ECCN") names no party
const RULE_ABBREVIATION = /^(?:IFR|NPRM|ANPRM|FR|CFR|ECCN|RIN|FAQ|FAQs|MOU|MoU)$/;

/** The proposers, strongest first: on equal spans the earlier one wins. */
export const PROPOSERS: readonly Proposer[] = [
  proposeNamedByContext,
  proposeModelNames,
  proposeChips,
  proposeInstruments,
  proposeOrganisations,
  proposeByRole,
  proposeInvestors,
  proposeCorporateSubjects,
];

// Explicit literals, not spreads: this runs for every name in every document, and spreading
// cost more than the rest of the function. Keys keep the order the spread version gave.
function fromHit(hit: GazetteerHit, proposed: boolean): Mention {
  const best = hit.candidates[0]!;
  const ids = hit.candidates.length > 1 ? [...new Set(hit.candidates.map((c) => c.entity.id))] : undefined;
  if (ids && ids.length > 1) {
    return {
      start: hit.start,
      end: hit.end,
      surface: hit.surface,
      label: best.entity.label,
      name: hit.surface,
      aliases: [],
      props: {},
      demonym: hit.demonym,
      place: hit.place,
      status: 'ambiguous',
      confidence: 0.3,
      candidates: ids,
    };
  }
  const m: Mention = {
    start: hit.start,
    end: hit.end,
    surface: hit.surface,
    label: best.entity.label,
    name: best.entity.name,
    aliases: best.entity.aliases,
    props: best.entity.props,
    demonym: hit.demonym,
    place: hit.place,
    id: best.entity.id,
    status: proposed ? 'proposed' : 'known',
    confidence: proposed ? 0.6 : 0.9,
  };
  if (best.country) m.country = best.country;
  if (best.operator) m.operator = best.operator;
  return m;
}

function fromProposal(p: Proposal, surface: string): Mention {
  const props = p.props ?? {};
  return {
    start: p.start,
    end: p.end,
    surface,
    label: p.label,
    name: p.name,
    id: entityId(p.label, p.name, props),
    aliases: p.aliases ?? [],
    props,
    status: 'proposed',
    confidence: p.confidence,
    demonym: false,
  };
}

/** Picks non-overlapping mentions: longer spans first, then earlier candidates (known before proposed). */
function resolveOverlaps(candidates: Mention[], length: number): Mention[] {
  const order = candidates.map((m, i) => ({ m, i })).sort((a, b) => b.m.end - b.m.start - (a.m.end - a.m.start) || a.i - b.i);
  // occupied characters, so a long document's thousands of mentions stay linear
  const used = new Uint8Array(length);
  const taken: Mention[] = [];
  for (const { m } of order) {
    let free = true;
    for (let c = m.start; c < m.end && free; c++) if (used[c]) free = false;
    if (!free) continue;
    used.fill(1, m.start, m.end);
    taken.push(m);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Mentions of a start-sorted list that overlap a span (binary search to the first candidate). */
function overlapping(sorted: Mention[], span: { start: number; end: number }): Mention[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Mention[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start < span.end; i++) if (sorted[i]!.end > span.start) out.push(sorted[i]!);
  return out;
}

// a member's code after a known family or maker: "920", "910C", "o1", "V3", "2.5", "B200", "K2-Thinking"
const MEMBER =
  /^([- ])((?:[A-Za-z]{0,3}\d[\dA-Za-z.]*|mini|nano|pro|max|plus|air|flash|lite|turbo|ultra)(?:-(?:[A-Za-z]{0,3}\d[\dA-Za-z.]*|[A-Z][a-z]+|mini|nano|pro|max|plus|air|flash|lite|turbo|ultra|instruct|base|chat))*)(?![\p{L}\p{N}'’_-])/u;
// a tier of a model family, written as a name ("Plus", "Large", "Pro"), before anything but another capitalised word
const TIER = /^([- ])(Large|Small|Medium|Next|Plus|Max|Turbo|Pro|Flash|Lite|Mini|Nano|Ultra)(?![\p{L}\p{N}_-]|\s[A-Z0-9])/u;
// a quantisation type, or a file's extension, after a model's name: one file of its weights
const WEIGHTS_CODE = new RegExp(`^${QUANT_TYPE}$|\\.${WEIGHTS_EXT}$`, 'i');
// numbers that are not model or chip codes: years, percentages, amounts, counts with units
const NOT_MEMBER = /^(?:(?:19|20)\d\d|\d+(?:\.\d+)?(?:%|k|m|bn|b|t)?|\d+[-.]\d+[-.]\d+)$/i;

/**
 * "Ascend 920" after the known family "Ascend", "OpenAI-o1" after the known maker "OpenAI": a known
 * name followed by a member's code names a member the graph does not know yet. A family's member keeps
 * the family's label; a maker's product is a Chip for a chip designer and a Model for a lab.
 */
function members(text: string, known: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const k of known) {
    if (k.status === 'ambiguous' || k.demonym || k.place) continue;
    const maker = k.label === 'Lab' || k.label === 'Organization';
    if (!maker && k.label !== 'Model' && k.label !== 'Chip') continue;
    // a model family's tier ("Qwen Plus", "Gemini Pro", "Mistral Large"), after a family or a lab that names one
    const family = k.label === 'Model' || (k.label === 'Lab' && MODEL_FAMILIES.has(k.surface.toLowerCase()));
    const member = MEMBER.exec(text.slice(k.end, k.end + 40));
    const tier = !member && family ? TIER.exec(text.slice(k.end, k.end + 20)) : null;
    const m = member ?? tier;
    if (!m) continue;
    // (a plural of a chip's memory variant is the variant: "440 A100-40GBs")
    const code = m[2]!.replace(/\.$/, '').replace(/(?<=^\d{2,3}GB)s$/, '');
    // a lower-case tier is one only joined by a hyphen ("Qwen-plus"); after a space it is a word of the sentence ("Qwen air quality")
    if (member && m[1] === ' ' && /^[a-z]+(?:-|$)/.test(code) && !/\d/.test(code)) continue;
    const surface = text.slice(k.start, k.end + m[1]!.length + code.length);
    let label: Label | null = 'Model';
    let name = surface;
    if (!tier) {
      // a quantisation type after a model names one file of its weights ("X-Q4", "X-bf16"), not a member
      if (k.label === 'Model' && WEIGHTS_CODE.test(code)) continue;
      if (!/\d/.test(code) && (maker || k.label === 'Chip')) continue;
      // a plain number after a maker is a year, a count or an amount more often than a product
      // after a family ("Ascend", "Llama": a name without a number) a plain number is a member; after a member ("H800 2,048") it is a count
      if (NOT_MEMBER.test(code) && (maker || (m[1] === ' ' && /\d/.test(k.name)) || /^(?:19|20)\d\d$/.test(code))) continue;
      label = maker ? (k.props?.kind === 'chip_designer' ? 'Chip' : k.label === 'Lab' ? 'Model' : null) : k.label;
      if (!label) continue;
      // the member takes the family's canonical name up to the word the text used ("Huawei Ascend NPU (…)" + "Ascend 920" → "Huawei Ascend 920")
      const at = k.name.indexOf(k.surface);
      const familyName = at >= 0 ? k.name.slice(0, at + k.surface.length) : k.surface;
      name = maker ? surface : `${familyName}${m[1]}${code}`;
    }
    // a member of a family the graph or lexicon knows is a product the text names, whatever else it says of it
    out.push(proposedMember(k.start, k.start + surface.length, surface, label, name, k.status === 'known'));
  }
  return out;
}

/** A product named after a known one (a family's member, a line's sibling), proposed under `name` and written `surface`. */
function proposedMember(start: number, end: number, surface: string, label: Label, name: string, defined: boolean): Mention {
  const props = {};
  return {
    start,
    end,
    surface,
    label,
    name,
    id: entityId(label, name, props),
    aliases: name === surface ? [] : [surface],
    props,
    status: 'proposed',
    confidence: 0.6,
    demonym: false,
    ...(defined ? { defined: true } : {}),
  };
}

/** The gazetteer's hit for a string that is one known name whole ("Trainium3"), if any. */
function wholeName(gazetteer: Gazetteer, text: string): GazetteerHit | undefined {
  return gazetteer.match(text).find((h) => h.start === 0 && h.end === text.length);
}

// a code written after a product's name as its sibling: "Siyuan 590 and 690", "Ascend 910B/910C", "MI300X, MI325X"
const SIBLING_CODE = /^(?:\/|, |,? (?:and|or) )([A-Za-z]{0,3}\d[\dA-Za-z]*)(?![\p{L}\p{N}'’_.-])/u;
/** A code's shape: its digits and letters as classes ("590" and "690" alike, "910B" and "910C", not "590" and "2026"). */
const codeShape = (code: string): string => code.replace(/\d/g, '9').replace(/[A-Za-z]/g, 'A');

/**
 * "its Siyuan 590 and 690 chips": a bare code joined to a chip's or a model's name whose last word is a code of the same
 * shape names a sibling of the same line, the name with its code swapped ("Siyuan 690"); the graph's name for it wins.
 */
function siblingCodes(text: string, mentions: readonly Mention[], gazetteer: Gazetteer): Mention[] {
  const out: Mention[] = [];
  for (const k of mentions) {
    if (k.status === 'ambiguous' || (k.label !== 'Chip' && k.label !== 'Model')) continue;
    const sibling = SIBLING_CODE.exec(text.slice(k.end, k.end + 24));
    const last = /(?:^|[\s-])([A-Za-z]{0,3}\d[\dA-Za-z]*)$/.exec(k.surface);
    // (a year after a name is a date: "the H100 and 2026 units")
    if (!sibling || !last || /^(?:19|20)\d\d$/.test(sibling[1]!)) continue;
    const code = sibling[1]!;
    if (code === last[1] || codeShape(code) !== codeShape(last[1]!)) continue;
    const written = `${k.surface.slice(0, k.surface.length - last[1]!.length)}${code}`;
    const named = k.name.endsWith(last[1]!) ? `${k.name.slice(0, k.name.length - last[1]!.length)}${code}` : written;
    const start = k.end + sibling[0].length - code.length;
    const hit = [named, written].map((n) => wholeName(gazetteer, n)).find((h) => h?.candidates.length === 1);
    // (named as the line writes it, never by its bare code: "690" alone is no name to find it by elsewhere)
    out.push(
      hit ? { ...fromHit(hit, false), start, end: start + code.length, surface: written } : proposedMember(start, start + code.length, written, k.label, named, k.status === 'known' || !!k.defined),
    );
  }
  return out;
}

// "Amazon's third-generation Trainium", "Google's 7th-generation TPU": a line's member named by its generation
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const GENERATION_BEFORE = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|(\d{1,2})(?:st|nd|rd|th))[- ]generation\s+$/i;

/** The known member of a chip line a generation names ("third-generation Trainium" is Trainium3), as the graph spells it; undefined when none. */
function generationOf(text: string, m: Mention, gazetteer: Gazetteer): Mention | undefined {
  // (the line may be known or only proposed by its shape: "TPU" alone)
  if (m.label !== 'Chip' || m.status === 'ambiguous') return undefined;
  const g = GENERATION_BEFORE.exec(text.slice(Math.max(0, m.start - 24), m.start));
  if (!g) return undefined;
  const n = g[2] ? Number(g[2]) : ORDINALS.indexOf(g[1]!.toLowerCase()) + 1;
  // the line as written, without its maker ("AWS Trainium" or "Trainium"): its members are spelled "Trainium3", "TPU v7", "Gaudi 3"
  const line = m.surface.replace(/s$/, '');
  for (const spelling of [`${line}${n}`, `${line} ${n}`, `${line} v${n}`, `${line}-${n}`]) {
    const hit = wholeName(gazetteer, spelling);
    if (hit?.candidates.length !== 1 || hit.candidates[0]!.entity.label !== 'Chip') continue;
    // (its surface is the member's spelling: the line's bare name is no name of the member)
    if (hit.candidates[0]!.entity.id !== m.id) return { ...fromHit(hit, false), start: m.start, end: m.end, surface: spelling, confidence: 0.8 };
  }
  return undefined;
}

// a model repository's id: "owner/Name-7B-Instruct", in a hub URL, in backticks or standing alone
const REPO_ID = /(?:huggingface\.co\/|hf\.co\/|(?<=[\s`(\["'])|^)([A-Za-z0-9][A-Za-z0-9_.-]{1,38})\/([A-Za-z0-9][A-Za-z0-9_.-]{1,95})(?<!\.)(?=[\s`)\]"',;:]|\.(?:\s|$)|$)/gm;
const NOT_OWNER = /^(?:https?|www|github\.com|huggingface\.co|blob|tree|resolve|main|raw|api|docs|and|or|input|output|km|tcp|read|write)$/i;
const WEB_HOST = /\.(?:com|org|net|io|co|gov|edu|dev|app|ly|me|info|news|tv|uk|de|fr|cn|jp|kr|in)$/i;
// a model's name: four characters at least, a number inside, a letter too, and no file extension (a metric of a table of
// scores, "record/f1", "truthfulqa_mc/mc1", is no repository)
const MODEL_REPO = /^(?=.{4})(?=.*\d)(?=.*[A-Za-z])(?!.*\.(?:md|json|py|txt|png|jpg|gguf|safetensors|bin|html?)$)[A-Za-z0-9][\w.-]*$/;

/**
 * Repository ids in model cards name a model and its publisher: "microsoft/Phi-3-mini-4k-instruct" is the model
 * "microsoft/Phi-3-mini-4k-instruct" (also known by its own name), published by the organisation the graph
 * knows as "microsoft" — or, unknown, by a new organisation of that name.
 */
function repositories(text: string, gazetteer: Gazetteer): Mention[] {
  if (!text.includes('/')) return [];
  const out: Mention[] = [];
  for (const m of text.matchAll(REPO_ID)) {
    const [whole, owner, repo] = m as unknown as [string, string, string];
    const inHub = /^(?:huggingface|hf)\./.test(whole);
    // a Markdown link's relative target ("[Inference with vLLM](inference/llama3.1)") is a path in the repository, not an id
    if (!inHub && text.slice(Math.max(0, m.index - 2), m.index) === '](') continue;
    // (a web address's host, "pic.twitter.com/AbC123", is no owner of a model)
    if (NOT_OWNER.test(owner) || WEB_HOST.test(owner) || !MODEL_REPO.test(repo)) continue;
    // outside a hub link, "GPT-4/GPT-4o", "H100/H200" and "IL4/IL5" are two of a kind, not an owner and a model
    if (!inHub && /\d/.test(owner)) continue;
    const start = m.index + whole.length - owner.length - 1 - repo.length;
    const name = `${owner}/${repo}`;
    // owners are often written in lower case ("nvidia/…"): the capitalised and upper-case spellings are tried too
    const spellings = [owner, owner[0]!.toUpperCase() + owner.slice(1), owner.toUpperCase()];
    const publisher: Mention = knownMaker(gazetteer, spellings, start, owner) ?? {
      start,
      end: start + owner.length,
      surface: owner,
      label: 'Organization',
      name: owner,
      id: entityId('Organization', owner, {}),
      aliases: [],
      props: {},
      status: 'proposed',
      confidence: 0.55,
      demonym: false,
    };
    out.push({
      start,
      end: start + name.length,
      surface: name,
      label: 'Model',
      name,
      id: entityId('Model', name, {}),
      aliases: [repo],
      props: {},
      status: 'proposed',
      confidence: 0.7,
      demonym: false,
      publisher,
    });
  }
  return out;
}

const UNSPECIFIED = /\((?:[\w -]*\s)?unspecified\)$/;
/** Whether a known name is a placeholder for any of a maker's products ("AMD data-centre GPU (model unspecified)"). */
export const isPlaceholder = (name: string): boolean => UNSPECIFIED.test(name);

/**
 * A name that opens with its maker's ("Nvidia A100", "DeepSeek-V3", "Google Gemini", "Microsoft Azure"):
 * the organisation the graph knows under that first part made (or operates) what the name names.
 */
function makerInName(m: Mention, gazetteer: Gazetteer): void {
  if (m.status === 'ambiguous' || !(m.label === 'Model' || m.label === 'Chip' || m.label === 'Cloud')) return;
  // a placeholder for any of a maker's products ("AMD data-centre GPU (model unspecified)") is no product a maker made
  if (isPlaceholder(m.name)) return;
  const written = makerOpening(gazetteer, m, m.surface);
  if (written) {
    m.publisher = written;
    return;
  }
  // written without its maker ("H20", "GPT-4"): the maker its full name or its model family gives, for where the sentence names it too
  // (one lookup per name and gazetteer: a document names the same few products again and again)
  let byName = makersByName.get(gazetteer);
  if (!byName)
    makersByName.set(
      gazetteer,
      (byName = boundedMemo(
        10_000,
        (p: Mention) => `${p.label}|${p.name}`,
        (p: Mention) => makerByName(gazetteer, p),
      )),
    );
  const maker = byName(m);
  if (maker) m.maker = maker;
}
const makersByName = new WeakMap<Gazetteer, (m: Mention) => string | undefined>();

/** The maker whose known name opens `written` (a product's surface or name), for the product `m`: a cloud's only if it is the cloud's known operator. */
function makerOpening(gazetteer: Gazetteer, m: Mention, written: string): Mention | undefined {
  const first = /^([\p{L}][\p{L}\p{N}.&]*(?: [A-Z][\p{L}]+)?)[- ]/u.exec(written);
  if (!first) return undefined;
  for (const candidate of [first[1]!, first[1]!.split(' ')[0]!]) {
    const maker = knownMaker(gazetteer, [candidate], m.start, candidate);
    if (maker) return m.label !== 'Cloud' || m.operator === maker.id ? maker : undefined;
  }
  return undefined;
}

/** The id of the maker a product's model family or full name gives. */
function makerByName(gazetteer: Gazetteer, m: Mention): string | undefined {
  const family = m.label === 'Model' ? MODEL_FAMILIES.get(m.name.split(/[\s-]/)[0]!.toLowerCase().replace(/\d.*$/, '')) : undefined;
  return family ?? makerOpening(gazetteer, m, m.name)?.id;
}

/** Labels that make models, chips and clouds: the schema's DEVELOPED_BY objects. */
const isMaker = (label: Label) => allowed('DEVELOPED_BY', 'Model', label);

/**
 * The maker the graph knows under one of these spellings of a name (the whole string, one candidate only), as a
 * mention at `start` with the name's surface; undefined when it knows none.
 */
function knownMaker(gazetteer: Gazetteer, spellings: readonly string[], start: number, surface: string): Mention | undefined {
  for (const spelling of spellings) {
    const hit = wholeName(gazetteer, spelling);
    if (!hit) continue;
    if (hit.candidates.length !== 1 || !isMaker(hit.candidates[0]!.entity.label)) return undefined;
    return { ...fromHit(hit, false), start, end: start + surface.length, surface, confidence: 0.8 };
  }
  return undefined;
}

// a list of three or more names, each of one to four capitalised words ("SK Telecom, SK Square and SK Hynix")
const NAMES_LIST = new RegExp(`(?<![\\p{L}\\p{N}])(?:${NAME_WORD}(?: ${NAME_WORD}){0,3})(?:(?:, | and |, and )${NAME_WORD}(?: ${NAME_WORD}){0,3}){2,8}(?![\\p{L}\\p{N}])`, 'gu');
/**
 * A name coordinated with two or more companies in one list, one of them known, is a company too ("SK Telecom, SK Square and
 * SK Hynix", "backed by Alibaba, Tencent and Quartz Capital"), as many names as the list has companies at most; names the list
 * shares with any other mention (a nation, a place, a known name inside), and words that open a clause, are left alone.
 * Returns the new mentions; a proposed company of such a list is shown as one. `taken` is in document order.
 */
function listMates(text: string, sentences: readonly Sentence[], taken: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  let first = 0;
  for (const s of sentences) {
    while (first < taken.length && taken[first]!.start < s.start) first++;
    let last = first;
    while (last < taken.length && taken[last]!.start < s.end) last++;
    const here = taken.slice(first, last);
    // (most sentences name fewer than two companies, one of them known: the list's pattern is not tried on them)
    const companies = here.filter((k) => COMPANY_LABELS.has(k.label));
    if (companies.length < 2 || !companies.some((k) => k.status === 'known')) continue;
    const sentence = text.slice(s.start, s.end);
    if (!sentence.includes(', ')) continue;
    for (const m of sentence.matchAll(NAMES_LIST)) {
      const items = listedNames(m[0], s.start + m.index).map((x) => {
        const end = x.index + x.name.length;
        return { ...x, end, company: companies.find((k) => k.start === x.index && k.end === end), free: !here.some((k) => k.start < end && k.end > x.index) && !noMember(x.name) };
      });
      const listed = items.filter((x) => x.company).map((x) => x.company!);
      const free = items.filter((x) => x.free);
      if (listed.length < 2 || !listed.some((k) => k.status === 'known') || listed.length + free.length < items.length || free.length > listed.length) continue;
      for (const k of listed) if (k.status === 'proposed' && !k.defined) k.shown = true;
      for (const x of free) {
        const mate = fromProposal({ start: x.index, end: x.end, name: x.name, label: 'Organization', confidence: 0.45, props: { kind: 'company' } }, x.name);
        mate.shown = true;
        out.push(mate);
      }
    }
  }
  return out;
}

/** Finds the mentions of every sentence of a document. */
export function findMentions(text: string, sentences: Sentence[], gazetteer: Gazetteer, names: readonly EntityRecord[] = []): Mention[][] {
  // a currency's prefix ("US$4 billion", "US $5 billion", "S$2 million", "A$") names no nation
  const known = gazetteer
    .match(text)
    .map((h) => fromHit(h, false))
    .filter((m) => !(m.label === 'Nation' && /^ ?\$\s?\d/.test(text.slice(m.end, m.end + 4))));
  const proposals: Mention[] = [];
  const titled = new Set<Mention>();
  for (const s of sentences)
    for (const propose of PROPOSERS)
      for (const p of propose(s)) {
        if (A_DATE.test(p.name) || NEWS_AGENCY.test(p.name) || (p.label !== 'Regulation' && RULE_ABBREVIATION.test(p.name))) continue;
        const m = fromProposal(p, text.slice(p.start, p.end));
        if (p.defined) m.defined = true;
        else if (p.shown) m.shown = true;
        if (p.titled) titled.add(m);
        proposals.push(m);
      }
  // one name proposed twice over one span (by its form and by its context) is shown if either proposal vouches for it
  const vouched = new Set(proposals.filter((p) => p.defined || p.shown).map((p) => `${p.start}|${p.end}|${p.label}`));
  for (const p of proposals) if (!p.defined && vouched.has(`${p.start}|${p.end}|${p.label}`)) p.shown = true;
  // a proposal that swallows a known name is kept only as "<known> <one suffix word>" ("Amazon Robotics");
  // anything else ("US Sovereign Cloud", "Chinese AI", "GCP Google Cloud") is a phrase, not a name
  const kept = proposals.filter((p) => {
    // a city opening an institution's name ("Abu Dhabi Department of ...", "Beijing Academy of ...") is part of it
    // and so is a demonym inside an institution's name ("Chinese Academy of Sciences", "Center for a New American Security")
    const nationFirst = (k: Mention) => k.start === p.start && k.label === 'Nation' && !k.place && publicBody(p);
    const opens = (k: Mention) =>
      p.label !== 'Model' &&
      p.label !== 'Regulation' &&
      ((k.place && k.start === p.start) || nationFirst(k) || (k.demonym && (k.start === p.start ? INSTITUTION.test(p.name) : HEADED_INSTITUTION.test(p.name))));
    // a statute's nation closing its title ("Data Law of the People's Republic of China") is part of it
    // and so is an institution's ("Bank of Italy", "Agency for Digital Italy")
    const closes = (k: Mention) =>
      k.label === 'Nation' &&
      k.end === p.end &&
      ((p.label === 'Regulation' && / of (?:the )?$/.test(text.slice(p.start, k.start))) ||
        (p.label === 'Organization' && / (?:of|for) (?:the )?(?:\p{Lu}\p{Ll}+ )?$/u.test(text.slice(p.start, k.start))));
    // an instrument named after its issuer ("BIS Affiliates Rule", "Commerce Foundry Rule"): the issuer opens its title
    // (an issuer of one word, "BIS", "Commerce", and a short title: "Department of Commerce Announces Rescission of … Rule" is a headline)
    const issues = (k: Mention) =>
      p.label === 'Regulation' &&
      k.label === 'Organization' &&
      k.start === p.start &&
      isPublicBody(k.props) &&
      !/\s/.test(text.slice(k.start, k.end)) &&
      /^(?: \S+){2,4}$/.test(text.slice(k.end, p.end));
    const overlaps = overlapping(known, p);
    // a public body named with its nation stands for itself even when nothing else is said of it
    if (overlaps.some(nationFirst)) {
      p.defined = true;
    }
    const inside = overlaps.filter((k) => !opens(k) && !closes(k) && !issues(k));
    if (inside.length === 0) {
      if (titled.has(p)) {
        p.defined = true;
      }
      return true;
    }
    if (inside.some((k) => k.start === p.start && k.end === p.end)) return false;
    const k = inside[0]!;
    // a known statute's title with its nation after it ("Data Security Law of the People's Republic of China") is the known
    // statute written in full: the mention runs over the title, which becomes one of its names
    if (
      p.label === 'Regulation' &&
      k.label === 'Regulation' &&
      inside.length === 1 &&
      k.start === p.start &&
      overlaps.some((o) => closes(o)) &&
      / of (?:the )?[^,;]+$/.test(text.slice(k.end, p.end))
    ) {
      k.end = p.end;
      k.surface = text.slice(k.start, k.end);
      return false;
    }
    // a statute's title that ends on a shorter one's ("GAIN AI Act" around "AI Act", "Colorado AI Act") is another statute,
    // unless its opening is the shorter one's own nation ("EU AI Act" is the AI Act)
    if (titled.has(p) && inside.length === 1 && k.label === 'Regulation' && k.end === p.end && k.start > p.start && !overlaps.some((o) => o.label === 'Nation' && !o.place && o.start === p.start)) {
      p.defined = true;
      return true;
    }
    // "Oracle Corp.", "SoftBank Group": a legal form after a known name is the known company itself, however the name was proposed
    if (p.label !== 'Model' && LEGAL_FORM.test(text.slice(k.end, p.end))) return false;
    // a name the text defines keeps the known names inside it ("Indian Rare Earths (IRE)"), and so does a statute's title
    // ("the Federal Trade Commission Act": an agency's name inside a law's)
    const within = (k: Mention) => k.start >= p.start && k.end <= p.end;
    if (p.defined && inside.every(within)) return true;
    if (titled.has(p) && p.label === 'Regulation' && inside.every((k) => within(k) && k.label === 'Organization')) {
      p.defined = true;
      return true;
    }
    if (p.label === 'Model') return k.start === p.start;
    // a known company's name opening a longer firm's full name ("Fidelity Management & Research Company", "Acme Capital Partners"):
    // two or more words and a firm's ending make another firm (a fund arm, a subsidiary), named in full
    if (p.label === 'Organization' && k.label === 'Organization' && inside.length === 1 && k.start === p.start && FIRM_TAIL.test(text.slice(k.end, p.end))) return true;
    return inside.length === 1 && k.start === p.start && k.label !== 'Nation' && /^\s\S+$/.test(text.slice(k.end, p.end));
  });
  kept.push(
    ...listMates(
      text,
      sentences,
      [...known, ...kept].sort((a, b) => a.start - b.start),
    ),
  );
  const seen = new Map<string, EntityRecord>();
  for (const m of kept) {
    const key = nameKey(m.name);
    const prior = seen.get(key);
    if (prior) prior.aliases = [...new Set([...prior.aliases, ...m.aliases])];
    else seen.set(key, { id: m.id!, label: m.label, name: m.name, aliases: [...m.aliases], props: m.props });
  }
  // names proposed anywhere are found everywhere (unless the graph already knows the name)
  // and so are the names the document's structure gives (a model card's own model)
  const local = Gazetteer.build(
    [...seen.values(), ...names.filter((e) => !seen.has(nameKey(e.name)))].filter((e) => !wholeName(gazetteer, e.name)),
    { lexicon: false },
  );
  const again = local.match(text).map((h) => fromHit(h, true));
  const found = resolveOverlaps([...repositories(text, gazetteer), ...known, ...kept, ...again, ...members(text, [...known, ...again])], text.length);
  const siblings = siblingCodes(text, found, gazetteer);
  const all = (siblings.length ? resolveOverlaps([...found, ...siblings], text.length) : found).map((m) => (m.label === 'Chip' ? (generationOf(text, m, gazetteer) ?? m) : m));
  for (const m of all) if (!m.publisher) makerInName(m, gazetteer);
  // a name's tail (NAME_TAILS) belongs to its mention, unless the next mention starts inside it
  all.forEach((m, i) => {
    let kind: (typeof NAME_TAILS)[number] | undefined;
    let tail: RegExpExecArray | null = null;
    for (const t of NAME_TAILS)
      if (t.labels.has(m.label) && (!t.after || t.after.test(m.surface)) && (tail = t.tail.exec(text.slice(m.end, m.end + t.reach)))) {
        kind = t;
        break;
      }
    const next = all[i + 1];
    if (!kind || !tail || (next && next.start < m.end + tail[0].length)) return;
    const end = m.end + tail[0].length;
    all[i] = { ...m, end, ...(kind.written ? { surface: text.slice(m.start, end) } : {}) };
  });
  const bySentence: Mention[][] = sentences.map(() => []);
  let k = 0;
  for (const m of all) {
    while (k < sentences.length && sentences[k]!.end <= m.start) k++;
    const s = sentences[k];
    if (s && m.start >= s.start && m.end <= s.end) bySentence[k]!.push(m);
  }
  return bySentence;
}
