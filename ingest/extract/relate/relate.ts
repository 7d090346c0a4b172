// The generalising relation layer: an open relation phrase between two mention groups of a
// sentence, mapped to a relation type of the domain model by the phrase book (phrases.yaml) and
// by the endpoint labels the schema allows. It reads the masked sentence of frame.ts:
//
//   ⟨0⟩, a unit of ⟨1⟩'s ⟨2⟩, unveiled ⟨3⟩ and ⟨4⟩ on Monday.
//
// 1. Mentions joined by list separators ("⟨3⟩ and ⟨4⟩", same or compatible labels) form a group;
//    a relation between two groups holds for every member pair.
// 2. Two groups relate only when nothing but words stands between them: no other mention, except
//    inside an appositive or relative clause attached to the left one (", a ... ,", ", which ... ,")
//    and possessive owners ("⟨1⟩'s"), which are read as modifiers. So a relation phrase never
//    reaches past a nearer candidate.
// 3. The words between are checked for blockers (reported speech, negation, contrast, ";") and
//    matched against the phrases; the phrase nearest the right-hand mention decides. A single
//    function word ("by", "in") decides only when it stands alone between the two.
// 4. "⟨0⟩'s [modifiers] ⟨1⟩" is a possessive: the owner makes, enacts, operates or houses the owned,
//    whichever the schema allows, in the order the phrase book gives.
// 5. A group of two or more followed by a partnership phrase ("⟨0⟩ and ⟨1⟩ formed an alliance"), or
//    preceded by one ("a partnership between ⟨0⟩ and ⟨1⟩"), partners pairwise.
import { isAct, isSingle, isPublicBody, refusedAsTo } from '../../../schema/validate.js';
import type { Label } from '../../../schema/generated/model.js';
import { MONEY_SOURCE } from '../money.js';
import { effectOf } from '../rules/applies-to.js';
import { HEDGED, HEDGES, ORG_HEADS, ROLE_COMPOUND, allowed, between, homeElsewhere, isMention, leadingActor, type FactDraft, type Frame, type Mention, type RelationRule } from '../frame.js';
import { phraseBook, type Phrase } from './phrases.js';

interface Group {
  members: Mention[];
  /** members joined with a description of their own ("⟨A⟩ and the chip giant ⟨B⟩"): what describes the first is not theirs */
  described?: Set<Mention>;
  /** offsets in the masked sentence: first marker's start, last marker's end */
  start: number;
  end: number;
}

const MARKER = /⟨(\d+)⟩/g;
// "⟨1⟩, ⟨2⟩ and ⟨3⟩", "⟨1⟩, ⟨2⟩, and investment firm ⟨3⟩": the last member may carry a short description
// (a kind may introduce the last items: "…, Samsung, and cloud firms such as ⟨Naver⟩ and ⟨Kakao⟩")
const LIST_GAP =
  /^(?:\s*,\s*(?:and |or |as well as |plus )?|\s+(?:and|or|&|as well as|plus)\s+|\s*\/\s*)(?:the )?(?:(?<=(?:and|or) (?:the )?)(?:[a-z][a-z-]* ){1,2}(?:(?:such as|like|including) )?)?$/;
// a member joined with words of its own after the conjunction ("and the chip giant ⟨B⟩")
const OWN_DESCRIPTION = /\b(?:and|or|plus)\s+(?:the\s+)?(?:(?!the\b)[a-z][a-z-]*\s+){1,2}$/;
// a clause attached to the left mention, which the relation phrase skips: ", a Shenzhen-based firm," / ", which ⟨5⟩ backs,"
const CLAUSE_OPENING = '^\\s*(?:,|\\(|—|–)\\s*(?:a|an|the|which|who|whose|its|one of|itself|now|formerly|previously|once)\\b[^,;()—–]*';
const ATTACHED = new RegExp(`${CLAUSE_OPENING}(?:,|\\)|—|–)`);
// the same clause still open where a mention stands inside it ("⟨0⟩, a unit of ⟨1⟩")
const INSIDE_ATTACHED = new RegExp(`${CLAUSE_OPENING}$`);
// an appositive opened after a name and still open, however many names stand in it
const OPEN_ASIDE = new RegExp(`N${CLAUSE_OPENING.slice(1)}$`);
const BLOCK = new RegExp(
  `;|\\||\\b(?:we|they|he|she|you)\\b|\\b(?:${HEDGES}|said|says|say|told|tells|according|reported|reports|reportedly|but|while|whereas|although|though|however|unlike|without|except|rather than|instead|denied|denies|deny|rejected|rejects|refused|refuses|considering|consider|asked|ask|urged|urge|allegedly|alleged|once part|once owned|former)\\b|n't\\b`,
);
// adverbs of time and manner inside a relation phrase change nothing of it ("available now on", "has also partnered with");
// "formerly" and "previously" do (FORMERLY), and stay
const TIME_ADVERBS = /\s(?:now|already|also|soon|today|currently|initially|first|exclusively|globally|immediately|widely|publicly|freely|generally|still|recently|officially|formally|quietly)(?=\s)/g;
// a state that held once ("formerly a unit of", "previously partnered with") no longer holds; an act done once stays done
// ("previously invested in", "previously developed": the domain model's `act`)
const FORMERLY = /\b(?:formerly|previously)\b/;
// words that carry no relation: what is left of a gap once they are gone must be a lone function word for it to count
const FILLER = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'new',
  'latest',
  'also',
  'recently',
  'now',
  'which',
  'who',
  'is',
  'was',
  'were',
  'are',
  'has',
  'have',
  'had',
  'been',
  'be',
  'will',
  'being',
  'both',
  'all',
  'own',
  'first',
  'next',
  'earlier',
  'based',
  ',',
  '-',
  '—',
  '–',
  '(',
  ')',
  'chip',
  'chips',
  'model',
  'models',
  'gpu',
  'gpus',
  'accelerator',
  'accelerators',
  'processor',
  'processors',
  'llm',
  'llms',
  'company',
  'firm',
  'group',
  'startup',
  'lab',
  'cloud',
  'platform',
  'service',
  'region',
  'family',
  'series',
  'line',
  'version',
  'ai',
]);
// words that make a possessive's gap more than a name's modifiers ("X's investment in Y", "X's plan to buy Y")
const NOT_MODIFIER = new Set([
  // an article opens another noun phrase: "X's plans predated the Y" is no possessive of Y
  'the',
  'a',
  'an',
  'in',
  'on',
  'of',
  'to',
  'for',
  'with',
  'by',
  'from',
  'at',
  'and',
  'or',
  'that',
  'which',
  'who',
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'as',
  'than',
  'against',
  'into',
  'over',
  'under',
  'after',
  'before',
  'since',
  'about',
  'through',
  'via',
  'across',
  'within',
  'between',
  'among',
  'per',
  'like',
  'including',
  'because',
  'but',
  'so',
  'while',
  'when',
  'where',
  'if',
  'whether',
  'either',
  'neither',
  'nor',
  'both',
  'relationship',
  'deal',
  'investment',
  'investments',
  'stake',
  'commitment',
  'agreement',
  'partnership',
  'attempt',
  'plan',
  'plans',
  'bid',
  'offer',
]);
// a size written as one hyphenated modifier: "1.6-trillion-parameter", "7B-parameter", "128k-token"
const SIZE = /^\d[\d.]*[a-z]*-(?:(?:trillion|billion|million)-)?(?:parameters?|params?|tokens?|layers?|experts?)$/i;
// the name of a body inside another ("the Department of Commerce's Bureau of Industry and Security")
const UNIT = /^(?:the )?(?:Bureau|Office|Agency|Department|Division|Institute|Administration|Directorate|Service|Unit|Team|Fund|Center|Centre|Commission|Council|Ministry|Laboratory|Lab)\b/;
// a gap that ends a clause and opens another ("… competes on price, and ⟨1⟩ …"): the right mention starts a new clause
const NEW_CLAUSE = /(?:^|\s|,)(?:and|or|but|while|as|so|yet|whereas)\s*$/;
// the second verb phrase of a coordination, for the actor it shares: "… and works with", "… and invested in"
// (never a plural noun naming others: "… and rivals such as ⟨1⟩")
const SECOND_VERB = /^\s*,?\s*and\s+((?:also\s+)?[a-z]+(?:ed|s)\b(?!\s+(?:such as|like|including|among|as well as)\b)[^⟨]*)$/;
// coordination of clauses: "⟨0⟩ took … and pledged … ⟨1⟩" puts the right mention in another clause than the left one's subject
const CLAUSE_AND = /^\s*,?\s*(?:and|or|but)\s+(?!the\b|a\b|an\b)[a-z]+(?:ed|s)\b/;
const PARTNER_AFTER =
  /^\s*(?:,\s*)?(?:(?:have|has|had|will|would|also|jointly|together|today|recently|then|are|were|is)\s+){0,3}(?:partner\w*|collaborat\w*|team(?:ed|s)? up|join(?:ed|s)? forces|form(?:ed|s)? (?:a|an) (?:[\w-]+ )?(?:alliance|partnership|joint venture|consortium)|sign(?:ed|s)? (?:a|an) (?:[\w-]+ ){0,2}(?:partnership|alliance|collaboration|cooperation|memorandum|agreement|pact)|agree(?:d|s)? to (?:work together|collaborate|partner|cooperate)|cooperat\w*|(?:launch|establish|set up|create)(?:ed|es|s)? (?:a|an) (?:[\w-]+ )?(?:joint venture|alliance|partnership))\b/;
// the nouns that name a partnership its parties are coordinated in
const PARTNERSHIP = '(?:partnership|alliance|collaboration|cooperation|joint venture|(?:joint|collaborative) effort|tie-up|pact|agreement|deal|memorandum of understanding|mou)';
const DESCRIBED_PAIR = new RegExp(
  `\\b${PARTNERSHIP} between (?:the )?(?:(?:[\\w-]+|⟨\\d+⟩(?:'s)?) ){0,4}?⟨(\\d+)⟩ and (?:the )?(?:(?:[\\w-]+|⟨\\d+⟩(?:'s)?) ){0,4}?⟨(\\d+)⟩(?!'s| [\\w-]+ (?:[\\w-]+ )?⟨)`,
  'g',
);
const PARTNERS_NAMED_AFTER = new RegExp(`\\b${PARTNERSHIP}s? (?:between|among|involving)\\s+(?:the )?$`);
// "deals with A and B" makes A and B partners of the subject, not of each other, so "with" is not here
const PARTNER_BEFORE = new RegExp(`\\b${PARTNERSHIP}s? (?:between|of|among|involving)\\s+(?:the )?$`);

// "Chinese startup ⟨1⟩", "British firms ⟨1⟩ and ⟨2⟩": a demonym and up to three lower-case words before a group
// an organisation described by its kind: "chip startup", "AI firms", "chipmaker"
export const ORG_DESCRIPTION = `(?:(?:[a-z][a-z-]*|AI|[A-Z][a-z]+)\\s+){0,2}${ORG_HEADS}`;
const DEMONYM_BEFORE = new RegExp(`^(?:\\s*|\\s+${ORG_DESCRIPTION},?\\s+(?:like\\s+|such as\\s+|including\\s+)?)$`);
// "⟨1⟩ is an American technology company", "⟨1⟩, a Chinese hedge fund": the group, a copula or comma, an article, then the demonym
const DEMONYM_AFTER = /^(?:\s*,\s*|\s+(?:is|was|are|were|,\s*which is|remains|became)\s+)(?:a|an|the|one of the)\s+(?:[a-z][a-z-]*\s+)?$/;
// "US companies ⟨1⟩ and ⟨2⟩", "United Arab Emirates (UAE) state-backed company ⟨1⟩": a nation's name used as a noun modifier
// "America's top technology and AI firms – like ⟨1⟩, ⟨2⟩": the nation's possessive, a few modifiers, an organisation's head, an optional "like"
const NATION_BEFORE = new RegExp(
  // (modifiers, never a verb: "China's ban has bolstered competitors such as ⟨1⟩" says nothing of their home)
  `^\\)?(?:['’]s)?\\s*(?:\\([A-Z.]{2,6}\\)\\s*)?(?:(?!(?:has|have|had|is|are|was|were|will|would|can|could|may|might|also|been|being)\\b)(?:[a-z]+-[a-z-]+|[a-z]+(?<!ed)|AI)\\s+){0,4}${ORG_HEADS}\\s*(?:[–—-]\\s*)?(?:,\\s*)?(?:like\\s+|such as\\s+|including\\s+|notably\\s+)?$`,
);
// amounts count as one word, whatever their spelling ("1.3 billion euros ($1.5 billion)")
const AMOUNT = new RegExp(`${MONEY_SOURCE}(?:\\s*\\([^)]{1,30}\\))?`, 'gi');
// a demonym-led description ending the gap belongs to the right mention ("… investor in ⟨French⟩ AI startup ⟨1⟩")
const DESCRIBED = /⟨\d+⟩(?:\s+[a-z][a-z-]*){0,4}\s*$/;
// "its ⟨1⟩", "its earlier ⟨1⟩": a possessive pronoun whose owner is the organisation named last
// nouns that relate the owned to something else than its owner ("its predecessor X", "its rival Y")
const RELATIONAL =
  /^(?:predecessor|successor|rival|rivals|competitor|competitors|peer|peers|counterpart|alternative|alternatives|partner|partners|customer|customers|client|clients|investor|investors|backer|backers|parent|supplier|suppliers)$/;
const ITS = /\b[Ii]ts\s+((?:[a-z][a-z-]*\s+){0,3})$/;
const COORDINATED_PARTICIPLES = /\b([a-z]+(?:ed|en|ilt|ade))\s+and\s+([a-z]+(?:ed|en|ilt|ade))\b(?=\s+(?:on|by|in|with|from|for)\b)/g;
// the same, for a test that keeps no state between gaps
const COORDINATED = new RegExp(COORDINATED_PARTICIPLES.source);
const COMPARANDS = /\b(?:like|such as|including|against|than|versus|vs\.?|rivals?|competitors?)\s+(?:the\s+)?$/;
// "its large language model, ⟨X⟩", "its new cloud platform, ⟨X⟩": the owned named in an appositive after its description
const ITS_APPOSITIVE = /\b[Ii]ts\s+((?:[a-z][a-z-]*\s+){0,4}[a-z][a-z-]*),\s*$/;
// "Its successor ⟨R2⟩": a model that follows the model the text was about derives from it
const SUCCESSOR = /^(?:successor|follow-up|followup|upgrade)$/;
// "… using 2.7 million ⟨H800⟩ GPU hours": compute spent on a chip is what the sentence's model was trained on
const GPU_HOURS = /^\s*(?:GPU|gpu)[- ]?hours\b/;
// "its subsidiary, ⟨1⟩", "its wholly owned unit ⟨1⟩": the owned is a part of the owner
// "its Chinese parent company, ⟨X⟩": a demonym may stand among the words
const ITS_PARENT = /\b[Ii]ts\s+(?:(?:[a-z-]+|⟨\d+⟩)\s+){0,2}(?:parent|owner)(?:\s+(?:company|group|firm))?\s*,?\s*(?:the\s+)?$/;
const ITS_UNIT = /\b[Ii]ts\s+(?:[a-z-]+\s+){0,2}(?:subsidiary|subsidiaries|unit|units|division|divisions|arm|affiliate|affiliates)\s*,?\s*(?:the\s+)?$/;
// "⟨S⟩ has plants in ⟨A⟩, offices in ⟨B⟩ and ⟨C⟩, and a sales office in ⟨D⟩": each "<facility> in ⟨X⟩" of the list places the subject
const FACILITY = '(?:offices?|headquarters|plants?|fabs?|sites?|facilities|factories|factory|centers?|centres?|operations|subsidiaries|branches|campuse?s?|labs?|laboratories|data cent(?:er|re)s?)';
const FACILITY_FIRST = new RegExp(
  `^\\s+(?:also\\s+)?(?:has|have|had|operates|operated|maintains|maintained|runs|ran|opened|opens|built|builds)\\s+(?:[a-z-]+\\s+){0,3}${FACILITY}\\s+(?:in|throughout|across)\\s+(?:the\\s+)?(?:mainland\\s+)?$`,
);
const FACILITY_NEXT = new RegExp(`^\\s*,\\s*(?:and\\s+)?(?:(?:a|an|its|their)\\s+)?(?:[a-z-]+\\s+){0,2}${FACILITY}\\s+(?:in|throughout|across)\\s+(?:the\\s+)?(?:mainland\\s+)?$`);
// "Based in ⟨Hangzhou⟩, ⟨DeepSeek⟩ …": an opening participle places the subject that follows it
const PLACED_OPENING = /(?:^|[.;:]\s+|^[A-Z][a-z]+ \d{4},\s+)(?:Based|Headquartered|Located) in (?:the )?$/;
const AFTER_OPENING = /^\s*(?:,\s*[A-Z][\p{L}-]+(?: [A-Z][\p{L}-]+)?)?\s*,\s*(?:the\s+)?$/u;
// a nation's name used as an adjective before an organisation's head noun: "a US company", "a UK-based firm"
const NATION_HEAD =
  /^(?:-based|-headquartered)?\s+(?:(?:[a-z][a-z-]*|AI|[A-Z]{2,5})\s+){0,3}(?:\([A-Z]{2,5}\)\s+)?(?:joint venture|venture|company|firm|startup|start-up|group|giant|lab|chipmaker|maker|provider|hyperscaler|vendor|operator|conglomerate|developer|designer|manufacturer|fund|agency|cloud|multinational|corporation|champion|supplier|foundry|bank|investor)\b/;
// the owner's possessive, up to five plain words and the appositive's end: "'s AI infrastructure stack, …", "'s 2026 flagship —"
const OWNER_APPOSITIVE = /^['’]s\s+(?:[\p{L}\p{N}-]+\s+){0,4}[\p{L}\p{N}-]+\s*(?:,|—|–|\)|$|\s(?:is|was|has|had|will|now|that|which)\b)/u;
const LAWS_OF = /^(?:['’]s)?\s+(?:[a-z][a-z-]*\s+){0,2}(?:laws?|rules?|regulations?|legislation|acts?|statutes?|controls?|regimes?)\s*,?\s*(?:such as|like|including|notably)\s+(?:the\s+)?$/;
// making words, and release words of Chinese-language titles (发布 release, 推出 launch, 开源 open-source, 上线 go live)
const MAKING = /\b(?:releas|launch|unveil|introduc|develop|announc|open-sourc|debut|ship|built|build|creat|train|publish|made by|from)\w*|发布|推出|开源|上线/i;
const MADE_BY: Phrase['rel'][] = ['DEVELOPED_BY', 'DESIGNED_BY', 'OPERATED_BY'];

/** How a maker made a product, if it could have: the first MADE_BY relation the schema allows between them, unless the domain model rules the maker out (a chip by a foundry). */
function madeBy(product: Mention, maker: Mention): Phrase['rel'] | undefined {
  const rel = MADE_BY.find((r) => allowed(r, product.label, maker.label));
  return rel && !refusedAsTo(rel, maker.props) ? rel : undefined;
}
const QUANTISED = /[-_.](?:GGUF|AWQ|GPTQ|MLX|EXL2|bnb|[48]-?bit|int[48]|fp8|q[2-8]_k\w*)$/i;
const INTRODUCING = /^\s*,?\s*(?:dubbed|called|named|known as|branded(?: as)?|code-?named|nicknamed)\s*[“"‘']?$/;
// where a thing is: an organisation's headquarters where the schema allows them, else its location
const HOUSING: Phrase['rel'][] = ['HEADQUARTERED_IN', 'LOCATED_IN'];
const housed = (m: Mention): Phrase['rel'] | undefined => HOUSING.find((r) => allowed(r, m.label, 'Nation'));
/** Labels that make models (the schema's DEVELOPED_BY objects): the actors "its" and list members stand for. */
const isMaker = (label: Label) => allowed('DEVELOPED_BY', 'Model', label);

const compatible = (a: Label, b: Label) => a === b || (isMaker(a) && isMaker(b));

/** Usable endpoints: not ambiguous, not an adjective ("Chinese"). */
const usable = (m: Mention | undefined): m is Mention => !!m && m.status !== 'ambiguous' && !m.demonym && !m.inName;
// a city or region standing for its nation
const usablePlace = (m: Mention): boolean => !!m.place && m.status !== 'ambiguous' && !m.inName;

function groupsOf(frame: Frame): Group[] {
  const out: Group[] = [];
  for (const mk of frame.masked.matchAll(MARKER)) {
    const found = frame.mentions[Number(mk[1])];
    const start = mk.index;
    const end = start + mk[0].length;
    if (!found) continue;
    // a nation's name opening a longer name nobody listed ("China National … Fund") is not the nation
    const mention =
      found.label === 'Nation' && /^ (?:[A-Z][a-z]+|[A-Z]{2,})\b/.test(frame.masked.slice(end, end + 20)) && !/^ (?:[A-Z][a-z]+)?(?:'s|’s)/.test(frame.masked.slice(end, end + 20))
        ? { ...found, inName: true }
        : found;
    const last = out[out.length - 1];
    const gap = last ? frame.masked.slice(last.end, start) : '';
    if (last && LIST_GAP.test(gap) && last.members.every((m) => compatible(m.label, mention.label))) {
      last.members.push(mention);
      if (OWN_DESCRIPTION.test(gap)) (last.described ??= new Set()).add(mention);
      last.end = end;
    } else out.push({ members: [mention], start, end });
  }
  return out;
}

/** The words between two groups as a relation phrase, or null when something else stands between them. */
function gapBetween(frame: Frame, left: Group, right: Group): string | null {
  // asides in brackets are not part of the relation phrase ("(English and Korean)", "(40%)")
  let gap = frame.masked
    .slice(left.end, right.start)
    .replace(AMOUNT, ' AMOUNT ')
    .replace(/ {2,}/g, ' ')
    .replace(/\s*\([^()]{0,80}\)/g, '')
    // and so are reference marks ("⟨0⟩ [12] and works with ⟨1⟩")
    .replace(/\s*\[(?:\d{1,3}|[a-z]|note \d{1,3})\]/g, '');
  // a demonym describing the right mention is part of its description, not another party
  const described = DESCRIBED.exec(gap);
  // (a relational noun in it stays: "⟨X⟩'s ⟨Chinese⟩ partner ⟨Y⟩" relates Y to X as a partner, not as a product)
  if (described && frame.mentions[Number(/⟨(\d+)⟩/.exec(described[0])![1])]?.demonym)
    gap =
      gap.slice(0, described.index) +
      described[0]
        .split(/\s+/)
        .filter((w) => RELATIONAL.test(w.toLowerCase()))
        .map((w) => ` ${w} `)
        .join('');
  // possessive owners inside the gap modify what follows them: "a unit of ⟨1⟩'s" reads "a unit of owner's"
  gap = gap.replace(/⟨\d+⟩['’]s\b/g, "owner's");
  // and so does a home in the description: "⟨1⟩, the ⟨San Francisco⟩-based developer of ⟨2⟩"
  gap = gap.replace(/⟨(\d+)⟩-(?:based|headquartered)\b/g, (all, i: string) => (frame.mentions[Number(i)]?.label === 'Nation' ? 'based' : all));
  if (gap.includes('⟨')) {
    const attached = ATTACHED.exec(gap);
    if (!attached) return null;
    gap = ' ' + gap.slice(attached[0].length);
    if (gap.includes('⟨')) return null;
  }
  return gap.replace(/[’‘]/g, "'").toLowerCase().replace(TIME_ADVERBS, '');
}

function words(gap: string): string[] {
  return gap.split(/[\s,()—–]+/).filter(Boolean);
}

/** The phrase that decides a gap between a left and a right mention, with the subject and object it gives. */
function decide(gap: string, gapWords: readonly string[], left: Mention, right: Mention, leftPlaced = false): { rel: Phrase['rel']; subject: Mention; object: Mention; weak: boolean } | null {
  const content = gapWords.filter((w) => !FILLER.has(w));
  const lone = content.length === 1 ? content[0]! : undefined;
  let best: { rel: Phrase['rel']; subject: Mention; object: Mention; weak: boolean; end: number; length: number } | null = null;
  for (const phrase of book.phrases) {
    let end = -1;
    let length = 0;
    if (phrase.re) {
      phrase.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = phrase.re.exec(gap))) {
        end = m.index + m[0].length;
        length = m[0].length;
        // overlapping phrases: try again one character on
        phrase.re.lastIndex = m.index + 1;
      }
    }
    // only a lone function word decides when no full phrase matched
    const weak = end < 0 && lone !== undefined && phrase.weak.has(lone);
    if (weak) end = gap.lastIndexOf(lone!) + lone!.length;
    if (end < 0) continue;
    let subject = left;
    let object = right;
    if (phrase.direction === 'backward') [subject, object] = [right, left];
    else if (phrase.direction === 'either' && !allowed(phrase.rel, left.label, right.label)) [subject, object] = [right, left];
    // a role noun between two names describes the one after it by the one before ("its ⟨X⟩ competitor ⟨Y⟩": Y is X's competitor)
    if (phrase.direction === 'forward' && ROLE_COMPOUND.test(gap)) [subject, object] = [right, left];
    if (!allowed(phrase.rel, subject.label, object.label)) continue;
    if (phrase.subjectLabels && !phrase.subjectLabels.includes(subject.label)) continue;
    if (phrase.objectLabels && !phrase.objectLabels.includes(object.label)) continue;
    if (phrase.objectKinds && !phrase.objectKinds.includes(String(object.props?.kind ?? ''))) continue;
    if (phrase.subjectKinds && !phrase.subjectKinds.includes(String(subject.props?.kind ?? ''))) continue;
    // words that, in the gap, say the entry states nothing here (the phrase file's `unless`)
    if (phrase.unless?.test(gap)) continue;
    // a city stands for its nation only where a place is meant, and so does a nation named after a word of place ("⟨X⟩
    // launched a cloud region in ⟨Mexico⟩": where, not who runs it)
    // (on either side: "an investment in ⟨Mexico⟩ from ⟨AWS⟩" names where the money goes, not who runs AWS)
    if ((subject.place || object.place || (right.label === 'Nation' && PLACE_WORD_END.test(gap)) || (left.label === 'Nation' && leftPlaced)) && !PLACE_RELATIONS.has(phrase.rel)) continue;
    // where an organisation's people are ("⟨X⟩ staff based in ⟨Y⟩") is not where it is
    if ((phrase.rel === 'HEADQUARTERED_IN' || phrase.rel === 'LOCATED_IN') && PEOPLE.test(gap)) continue;
    // an organisation has one home (the domain model's `single`): one the lexicon knows to be at home in one country is not
    // read as at home in another from a word between two names ("an investment in ⟨Brazil⟩ from ⟨Microsoft⟩"); a rule that
    // says so outright ("headquartered in") still may
    if (isSingle(phrase.rel) && object.props?.kind !== 'bloc' && homeElsewhere(object, subject)) continue;
    // "benchmarked against models developed by ⟨1⟩": what follows a comparison is about the compared, not the left mention
    if (phrase.rel !== 'COMPETES_WITH' && COMPARISON.test(gap)) continue;
    // a stake sold or cut is no investment ("⟨X⟩ sold its entire stake in ⟨Y⟩")
    if (phrase.rel === 'INVESTS_IN' && DIVESTED.test(gap)) continue;
    // "⟨X⟩ hailed a partnership between ⟨A⟩ and ⟨B⟩": the partners are the ones after "between", not the left mention
    if (phrase.rel === 'PARTNERS_WITH' && PARTNERS_NAMED_AFTER.test(gap)) continue;
    // the phrase nearest the right-hand mention decides; of two ending there, the longer ("owned and funded by" over "funded by")
    if (!best || end > best.end || (end === best.end && length > best.length)) best = { rel: phrase.rel, subject, object, weak, end, length };
  }
  return best;
}

// a verb of saying after a description: "…, the company said"
export const SPEAKER = /^,?\s+(?:said|says|told|added|adds|noted|notes|stated|states|explained|wrote|announced|confirmed|reported|reports)\b/;
const PEOPLE = /\b(?:personnel|staff|employees|engineers|workers|executives|officials|researchers|people|teams?)\b/;
const DIVESTED = /\b(?:sold|sells|sell|selling|divest\w*|exit(?:ed|s|ing)?|offload\w*|dump(?:ed|s|ing)?|unload\w*|trimm?\w*|reduc\w*|cut|cuts|pared)\b/;
const COMPARISON = /\b(?:against|than|versus|vs\.?|compared|comparable|benchmarked|outperform\w*|rival\w*|unlike|similar)\b/;
const PLACE_RELATIONS = new Set<Phrase['rel']>(['HEADQUARTERED_IN', 'LOCATED_IN', 'ENACTED_BY']);
// a word of place ending the words between two names: the name after it is where something is
const PLACE_WORD_END = /\b(?:in|at|near|across|throughout|inside|within)\s*$/;

/** "⟨a⟩'s [modifiers] ⟨b⟩": the modifiers between a possessive and what it owns, or null when the gap is no possessive. */
function possessiveModifiers(gap: string): string[] | null {
  const m = /^'s\b(.*)$/.exec(gap.trim());
  if (!m) return null;
  // modifiers are plain words; a final ", the" introduces the owned name ("X's earlier chip, the Y")
  const tail = m[1]!.replace(/,\s*(?:(?:the|a|an|its)\s*)?$/, '');
  return /[,;:()—–"“”]/.test(tail) ? null : words(tail);
}

/** The relation an owner has to what it owns with these modifiers between them, or null. */
function possessive(rest: readonly string[], owner: Mention, owned: Mention): { rel: Phrase['rel']; subject: Mention; object: Mention } | null {
  // a number is no modifier ("X's $10B investment"), except inside a size ("X's 1.6-trillion-parameter model")
  // and a relational noun makes the owned another party, not a product ("X's partner Y", "X's rival Y")
  if (rest.length > book.possessive.maxModifiers || rest.some((w) => NOT_MODIFIER.has(w) || RELATIONAL.test(w) || (/^[$€£¥]|\d/.test(w) && !SIZE.test(w)))) return null;
  // a city owns only what it houses ("Beijing's JD.com")
  const rels = owner.place ? book.possessive.relations.filter((r) => PLACE_RELATIONS.has(r)) : book.possessive.relations;
  const rel = rels.find((r) => allowed(r, owned.label, owner.label));
  if (!rel || homeElsewhere(owner, owned)) return null;
  // an organisation owns a lab it names outright ("Alibaba's Qwen team"), not whatever its possessive qualifies
  // and a company it names outright ("Alphabet's Google", "Acme Group's AcmeData"): with nothing between, the owner's own
  if (rel === 'SUBSIDIARY_OF' && (rest.length > 0 || !(owned.label === 'Lab' || owned.label === 'Organization' || UNIT.test(owned.name)))) return null;
  return { rel, subject: owned, object: owner };
}

// what an owner has in another company, written after that company's name: "X's Y stake", "X's Y investment", "X's Y deal"
const HELD_IN =
  /^\s*(?:[a-z-]+\s+)?(?:stakes?|shares?|holdings?|investments?|deals?|partnerships?|contracts?|agreements?|bets?|ties|relationship|alliance|acquisition|purchase|takeover|buyout|merger|tie-up|backing|funding|position|exposure|rivals?|competitors?|customers?|suppliers?|chips?|models?|GPUs?)\b/;

// a product written right after the one before it, as its sibling: "⟨0⟩/⟨1⟩", "⟨0⟩, ⟨1⟩", "⟨0⟩ and ⟨1⟩", "⟨0⟩, or ⟨1⟩"
// (each may carry its kind's noun: "⟨AMD Instinct⟩ GPUs, ⟨EPYC⟩ CPUs")
const SIBLING_JOIN = (i: number): RegExp => new RegExp(`⟨${i - 1}⟩(?: (?:GPUs?|CPUs?|DPUs?|NPUs?|TPUs?|chips?|accelerators?|processors?))?(?:/|, |,? (?:and|or) )⟨${i}⟩`);

// loaded with the module, so a broken data file stops extraction at once with its file and line
const book = phraseBook();
const MAX_GAP_WORDS = 12;
const MAX_AGENT_GAP_WORDS = 24;
const AGENT_AT_END =
  /,\s*(?:(?:jointly|originally|all|both)\s+)?(?:developed|built|created|released|made|designed|trained|published|introduced|open-sourced|manufactured|fabricated|operated|run)(?:\s+and\s+[a-z-]+)?\s+by\s*$/;
const MAX_REACH = 4;

// a subject pronoun of the clause before "its" ("… said it would … its model"): the two stand for the same actor
const IT_BEFORE = /\b(?:said|says|added|announced|stated|noted) (?:that )?it\b/;
// the opening of an aside that names someone in passing: ", heavily backed by ⟨A⟩,", ", a spin-off from ⟨A⟩,"
const ASIDE_BEFORE = /,\s(?:[\w-]+\s){0,4}(?:by|from|with|of)\s(?:the\s)?$/;

export const relatePhrases: RelationRule = {
  name: 'relate',
  // a repository id relates to its publisher on its own
  minMentions: 1,
  example: 'Acme, a unit of Globex, unveiled the X1 and X2 accelerators, which are built by Initech.',
  apply(frame) {
    const out: FactDraft[] = [];
    const groups = groupsOf(frame);
    // the masked sentence with each marker written as one word of its own length ("N   "): offsets stay those of the masked text
    let plainText: string | undefined;
    const plain = () => (plainText ??= frame.masked.replace(/⟨\d+⟩/g, (m) => 'N'.padEnd(m.length)));
    const actor = leadingActor(frame);
    // the organisation "its" before group a stands for: the maker named last before it, else the sentence's actor, else the last sentence's
    const itsOwner = (a: number): Mention | undefined => {
      // "⟨A⟩ said it would give ⟨B⟩ users … for its model": "it" and "its" stand for the clause's actor
      if (actor && usable(actor) && isMaker(actor.label) && IT_BEFORE.test(frame.masked.slice(0, groups[a]?.start ?? 0))) return actor;
      const before = groups
        .slice(0, a)
        // names given as examples or comparands ("rivals like ⟨A⟩ and ⟨B⟩") are not what "its" stands for, nor a name in an aside
        // ("The startup, heavily backed by ⟨A⟩, is known for its …")
        .filter((g) => !COMPARANDS.test(frame.masked.slice(Math.max(0, g.start - 40), g.start)))
        .filter((g) => !(ASIDE_BEFORE.test(frame.masked.slice(Math.max(0, g.start - 60), g.start)) && /^\s*,/.test(frame.masked.slice(g.end))))
        // nor the owner of something else the clause names ("⟨A⟩ will host ⟨B⟩'s GPUs at its campus": A's campus) where the clause has an actor
        .filter((g) => !(actor && usable(actor) && g.members[0] !== actor && /^['’]s\b/.test(frame.masked.slice(g.end, g.end + 3))))
        .flatMap((g) => g.members)
        .filter((m) => usable(m) && isMaker(m.label));
      return before[before.length - 1] ?? actor ?? frame.previous;
    };
    const push = (rel: Phrase['rel'], subject: Mention, object: Mention, confidence: number, gap = '') => {
      if (subject === object || subject.id === object.id) return;
      if (!allowed(rel, subject.label, object.label)) return;
      // rules are made by nations and public bodies: a company's "guidelines" are no regulation it enacts
      // rules are made by public bodies, and standards by consortia
      if (rel === 'ENACTED_BY' && object.label === 'Organization' && object.props?.kind !== undefined && !isPublicBody(object.props) && object.props.kind !== 'consortium') return;
      if (rel === 'APPLIES_TO') {
        // what a regulation does to what it applies to: from the phrase, the regulation's name, else the sentence; none, no fact
        const effect = effectOf(gap) ?? effectOf(subject.name) ?? effectOf(frame.text);
        if (effect) out.push({ rel, subject, object, confidence, props: { effect } });
        return;
      }
      out.push({ rel, subject, object, confidence });
    };
    // a repository id names its publisher: "nvidia/Model-7B" is published by NVIDIA
    // (a quantised copy — "…-GGUF", "…-AWQ" — is published by whoever converted it, not developed by them)
    // and so does a name that opens with its maker's: "Nvidia A100" is designed by NVIDIA, "Microsoft Azure" operated by Microsoft
    for (const m of frame.mentions) {
      if (!m.publisher || m.anaphor || QUANTISED.test(m.name) || m.status === 'ambiguous') continue;
      // a model named after its lab ("DeepSeek-V3") is the lab's where the sentence is about making it or it leads the sentence;
      // a passing mention in a comparison says nothing about who made it
      if (m.label === 'Model' && !/\//.test(m.surface) && !(MAKING.test(frame.text) || actor === m)) continue;
      const rel = madeBy(m, m.publisher);
      if (rel) {
        push(rel, m, m.publisher, 0.7);
        // "Nvidia H100/H200 GPUs", "Nvidia H100 and H200 GPUs": the maker's name serves the siblings written after a slash or
        // joined to it, unless one is known as another maker's ("Nvidia H100 and Ascend 910B")
        for (let i = frame.mentions.indexOf(m) + 1; i < frame.mentions.length && SIBLING_JOIN(i).test(frame.masked); i++) {
          const next = frame.mentions[i]!;
          if (next.label !== m.label || next.publisher || !usable(next) || (next.maker !== undefined && next.maker !== m.publisher.id)) break;
          push(rel, next, m.publisher, 0.65);
        }
      }
    }
    // a maker written right before its product as two names ("the ⟨Nvidia⟩ ⟨Hopper H100⟩ GPU", "⟨Alibaba⟩ ⟨Qwen3⟩")
    for (const pair of frame.masked.matchAll(/⟨(\d+)⟩ ⟨(\d+)⟩/g)) {
      const maker = frame.mentions[Number(pair[1])];
      const product = frame.mentions[Number(pair[2])];
      if (!usable(maker) || !usable(product) || maker.anaphor || product.anaphor || product.publisher) continue;
      if (maker.label !== 'Organization' && maker.label !== 'Lab') continue;
      const rel = madeBy(product, maker);
      if (rel) push(rel, product, maker, 0.6);
    }
    // a cloud named beside the organisation the graph knows operates it ("Microsoft Azure", "AWS … Amazon")
    for (const c of frame.mentions) {
      if (!c.operator || !usable(c)) continue;
      const op = frame.mentions.find((m) => m.id === c.operator && usable(m));
      if (op) push('OPERATED_BY', c, op, 0.6);
    }
    for (let a = 0; a < groups.length; a++) {
      const left = groups[a]!;
      for (let b = a + 1; b < groups.length && b <= a + MAX_REACH; b++) {
        const right = groups[b]!;
        // "…, the company said": a description standing for the speaker is no party to what it reports
        if (right.members[0]!.anaphor && SPEAKER.test(frame.masked.slice(right.end, right.end + 30))) continue;
        // a name inside an appositive ("⟨0⟩, a unit of ⟨1⟩, unveiled ⟨2⟩") is not the subject of what follows the appositive
        // (the appositive may have opened before other names: "⟨0⟩, a company backed by ⟨1⟩'s ⟨2⟩, is expanding …")
        if (
          /,/.test(frame.masked.slice(left.end, right.start)) &&
          (INSIDE_ATTACHED.test(frame.masked.slice(a > 0 ? groups[a - 1]!.end : 0, left.start)) || OPEN_ASIDE.test(plain().slice(0, left.start)))
        )
          continue;
        // "⟨X⟩, ⟨Y⟩'s flagship model": an appositive naming X by its owner
        if (b === a + 1 && /^\s*,\s*(?:the\s+)?$/.test(frame.masked.slice(left.end, right.start)) && OWNER_APPOSITIVE.test(frame.masked.slice(right.end, right.end + 80))) {
          for (const x of left.members.filter(usable))
            for (const y of right.members.filter(usable)) {
              const owned = possessive([], y, x);
              if (owned && owned.rel !== 'HEADQUARTERED_IN') push(owned.rel, owned.subject, owned.object, 0.6);
            }
          continue;
        }
        // a name used as an adjective ("the ⟨X⟩-based model …") is not the subject of what follows
        if (/^-(?:based|powered|derived|like|class|level|style)\b/.test(frame.masked.slice(left.end, left.end + 10))) continue;
        // a possessive owner ("⟨1⟩'s ⟨2⟩") is not the end of a phrase: what it owns is
        if (/^['’]s\b/.test(frame.masked.slice(right.end, right.end + 3))) continue;
        const gap = gapBetween(frame, left, right);
        if (gap === null) continue;
        // a participle after a comma reaches back to what the sentence introduced ("X, a collection of …, developed and released by Y")
        const reach = AGENT_AT_END.test(gap) ? MAX_AGENT_GAP_WORDS : MAX_GAP_WORDS;
        const gapWords = words(gap);
        if (gapWords.length > reach || BLOCK.test(gap)) continue;
        if (gapWords.length > 1 && (NEW_CLAUSE.test(gap) || CLAUSE_AND.test(gap))) {
          // a second verb of the sentence's actor ("⟨0⟩ builds chips with ⟨1⟩ and works with ⟨2⟩"): what it states is the actor's
          const second = SECOND_VERB.exec(gap);
          if (second && actor && usable(actor) && !left.members.includes(actor) && actor.start < left.start)
            for (const r of right.members) {
              if (!usable(r) || r === actor) continue;
              const d = decide(second[1]!, words(second[1]!), actor, r, false);
              if (d && !d.weak) push(d.rel, d.subject, d.object, 0.55, second[1]);
            }
          continue;
        }
        const modifiers = possessiveModifiers(gap);
        const leftPlaced = PLACE_WORD_END.test(frame.masked.slice(Math.max(0, left.start - 12), left.start));
        for (const l of left.members) {
          for (const r of right.members) {
            // a place on the right ("a campus in ⟨Texas⟩") stands for its nation where a place is meant (decide checks)
            if (!usable(l) || !(usable(r) || usablePlace(r))) continue;
            const owned = modifiers ? possessive(modifiers, l, r) : null;
            // a company owned outright is the one the possessive stands on, and its owner the one the "'s" ends ("⟨A⟩'s ⟨B⟩ and ⟨C⟩":
            // B is A's, C only beside it; "⟨A⟩ and ⟨B⟩'s ⟨C⟩": C is B's)
            // and one named as a modifier of what the owner has in it ("⟨A⟩'s ⟨B⟩ stake", "⟨A⟩'s ⟨B⟩ deal") is no company of A's
            if (owned?.rel === 'SUBSIDIARY_OF' && (r !== right.members[0] || l !== left.members[left.members.length - 1] || HELD_IN.test(frame.masked.slice(right.end, right.end + 24)))) continue;
            if (owned) {
              push(owned.rel, owned.subject, owned.object, 0.65);
              continue;
            }
            // "trained and served on ⟨X⟩", "designed and built by ⟨Y⟩": two participles share their preposition, each states its relation
            const readings = gap.includes(' and ') && COORDINATED.test(gap) ? [gap.replace(COORDINATED_PARTICIPLES, '$1'), gap.replace(COORDINATED_PARTICIPLES, '$2')] : [gap];
            for (const reading of readings) {
              const d = decide(reading, reading === gap ? gapWords : words(reading), l, r, leftPlaced);
              if (d && (!FORMERLY.test(gap) || isAct(d.rel))) push(d.rel, d.subject, d.object, d.weak ? 0.55 : 0.6, gap);
            }
          }
        }
      }
      const next = groups[a + 1];
      // a list of the subject's facilities and where they are
      if (left.members.length === 1 && usable(left.members[0]) && housed(left.members[0]!) && next && FACILITY_FIRST.test(frame.masked.slice(left.end, next.start))) {
        const subject = left.members[0]!;
        for (let b = a + 1; b < groups.length; b++) {
          const g = groups[b]!;
          if (b > a + 1 && !FACILITY_NEXT.test(frame.masked.slice(groups[b - 1]!.end, g.start))) break;
          // push keeps what LOCATED_IN may point at (a nation)
          for (const m of g.members) if ((m.place || !m.demonym) && m.status !== 'ambiguous') push('LOCATED_IN', subject, m, 0.6);
        }
      }
      // "a data centre in ⟨the UAE⟩, dubbed ⟨Stargate X⟩": the place of the thing named is the place before its name
      if (
        next &&
        left.members.length === 1 &&
        left.members[0]!.label === 'Nation' &&
        usable(left.members[0]) &&
        INTRODUCING.test(frame.masked.slice(left.end, next.start)) &&
        /\bin (?:the )?$/.test(frame.masked.slice(Math.max(0, left.start - 8), left.start))
      )
        for (const m of next.members.filter(usable)) push('LOCATED_IN', m, left.members[0]!, 0.6);
      // nationality: "Chinese startup ⟨1⟩", "⟨1⟩, a Chinese hedge fund"
      const nation = left.members.length === 1 && left.members[0]!.demonym && !left.members[0]!.place && left.members[0]!.status !== 'ambiguous' ? left.members[0]! : undefined;
      const named =
        left.members.length === 1 && left.members[0]!.label === 'Nation' && !left.members[0]!.demonym && !left.members[0]!.place && left.members[0]!.status !== 'ambiguous'
          ? left.members[0]!
          : undefined;
      // "Freedonian statutes like the ⟨Data Act⟩", "the bloc's rules, including ⟨its privacy law⟩": the nation enacted them
      const issuer = named ?? (left.members.length === 1 && usable(left.members[0]) ? left.members[0] : undefined);
      if (issuer && next && LAWS_OF.test(frame.masked.slice(left.end, next.start))) for (const m of next.members.filter(usable)) push('ENACTED_BY', m, issuer, 0.6);
      // "US companies ⟨1⟩ and ⟨2⟩", and a nation's name right before an organisation's ("the US ⟨Federal Reserve⟩")
      const between = next ? frame.masked.slice(left.end, next.start) : '';
      // (a nation describing the first of a list describes only those joined without a description of their own:
      // "France's largest bank ⟨A⟩ and the chip giant ⟨B⟩" places A in France, not B)
      const homed = next ? next.members.filter((m) => usable(m) && !next.described?.has(m)) : [];
      if (named && next && (NATION_BEFORE.test(between) || (/^ $/.test(between) && next.members.length === 1)))
        for (const m of homed) {
          // a nation's rule is its own; an organisation or site is in it
          const rel = allowed('ENACTED_BY', m.label, 'Nation') ? 'ENACTED_BY' : housed(m);
          if (rel) push(rel, m, named, 0.65);
        }
      if (nation && next && DEMONYM_BEFORE.test(between))
        for (const m of homed) {
          const rel = housed(m);
          if (rel) push(rel, m, nation, 0.65);
        }
      // "⟨1⟩ is an American company", "⟨1⟩ is a US company"
      const after = next ? frame.masked.slice(next.end, next.end + 40) : '';
      const nationAfter = next && next.members.length === 1 && next.members[0]!.label === 'Nation' && next.members[0]!.status !== 'ambiguous' && !next.members[0]!.place && NATION_HEAD.test(after);
      if (nationAfter && DEMONYM_AFTER.test(between))
        for (const m of left.members.filter(usable)) {
          const rel = housed(m);
          if (rel) push(rel, m, next.members[0]!, 0.65);
        }
      // "its ⟨1⟩": the owner is the organisation the sentence named last before it, else the one the text is about
      const lead = frame.masked.slice(a > 0 ? groups[a - 1]!.end : 0, left.start);
      // "Based in ⟨place⟩, ⟨Org⟩ …"
      const place = left.members[0]!;
      if (
        next &&
        // "Based in ⟨Hangzhou⟩, ⟨Zhejiang⟩, ⟨Org⟩": a city and its region are one place
        left.members.every((m) => m.id === place.id) &&
        place.label === 'Nation' &&
        (place.place || !place.demonym) &&
        place.status !== 'ambiguous' &&
        PLACED_OPENING.test(lead) &&
        AFTER_OPENING.test(frame.masked.slice(left.end, next.start))
      )
        for (const m of next.members.filter(usable)) {
          const rel = housed(m);
          if (rel) push(rel, m, place, 0.6);
        }
      const unitOf = ITS_UNIT.test(lead);
      const its = unitOf ? null : (ITS.exec(lead) ?? ITS_APPOSITIVE.exec(lead));
      if (unitOf) {
        const owner = itsOwner(a);
        if (owner && usable(owner)) for (const m of left.members.filter(usable)) if (!left.members.includes(owner)) push('SUBSIDIARY_OF', m, owner, 0.6);
      }
      // "its Chinese parent company, ⟨X⟩": the owner "its" stands for is X's subsidiary
      if (ITS_PARENT.test(frame.masked.slice(0, left.start))) {
        const owned = itsOwner(a);
        if (owned && usable(owned) && !left.members.includes(owned)) for (const m of left.members.filter(usable)) push('SUBSIDIARY_OF', owned, m, 0.65);
      }
      const prior = frame.previousModel;
      if (its && SUCCESSOR.test(its[1]!.trim()) && prior && usable(prior)) for (const m of left.members.filter(usable)) push('DERIVED_FROM', m, prior, 0.55);
      if (a > 0 && usable(actor) && GPU_HOURS.test(frame.masked.slice(left.end, left.end + 12))) for (const m of left.members.filter(usable)) push('TRAINED_ON', actor, m, 0.6);
      if (its && left.members.length >= 1) {
        const subject = itsOwner(a);
        const owner = subject && usable(subject) && isMaker(subject.label) && !left.members.includes(subject) ? subject : undefined;
        const mods = words(its[1]!);
        if (owner && mods.length <= book.possessive.maxModifiers && !mods.some((w) => NOT_MODIFIER.has(w) || RELATIONAL.test(w)))
          for (const m of left.members.filter(usable)) {
            const rel = book.possessive.relations.find((r) => r !== 'SUBSIDIARY_OF' && r !== 'HEADQUARTERED_IN' && allowed(r, m.label, owner.label));
            if (rel) push(rel, m, owner, 0.6);
          }
      }
      // coordinated partners: "⟨0⟩ and ⟨1⟩ formed an alliance", "a partnership between ⟨0⟩ and ⟨1⟩"; of three or more
      // ("a joint venture between ⟨0⟩, ⟨1⟩ and ⟨2⟩") each is a party to the venture, which is the deal's to say, not a pair's
      if (left.members.length === 2) {
        const after = frame.masked.slice(left.end, next?.start ?? frame.masked.length).toLowerCase();
        const before = frame.masked.slice(Math.max(0, left.start - 80), left.start).toLowerCase();
        if (PARTNER_AFTER.test(after) || PARTNER_BEFORE.test(before)) {
          const ms = left.members.filter(usable);
          for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++) push('PARTNERS_WITH', ms[i]!, ms[j]!, 0.6);
        }
      }
    }
    // "a partnership between French AI startup ⟨1⟩ and AI chip giant ⟨2⟩": partners each described by role words
    if (/\bbetween\b/.test(frame.masked))
      for (const m of frame.masked.matchAll(DESCRIBED_PAIR)) {
        const a = frame.mentions[Number(m[1])];
        const b = frame.mentions[Number(m[2])];
        if (usable(a) && usable(b) && a !== b && allowed('PARTNERS_WITH', a.label, b.label)) push('PARTNERS_WITH', a, b, 0.6);
      }
    // a chip or model written without its maker, made by the maker its full name or family gives, where the sentence names that
    // maker too: "Nvidia will export its H200 chips", "Nvidia's CEO spoke about the H100" (the lexicon says who makes it; the
    // sentence ties the two); never where the sentence already gave the product a maker
    for (const m of frame.mentions) {
      if (!m.maker || m.publisher || !usable(m) || m.anaphor || QUANTISED.test(m.name)) continue;
      if (out.some((f) => isMention(f.subject) && f.subject === m && MADE_BY.includes(f.rel))) continue;
      const maker = frame.mentions.find((x) => x.id === m.maker && usable(x) && !x.anaphor);
      const rel = maker && madeBy(m, maker);
      if (!maker || !rel) continue;
      const g = groups.findIndex((x) => x.members.includes(m));
      const owned = g >= 0 && ITS.test(frame.masked.slice(0, groups[g]!.start)) && itsOwner(g) === maker;
      if (owned || (actor === maker && MAKING.test(frame.text))) push(rel, m, maker, 0.55);
      // a bare co-mention states nothing where a denial or a condition stands between the two ("Nvidia did not mention the
      // H100"; one elsewhere in the sentence is about something else: "sales of the A100 no longer grow, Nvidia said of its
      // Blackwell line"), nor in a table's row of cells
      else if (!HEDGED.test(between(frame, m, maker)) && !frame.text.includes('|')) push(rel, m, maker, 0.5);
    }
    // a relation with one end at most per subject (an organisation's home), read "in" several at once, is said of where it works,
    // not where it is based
    const ends = new Map<string, Set<string>>();
    for (const f of out) if (isSingle(f.rel)) ends.set(`${f.rel} ${f.subject.name}`, (ends.get(`${f.rel} ${f.subject.name}`) ?? new Set()).add(f.object.name));
    return out.filter((f) => !isSingle(f.rel) || ends.get(`${f.rel} ${f.subject.name}`)!.size === 1);
  },
};
