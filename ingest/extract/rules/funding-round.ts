// Funding rounds and who took part in them, read around the round's noun rather than by one phrasing:
// "Acme has raised $20 billion in its latest funding round", "Acme announced a $100 million-plus round that includes
// Globex", "The oversubscribed round drew investment from A, B and C", "a Series B led by A, with participation from B",
// "A and B also participated". The company that raised the round is the clause's actor of the raising verb, the owner
// of "its round", the company after "round in", or, for a sentence about "the round" alone, the company the text was
// just about. Every investor INVESTS_IN the company; a round whose sum or series the sentence states is also a Deal
// "<company> <sum> funding round" with the company (recipient) and the investors named beside it.
import { IN_CLAUSE, E, KIND_BEFORE, LIST, MONEY, allowed, at, clauseActor, listIndices, writtenName, type FactDraft, type Frame, type Mention, type RelationRule } from '../frame.js';
import { MONEY_SOURCE, formatMoney, parseMoney } from '../money.js';
import type { Props } from '../../../schema/records.js';
import { FUNDED, investment } from './invests-in.js';
// the round's noun phrase: its words (sum, "latest", "oversubscribed", "Series B") before the head
const ROUND_HEAD =
  '(?:(?:funding|financing|fundraising|investment|equity|venture|seed|growth|pre-IPO) )?round(?! of talks| of (?:tariffs|sanctions|controls|restrictions|layoffs|cuts))|round of (?:funding|financing|investment)|[Ss]eries [A-H]\\d?(?: (?:funding |financing )?round)?|seed funding';
// its modifiers: sums, numbers and adjectives, never a verb, a preposition or a determiner (those end the phrase)
const NOT_MODIFIER =
  '(?!(?:a|an|the|its|their|this|that|his|her|in|of|for|with|from|to|by|on|at|and|or|as|raised|raises|announced|announces|closed|closes|completed|secured|led|has|have|had|is|was|were|be|been|said|says)\\b)';
const ROUND_WORD = `(?:${MONEY}(?:-plus)? |${NOT_MODIFIER}(?:[a-z][a-z-]*|\\d[\\w.-]*) ){0,5}`;
const ROUND = new RegExp(`(?<![\\p{L}\\p{N}'’$.,-])(?:\\b(?<det>[Aa]|[Aa]n|[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat|[Hh]is|[Hh]er) )?(?<words>${ROUND_WORD})(?<head>${ROUND_HEAD})\\b`, 'gu');
// what precedes a round whose company raised it: "Acme has raised $2B in …", "Acme announced a …", "Acme closed its …"
const RAISED = new RegExp(
  `\\b(?:raised|raises|raising|closed|closes|closing|completed|completes|announced|announces|unveiled|unveils|disclosed|discloses|confirmed|confirms|revealed|reveals|wrapped up|secured|secures|securing|landed|lands|launched|launches|finali[sz]ed|finali[sz]es|received|receives|concluded|concludes|is raising|was raising|has raised|have raised|raked in|rakes in|pulled in|pulls in|bagged|bags|netted|nets|obtained|obtains)\\b${IN_CLAUSE}{0,60}$`,
);
// investors named after the round: "led by", "co-led by", "drew investment from", "that includes", "with participation from"
const INVESTORS_AFTER = new RegExp(
  `\\b(?:(?:co-)?led by|(?:drew|attracted|drawing|attracting|included|includes|including|saw) (?:(?:new |fresh |strategic )?(?:investment|investments|funding|participation|money|capital|backing|commitments) )?(?:from|by|of)|with (?:(?:additional |further |strategic )?participation|backing|investment|money) (?:from|of|by)|joined by|backed by|that (?:includes|included|include)|which (?:includes|included|include)|(?:includes|included|including)|from)(?: (?:existing|new|returning|other|strategic|institutional|global|sovereign) )?(?: ?(?:investors|backers|firms|names|funds|players|companies|groups))?(?: (?:such as|including|like|led by))? (?:the )?${KIND_BEFORE}${LIST}`,
  'gu',
);
// investors as the clause's subject: "A and B also participated", "A joined the round", "Globex took part in the Series B"
const INVESTORS_ACT = new RegExp(
  `${LIST},? (?:also |have |has |had |both |each |all )*(?:participated|joined|took part|co-invested|invested)(?<rest> in (?:the |its |their |this )?(?:[a-z$0-9.-]+ ){0,4}?(?:round|raise|financing|funding|Series [A-H])\\b| (?:the |its |their |this )(?:[a-z$0-9.-]+ ){0,4}?round\\b|(?=[,.;]|$| and \\b))`,
  'u',
);

// "… round in ⟨Acme⟩", "⟨Acme⟩'s latest round"
const ROUND_OF = new RegExp(`^ (?:in|for|of|into) (?:the )?${E}`, 'u');
const OWNER = new RegExp(`${E}['’]s $`, 'u');
// a sum among the round's words ("$100 million-plus"), and the sum a raising verb states before the round ("has raised $20
// billion in its latest round")
const SUM = new RegExp(MONEY_SOURCE, 'u');
const WRITTEN_SUM = new RegExp(`${MONEY_SOURCE}(?:-plus)?\\s*`, 'u');
const RAISED_SUM = new RegExp(
  `\\b(?:raised|raises|raising|secured|secures|closed|closes|landed|received|raked in|pulled in|bagged|netted|obtained)(?: (?:about|around|nearly|roughly|more than|over|up to|an additional|another))? ${MONEY}(?:-plus)? (?:in|through|via|as part of|from) (?:[a-z]+ ){0,2}$`,
  'u',
);

/** A mention that can raise a round: a company, a lab or a cloud, named (not a nation's adjective, not a place). */
const raises = (m: Mention | undefined): m is Mention => !!m && FUNDED.has(m.label) && !m.demonym && !m.place;

/** The company a round belongs to: the actor of the raising verb, the owner of "its round", the company after "round in/for". */
function recipientOf(frame: Frame, index: number, det: string | undefined, after: string): Mention | undefined {
  const head = frame.masked.slice(0, index);
  const named = at(frame, ROUND_OF.exec(after)?.[1]) ?? at(frame, OWNER.exec(head)?.[1]);
  if (raises(named)) return named;
  const verb = RAISED.exec(head);
  if (verb || det === 'its' || det === 'their') return clauseActor(frame, verb ? verb.index : index, FUNDED);
  return undefined;
}

/** The company the text was about, for a sentence about "the round" alone. */
function topic(frame: Frame): Mention | undefined {
  const m = frame.justBefore ?? frame.previous;
  return raises(m) ? m : undefined;
}

// "Globex also participated.": one more investor in the round the text was just about
const ALSO_PARTICIPATED = new RegExp(`^(?:[A-Z][a-z]+,? )?(?:(?:[a-z][a-z-]*|AI) ){0,3}${LIST} (?:also|too|as well) (?:participated|took part|joined)(?=[,.;]| and\\b|$)`, 'u');

export const fundingRound: RelationRule = {
  name: 'funding-round',
  cue: /\bround\b|[Ss]eries [A-H]\b|seed funding|also (?:participated|took part|joined)/,
  minMentions: 1,
  example: 'Acme has raised $20 billion in its latest funding round. The round drew investment from Globex and Initech.',
  apply(frame) {
    const out: FactDraft[] = [];
    const also = ALSO_PARTICIPATED.exec(frame.masked);
    const about = also ? topic(frame) : undefined;
    if (also && about) for (const i of listIndices(also[1])) out.push(...investment(at(frame, i), about, undefined, 0.6));
    for (const m of frame.masked.matchAll(ROUND)) {
      const after = frame.masked.slice(m.index + m[0].length);
      const det = m.groups?.det?.toLowerCase();
      let company = recipientOf(frame, m.index, det, after);
      // "The round drew …": the round the text was just about
      const anaphoric = !company && (det === 'the' || det === 'this' || det === 'that') && /^(?:[^⟨]*[,:] )?$/.test(frame.masked.slice(0, m.index).replace(/^\s+/, ''));
      if (anaphoric) company = topic(frame);
      if (!company) continue;
      const investors = new Set<Mention>();
      // every phrase of the clause after the round ("led by A, with participation from B"), up to the next round or clause
      const clause = after.slice(0, after.search(/;|\bround\b|$/));
      for (const named of clause.matchAll(INVESTORS_AFTER)) for (const i of listIndices(named[1])) investors.add(at(frame, i)!);
      const acting = INVESTORS_ACT.exec(frame.masked.slice(0, m.index + m[0].length));
      if (acting) for (const i of listIndices(acting[1])) investors.add(at(frame, i)!);
      for (const investor of investors) out.push(...investment(investor, company, undefined, anaphoric ? 0.6 : 0.7));
      // the round itself, where the sentence states its sum or series and who raised it
      const words = (m.groups?.words ?? '').trim();
      // the sum beside the round's words or with the raising verb ("has raised $20 billion in its latest round")
      const money = SUM.exec(words)?.[0] ?? RAISED_SUM.exec(frame.masked.slice(0, m.index))?.[1];
      const amount = money ? parseMoney(money) : null;
      const series = /^[Ss]eries [A-H]\d?/.exec(m.groups!.head!)?.[0];
      if (anaphoric || (!amount && !series) || !allowed('PARTY_TO', company.label, 'Deal')) continue;
      const sum = amount ? ` ${formatMoney(amount)}` : '';
      const noun = series ? `${series} round` : 'funding round';
      const props: Props = { kind: 'investment', ...(amount ? { amount: amount.amount, currency: amount.currency } : {}) };
      // the text's own words for it ("latest funding round", "$100 million-plus funding round") are kept as aliases
      const own = `${words.replace(WRITTEN_SUM, '').trim()} ${m.groups!.head}`.trim();
      const aliases = [...new Set([`${company.name}${sum} ${noun}`, `${writtenName(company)} ${own}`, ...(own.split(' ').length > 2 ? [own] : [])])];
      const deal = { label: 'Deal' as const, name: `${writtenName(company)}${sum} ${noun}`, aliases, props };
      out.push({ rel: 'PARTY_TO', subject: company, object: deal, props: { role: 'recipient' }, confidence: 0.7 });
      for (const investor of investors)
        if (investor !== company && !investor.demonym && !investor.place && allowed('PARTY_TO', investor.label, 'Deal'))
          out.push({ rel: 'PARTY_TO', subject: investor, object: deal, props: { role: 'investor' }, confidence: 0.65 });
    }
    return out;
  },
};
