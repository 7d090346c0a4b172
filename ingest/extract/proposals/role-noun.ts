// Organisations named right after a role noun ("infrastructure vendor H3C", "the startup
// Econet") or followed by an appositive that says what they are ("Zhipu, a Beijing startup", "Acme — a joint venture between …").
import { CALENDAR_WORDS, COUNT, COUNT_CLOSE, DISCOURSE_WORDS, INNER_DOT, NAME_PARTICLE, NAME_WORD, ROLE_NOUN, listedNames, type Proposal, type Proposer } from './proposal.js';

// capitalised words (or a brand's digits before a capital: "21Vianet"), a dot only inside one ("Z.ai", "U.S."), never the sentence's full stop (nor an apostrophe: "Acme's" ends the name)
const WORD = `(?:[A-Z]|\\d+(?=[A-Z][a-z]))(?:[\\p{L}\\p{N}&\\-]|${INNER_DOT})*`;
// (a particle of another language may join its words: "Casa dos Ventos", "Banco do Brasil")
const NAME = `(${WORD}(?: (?:& |${NAME_PARTICLE} )?${WORD}){0,3})`;
// (or named by a word of naming after it: "a new subsidiary called X", "a venture named Y")
const AFTER_ROLE = new RegExp(
  `\\b(?:${ROLE_NOUN}|state-backed|state-owned|government-backed|state-run|sovereign-backed|venture|entity|unit)(?:,? (?:called|named|dubbed|known as))? ["“]?${NAME}(?![\\p{L}\\p{N}])`,
  'gu',
);
const APPOSITIVE = new RegExp(`${NAME}(?:,| is| was| ?[—–]) (?:a|an|the) (?:[\\p{L}-]+ ){0,3}(?:${ROLE_NOUN}|(?<=(?:a|an) (?:[\\p{L}-]+ ){0,3})joint venture)\\b`, 'gu');
// an owner's or a nation's description before the name: "Vietnam's largest private conglomerate, Vingroup."
const DESCRIBED_BEFORE = new RegExp(`['’]s (?:[\\p{Ll}-]+ ){0,3}${ROLE_NOUN}, (?:the )?${NAME}(?=[,.;)]|$| (?:said|says|which|who|has|is|was|will|and)\\b)`, 'gu');
// capitalised words that follow role nouns without being names ("API provider", "GPU vendor")
const NOT_NAMES = new RegExp(
  `^(?:The|This|That|These|Those|It|Its|In|On|At|By|From|After|Before|Since|And|But|Or|For|With|Both|Other|Others|Some|Many|All|Most|AI|I|We|They|API|APIs|GPU|GPUs|CPU|LLM|LLMs|SDK|CEO|CTO|ML|IP|US|EU|UK|SaaS|CUDA|${DISCOURSE_WORDS}|${CALENDAR_WORDS})$`,
);
// an adjective compound of an acronym ("AI-driven analytics", "GPU-rich labs") and a news agency are no company named in a list
const NOT_A_MEMBER = /^(?:[A-Z]{1,5}-[a-z][\w-]*|Reuters|Bloomberg|AFP|AP|Xinhua|Yonhap|Kyodo)$/;
/** Whether a name read from a list or after a title is none: it opens with a function, discourse or calendar word, or is no member. */
export const noMember = (name: string): boolean => NOT_NAMES.test(name.split(' ')[0]!) || NOT_A_MEMBER.test(name);

// "companies such as Naura and Piotech", "Chinese chipmakers, including SMIC, Hua Hong and CXMT": the named members of a group
const GROUP =
  '(?:companies|firms|entities|organi[sz]ations|chipmakers|manufacturers|suppliers|vendors|startups|labs|developers|providers|operators|investors|customers|buyers|subsidiaries|affiliates|enterprises|businesses|clients|partners|backers|shareholders|applicants|regulators)';
// ("of" may join words of one name: "Bank of Italy", and so may a particle of another language: "Casa dos Ventos", "Banco do Brasil")
const MEMBER = `${NAME_WORD}(?: (?:of |for |${NAME_PARTICLE} )?${NAME_WORD}){0,2}`;
// (the group may open the sentence: "Customers such as A and B …")
const GROUP_ANY_CASE = GROUP.replace(/\(\?:([a-z])/, (_, c: string) => `(?:[${c}${c.toUpperCase()}]`).replace(/\|([a-z])/g, (_, c: string) => `|[${c}${c.toUpperCase()}]`);
// a counted group and its members after a comma ("four AI startups, A, B, C and D", "two joint applicants, A and B", "three
// Ruritanian firms in particular, A, B and C"), and a
// kind of firm right before its members ("VC firms A and B")
const COUNTED_GROUP = new RegExp(
  `\\b${COUNT} (?:[a-z][a-z-]* |AI |[A-Z][a-z]+(?:an|ese|ish|i|ch) ){0,2}${GROUP}${COUNT_CLOSE},? (${MEMBER}(?:(?:, | and |, and )${MEMBER}){1,8})(?=[,.;)]| (?:to|have|has|had|will|were|are|which|who|that)\\b|$)`,
  'gu',
);
// (or a nationality: "Israeli startups A and B", "Chinese chipmakers A, B and C")
const KIND_BEFORE = new RegExp(
  `\\b(?:VC|venture|investment|private equity|law|consulting|research|[A-Z][a-z]+(?:an|ese|ish|i|ch)) ${GROUP} (${MEMBER}(?:(?:, | and |, and )${MEMBER}){0,8})(?=[,.;)]| [a-z]|$)`,
  'gu',
);
// whether a sentence names a group at all: the two patterns above open on every word, most sentences name none
const GROUP_NAMED = new RegExp(`\\b${GROUP}`);
// (after a comma, a space or a dash: "enterprises—including A, B and C—")
const LIST_OPENS = '(?:,? | ?[—–] ?)';
const GROUP_LIST = new RegExp(
  `\\b${GROUP_ANY_CASE}${LIST_OPENS}(?:[^.;]{0,60}?,? )?(?:such as|including|like|notably|among them|include|includes|included) (?:the )?(${MEMBER}(?:(?:, | and |, and )(?:the )?${MEMBER}){0,8})`,
  'gu',
);
// the group's own list, right after its noun
const OWN_LIST = new RegExp(`^\\S+?${LIST_OPENS}(?:such as|including|like|notably|among them|include|includes|included) `);
// a person's role at an organisation names it: "Jane Doe, chief executive of Foo Cloud", "an analyst at Bar Securities",
// "formerly CEO of Baz Digital" (people are no mentions; a title before a nation or a known name only finds what is known)
const TITLE_AT = new RegExp(
  `\\b(?:CEO|CFO|CTO|COO|chief (?:executive|technology|financial|operating|scientist|economist)(?: officer)?|chair(?:man|woman)?|president|founder|co-founder|cofounder|analyst|senior analyst|director|managing director|spokes(?:person|man|woman)|executive|vice president|general manager|economist|partner) (?:of|at) (?:the )?(${MEMBER}(?: & ${NAME_WORD}(?: ${NAME_WORD})?)?)(?![\\p{L}\\p{N}])`,
  'gu',
);

// a name whose founding the text tells is an organisation's: "X, which was founded in 2022 by …", "X, founded in 2021,",
// "X was co-founded by …", "Founded in 2021, X makes …"
const FOUNDED_VERB = '(?:co-?)?(?:founded|incorporated)';
const FOUNDED_AFTER = new RegExp(`${NAME}(?:,? (?:which|that) (?:was|were|has been) |, | (?:was|were) )${FOUNDED_VERB} (?:in|by|on|last|this|two|three|four|five|\\d)`, 'gu');
const FOUNDED_BEFORE = new RegExp(`^(?:Co-)?(?:Founded|Incorporated) (?:in|by) [^,]{1,60}, ${NAME}(?= [a-z])`, 'gu');

/** A company proposed at an offset of the document; `shown` when what the text says makes it one whatever else is said of it. */
const company = (start: number, name: string, confidence: number, shown = false): Proposal => ({
  start,
  end: start + name.length,
  name,
  label: 'Organization',
  confidence,
  props: { kind: 'company' },
  ...(shown ? { shown: true } : {}),
});

/** Proposes organisations from role nouns and appositives. */
export const proposeByRole: Proposer = (sentence) => {
  const out: Proposal[] = [];
  // an appositive or a copula needs ", a", ", the" or "is a": most sentences have none, and its pattern tries every capital
  const appositive = sentence.text.includes(', a') || sentence.text.includes(', the') || / (?:is|was) (?:a|an|the) |[—–] (?:a|an|the) /.test(sentence.text);
  const described = /['’]s /.test(sentence.text) && sentence.text.includes(', ');
  for (const re of [AFTER_ROLE, ...(appositive ? [APPOSITIVE] : []), ...(described ? [DESCRIBED_BEFORE] : [])]) {
    for (const m of sentence.text.matchAll(re)) {
      const name = m[1]!.replace(/['’]s$/, '');
      if (NOT_NAMES.test(name) || NOT_A_MEMBER.test(name)) continue;
      // a name right after its role noun ("video game firm Krafton") or described as one ("Zhipu, a Beijing startup") is one
      out.push(company(sentence.start + m.index + m[0].indexOf(m[1]!), name, 0.5, re !== DESCRIBED_BEFORE));
    }
  }
  if (/ounded|ncorporated/.test(sentence.text))
    for (const re of [FOUNDED_AFTER, FOUNDED_BEFORE])
      for (const m of sentence.text.matchAll(re)) {
        const name = m[1]!;
        if (noMember(name)) continue;
        out.push(company(sentence.start + m.index + m[0].indexOf(name), name, 0.5, true));
      }
  if (/\b(?:of|at) (?:the )?[A-Z]/.test(sentence.text))
    for (const m of sentence.text.matchAll(TITLE_AT)) {
      const name = m[1]!;
      if (noMember(name)) continue;
      out.push(company(sentence.start + m.index + m[0].length - name.length, name, 0.5, true));
    }
  if (GROUP_NAMED.test(sentence.text))
    for (const re of [COUNTED_GROUP, KIND_BEFORE])
      for (const m of sentence.text.matchAll(re)) {
        const list = m[1]!;
        for (const { name, index: here } of listedNames(list, m.index + m[0].length - list.length)) if (!noMember(name)) out.push(company(sentence.start + here, name, 0.45, true));
      }
  if (/\b(?:such as|including|like|notably|among them|include|includes|included) (?:the )?(?:[A-Z]|[a-z]-?[A-Z]|\d)/.test(sentence.text))
    for (const m of sentence.text.matchAll(GROUP_LIST)) {
      const list = m[1]!;
      // the group's own list ("customers such as A", "partners include A") names organisations whatever else is said of them;
      // with other words between ("buyers get X's chips, including A") the list may be of something else
      const own = OWN_LIST.test(m[0]);
      for (const { name, index: here } of listedNames(list, m.index + m[0].length - list.length)) {
        if (noMember(name)) continue;
        // (a member of a group of companies named as such is one whatever else the text says of it)
        out.push(company(sentence.start + here, name, 0.45, own));
      }
    }
  return out;
};
