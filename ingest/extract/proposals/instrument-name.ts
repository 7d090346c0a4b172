// Named legal instruments: a capitalised run ending in Act, Regulation, Directive, Order, Rule,
// Plan, Strategy, Measures... ("Digital Markets Act", "CHIPS and Science Act", "AI Diffusion Rule"), and a head with its subject
// after it ("Interim Measures for the Management of …", "Framework Act on the Development of …").
import { instrumentOf } from '../instrument.js';
import { nationByName } from '../lexicon.js';
import { CALENDAR_WORDS, INNER_DOT, spanOf, type Proposal, type Proposer } from './proposal.js';

// a strategy or plan may name its subject and year after the head ("National Strategy for Artificial
// Intelligence 2031"), its subject running over small words ("… Act on the Promotion of a Market for Robotics"); never a
// weekday or month ("the AI Act on Monday")
// the head nouns that end an instrument's name
const HEAD_WORDS = 'Act|Bill|Regulations?|Directive|Order|Rules?|Plan|Strategy|Framework|Law|Ordinance|Guidelines|Code of Practice|Entity List|Roadmap|White Paper|Measures|Provisions|Decree';
const CAL = `(?!${CALENDAR_WORDS}\\b)`;
const TAIL = `(?: (?:for|on|concerning|governing|regarding) (?:the )?${CAL}[A-Z][\\p{L}\\p{N}.-]*(?:(?: and| of| of the| of a| for| for the| on the)? [A-Z][\\p{L}\\p{N}.-]*)*)?(?: (?:of )?(?:19|20)\\d\\d)?`;
const NAME = new RegExp(`(?<![\\p{L}\\p{N}-])((?:[A-Z][\\p{L}\\p{N}.-]*|[A-Z]{2,})(?: (?:and|of|for|on|the|[A-Z][\\p{L}\\p{N}.-]*))*? (?:${HEAD_WORDS})${TAIL})(?![\\p{L}\\p{N}])`, 'gu');
// a title that opens on its head ("Provisions on the Administration of Deep Synthesis Services", "Regulations on …")
const HEAD_FIRST = new RegExp(
  `(?<![\\p{L}\\p{N}-])((?:Measures|Provisions|Regulations|Rules|Decree|Law|Act) (?:for|on|concerning|governing|regarding) (?:the )?[A-Z][\\p{L}\\p{N}-]*(?:(?: and| of| of the| for| on)? [A-Z][\\p{L}\\p{N}-]*)+)(?![\\p{L}\\p{N}])`,
  'gu',
);
const HEAD = new RegExp(`\\b(?:${HEAD_WORDS})\\b`);
// a short name in brackets after a title, ending on an instrument's head ("(Robotics Promotion Act)")
const SHORT_AFTER = new RegExp(`^ \\(((?:[A-Z][\\p{L}\\p{N}.-]* )+(?:${HEAD_WORDS}))\\)`, 'u');
// a number or ordinal before the run is part of a title the pattern cut ("21st Century Cures Act")
const ORDINAL_BEFORE = /\d(?:st|nd|rd|th)?[ -]$/;
const GENERIC_FIRST =
  /^(?:New|Old|This|That|Such|Same|Federal|State|National|Public|Common|Model|Basic|Main|Final|Draft|Current|Existing|Proposed|Relevant|Applicable|Said|Former|Original|Amended|Related)\b/;
const STATUTE = /\b(?:Act|Bill|Directive|Law|Ordinance)(?: (?:of )?(?:19|20)\d\d)?$/;
// a formal title: a legal head with its subject after it, in capitals ("Interim Measures for the Management of Generative …",
// "Provisions on the Administration of …", "Framework Act on the Development of …")
const FORMAL_TITLE = /\b(?:Act|Law|Measures|Provisions|Regulations|Rules|Decree) (?:for|on|concerning|governing|regarding) (?:the )?[A-Z][\p{L}-]+ (?:of|for|and|on) (?:the )?[A-Z]/u;
// an article or preposition, and a period named by a person ("Biden-era", "Trump-Era"), is no part of the name
const LEADING = /^(?:The|the|A|An|In|On|Under|By|With|This|That|Its|Their|New|No|And|Or|But|\p{Lu}\p{L}+-[Ee]ra) /u;

// an act's formal designation: "Regulation (EU) 2016/679", "Directive (EU) 2016/680", "Directive 2002/58/EC",
// "Regulation (EC) No 45/2001", "Decision No 768/2008/EC"
const DESIGNATION = /(?<![\p{L}\p{N}])(?:Regulation|Directive|Decision)(?: \((?:EU|EC|EEC|Euratom)\))?(?: No\.?)? \d{1,4}\/\d{1,4}(?:\/(?:EU|EC|EEC))?(?![\p{L}\p{N}\/])/gu;

// an instrument named by its number: "Executive Order 14110", "E.O. 14117", "Proclamation 10896", "Public Law 117-167",
// an issuer's numbered notice ("MOFCOM Announcement No. 61 of 2025", "Decree No. 13 of 2024")
const NUMBERED =
  /(?<![\p{L}\p{N}])(?:(?:Executive Order|E\.O\.|Proclamation)(?: No\.?)? \d{4,5}|Public Law(?: No\.?)? \d{2,3}-\d{1,4}|(?:[A-Z]{2,10} (?:Announcement|Notice|Decree|Order|Circular)|Announcement|Decree)(?: No\.|No) ?\d{1,4}(?: of (?:19|20)\d\d)?)(?![\p{L}\p{N}])/gu;
const NUMBERED_CUE = /\b(?:Order|E\.O\.|Proclamation|Public Law|Announcement|Notice|Decree|Circular)\b/;
// a bill by its number where the sentence speaks of lawmaking: "SB 53", "AB 2013", "HB 149", "H.R. 3447"
const BILL = /(?<![\p{L}\p{N}.])(?:SB|AB|HB|H\.R\.|S\.B\.|A\.B\.|H\.B\.) ?\d{1,5}(?![\p{L}\p{N}])/gu;
const BILL_CUE = /\b(?:bill|bills|law|laws|signed|sign|signs|veto\w*|legislat\w*|lawmakers?|Senate|Assembly|House|Governor|statute|passed)\b/;

// what may follow a statute's name: its nation ("of the People's Republic of China", "of Freedonia")
const NATION_WORD = `[A-Z](?:[\\p{L}'’-]|${INNER_DOT})*`;
const NATION_AFTER = new RegExp(`^ of (the )?(${NATION_WORD}(?: (?:of |and )?${NATION_WORD}){0,4})`, 'u');

/** Proposes Regulation entities for capitalised instrument names. */
export const proposeInstruments: Proposer = (sentence) => {
  const out: Proposal[] = [];
  if (NUMBERED_CUE.test(sentence.text))
    for (const m of sentence.text.matchAll(NUMBERED)) {
      // its kind is its head's (the instruments data), the number and year aside; an issuer's numbered notice is a rule
      const kind = instrumentOf(m[0].replace(/(?: No\.?)? ?[\d-]+(?: of (?:19|20)\d\d)?$/, ''))?.kind ?? 'rule';
      out.push({ ...spanOf(sentence, m.index, m[0].length), name: m[0], label: 'Regulation', confidence: 0.7, props: { kind }, defined: true });
    }
  if (BILL_CUE.test(sentence.text))
    for (const m of sentence.text.matchAll(BILL)) out.push({ ...spanOf(sentence, m.index, m[0].length), name: m[0], label: 'Regulation', confidence: 0.65, props: { kind: 'law' }, defined: true });
  // most sentences hold no instrument head word: skip them before the (costly) name pattern
  if (!HEAD.test(sentence.text)) return out;
  NAME.lastIndex = 0;
  for (let m = NAME.exec(sentence.text); m; m = NAME.exec(sentence.text)) {
    let name = m[1]!;
    let index = m.index;
    while (LEADING.test(name)) {
      const cut = name.indexOf(' ') + 1;
      name = name.slice(cut);
      index += cut;
    }
    // a sentence's full stop after an abbreviation-like last word is not part of the name
    name = name.replace(/\.$/, '');
    if (!name.includes(' ')) continue;
    // a statute named with its nation after it ("Cybersecurity Law of the People's Republic of China"): the nation is part of its title
    if (/\b(?:Act|Law|Code|Ordinance)$/.test(name)) {
      const after = NATION_AFTER.exec(sentence.text.slice(index + name.length));
      const words = after?.[2]?.split(' ') ?? [];
      for (let n = words.length; n > 0; n--)
        if (nationByName(words.slice(0, n).join(' '))) {
          name = `${name} of ${after![1] ?? ''}${words.slice(0, n).join(' ')}`;
          // the next name starts after the nation
          NAME.lastIndex = index + name.length;
          break;
        }
    }
    // its short name in brackets after it, ending on a head its title holds ("… Market for Robotics (Robotics Promotion Act)")
    const short = SHORT_AFTER.exec(sentence.text.slice(index + name.length))?.[1];
    const shortOk = !!short && short !== name && name.split(' ').includes(short.split(' ').pop()!);
    const inst = instrumentOf(name);
    // a statute's title ("the Export Control Reform Act", "Data Security Law") names a law wherever it stands;
    // a plan, rule or framework is an entity only where a relation or a definition vouches for it
    // two words ("the Cybersecurity Law") only after "the" and with a first word that is no mere qualifier
    const words = name.split(' ').length;
    const titledTwo = words === 2 && /\bthe $/.test(sentence.text.slice(0, index)) && !GENERIC_FIRST.test(name);
    const statute = (STATUTE.test(name) && (words >= 3 || titledTwo) && !/\bthe\b/.test(name) && !ORDINAL_BEFORE.test(sentence.text.slice(0, index))) || FORMAL_TITLE.test(name);
    out.push({
      start: sentence.start + index,
      end: sentence.start + index + name.length,
      name,
      label: 'Regulation',
      confidence: 0.6,
      props: inst ? { kind: inst.kind } : {},
      ...(shortOk ? { aliases: [short!] } : {}),
      ...(statute ? { titled: true } : {}),
    });
  }
  for (const m of sentence.text.matchAll(HEAD_FIRST)) {
    const name = m[1]!;
    // only a formal title, and none a longer name above already holds
    if (!FORMAL_TITLE.test(name) || out.some((p) => p.start <= sentence.start + m.index && p.end >= sentence.start + m.index + name.length)) continue;
    out.push({ ...spanOf(sentence, m.index, name.length), name, label: 'Regulation', confidence: 0.6, props: {}, titled: true });
  }
  for (const m of sentence.text.matchAll(DESIGNATION)) {
    out.push({ ...spanOf(sentence, m.index, m[0].length), name: m[0], label: 'Regulation', confidence: 0.7, props: { kind: 'law' }, defined: true });
  }
  return out;
};
