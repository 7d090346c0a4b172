// Names nobody listed, typed by what the text says they are (the head nouns of the phrase book):
// - a name the text defines with its acronym: "Indira Gandhi Atomic Research Center (IGCAR)", "AI Growth
//   Zones (AIGZs)" — the acronym's letters are the name's initials; the name's last word types it;
// - a name the text introduces: "an AI data centre dubbed “Stargate X”", "a model called Foo", "the
//   chip, known as Bar 9";
// - a name an appositive describes: "Foo Campus, a 1GW AI campus in …";
// - names given as examples of a kind: "chipmakers such as Foo Semi, Bar and Baz", "models like Qux-7";
// - a name an appositive gives what "its" owns: "its large language model, Foo", "its new cloud platform, Bar";
// - names a nation's kind of company introduces: "Chinese chip firms Foo and Bar", "British startup Baz", and
//   names a backer introduces: "Acme-backed AI developer Foo";
// - names put on a list (a trade blacklist, a sanctions list): "Foo Co, Bar and Baz were added to the …",
//   "… added Foo and Bar Ltd. to its list", "Foo is among the firms placed on …" — organisations.
import type { Label } from '../../../schema/generated/model.js';
import { phraseBook } from '../relate/phrases.js';
import { organisationalForm } from './org-suffix.js';
import type { Sentence } from '../nlp.js';
import { nationByName } from '../lexicon.js';
import { CALENDAR_WORDS, DISCOURSE_WORDS, LEGAL_FORMS, NAME_PARTICLE, NAME_WORD, listedNames, spanOf, titleCased, type Proposal, type Proposer } from './proposal.js';

const { heads, referents } = phraseBook();

// a capitalised word of a name: "Atomic", "AI", "G42", "d'Azur"; small words may sit inside
const CAP = "[A-Z](?:[\\p{L}\\p{N}&'’-]|\\.(?=[\\p{L}\\p{N}]))*";
const SMALL = `(?:of|for|and|the|on|in|&|${NAME_PARTICLE})`;
const DEFINED = new RegExp(`(?<![\\p{L}\\p{N}])(${CAP}(?: (?:${CAP}|${SMALL})){1,9}) \\(([A-Z][A-Za-z]{1,9})\\)`, 'gu');
// a name introduced by a verb of naming, in quotes or as capitalised words; the head noun it names comes before
// ("called the Foo One": an article before a capitalised name is no part of it)
const INTRODUCED = new RegExp(`\\b(?:dubbed|called|named|known as|branded(?: as)?|code-?named|nicknamed) (?:the )?(?:[“"‘']([^”"’']{2,60})[”"’']|(${CAP}(?: ${CAP}){0,4}))`, 'gu');
// a chip named right after its head noun, written as a code ("its AI chip ATOM", "the accelerator X330", "an inference chip Foo-2")
const CHIP_AFTER_HEAD = new RegExp(
  `\\b(?:AI |inference |training |custom |in-house |new |latest )*(?:chip|accelerator|processor|NPU)s? (${CAP}(?: (?:${CAP}|\\d[\\w.]*))?)(?=[,.;)]| (?:is|was|will|has|had|and|which|that|this|last|in|for|to|with|from|by|as|chips?)\\b|$)`,
  'gu',
);
const CODE_LIKE = /\d|^[A-Z]{3,}$|[a-z][A-Z]/;
// "Foo Campus, a 1GW AI campus", "Bar, the $5 billion joint venture": a name, a comma, an article, up to five words and a head noun
const DESCRIBED_HEADS = [...heads.keys()].sort((a, b) => b.length - a.length).join('|');
const DESCRIBED = new RegExp(
  // (the head ends the phrase: "a chip designer", "a model provider" are no chip, no model)
  `(?<![\\p{L}\\p{N}])(${CAP}(?: ${CAP}){0,3}), (?:a|an|the) ((?:(?!(?:in|of|for|at|near|on|with|by|to|from|between|among|that|which|who|and|or|but)\\b)[\\p{L}\\p{N}$€£.'’-]+ ){0,5})(${DESCRIBED_HEADS})\\b(?! (?!(?:under|over|order|after|ever|either|other|per|for|or|together|better|later|never|neither|rather|whether)\\b)[a-z]+(?:er|or|ist|ian)s?\\b)`,
  'gu',
);
// "Foo is a 1GW AI campus": a name the sentence opens, a copula, an article, up to five words and a head noun
const COPULA = new RegExp(
  `^(${CAP}(?: ${CAP}){0,3}) (?:is|was|will be|would be|has become|became) (?:a|an) ((?:[\\p{L}\\p{N}-]+ ){0,5}?)([a-z][a-z-]*(?: (?!(?:in|of|for|at|near|on|with|by|to|from)\\b)[a-z][a-z-]*)?)\\b`,
  'u',
);
// "the Colossus supercomputer", "Acme's Fairwater AI datacenter": a name before a facility's head noun (shown only when related)
// and "Acme's Rubin GPUs", "the Gaudi accelerators": a chip line before a chip's head noun (memory and TPU left out)
// (each once: a word listed twice in an alternation is tried twice wherever the first fails)
const BEFORE_HEADS = [
  ...new Set(
    [...heads].flatMap(([h, l]) =>
      (l === 'DataCenter' && !/^(?:facility|site|zones?|growth zones?|compute hub)$/.test(h)) || (l === 'Chip' && !/^(?:memory|tpu|npu|asic)$/.test(h))
        ? // head nouns are listed in lower case; acronyms are written in capitals ("GPUs")
          [h, h.replace(/^(gpu|cpu)(s?)$/, (_, a: string, plural: string) => a.toUpperCase() + plural)]
        : [],
    ),
  ),
];
const BEFORE_HEAD = new RegExp(
  // (its acronym may stand between: "the Condor Galaxy 1 (CG-1) supercomputer")
  `(?:\\b[Tt]he |\\b[Ii]ts |\\b[Tt]heir |['’]s )(${CAP}(?: (?:${CAP}|\\d[\\w.]*)){0,2}?)(?: \\([A-Z][A-Z0-9-]{1,8}\\))? (?:(?:AI|exascale|new|planned|flagship|next-generation|[\\d.,]+ ?[GM]W) ){0,2}(${BEFORE_HEADS.join('|')})\\b`,
  'gu',
);
// a facility named with its head noun written in capitals: "the planned National AI Computing Center", "Foo Data Centre",
// "the Bar Campus" (a site, a zone or a cluster so written is too often a programme or a company's name)
const FACILITY_HEADS = [...heads]
  .filter(([h, l]) => l === 'DataCenter' && !/(?:s|facility|site|zone|cluster|compute hub)$/.test(h))
  .map(([h]) => h.replace(/\b(?:ai|[a-z])/g, (w) => (w === 'ai' ? 'AI' : w.toUpperCase())));
const FACILITY_NAME = new RegExp(`(?<![\\p{L}\\p{N}])((?:${CAP} ){1,4})(${FACILITY_HEADS.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const FACILITY_CUE = new RegExp(FACILITY_HEADS.join('|'));
// a lone modifier before a head noun is a description, not a name ("the AI campus", "the National supercomputer")
const GENERIC = /^(?:AI|National|Sovereign|Public|Private|Digital|Global|Regional|Federal|Central|European|American|First|Second|Third|New|Main|Largest|Exascale)$/;
// cheap tests first: most sentences have neither a copula with an article nor a facility's or chip's head noun
const COPULA_CUE = / (?:is|was|be|became|become) an? /;
const BEFORE_HEAD_CUE = new RegExp(`(?:${BEFORE_HEADS.join('|')})\\b`);
const NOT_NAMES = new RegExp(
  `^(?:The|This|That|These|Those|It|Its|In|On|At|For|And|But|First|Second|Third|According|Last|Next|Article|Section|Part|Chapter|Annex|Table|Figure|${DISCOURSE_WORDS}|${CALENDAR_WORDS})$`,
);

// the plural of a head noun or of a description that stands for an organisation, and the label its examples get
const plural = (w: string): string => (/[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : /(?:s|x|ch|sh)$/.test(w) ? `${w}es` : `${w}s`);
const KINDS = new Map<string, Label>();
for (const [h, l] of heads) if (l === 'Organization' || l === 'Lab' || l === 'Chip' || l === 'Model') KINDS.set(h.endsWith('s') ? h : plural(h), l);
for (const [h, r] of referents) if (!KINDS.has(plural(h))) KINDS.set(plural(h), r.labels[0]!);
// "chipmakers such as A, B and C", "labs, including A and B": a kind in the plural, an introducing word, then capitalised names
const EXAMPLE_NAME = `${NAME_WORD}(?: ${NAME_WORD}){0,3}`;
const EXAMPLES = new RegExp(
  `\\b(${[...KINDS.keys()].sort((a, b) => b.length - a.length).join('|')}),? (?:such as|like|including|notably|among them) ((?:the )?${EXAMPLE_NAME}(?:, (?:the )?${EXAMPLE_NAME})*(?:,? (?:and|or) (?:the )?${EXAMPLE_NAME})?)`,
  'gu',
);
const EXAMPLES_CUE = /\b(?:such as|like|including|notably|among them) [A-Z]/;

// a name put on a list may carry a legal form after a comma ("Foo Microelectronics Co., Ltd.")
const LEGAL = `(?:\\.?,? ${LEGAL_FORMS}\\.?)*`;
const LISTED_NAME = `${NAME_WORD}(?: ${NAME_WORD}){0,5}${LEGAL}`;
const LISTED_NAMES = `${LISTED_NAME}(?:(?:, | and |, and )${LISTED_NAME})*`;
const PUT_ON = '(?:added|placed|put|listed|included|designated|blacklisted)';
// what they are put on: a list, a blacklist, sanctions ("to the Entity List", "on its trade blacklist", "under US sanctions")
const ON_A_LIST = "(?:to|on|in|under) (?:the |its |a |their )?(?:[\\p{L}.'’-]+ ){0,4}?(?:[Ll]ist|blacklist|sanctions|[Rr]egistry|[Rr]egister)\\b";
const LISTED_PASSIVE = new RegExp(
  `(${LISTED_NAMES}),? (?:itself |themselves |also )?(?:was|were|is|are|has been|have been|had been|will be|would be) (?:also |now |among (?:the )?(?:[\\p{Ll}\\p{N},-]+ ){0,6}?)?${PUT_ON} ${ON_A_LIST}`,
  'gu',
);
const LISTED_ACTIVE = new RegExp(`\\b(?:added|adds|adding|placed|places|placing|put|puts|listed|lists|designated|designates) (${LISTED_NAMES}),? ${ON_A_LIST}`, 'gu');
// "… were added to the Entity List, including Foo Co and Bar": the ones a listing names
const LISTED_INCLUDING = new RegExp(`\\b${PUT_ON} ${ON_A_LIST},? (?:including|such as|among them|notably) (${LISTED_NAMES})`, 'gu');
const LISTED_CUE = /\b(?:added|adds|adding|placed|places|placing|put|puts|listed|lists|included|designated|designates|blacklisted)\b/;
const LEGAL_PART = new RegExp(`^${LEGAL_FORMS}\\.?$`);

/** The names of a list put on a list, each with its offset: a legal form after a comma stays with its name. */
function listedOrganisations(list: string, at: number): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  for (const part of listedNames(list, at)) {
    const prior = out[out.length - 1];
    if (prior && LEGAL_PART.test(part.name)) prior.name = list.slice(prior.index - at, part.index - at + part.name.length);
    else out.push(part);
  }
  return out;
}

// "its large language model, Foo", "its new cloud platform, Bar Cloud": a product's head noun, a comma and its name
const PRODUCT_HEADS = [...heads].flatMap(([h, l]) => (l === 'Model' || l === 'Chip' || l === 'Cloud' || l === 'DataCenter' ? [h] : [])).sort((a, b) => b.length - a.length);
const ITS_NAMED = new RegExp(`\\b[Ii]ts (?:[a-z-]+ ){0,4}?(${PRODUCT_HEADS.join('|')}), (${NAME_WORD}(?: ${NAME_WORD}){0,3})(?=[,.;]| (?:is|was|will|has|had|which|that|and)\\b)`, 'gu');

// "Chinese chip firms Foo and Bar", "British startup Baz": a nation's name or demonym, up to two words, a kind (singular or
// plural) and names; "Acme-backed AI developer Foo": a backer, then up to three words and a name
// (kinds of business only: "US data centers Partial" in a flattened table names no company)
const BUSINESS = /^(?:company|firm|startup|supplier|vendor|provider|carmaker|automaker|operator|lab|laboratory)$/;
const SINGULAR_KINDS = new Map<string, Label>();
for (const [h, l] of heads) if ((l === 'Organization' || l === 'Lab') && BUSINESS.test(h)) SINGULAR_KINDS.set(h, l);
for (const [h, r] of referents) if (!SINGULAR_KINDS.has(h)) SINGULAR_KINDS.set(h, r.labels[0]!);
const ALL_KINDS = new Map<string, Label>([...SINGULAR_KINDS, ...[...SINGULAR_KINDS].map(([h, l]) => [plural(h), l] as [string, Label])]);
// what follows names in prose: punctuation, "and", a verb ("will build", "is", "signed"); never a table's next cell
const PROSE_AFTER = /^(?:$|[,.;:)]|\s+(?:and|or|has|have|had|is|are|was|were|will|would|could|said|says|also|plans|wants)\b|\s+[a-z]+(?:ed|es)\b)/;
const KIND_ALT = [...ALL_KINDS.keys()].sort((a, b) => b.length - a.length).join('|');
const NATION_KIND = new RegExp(`(?<![\\p{L}\\p{N}])((?:${NAME_WORD} ){1,2})(?:[a-z][a-z-]* ){0,2}(${KIND_ALT}) (${EXAMPLE_NAME}(?:(?:, | and |, and )${EXAMPLE_NAME})*)`, 'gu');
const NATION_KIND_CUE = new RegExp(`\\b(?:${KIND_ALT}) [A-Z]`);
const BACKED_NAME = new RegExp(`(?<![\\p{L}\\p{N}])${NAME_WORD}-(?:backed|funded|owned) (?:(?:[a-z][a-z-]*|AI) ){0,3}(${EXAMPLE_NAME})`, 'gu');

/** Whether a run of capitalised words is no name: it opens with a function or calendar word, or is a lone modifier. */
// (nor an adjective compound of an acronym: "AI-driven", "GPU-rich")
const noName = (name: string): boolean => NOT_NAMES.test(name.split(' ')[0]!) || GENERIC.test(name) || /^[A-Z]{1,5}-[a-z]/.test(name);

/** Whether the tagger reads the word at an offset of the sentence as a proper noun. */
const properAt = (sentence: Sentence, index: number): boolean => sentence.properNouns.some((n) => n.start === sentence.start + index);

/** The label the last one or two words of a phrase give it, if they are a head noun. */
function headLabel(phrase: string): Label | undefined {
  const w = phrase.toLowerCase().trim().split(/\s+/);
  return heads.get(w.slice(-2).join(' ')) ?? heads.get(w[w.length - 1] ?? '');
}

/** Whether an acronym spells the initials of a name (small words may or may not count). */
function spells(name: string, acronym: string): boolean {
  const letters = acronym.replace(/s$/, '').toUpperCase();
  const words = name.split(' ');
  const all = words.map((w) => w[0]!.toUpperCase()).join('');
  const caps = words
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
  // a word written in camel case gives each of its capitals ("TianLu Memory Systems (TLMS)")
  const camel = words
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w.replace(/[^A-Z]/g, ''))
    .join('');
  // "AI Research Resource (AIRR)": a word that is itself an acronym gives all its letters
  const expanded = words
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => (/^[A-Z]{2,}$/.test(w) ? w : w[0]))
    .join('');
  // the same letters in another order also define it ("Indira Gandhi Centre for Atomic Research (IGCAR)" written in English order)
  const sorted = (x: string) => [...x].sort().join('');
  return [all, caps, expanded, camel].some((x) => x === letters || (letters.length >= 3 && sorted(x) === sorted(letters)));
}

export const proposeNamedByContext: Proposer = (sentence) => {
  const out: Proposal[] = [];
  const text = sentence.text;
  if (text.includes('(')) {
    for (const m of text.matchAll(DEFINED)) {
      let name = m[1]!;
      const acronym = m[2]!;
      // the name is the tail of the capitalised run whose initials the acronym spells ("… the Indira Gandhi Atomic Research Center (IGCAR)")
      const words = name.split(' ');
      let found = '';
      for (let i = 0; i < words.length - 1; i++) {
        const tail = words.slice(i).join(' ');
        if (/^[A-Z]/.test(tail) && spells(tail, acronym)) {
          found = tail;
          break;
        }
      }
      if (!found) continue;
      name = found;
      if (phraseBook().terms.has(name.toLowerCase())) continue;
      const start = m.index + m[1]!.length - name.length;
      // a defined name no head noun types is an organisation only by an organisation's form ("Foo Holdings (FH)"); a
      // programme's or a technique's term ("Foreign Direct Product (FDP)", "Validated End-User (VEU)") is none
      const label = headLabel(name) ?? (organisationalForm(name) ? 'Organization' : undefined);
      if (!label || label === 'Deal') continue;
      out.push({ ...spanOf(sentence, start, name.length), name, label, confidence: 0.65, aliases: [acronym], props: {}, defined: true });
    }
  }
  if (/\b(?:dubbed|called|named|known as|branded|code-?named|nicknamed)\b/.test(text)) {
    for (const m of text.matchAll(INTRODUCED)) {
      const written = (m[1] ?? m[2])!.trim();
      // a comma or full stop set inside the quotation marks is the sentence's ("dubbed “Atlas,” the plan …")
      const name = written.replace(/[,.;:]+$/, '');
      if (NOT_NAMES.test(name)) continue;
      // the nearest head noun in the eight words before the verb says what is named
      const before = text
        .slice(Math.max(0, m.index - 80), m.index)
        .toLowerCase()
        .split(/[^a-z-]+/)
        .filter(Boolean)
        .slice(-8);
      let label: Label | undefined;
      for (let i = before.length - 1; i >= 0 && !label; i--) label = heads.get(`${before[i - 1] ?? ''} ${before[i]}`) ?? heads.get(before[i]!);
      // the name's own last word, when it is a head noun, says more ("The venture, called the Orbis Compute Cloud, …")
      const own = heads.get(name.split(' ').pop()!.toLowerCase());
      if (own && own !== 'Deal' && (!label || label === 'Deal')) label = own;
      if (!label || label === 'Deal') continue;
      const at = m.index + m[0].length - written.length - (m[1] !== undefined ? 1 : 0);
      out.push({ ...spanOf(sentence, at, name.length), name, label, confidence: 0.65, props: {}, defined: true });
    }
  }
  if (/\b(?:chip|accelerator|processor|NPU)s? [A-Z]/.test(text))
    for (const m of text.matchAll(CHIP_AFTER_HEAD)) {
      const name = m[1]!;
      if (noName(name) || !CODE_LIKE.test(name)) continue;
      out.push({ ...spanOf(sentence, m.index + m[0].length - name.length, name.length), name, label: 'Chip', confidence: 0.55, props: {}, shown: true });
    }
  // (a headline's capitals name nothing: "Acme to Build AI Factory in Kenya")
  for (const m of FACILITY_CUE.test(text) && !titleCased(text) ? text.matchAll(FACILITY_NAME) : []) {
    // an opening word is no part of the name ("The Foo Campus"); a generic word alone is no name ("National Supercomputer")
    const words = m[1]!.trim().split(' ');
    const lead = words.findIndex((w) => !NOT_NAMES.test(w));
    const kept = lead < 0 ? [] : words.slice(lead);
    if (!kept.length || (kept.length === 1 && GENERIC.test(kept[0]!))) continue;
    const name = `${kept.join(' ')} ${m[2]}`;
    out.push({ ...spanOf(sentence, m.index + m[0].length - name.length, name.length), name, label: 'DataCenter', confidence: 0.6, props: {}, defined: true });
  }
  const copula = COPULA_CUE.test(text) ? COPULA.exec(text) : null;
  if (copula && !NOT_NAMES.test(copula[1]!.split(' ')[0]!)) {
    const label = headLabel(copula[3]!);
    if (label) out.push({ ...spanOf(sentence, 0, copula[1]!.length), name: copula[1]!, label, confidence: 0.6, props: {}, defined: true });
  }
  for (const m of BEFORE_HEAD_CUE.test(text) ? text.matchAll(BEFORE_HEAD) : []) {
    const name = m[1]!;
    if (noName(name)) continue;
    const label = headLabel(m[2]!.toLowerCase());
    if (label) out.push({ ...spanOf(sentence, m.index + m[0].indexOf(name), name.length), name, label, confidence: 0.55, props: {} });
  }
  for (const m of EXAMPLES_CUE.test(text) ? text.matchAll(EXAMPLES) : []) {
    const label = KINDS.get(m[1]!.toLowerCase())!;
    const at = m.index + m[0].length - m[2]!.length;
    for (const { name, index } of listedNames(m[2]!, at)) {
      // an owner before the name is no part of it ("OpenAI's GPT-4")
      const bare = name.replace(/^the /, '').replace(/^.*['’]s /, '');
      if (noName(bare)) continue;
      out.push({ ...spanOf(sentence, index + name.length - bare.length, bare.length), name: bare, label, confidence: 0.55, props: {}, defined: true });
    }
  }
  if (/\b[Ii]ts /.test(text))
    for (const m of text.matchAll(ITS_NAMED)) {
      const name = m[2]!;
      if (noName(name)) continue;
      const label = headLabel(m[1]!)!;
      out.push({ ...spanOf(sentence, m.index + m[0].length - name.length, name.length), name, label, confidence: 0.55, props: {} });
    }
  for (const m of NATION_KIND_CUE.test(text) ? text.matchAll(NATION_KIND) : []) {
    // the words before the kind open with a nation ("Chinese", "South Korean", "U.S.")
    const words = m[1]!.trim();
    if (!nationByName(words) && !nationByName(words.split(' ')[1] ?? '')) continue;
    const label = ALL_KINDS.get(m[2]!)!;
    const at = m.index + m[0].length - m[3]!.length;
    if (!PROSE_AFTER.test(text.slice(m.index + m[0].length))) continue;
    for (const { name, index } of listedNames(m[3]!, at)) {
      // a name the tagger reads as a proper noun: a table's "Low-Medium" or "Partial" after "US labs" is no company
      if (noName(name) || nationByName(name) || !properAt(sentence, index)) continue;
      out.push({ ...spanOf(sentence, index, name.length), name, label, confidence: 0.55, props: {} });
    }
  }
  if (/-(?:backed|funded|owned) /.test(text))
    for (const m of text.matchAll(BACKED_NAME)) {
      const name = m[1]!;
      if (noName(name)) continue;
      out.push({ ...spanOf(sentence, m.index + m[0].length - name.length, name.length), name, label: 'Organization', confidence: 0.55, props: {} });
    }
  if (LISTED_CUE.test(text))
    for (const re of [LISTED_PASSIVE, LISTED_ACTIVE, LISTED_INCLUDING])
      for (const m of text.matchAll(re)) {
        const at = m.index + m[0].indexOf(m[1]!);
        for (const { name, index } of listedOrganisations(m[1]!, at)) {
          // a capitalised word opening the sentence is no part of the name ("When Foo Co was placed …")
          const lead = /^(?:The|the|When|While|After|Before|Since|Although|Because|If|And|But|Meanwhile|Also|Now) /.exec(name)?.[0].length ?? 0;
          const bare = name.slice(lead);
          if (!bare || noName(bare)) continue;
          out.push({ ...spanOf(sentence, index + lead, bare.length), name: bare, label: 'Organization', confidence: 0.55, props: {} });
        }
      }
  if (text.includes(', a') || text.includes(', the ')) {
    for (const m of text.matchAll(DESCRIBED)) {
      // an owner before the name is no part of it ("Nvidia's H100, a flagship chip")
      const owner = /^(?:\S+ ){0,2}\S+['’]s /.exec(m[1]!)?.[0].length ?? 0;
      const name = m[1]!.slice(owner);
      if (!name || NOT_NAMES.test(name.split(' ')[0]!)) continue;
      const label = headLabel(m[3]!);
      if (!label) continue;
      // "X, the …" describes a name only as an agreement ("Stargate, the $500 billion joint venture"), never a place named after a
      // preposition ("east of Monroe, the campus …"); "Overall, the rule …" is no name
      if (/^, the /.test(m[0].slice(m[1]!.length)) && (label !== 'Deal' || /\b(?:of|in|at|near|from|to|for|by|with)\s+$/.test(text.slice(0, m.index)))) continue;
      out.push({ ...spanOf(sentence, m.index + owner, name.length), name, label, confidence: 0.6, props: {}, defined: true });
    }
  }
  return out;
};
