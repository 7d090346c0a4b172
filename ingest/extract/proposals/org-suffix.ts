// Organisations by their form: a run of capitalised words ending in an organisational word
// ("Scale AI", "DBS Bank", "ICG Solutions", "Supreme People's Court") or opening with an
// institutional head ("Center for Strategic and International Studies", "Ministry of ...").
// An acronym in brackets right after the name becomes an alias.
import { isPublicBody } from '../../../schema/validate.js';
import type { Label } from '../../../schema/generated/model.js';
import type { Token } from '../nlp.js';
import { INNER_DOT, type Proposal, type Proposer } from './proposal.js';

interface Kind {
  label: Label;
  kind?: string;
}

const SUFFIX: Record<string, Kind> = {
  Inc: { label: 'Organization', kind: 'company' },
  Corp: { label: 'Organization', kind: 'company' },
  Co: { label: 'Organization', kind: 'company' },
  Corporation: { label: 'Organization', kind: 'company' },
  Company: { label: 'Organization', kind: 'company' },
  Management: { label: 'Organization', kind: 'fund' },
  Investments: { label: 'Organization', kind: 'fund' },
  Ltd: { label: 'Organization', kind: 'company' },
  LLC: { label: 'Organization', kind: 'company' },
  Group: { label: 'Organization', kind: 'company' },
  Holdings: { label: 'Organization', kind: 'company' },
  Technologies: { label: 'Organization', kind: 'company' },
  Technology: { label: 'Organization', kind: 'company' },
  Systems: { label: 'Organization', kind: 'company' },
  Solutions: { label: 'Organization', kind: 'company' },
  Semiconductor: { label: 'Organization', kind: 'chip_designer' },
  Semiconductors: { label: 'Organization', kind: 'chip_designer' },
  Electronics: { label: 'Organization', kind: 'company' },
  Networks: { label: 'Organization', kind: 'company' },
  Bank: { label: 'Organization', kind: 'company' },
  Capital: { label: 'Organization', kind: 'fund' },
  Ventures: { label: 'Organization', kind: 'fund' },
  Partners: { label: 'Organization', kind: 'fund' },
  Fund: { label: 'Organization', kind: 'fund' },
  Consortium: { label: 'Organization', kind: 'consortium' },
  Telecom: { label: 'Organization', kind: 'telecom' },
  Robotics: { label: 'Organization', kind: 'company' },
  Computing: { label: 'Organization', kind: 'company' },
  AI: { label: 'Organization', kind: 'company' },
  Labs: { label: 'Lab' },
  Lab: { label: 'Lab' },
  Research: { label: 'Lab' },
  Cloud: { label: 'Cloud' },
  Court: { label: 'Organization', kind: 'court' },
  Ministry: { label: 'Organization', kind: 'agency' },
  Agency: { label: 'Organization', kind: 'agency' },
  Commission: { label: 'Organization', kind: 'agency' },
  Authority: { label: 'Organization', kind: 'agency' },
  Administration: { label: 'Organization', kind: 'agency' },
  Bureau: { label: 'Organization', kind: 'agency' },
  Department: { label: 'Organization', kind: 'agency' },
  Senate: { label: 'Organization', kind: 'agency' },
  Treasury: { label: 'Organization', kind: 'agency' },
  Assembly: { label: 'Organization', kind: 'agency' },
  Board: { label: 'Organization', kind: 'agency' },
  Council: { label: 'Organization', kind: 'agency' },
  Committee: { label: 'Organization', kind: 'agency' },
  Parliament: { label: 'Organization', kind: 'agency' },
  University: { label: 'Organization', kind: 'university' },
  College: { label: 'Organization', kind: 'university' },
  Institute: { label: 'Organization', kind: 'other' },
  Foundation: { label: 'Organization', kind: 'other' },
};
/** Words that end the name of a public body ("French Senate", "U.S. Justice Department"): its kind is an agency's or a court's. */
export const PUBLIC_BODY_WORDS: readonly string[] = Object.entries(SUFFIX)
  .filter(([, k]) => k.label === 'Organization' && isPublicBody(k))
  .map(([w]) => w);
/** A public body's name by the word that ends it ("French Senate", "U.S. Justice Department"). */
export const PUBLIC_BODY_NAME = new RegExp(`\\b(?:${PUBLIC_BODY_WORDS.join('|')})\\b`);
// heads that open an institution's name ("Ministry of …", "Office of Science"), the public ones first
// ("Government of Canada", "House of Representatives": a government's or a chamber's head with its subject)
const PUBLIC_HEAD_WORDS = ['Ministry', 'Department', 'Bureau', 'Office', 'Agency', 'Council', 'Committee', 'Commission', 'Court', 'Administration', 'Academy', 'Authority', 'Government', 'House'];
const HEAD_WORDS = [...PUBLIC_HEAD_WORDS, 'Center', 'Centre', 'Institute', 'University', 'Federation', 'Association'];
/** Whether a run of words is a public institution's name: a public head with its subject ("Ministry of Digital Affairs"), or a public body's word ending two or more words ("National Cybersecurity Agency"). */
const publicForm = (words: readonly string[]): boolean => {
  const last = words[words.length - 1]!.replace(/['’]s$/, '');
  // an assembly is a legislature only as one ("National Assembly", "General Assembly"); "Semiconductor Assembly" is a trade
  if (last === 'Assembly' && !LEGISLATURE.test(words[0]!)) return false;
  // an office is a unit of a body, named in contacts and signatures rather than as an actor ("Office of Congressional Affairs")
  if (words[0] === 'Office') return false;
  return (words.length >= 3 && PUBLIC_HEAD_WORDS.includes(words[0]!) && CONNECTOR.test(words[1]!)) || (words.length >= 2 && PUBLIC_BODY_WORDS.includes(last));
};
const LEGISLATURE = /^(?:National|General|Legislative|State|Federal|Parliamentary|Constituent|People['’]s|Provincial|Regional)$/;
/** A public institution's name, by the word that ends it or the head that opens it ("Office of Science", "Chinese Academy of Sciences"). */
export const PUBLIC_INSTITUTION_NAME = new RegExp(`\\b(?:${[...new Set([...PUBLIC_BODY_WORDS, ...PUBLIC_HEAD_WORDS])].join('|')})\\b`);
/** Whether a name's form is an organisation's: it ends in an organisational word ("… Holdings", "… Authority") or opens with an institution's head ("Ministry of …"). */
export const organisationalForm = (name: string): boolean => {
  const words = name.split(/\s+/);
  return !!SUFFIX[words[words.length - 1]!] || HEAD_WORDS.includes(words[0]!) || (words.length > 2 && words.some((w, i) => i > 0 && HEAD_WORDS.includes(w) && /^(?:of|for)$/.test(words[i + 1] ?? '')));
};
const CUE = new RegExp(`\\b(${[...Object.keys(SUFFIX), ...HEAD_WORDS].join('|')})\\b`);
const WEAK = new Set(['AI', 'Cloud', 'Research', 'Technology', 'Computing', 'Capital', 'Systems', 'Networks']);
const LISTED_WEAK = new Set(['Capital', 'Systems', 'Networks']);
// endings only a firm's or an institution's name has ("… Group", "… Holdings", "… University"): such a name is an organisation
// wherever it stands ("Management", "Robotics", "Council" also end descriptions: "Model Risk Management")
const NAMING_SUFFIX = new Set([
  'Inc',
  'Corp',
  'Corporation',
  'Company',
  'Co',
  'Ltd',
  'LLC',
  'Group',
  'Holdings',
  'Technologies',
  'Semiconductor',
  'Electronics',
  'Partners',
  'Ventures',
  'Bank',
  'University',
  'College',
  'Institute',
  'Foundation',
]);
/** Endings of a firm's name (a company's or a fund's), which make a name that opens with a known company's another firm ("… Management & Research Company"). */
export const FIRM_ENDINGS: readonly string[] = Object.keys(SUFFIX).filter((w) => SUFFIX[w]!.kind === 'fund' || (SUFFIX[w]!.kind === 'company' && NAMING_SUFFIX.has(w)));
// a capitalised word and "and" right before a run: the run is the tail of a longer name ("Information and Communication Technologies")
const FRAGMENT_BEFORE = /\p{Lu}[\p{L}-]* (?:and|&) $/u;
// a company officer's title before "of" and the company ("CEO of Foo Technologies")
const PERSON_TITLE = /^(?:CEO|CFO|CTO|COO|Chairman|Chairwoman|Founder|Cofounder|Co-founder|President|Chief)$/;
// a person's title before an institution ("Director of the …") is no part of a name
const TITLE_FIRST = /^(?:Director|Minister|Secretary|Chairman|Chairwoman|Chair|President|Governor|Commissioner|Head|Chief|Deputy|Vice)\b/;
const HEAD = new Set(HEAD_WORDS);
// the rest of a department's list of subjects: ", Innovation and Technology", ", Energy and Industrial Strategy"
const SUBJECT_LIST = /^(?:, \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)+ (?:and|&) \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?/u;
const INITIALISM = /^(?:\p{Lu}\.)+\p{Lu}$/u;
const CONNECTOR = /^(of|for|and|&|de|du|la|the)$/;
const LEADING_NOISE =
  /^(The|A|An|In|On|At|For|By|With|From|As|But|And|Or|While|When|Meanwhile|This|That|These|Those|Its|Their|His|Her|Our|My|Your|Both|Every|Each|New|Last|Next|If|After|Before|Under|Over)$/;
// a dot belongs to a word only inside it ("U.S.", "Z.ai"), never as the sentence's full stop
const WORD = new RegExp(`[\\p{Lu}\\p{N}](?:[\\p{L}\\p{N}&\\-]|${INNER_DOT})*(?:['’]s)?|[\\p{Ll}]+|&`, 'gu');

// capitalised: ASCII by code, anything else by Unicode class
// (a name's word may open with digits before a capital: "3D Glass Solutions", "5Y Capital")
const upperFirst = (w: string): boolean => {
  const code = w.charCodeAt(0);
  return code < 128 ? (code >= 65 && code <= 90) || /^\d+\p{Lu}/u.test(w) : /^\p{Lu}/u.test(w);
};

/** The first token starting at or after an offset (tokens are in text order). */
function tokenFrom(tokens: readonly Token[], offset: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return tokens[lo];
}

/**
 * Whether "and" after words[j] joins the subjects of one public body ("Economic and Social Committee", "Security and
 * Control Bureau"): the words before it end in no organisational word, and capitalised words after it run to a public body's word.
 */
function bodyAfterAnd(words: readonly { text: string; start: number; end: number }[], j: number): boolean {
  if (SUFFIX[words[j]!.text] || words[j + 1]?.text !== 'and') return false;
  for (let k = j + 2; k < words.length && k <= j + 5; k++) {
    if (!upperFirst(words[k]!.text) || (k > j + 2 && words[k]!.start !== words[k - 1]!.end + 1)) return false;
    if (PUBLIC_BODY_WORDS.includes(words[k]!.text)) return true;
  }
  return false;
}

/** Proposes organisations, labs and clouds from capitalised runs with an organisational word. */
export const proposeOrganisations: Proposer = (sentence) => {
  const out: Proposal[] = [];
  // most sentences hold no organisational word at all: skip them before tokenising
  if (!CUE.test(sentence.text)) return out;
  const words: { text: string; start: number; end: number }[] = [];
  // one exec loop (WORD never matches empty text) instead of a match array mapped into another
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence.text); m; m = WORD.exec(sentence.text)) words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  let i = 0;
  while (i < words.length) {
    if (!upperFirst(words[i]!.text)) {
      i++;
      continue;
    }
    // grow a run of capitalised words joined by spaces and connectors
    let j = i;
    while (j + 1 < words.length) {
      const gap = sentence.text.slice(words[j]!.end, words[j + 1]!.start);
      // a department's subjects listed after its head ("Department for Science, Innovation and Technology"): the list is the name's
      if (gap === ', ' && words.slice(i, j).some((w, k) => HEAD.has(w.text) && /^(?:of|for)$/.test(words[i + k + 1]?.text ?? ''))) {
        const listed = SUBJECT_LIST.exec(sentence.text.slice(words[j]!.end));
        const endAt = listed ? words[j]!.end + listed[0].length : -1;
        const last = words.findIndex((w) => w.end === endAt);
        if (last > j) {
          j = last;
          continue;
        }
      }
      // an initialism's closing dot ("U.S. Justice Department") joins like a space
      if (gap !== ' ' && !(gap === '. ' && INITIALISM.test(words[j]!.text))) break;
      const next = words[j + 1]!;
      if (upperFirst(next.text)) j++;
      // "and" joins words of one name only after "of"/"for" ("Bureau of Industry and Security"), never two names
      else if (
        CONNECTOR.test(next.text) &&
        // ("&" joins one firm's words: "Fidelity Management & Research Company")
        (next.text === '&' || next.text !== 'and' || words.slice(i, j + 1).some((w) => /^(of|for)$/.test(w.text)) || bodyAfterAnd(words, j)) &&
        j + 2 < words.length &&
        upperFirst(words[j + 2]!.text) &&
        sentence.text.slice(next.end, words[j + 2]!.start) === ' '
      )
        j += 2;
      // "Center for a New American Security", "Office of the Director": a connector and an article
      else if (
        /^(of|for)$/.test(next.text) &&
        /^(a|the)$/.test(words[j + 2]?.text ?? '') &&
        j + 3 < words.length &&
        upperFirst(words[j + 3]!.text) &&
        sentence.text.slice(next.end, words[j + 3]!.start) === ` ${words[j + 2]!.text} `
      )
        j += 3;
      else break;
    }
    let first = i;
    while (first < j && LEADING_NOISE.test(words[first]!.text)) first++;
    // a possessive owner ("China's Supreme People's Court", "South Korea's APACT Co") is not part of the name, nor a backer
    // ("Jack Ma-backed Ant Group") or a person's title ("CEO of Firmus Technologies")
    // (unless what is left after a possessive is a bare suffix: "Supreme People's Court" keeps it; "Paris-based AI" is no name)
    for (let k = first; k < Math.min(j, first + 3); k++) {
      const w = words[k]!.text;
      if (/-(?:backed|owned|led|based)$/.test(w) || (/['’]s$/.test(w) && (j - k >= 2 || !SUFFIX[words[j]!.text.replace(/['’]s$/, '')]))) first = k + 1;
    }
    if (first + 1 < j && PERSON_TITLE.test(words[first]!.text) && words[first + 1]!.text === 'of') first += 2;
    // nor a plural noun opening the sentence before "of" ("Members of the Economy Ministry", "Officials of the Agency")
    if (words[first]!.start === 0 && /^\p{Lu}\p{Ll}+s$/u.test(words[first]!.text) && !HEAD.has(words[first]!.text) && words[first + 1]?.text === 'of')
      first += words[first + 2]?.text === 'the' ? 3 : 2;
    if (first > j) {
      i = j + 1;
      continue;
    }
    // "DBS Bank and Singapore's agencies": the name ends at the last organisational word before "and"
    for (let k = j - 1; k > first && !SUFFIX[words[j]!.text.replace(/['’]s$/, '')]; k--) if (SUFFIX[words[k]!.text] && /^(and|&)$/.test(words[k + 1]!.text)) j = k;
    const lastWord = words[j]!.text.replace(/['’]s$/, '');
    const nextToken = WEAK.has(lastWord) ? tokenFrom(sentence.tokens, sentence.start + words[j]!.end) : undefined;
    // weak suffixes ("AI", "Cloud") used as a modifier ("U.S. AI models", "SME AI adoption") name no organisation
    // a weak suffix ("AI", "Cloud") names an organisation only when the name acts: a verb, a possessive or an appositive follows
    const restStart = words[j]!.end - (words[j]!.text.length - lastWord.length);
    const rest = sentence.text.slice(restStart, restStart + 40);
    const before = sentence.text.slice(Math.max(0, words[first]!.start - 30), words[first]!.start);
    const acts =
      (!!nextToken && nextToken.pos === 'VERB') ||
      /^(['’]s\b|, (a|an|the) |\s*\()/.test(rest) ||
      /\b(acquire|acquired|acquires|buy|bought|invest(?:ed|s)? in|partner(?:ed|s)? with|backed|selected|chose|with)\s$/.test(before) ||
      // a firm's weak suffix in a list of names ("A Partners, B Capital and C Ventures"), never "AI" or "Cloud" there
      (LISTED_WEAK.has(lastWord) && (/^(?:,\s|,?\sand\s\p{Lu})/u.test(rest) || /(?:\p{L}, |,? and )$/u.test(before)));
    // "Ministry of ...", and a place before the head ("Abu Dhabi Department of Government Enablement")
    const headAt = (k: number) => HEAD.has(words[k]!.text) && k < j && CONNECTOR.test(words[k + 1]?.text ?? '');
    const headed = j > first && (headAt(first) || (first + 2 <= j && (headAt(first + 1) || (first + 2 < j && headAt(first + 2)))));
    // "National Institute of ... Technology" is a name whatever follows; a bare "X AI" must act to be one
    const modifier = WEAK.has(lastWord) && !acts && !headed;
    const suffix = SUFFIX[lastWord];
    const quoted = /[“"‘']/.test(sentence.text[words[first]!.start - 1] ?? '');
    if ((suffix || headed) && j > first && !quoted && !modifier) {
      const start = words[first]!.start;
      const end = words[j]!.end - (words[j]!.text.length - lastWord.length);
      const name = sentence.text.slice(start, end);
      const kind: Kind = suffix ?? SUFFIX[words[first]!.text] ?? { label: 'Organization', kind: 'agency' };
      // a whole name: neither a person's title before an institution nor the tail of a longer name cut at "and"
      const whole = !TITLE_FIRST.test(name) && !FRAGMENT_BEFORE.test(before);
      const acronym = /^\s*\(([A-Z][A-Za-z&]{1,9})\)/.exec(sentence.text.slice(end));
      out.push({
        start: sentence.start + start,
        end: sentence.start + end,
        name,
        label: kind.label,
        confidence: 0.6,
        // a name its form makes an organisation ("… Holdings", "… Group", "University of …") is one whatever else the text says of it
        // and so is a public institution's ("Ministry of Digital Affairs", "National Cybersecurity Agency", "Economy Ministry")
        // (not a fragment of a longer name cut at "and": "… Security and Control Bureau")
        ...(!whole ? {} : NAMING_SUFFIX.has(lastWord) ? { defined: true } : publicForm(words.slice(first, j + 1).map((w) => w.text)) ? { shown: true } : {}),
        ...(acronym ? { aliases: [acronym[1]!] } : {}),
        props: kind.kind ? { kind: kind.kind } : {},
      });
    }
    i = j + 1;
  }
  return out;
};
