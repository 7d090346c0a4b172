// Competitors named as such: "… against rivals like A and B", "beat competitors including A", "years behind
// global leaders like A and B", "aims to rival those from other cloud providers such as A and B",
// "required to compete with A and B", "a serious competitor to A", "a competitor in the cloud market against players like A",
// "to challenge global leaders such as A" (the nearest actor before
// the phrase competes with each),
// "the race among A, B and C" (every pair of the group competes), and comparisons of performance ("X is twice as fast as
// Y", "X outperforms Y", "X delivers 80% of Y's performance").
import { isPublicBody } from '../../../schema/validate.js';
import {
  IN_CLAUSE,
  E,
  KIND_BEFORE,
  LIST,
  ROLE_COMPOUND,
  allowed,
  at,
  between,
  leadingActor,
  listIndices,
  markerAt,
  pattern,
  type FactDraft,
  type Frame,
  type Mention,
  type RelationRule,
} from '../frame.js';

// a list introduced as the competitors of whoever the clause is about
// ("rivals" alone may be the verb, "X rivals Y", which the phrase layer reads between neighbours)
const NAMING = '(?: such as| like| including| notably| namely|,)';
const RIVALS = pattern(
  `\\b(?:(?:arch-?)?rivals?${NAMING}|(?:competitors?|challengers?)${NAMING}?|(?:competitor|challenger|rival) (?:in (?:the )?(?:[a-z-]+ ){0,3}(?:market|space|sector|race|industry|business) )?(?:to|of|against)(?: (?:the )?(?:[a-z-]+ ){0,2}(?:players|leaders|incumbents|giants)${NAMING})?|(?:challenge|challenges|challenged|challenging|unseat|unseating|dethrone|dethroning) (?:the )?(?:[A-Za-z-]+ ){0,3}(?:leaders|players|incumbents|giants)${NAMING}|peers${NAMING}|competition from|compet(?:e|es|ed|ing) (?:with|against)|(?:take|takes|took|taking) on|(?:keep|keeps|kept|keeping) (?:pace|up) with|(?:lag|lags|lagged|lagging) behind|(?:behind|trails?|trailing|catch(?:ing)? up (?:with|to)) (?:[a-z-]+ ){0,3}(?:leaders|players|incumbents)${NAMING}|(?:rival|rivals|compete with|competes with|take on|takes on) (?:those (?:of|from) )?(?:other )?(?:[a-z-]+ ){0,2}(?:providers|companies|firms|makers|players|vendors|platforms|clouds|labs|chipmakers)${NAMING}) (?:the )?${KIND_BEFORE}${LIST}`,
);
// a comparison of performance: "X is six times more powerful than Y", "X performs at or above the level of Y", "X outperforms
// Y and Z", "X delivers 80% of Y's performance" (chips with chips, models with models: the schema's same-kind rule)
const COMPARED = pattern(
  `\\b(?:(?:more|less) (?:powerful|capable|efficient|advanced|performant) than|(?:faster|slower|cheaper|stronger|better|weaker) than|outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|at or (?:above|near) the level of|on (?:a )?par with|(?:comparable|competitive|similar)(?: performance)? (?:to|with)|performance (?:comparable|similar|close) to|(?:(?:about|roughly|nearly|around|some) )?(?:\\d+(?:\\.\\d+)?(?:%| per ?cent| percent)|half|a third|a quarter|twice|double|triple|(?:\\d+|two|three|four|five|six|ten)(?:x| times)) (?:of |the )?(?:the )?(?:raw )?(?:[A-Za-z0-9-]+ ){0,2}?(?:performance|computing power|compute|speed|throughput|power) of) (?:the |its |their |those |rival |competing )?(?:⟨\\d+⟩['’]s )?(?:[a-z0-9-]+ ){0,3}?(?:(?:like|such as|including) )?${LIST}`,
);
// "80% of ⟨NVIDIA⟩'s ⟨A100⟩ performance": the maker's possessive before what is compared
const SHARE_OF = pattern(
  `\\b(?:\\d+(?:\\.\\d+)?(?:%| per ?cent| percent)|half|a third|twice) of (?:⟨\\d+⟩['’]s )?⟨(\\d+)⟩(?:['’]s)? (?:raw )?(?:[a-z-]+ )?(?:performance|computing power|compute|speed|throughput)\\b`,
);
// what performance is compared of: products (a company 'surpassing' another does so in sales or worth)
const PRODUCTS = new Set(['Chip', 'Model']);
// a nickname that likens one to another: "X, dubbed “China's Nvidia”", "X, often called the Nvidia of China"
const LIKENED = pattern(
  `${E}(?: ${IN_CLAUSE}{0,60}?)?,? (?:(?:is |was )?(?:often |widely |sometimes )?(?:dubbed|called|nicknamed|billed as|known as|seen as|touted as)) ["“‘']?(?:the )?(?:(?:⟨\\d+⟩|[A-Z][a-z]+)['’]s ⟨(\\d+)⟩|⟨(\\d+)⟩ of (?:⟨\\d+⟩|[A-Z][a-z]+))`,
);
// another party named by its tie to an owner ("⟨A⟩'s exclusive partner")
const OWNED_PARTY = '(?:partners?|suppliers?|customers?|clients?|parent|subsidiary|subsidiaries|units?|arms?|investors?|backers?|owners?|affiliates?)\\b';
// a clause boundary between the actor and the phrase: the phrase belongs to another clause's subject
const OTHER_CLAUSE = /;|\b(?:while|whereas|but|although|though|unlike)\b/;
// names joined as one subject that are said to compete: "A and B have long been competitors", "A, B and C are fierce rivals"
const ARE_RIVALS = pattern(
  `${LIST},? (?:have|had) (?:long |always |often |also )?been (?:[a-z-]+ ){0,2}?(?:competitors|rivals)\\b|${LIST},? (?:are|were|remain|remained|became|have become) (?:long-?time |longtime |fierce |direct |close |bitter |major |key )*(?:competitors|rivals)\\b`,
);
// one named as another's competitor by a possessive: "AMD is Nvidia's biggest competitor", "X remains Y's closest rival"
const OWNERS_RIVAL = pattern(
  `${E},? (?:is|was|remains|remained|has become|became|has long been|is now) (?:now |still |also )?(?:the |a |an )?${E}['’]s (?:[a-z-]+ ){0,2}(?:competitor|rival|challenger)\\b`,
);
// the coordinated subject a phrase follows: "⟨A⟩, ⟨B⟩ and ⟨C⟩ compete with …" (each of them competes)
const COORDINATED_BEFORE = /(?:⟨\d+⟩,? )*?(?:⟨\d+⟩,? and (?:the )?)$/;
// a group that competes among itself
const AMONG = pattern(`\\b(?:race|competition|rivalry|battle|contest|fight) (?:among|between) (?:the )?${LIST}`);

/** Every pair of a group that competes among itself ("the race among A, B and C", "A and B are rivals"). */
function eachPair(group: readonly Mention[]): FactDraft[] {
  const out: FactDraft[] = [];
  for (let i = 0; i < group.length; i++)
    for (let j = i + 1; j < group.length; j++)
      if (group[i]!.id !== group[j]!.id && allowed('COMPETES_WITH', group[i]!.label, group[j]!.label)) out.push({ rel: 'COMPETES_WITH', subject: group[i]!, object: group[j]!, confidence: 0.65 });
  return out;
}

// a public body (an agency, a court, a legislature) sets the rules of a market and competes in none: "the Commerce Department
// tightened its rules, and rivals such as A and B raced …" names the rivals of someone else
const marketless = (m: Mention): boolean => m.label === 'Organization' && isPublicBody(m.props);

/** The nearest mention before a position that can compete with one of the others at least. */
function nearestRival(frame: Frame, before: number, others: readonly Mention[]): Mention | undefined {
  const to = frame.masked.indexOf(`⟨${before}⟩`);
  for (let i = before - 1; i >= 0; i--) {
    const m = frame.mentions[i];
    if (OTHER_CLAUSE.test(frame.masked.slice(frame.masked.indexOf(`⟨${i}⟩`), to))) return undefined;
    // a description standing for an earlier name ("the company") is too weak a subject for a comparison
    if (!m || m.status === 'ambiguous' || m.demonym || m.inName || m.place || m.anaphor || marketless(m)) continue;
    if (others.some((o) => o.id !== m.id && allowed('COMPETES_WITH', m.label, o.label))) return m;
  }
  return undefined;
}

export const competitors: RelationRule = {
  name: 'competitors',
  cue: /rival|competi|compete|challeng|unseat|dethron|peers|take on|takes on|took on|taking on|race|battle|contest|fight|leaders|players|incumbents|pace with|up with|behind| than |outperform|surpass|level of|par with|comparable|performance|power of|speed of|throughput of|dubbed|called|nicknamed|billed as|known as|seen as|touted as/i,
  example: 'Acme sought to beat competitors including Globex and Initech.',
  apply(frame) {
    const out: FactDraft[] = [];
    const usableAt = (indices: readonly (string | number)[]) => indices.map((i) => at(frame, i)).filter((m): m is Mention => !!m && !m.demonym && !m.inName && !m.place && !marketless(m));
    const usable = (list: string | undefined) => usableAt(listIndices(list));
    for (const m of frame.masked.matchAll(RIVALS)) {
      // "a competitor of ⟨A⟩'s partner ⟨B⟩": a possessive before another party's role names that party, not the rival
      // ("compete with ⟨A⟩'s products" is A all the same)
      const others = usable(m[1]).filter((o) => !new RegExp(`⟨${frame.mentions.indexOf(o)}⟩['’]s (?:[a-z-]+ ){0,2}${OWNED_PARTY}`).test(frame.masked.slice(m.index)));
      const first = listIndices(m[1])[0];
      if (!others.length || first === undefined) continue;
      const subject = nearestRival(frame, first, others);
      if (!subject) continue;
      // the subject may be the last of several joined by "and" ("⟨A⟩, ⟨B⟩ and ⟨C⟩ compete with ⟨D⟩"): each competes
      const subjectAt = frame.masked.lastIndexOf(`⟨${frame.mentions.indexOf(subject)}⟩`, m.index);
      const joined = COORDINATED_BEFORE.exec(frame.masked.slice(0, subjectAt))?.[0] ?? '';
      const subjects = [subject, ...usable(joined)];
      for (const s of subjects)
        for (const o of others) {
          if (o.id === s.id || !allowed('COMPETES_WITH', s.label, o.label)) continue;
          // a noun compound describes the name after it by the one before ("its ⟨X⟩ competitor ⟨Y⟩": Y is the one described)
          const compound = markerAt(frame, s) < markerAt(frame, o) && ROLE_COMPOUND.test(between(frame, s, o).replace(/^⟨\d+⟩/, ''));
          out.push({ rel: 'COMPETES_WITH', subject: compound ? o : s, object: compound ? s : o, confidence: 0.65 });
        }
    }
    for (const m of frame.masked.matchAll(ARE_RIVALS)) out.push(...eachPair(usable(m[1] ?? m[2])));
    for (const m of frame.masked.matchAll(OWNERS_RIVAL)) out.push(...eachPair(usableAt([m[1]!, m[2]!])));
    const compared = [...[...frame.masked.matchAll(COMPARED)].map((m) => m[1]), ...[...frame.masked.matchAll(SHARE_OF)].map((m) => `⟨${m[1]}⟩`)];
    for (const list of compared) {
      const others = usable(list);
      const first = listIndices(list)[0];
      // the product the sentence is about, else the nearest before the comparison ("X is faster than Y and cheaper than Z")
      const lead = leadingActor(frame);
      const subject = lead && PRODUCTS.has(lead.label) && !others.includes(lead) ? lead : others.length && first !== undefined ? nearestRival(frame, first, others) : undefined;
      // a comparison relates like with like: a chip with a chip, a model with a model
      if (subject && PRODUCTS.has(subject.label))
        for (const o of others)
          if (o.id !== subject.id && o.label === subject.label && allowed('COMPETES_WITH', subject.label, o.label)) out.push({ rel: 'COMPETES_WITH', subject, object: o, confidence: 0.6 });
    }
    for (const m of frame.masked.matchAll(LIKENED)) {
      const a = at(frame, m[1]);
      const b = at(frame, m[2] ?? m[3]);
      if (a && b && a !== b && !a.demonym && !b.demonym && a.label === b.label && allowed('COMPETES_WITH', a.label, b.label))
        out.push({ rel: 'COMPETES_WITH', subject: a, object: b, confidence: 0.6 });
    }
    for (const m of frame.masked.matchAll(AMONG)) out.push(...eachPair(usable(m[1])));
    return out;
  },
};
