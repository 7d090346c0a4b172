// Investments: "Y invested $N in X", "X took $N from Y", "X raised $N from Y", "Y led a $N round
// in X", "Y has committed $N to X, $M to Z", "Y's $N investment in X", "with Y contributing $N",
// "$N in equity in X" (the sentence's actor invests), "Y announced a $N Japanese investment".
// Each gives INVESTS_IN with the amount where the schema allows it; an investment with a stated
// amount is also a Deal named "<investor>-<recipient> <amount> investment" with both parties on it
// (the only record where INVESTS_IN cannot go: an investment in a nation).
import { IN_CLAUSE, E, LIST, MONEY, at, allowed, clauseActor, dealName, isMention, leadingActor, listIndices, pattern, type FactDraft, type Frame, type Mention, type RelationRule } from '../frame.js';
import type { Props } from '../../../schema/records.js';
import { LABELS, type Label } from '../../../schema/generated/model.js';
import { parseMoney } from '../money.js';

/** What raises money: what an investment can go to and what can be party to a deal (a company, a lab, a cloud), by the schema. */
export const FUNDED: ReadonlySet<Label> = new Set(LABELS.filter((l) => allowed('INVESTS_IN', 'Organization', l) && allowed('PARTY_TO', l, 'Deal')));

// "in a round led by", "this week from"
const GAP = '(?:[a-z-]+ ){0,4}?';
const INVESTOR_FIRST = pattern(
  `${E} (?:has |have |had |will |plans to |agreed to |is |are )?(?:invested|invests|investing|invest|committed|commits|pledged|poured|put|injected) (?:an additional |another |up to |a further )?${MONEY} ${GAP}(?:in|into|to) (?:the )?${E}((?:,? (?:and )?${MONEY} (?:to|in) (?:the )?⟨\\d+⟩)*)`,
);
const RECIPIENT_FIRST = pattern(
  `${E},? (?:which |that |who )?(?:has |have |had )?(?:took|takes|received|receives|raised|raises|secured|secures|got|accepted|won) (?:an additional |another |up to |a further |an? )?${MONEY} ${GAP}(?:from|by|led by|co-led by)(?: (?:investors|backers|a group of investors|a consortium|a group)(?: such as| including| like| led by)?)? ${LIST}`,
);
// "Acme closed a €600 million Series B led by Globex": the investors who led the actor's round
const ROUND_LED = pattern(`\\b(?:round|[Ss]eries [A-Z]|seed|funding|financing)(?: round)?,? (?:which was |that was )?(?:co-)?led by ${LIST}`);
// "X raised $N in a round led by A, with participation from B and C": the others joined the recipient's round
const PARTICIPATION = pattern(
  `${E} (?:has |have )?(?:raised|raises|secured|secures|closed|closes|announced|completed|received) (?:[^.;⟨]|⟨\\d+⟩){0,140}?,? (?:with participation (?:from|of)|and joined by|joined by|alongside) (?:(?:existing|new) (?:investors? |backers? )?)?${LIST}`,
);
// "Humain is majority-owned by the PIF", "X, which is owned and funded by Y": an owner holds equity in what it owns
const OWNED_BY = pattern(
  `${E},? (?:which |that )?(?:is |was |has been |remains )?(?:now )?(?:majority[- ]|wholly[- ]|fully[- ]|partly[- ]|partially[- ]|jointly[- ]|mostly[- ])?owned (?:and (?:funded|backed|controlled|operated) )?by (?:the )?(?:${E}['’]s (?:[a-z-]+ ){0,4}[a-z-]+,? (?:the )?)?${E}(?!['’]s)`,
);
// "Microsoft-backed OpenAI", "the state-funded Acme": the backer written as a hyphenated modifier
const HYPHEN_BACKED = pattern(`${E}-(?:backed|funded|financed|bankrolled) (?:(?:[a-z][a-z-]*|AI) ){0,2}${E}`);
// "Anthropic, whose backers include Amazon and Google", "Mistral counts Nvidia and Microsoft among its investors"
const BACKERS_INCLUDE = pattern(`${E},? whose (?:[a-z-]+ )?(?:backers|investors|shareholders|owners) (?:include|includes|included|are|were) ${LIST}`);
// a sentence that opens on its backers, then names whom they back: "Backed by investors such as A and B, the company has raised …"
const BACKED_OPEN = pattern(
  `^(?:[A-Z][a-z]+ )?[Bb]acked by (?:[a-z-]+ ){0,2}(?:investors|backers|names|firms|companies)?,? ?(?:such as|including|like)? (?:the )?${LIST}(?:, and others)?, (?:the |its |this )?(?:[a-z-]+ )?${E}`,
);
// a sentence that opens on the backers of what the text was about: "Investors include A, B and C", "Its backers include A"
const BACKERS_OPEN = pattern(
  `^(?:(?:Its|Their|The (?:company|firm|startup|group)['’]s) )?(?:(?:[a-z-]+|Other|Early|Major|Key) )?(?:[Bb]ackers|[Ii]nvestors|[Ss]hareholders) (?:include|includes|included|are|were|comprise) (?:the )?${LIST}`,
);
const AMONG_INVESTORS = pattern(`${E} (?:counts|lists|names) ${LIST} (?:among|as) (?:its|their) (?:[a-z-]+ )?(?:backers|investors|shareholders)\\b`);
const BACKED = pattern(`${E},? (?:which is |a |an |the )?(?:[a-z-]+ ){0,3}?(?:backed|funded|bankrolled) by ${E}`);
// the backers of the sentence's actor, in a clause after it or of its round: "X has raised $2 billion since 2025, backed by A, B
// and C", "X is raising a round already backed by A and B"
const BACKED_AFTER = pattern(
  `(?:,|\\b(?:round|funding|financing|raise))(?: round)?,? (?:which is |that is |and is )?(?:(?:already|largely|mostly|also|now|reportedly|heavily) )?(?:backed|funded|bankrolled) by (?:(?:investors|backers|firms|names) (?:such as|including|like) )?(?:the )?${LIST}`,
);
// "X (XJ), in which A, B and C hold equity stakes": the holders named in a relative clause on the company
const IN_WHICH_HOLD = pattern(
  `${E}\\.?(?: \\((?:⟨\\d+⟩|[A-Z][\\w-]*)\\))?,? in which ${LIST} (?:each |jointly |together )?(?:hold|holds|held|own|owns|owned|have|has|had|took|take|acquired)(?: (?:a|an|the|equity|minority|majority|combined|joint|[\\d.]+%))* (?:stakes?|shares?|equity|interests?)\\b`,
);
const STAKE = pattern(`${E}['’]s (?:[a-z0-9.$%-]+ )?(?:stake|shareholding|investment) in ${E}`);
// "Microsoft acquired a 49% stake in OpenAI", "SoftBank holds a minority stake in Arm"
const STAKE_TAKEN = pattern(
  `${E} (?:has |have |had |will )?(?:acquired|acquires|took|takes|bought|buys|holds|held|owns|built|secured|picked up) (?:a |an )?(?:[\\d.]+% |[a-z-]+ ){0,2}?(?:stake|shareholding|equity stake) in ${E}`,
);
const ROUND = pattern(`${E} (?:led|co-led|joined|participated in) (?:a |an |the )?${MONEY}? ?(?:[a-z-]+ )?(?:funding|investment|financing) round (?:in|for) ${E}`);
// "Microsoft's April 3 announcement — $10 billion investment in Japan", "Microsoft's $10 billion investment in Japan"
const NOMINAL = pattern(`${E}['’]s (?:${IN_CLAUSE}{0,40}?)${MONEY} (?:[a-z-]+ )?(?:investment|commitment|stake) in (?:the )?${E}`);
// "Microsoft's commitment to the UAE ... : $15.2 billion"
const COMMITMENT_TO = pattern(`${E}['’]s (?:[a-z-]+ )?(?:commitment|investment|pledge) (?:to|in) (?:the )?${E}${IN_CLAUSE}{0,80}?${MONEY}`);
// "Anthropic's investments from Amazon", "Mistral's funding from ASML and Nvidia"
const FROM_INVESTORS = pattern(`${E}['’]s (?:[a-z-]+ )?(?:investments?|funding|backing|financing) from ${LIST}`);
// "with ASML contributing €1.3 billion": the sentence's actor receives
const CONTRIBUTING = pattern(`(?:with|as) ${E} (?:contributing|investing|providing|putting in|adding) ${MONEY}`);
// "including $2 billion in equity in Globex": the sentence's actor invests
const EQUITY = pattern(`${MONEY} (?:in equity|equity stake|stake) in ${E}`);
// investments as noun phrases: "a $2 billion Acme investment in Globex", "a $5 billion commitment by Acme to invest in Globex",
// "an investment of $1 billion from Acme in Globex"
const AMOUNT_FIRST = pattern(`${MONEY} ${E} (?:investment|stake|commitment) in (?:the )?${E}`);
const COMMITMENT_BY = pattern(`${MONEY} (?:[a-z-]+ )?(?:commitment|pledge|investment) (?:by|from) ${E} (?:to (?:invest|put) (?:in|into) |in |into )(?:the )?${E}`);
const INVESTMENT_OF = pattern(`(?:investment|commitment) of ${MONEY} (?:by|from) ${E} (?:in|into) (?:the )?${E}`);
// "a $5 billion investment in Mexico from Acme": the recipient before the investor
const INVESTMENT_FROM = pattern(`${MONEY} (?:[a-z-]+ )?(?:investment|commitment|pledge) (?:in|into|for) (?:the )?${E} (?:from|by) ${E}`);
// "Acme has announced an additional $5 billion investment in Beta", "Acme made a $2B strategic investment in Beta"
const ANNOUNCED_IN = pattern(
  `${E} (?:has |have |had |will |just )?(?:announced|unveiled|made|confirmed|completed|finalized|finalised|closed|disclosed|revealed|agreed) (?:an? |its |their )?(?:additional |new |further |fresh |extra |second |follow-on |first )?${MONEY} (?:[a-z-]+ )?(?:investment|commitment|stake|injection) (?:in|into) (?:the )?${E}`,
);
// money given with a verb of support: "The Japanese government is backing Rapidus with ¥920 billion in subsidies", "Acme funded
// Globex with $50 million"
const BACKING_WITH = pattern(
  `${E} (?:is |are |was |were |has been |have been |will be |has |have |had )?(?:backing|backed|funding|funded|subsidi[sz]ing|subsidi[sz]ed|supporting|supported|bankrolling|bankrolled) ${E} with (?:up to |about |around |nearly |more than |over )?${MONEY}`,
);
// "Acme announced a $3 billion Japanese investment"
const NATIONAL = pattern(`${E} (?:has |have )?(?:announced|unveiled|pledged|made|committed|signed) (?:a |an )?${MONEY} ${E} investment`);

/** INVESTS_IN from investor to recipient (and, with a stated amount, a Deal with both on it), or nothing where the two cannot be so related. */
export function investment(investor: Mention | undefined, recipient: Mention | undefined, money: string | undefined, confidence: number): FactDraft[] {
  // a place is where the money goes ("$3 billion in Texas"), not who receives it
  if (!investor || !recipient || investor === recipient || investor.demonym || investor.place || recipient.place || investor.id === recipient.id) return [];
  const direct = allowed('INVESTS_IN', investor.label, recipient.label);
  if (!direct && !(allowed('PARTY_TO', investor.label, 'Deal') && allowed('PARTY_TO', recipient.label, 'Deal'))) return [];
  const amount = money ? parseMoney(money) : null;
  const moneyProps: Props = amount ? { amount: amount.amount, currency: amount.currency, ...(amount.currency === 'USD' ? { amountUsd: amount.amount } : {}) } : {};
  const deal = {
    label: 'Deal' as const,
    ...dealName(investor, recipient, amount, 'investment'),
    props: { kind: 'investment', ...moneyProps },
  };
  // INVESTS_IN carries who backs whom; an investment whose amount the sentence states is also a deal of its
  // own, with both parties on it (the only record of it where INVESTS_IN cannot go: "$10B to Japan")
  const out: FactDraft[] = direct ? [{ rel: 'INVESTS_IN' as const, subject: investor, object: recipient, props: moneyProps, confidence }] : [];
  if (!amount || !allowed('PARTY_TO', investor.label, 'Deal') || !allowed('PARTY_TO', recipient.label, 'Deal')) return out;
  return [
    ...out,
    { rel: 'PARTY_TO', subject: investor, object: deal, props: { role: 'investor' }, confidence },
    { rel: 'PARTY_TO', subject: recipient, object: deal, props: { role: 'recipient' }, confidence },
  ];
}

// "funded by ⟨Norway⟩'s ⟨sovereign fund⟩": a nation's possessive before its own investor names the investor, not
// the nation; the one who invests is the fund
const OWNERS_INVESTOR = (i: number): RegExp => new RegExp(`⟨${i}⟩['’]s (?:[a-z][a-z-]* ){0,3}⟨(\\d+)⟩`);
function ownersFund(frame: Frame, d: FactDraft): FactDraft {
  if (d.rel !== 'INVESTS_IN' && !(d.rel === 'PARTY_TO' && d.props?.role === 'investor')) return d;
  const subject = d.subject;
  if (!isMention(subject) || subject.label !== 'Nation') return d;
  const owned = OWNERS_INVESTOR(frame.mentions.indexOf(subject)).exec(frame.masked);
  const investor = owned ? at(frame, owned[1]) : undefined;
  return investor && investor !== d.object && allowed(d.rel, investor.label, d.object.label) ? { ...d, subject: investor } : d;
}

export const investsIn: RelationRule = {
  name: 'invests-in',
  cue: /investor|backer|shareholder|stakeholder|founded|established|formed|set up|created|launched|joint venture|participation|joined by|alongside|invest|commit|pledg|poured|\bput\b|inject|\btook\b|\btakes\b|receiv|rais|secur|\bgot\b|accept|\bwon\b|backed|backing|subsidi|support|fund|bankroll|stake|sharehold|round|contribut|equity|provid|putting|adding|led by|backers|investors|shareholders|owners|owned/i,
  example: 'Mistral AI took €1.7 billion from ASML last month; Google has committed $9B to India, $4B to Brazil.',
  apply(frame) {
    const out: FactDraft[] = [];
    const text = frame.masked;
    // pattern families run only where their words are
    const owned = text.includes("'s ");
    for (const m of frame.masked.matchAll(INVESTOR_FIRST)) {
      const investor = at(frame, m[1]);
      out.push(...investment(investor, at(frame, m[3]), m[2], 0.8));
      // "..., $15.2B to the UAE": further amounts to further recipients
      for (const more of (m[4] ?? '').matchAll(new RegExp(`(${MONEY.slice(1, -1)}) (?:to|in) (?:the )?⟨(\\d+)⟩`, 'gu'))) out.push(...investment(investor, at(frame, more[2]), more[1], 0.75));
    }
    for (const m of frame.masked.matchAll(RECIPIENT_FIRST)) for (const i of listIndices(m[3])) out.push(...investment(at(frame, i), at(frame, m[1]), m[2], 0.8));
    if (/\bfrom\b/.test(text)) for (const m of frame.masked.matchAll(RECEIVED_FROM)) for (const i of listIndices(m[2])) out.push(...investment(at(frame, i), at(frame, m[1]), undefined, 0.7));
    if (/participation|joined by|alongside/.test(text))
      for (const m of frame.masked.matchAll(PARTICIPATION)) for (const i of listIndices(m[2])) out.push(...investment(at(frame, i), at(frame, m[1]), undefined, 0.7));
    if (text.includes('led by')) for (const m of frame.masked.matchAll(ROUND_LED)) for (const i of listIndices(m[1])) out.push(...investment(at(frame, i), leadingActor(frame), undefined, 0.7));
    if (text.includes('owned')) for (const m of frame.masked.matchAll(OWNED_BY)) out.push(...investment(at(frame, m[3]), at(frame, m[1]), undefined, 0.65));
    if (/-(?:backed|funded|financed|bankrolled)/.test(text)) for (const m of frame.masked.matchAll(HYPHEN_BACKED)) out.push(...investment(at(frame, m[1]), at(frame, m[2]), undefined, 0.65));
    if (/backers|investors|shareholders|owners/i.test(text)) {
      for (const m of frame.masked.matchAll(BACKERS_INCLUDE)) for (const i of listIndices(m[2])) out.push(...investment(at(frame, i), at(frame, m[1]), undefined, 0.7));
      const before = frame.justBefore && FUNDED.has(frame.justBefore.label) ? frame.justBefore : undefined;
      if (before) for (const m of frame.masked.matchAll(BACKERS_OPEN)) for (const i of listIndices(m[1])) out.push(...investment(at(frame, i), before, undefined, 0.65));
      for (const m of frame.masked.matchAll(BACKED_OPEN)) for (const i of listIndices(m[1])) out.push(...investment(at(frame, i), at(frame, m[2]), undefined, 0.65));
      for (const m of frame.masked.matchAll(AMONG_INVESTORS)) for (const i of listIndices(m[2])) out.push(...investment(at(frame, i), at(frame, m[1]), undefined, 0.7));
    }
    for (const m of frame.masked.matchAll(BACKED)) out.push(...investment(at(frame, m[2]), at(frame, m[1]), undefined, 0.65));
    if (/backed|funded|bankrolled/.test(text)) {
      const actor = leadingActor(frame);
      if (actor && FUNDED.has(actor.label) && !actor.demonym)
        for (const m of frame.masked.matchAll(BACKED_AFTER)) {
          const before = frame.masked.slice(0, m.index);
          // "X, backed by A, …" names its backer next to it (BACKED); after a comma, only a clause about raising money is the
          // actor's ("Microsoft said the plan, backed by A, …" is the plan's)
          if (/⟨\d+⟩$/.test(before) || (m[0].startsWith(',') && !/\b(?:rais\w+|funding|financing|valu\w+|round)\b/.test(before))) continue;
          for (const i of listIndices(m[1])) if (at(frame, i) !== actor) out.push(...investment(at(frame, i), actor, undefined, 0.65));
        }
    }
    if (owned) for (const m of frame.masked.matchAll(STAKE)) out.push(...investment(at(frame, m[1]), at(frame, m[2]), undefined, 0.7));
    if (/in which/.test(text)) for (const m of frame.masked.matchAll(IN_WHICH_HOLD)) for (const i of listIndices(m[2])) out.push(...investment(at(frame, i), at(frame, m[1]), undefined, 0.7));
    if (/stake|sharehold/.test(text)) for (const m of frame.masked.matchAll(STAKE_TAKEN)) out.push(...investment(at(frame, m[1]), at(frame, m[2]), undefined, 0.75));
    if (text.includes('round')) for (const m of frame.masked.matchAll(ROUND)) out.push(...investment(at(frame, m[1]), at(frame, m[3]), m[2], 0.7));
    if (owned) for (const m of frame.masked.matchAll(NOMINAL)) out.push(...investment(at(frame, m[1]), at(frame, m[3]), m[2], 0.75));
    if (owned) for (const m of frame.masked.matchAll(COMMITMENT_TO)) out.push(...investment(at(frame, m[1]), at(frame, m[2]), m[3], 0.7));
    if (owned) for (const m of frame.masked.matchAll(FROM_INVESTORS)) for (const i of listIndices(m[2])) out.push(...investment(at(frame, i), at(frame, m[1]), undefined, 0.7));
    for (const m of frame.masked.matchAll(CONTRIBUTING)) out.push(...investment(at(frame, m[1]), leadingActor(frame), m[2], 0.7));
    if (/ with /.test(text)) for (const m of frame.masked.matchAll(BACKING_WITH)) out.push(...investment(at(frame, m[1]), at(frame, m[2]), m[3], 0.7));
    if (/equity|stake/.test(text)) for (const m of frame.masked.matchAll(EQUITY)) out.push(...investment(leadingActor(frame), at(frame, m[2]), m[1], 0.65));
    if (/investment|commitment|pledge|stake/.test(text)) {
      for (const m of frame.masked.matchAll(AMOUNT_FIRST)) out.push(...investment(at(frame, m[2]), at(frame, m[3]), m[1], 0.7));
      for (const m of frame.masked.matchAll(COMMITMENT_BY)) out.push(...investment(at(frame, m[2]), at(frame, m[3]), m[1], 0.75));
      for (const m of frame.masked.matchAll(INVESTMENT_OF)) out.push(...investment(at(frame, m[2]), at(frame, m[3]), m[1], 0.75));
      for (const m of frame.masked.matchAll(INVESTMENT_FROM)) out.push(...investment(at(frame, m[3]), at(frame, m[2]), m[1], 0.75));
    }
    if (/investment|commitment|stake|injection/.test(text)) for (const m of frame.masked.matchAll(ANNOUNCED_IN)) out.push(...investment(at(frame, m[1]), at(frame, m[3]), m[2], 0.75));
    for (const m of frame.masked.matchAll(NATIONAL)) {
      const nation = at(frame, m[3]);
      if (nation?.demonym) out.push(...investment(at(frame, m[1]), nation, m[2], 0.7));
    }
    if (/investor|backer|shareholder|stakeholder/.test(text))
      for (const m of frame.masked.matchAll(INVESTOR_IN)) {
        for (const held of namedInClause(frame, m[2]!)) out.push(...investment(at(frame, m[1]), held, undefined, 0.65));
      }
    if (/shareholders|investors|backers|owners|stakeholders/i.test(text))
      for (const m of frame.masked.matchAll(HOLDERS_OF)) {
        const held = at(frame, m[1] ?? m[2]);
        const tail = m[3]!;
        // the holders follow at once, or after a description of theirs ("the chip giant ⟨B⟩"), never after a phrase of
        // another relation ("were unhappy with ⟨B⟩")
        if (/\b(?:with|by|at|about|over|from|in|on|to|for|that|not|no|than)\b/.test(tail.slice(0, Math.max(0, tail.indexOf('⟨'))))) continue;
        for (const holder of namedInClause(frame, tail)) if (held && holder !== held) out.push(...investment(holder, held, undefined, 0.65));
      }
    if (/founded|established|formed|set up|created|launched/.test(text))
      for (const m of frame.masked.matchAll(FOUNDED_BY)) for (const i of listIndices(m[2])) out.push(...investment(at(frame, i), at(frame, m[1]), undefined, 0.65));
    if (text.includes('joint venture'))
      for (const m of frame.masked.matchAll(JOINT_VENTURE)) {
        const clause = m[2]!;
        const end = clause.search(VENTURE_CLAUSE_END);
        for (const i of listIndices(end < 0 ? clause : clause.slice(0, end))) out.push(...investment(at(frame, i), at(frame, m[1]), undefined, 0.65));
      }
    if (/\binvest|\bstake\b/.test(text)) out.push(...aroundTheWord(frame));
    return out.map((d) => ownersFund(frame, d));
  },
};

// An investment read around its word rather than by one phrasing: "Nvidia said it will invest $5 billion in Intel",
// "SoftBank also made a $2 billion investment with Intel", "…, including making a $5 billion investment in Intel".
// The word (invest, investment, stake) with an amount beside it; the recipient right after it ("in", "into", "with");
// the investor the clause is about: named after the word ("by", "from") or else the nearest organisation before it
// with nothing between but words (a reported "said it will …" included).
const INVEST_WORD = /\b(?:invest|invests|invested|investing|investment|investments|stake)\b/g;
// the amount right after the word ("invest $5 billion", "an investment of up to $2 billion") or right before it ("a $2 billion
// strategic investment")
const AMOUNT_AFTER = new RegExp(`^\\s+(?:(?:of|up to|about|around|nearly|roughly|some|more than|over|another|an additional)\\s+)*${MONEY}`, 'u');
const AMOUNT_BEFORE = new RegExp(`${MONEY}\\s+(?:[a-z][a-z-]*\\s+){0,2}$`, 'u');
// (a partner the money is spent with is no recipient: "invest $200 million in a centre, in collaboration with X", "together with X")
const JOINT_WORDS = 'collaboration|partnership|cooperation|conjunction|alliance';
const RECIPIENT_AFTER = new RegExp(
  `^(?:${IN_CLAUSE}{0,50}?)\\b(?:in(?!\\s+(?:${JOINT_WORDS}|tandem)\\b)|into|(?<!\\b(?:${JOINT_WORDS}|together|along|jointly) )with)\\s+(?:the\\s+)?(?:[a-z][a-z-]*\\s+){0,3}?⟨(\\d+)⟩`,
);
const INVESTOR_AFTER = /^\s+(?:by|from)\s+(?:the\s+)?⟨(\d+)⟩/;
const LEADING_AMOUNT = new RegExp(`^\\s*${MONEY}`, 'u');
// the first of two actors joined by "and" just before the one the clause is about
const PAIR_BEFORE = /⟨(\d+)⟩ and (?:the )?$/;
// "X has received investment from tech giants such as A, B and C": backers named without an amount
const RECEIVED_FROM = pattern(
  `${E},? (?:which |that )?(?:has |have |had )?(?:also )?(?:received|secured|attracted|drawn|drew|won|got|obtained) (?:[a-z-]+ ){0,2}?(?:investments?|funding|backing|capital|financing) from (?:(?:[a-z-]+|AI) ){0,3}?(?:such as |including |like )?(?:the )?${LIST}`,
);
const INVESTORS = new Set(['Organization', 'Lab', 'Nation', 'Cloud']);
// "MGX is an investor in OpenAI's Stargate project as well as UAE operator Khazna": what a backer is said to hold, each name after
// "in" up to the clause's end (an owner's possessive and a description before a name are no holding of their own)
const INVESTOR_IN = pattern(`${E},? (?:is|was|has been|became|remains) (?:an?|the|one) (?:of the )?(?:[a-z-]+ ){0,2}(?:investors?|backers?|shareholders?|stakeholders?) in ((?:[^.;⟨]|⟨\\d+⟩){1,140})`);
const HOLDINGS_END = /,? (?:and|but) (?:is|was|has|had|will|also)\b|,? (?:which|who|while|where)\b/;

/** The parties a clause names up to its end (HOLDINGS_END): no owner's possessive ("⟨A⟩'s"), demonym, place or nation. */
function namedInClause(frame: Frame, tail: string): Mention[] {
  const end = tail.search(HOLDINGS_END);
  return [...(end < 0 ? tail : tail.slice(0, end)).matchAll(/⟨(\d+)⟩(?!['’]s)/g)].flatMap((h) => {
    const m = at(frame, h[1]);
    return m && !m.demonym && !m.place && m.label !== 'Nation' ? [m] : [];
  });
}
// the holders of a company named as such: "X's shareholders include A and B", "the two major investors of X — A and B —",
// "investors in X include A, B and C": every organisation up to the clause's end (an owner's possessive, a nation and a
// description before a name are no holder of their own)
const HOLDERS = '(?:[Ss]hareholders|[Ii]nvestors|[Bb]ackers|[Oo]wners|[Ss]takeholders)';
const HOLDERS_OF = pattern(
  `(?:${E}['’]s (?:[a-z-]+ ){0,2}${HOLDERS} (?:include|included|includes|are|were|comprise|count)\\b|\\b(?:[Tt]he |[Ii]ts |[Tt]heir )?(?:(?:two|three|four|five|biggest|largest|major|main|existing|other|early|key) ){0,3}${HOLDERS} (?:of|in) ${E}(?: (?:include|included|includes|are|were)\\b|,? ?[—–:]))((?:[^.;⟨]|⟨\\d+⟩){1,160})`,
);
// "X was set up in 2022 by eight Japanese companies — A, B and C", "X, founded by A and B": companies that found a company own it
// jointly (people are no mentions, and "founded by former researchers from A" names where the founders worked, not the owners)
const FOUNDERS =
  '(?:(?:[a-z\\d-]+|⟨\\d+⟩) ){0,3}?(?:companies|firms|groups|corporations|conglomerates|investors|partners|shareholders|lenders|banks|institutions|players)(?: ?[—–:(] ?|,? (?:including|such as|namely) )';
// people named by where they work ("founded by Google engineers"): the founders, not the company
const PEOPLE =
  '(?:engineers|researchers|scientists|executives|employees|staff|veterans|alumni|founders|students|professors|developers|entrepreneurs|managers|bankers|engineer|researcher|scientist|executive|employee|veteran)\\b';
const FOUNDED_BY = pattern(
  `${E},? (?:which |that )?(?:was |were |is |has been |had been )?(?:co-?)?(?:founded|established|formed|set up|created|launched)(?: (?:in|on) [^⟨,;.]{1,25}?)? (?:jointly )?by (?:the )?(?:${FOUNDERS})?${LIST}(?! (?:and )?(?:former |ex-)?${PEOPLE})`,
);
// "X is a joint venture led by A, with B, C and D each taking a stake", "X, a joint venture of A and B": every company named
// in the clause after the venture's word owns part of it (up to a purpose, a place or another clause)
const JOINT_VENTURE = pattern(
  `${E}(?: (?:project|initiative|venture|campus|company))?(?:,| ?[—–])? (?:is |was |will be |has become )?(?:a |an |the )?(?:[\\w$.-]+ ){0,3}?joint venture (?:led by|of|between|among|owned by|formed by|set up by|with) ([^.;]*)`,
);
const VENTURE_CLAUSE_END = /\b(?:to|for|in|at|that|which|who|where|while|after|before|since|under)\b (?:(?:[a-z-]+ ){0,3})?(?:⟨|[a-z])/;

function aroundTheWord(frame: Frame): FactDraft[] {
  const out: FactDraft[] = [];
  const text = frame.masked;
  for (const w of text.matchAll(INVEST_WORD)) {
    const end = w.index + w[0].length;
    // the amount: just before the word ("a $2 billion investment") or just after it ("invest $5 billion in")
    const money = AMOUNT_AFTER.exec(text.slice(end))?.[1] ?? AMOUNT_BEFORE.exec(text.slice(0, w.index))?.[1];
    if (!money) continue;
    const rest = text.slice(end);
    const recipientAt = RECIPIENT_AFTER.exec(rest);
    const recipient = at(frame, recipientAt?.[1]);
    // a place is where the money goes, not who receives it
    if (!recipient || recipient.place) continue;
    const named = at(frame, INVESTOR_AFTER.exec(rest.replace(LEADING_AMOUNT, ''))?.[1]);
    // "Acme faces scrutiny from officials in A and B over its $13 billion investment in …": "its" is the sentence's actor's
    const owned = /\b(?:its|their)\s+(?:[a-z][a-z-]*\s+)?$/.test(text.slice(0, w.index).replace(AMOUNT_BEFORE, ''));
    const actor = named ? undefined : owned ? (leadingActor(frame) ?? clauseActor(frame, w.index, INVESTORS)) : clauseActor(frame, w.index, INVESTORS);
    // "A and B announced a joint investment of …": both actors of the clause invest
    const head = text.slice(0, w.index);
    const actorAt = actor ? head.lastIndexOf(`⟨${frame.mentions.indexOf(actor)}⟩`) : -1;
    // (only a pair opening the sentence: "… from officials in ⟨A⟩ and ⟨B⟩ over its investment" is no pair of investors)
    const pair = actor ? PAIR_BEFORE.exec(head.slice(0, actorAt)) : null;
    const partner = pair && !/⟨\d+⟩/.test(head.slice(0, pair.index)) ? at(frame, pair[1]) : undefined;
    for (const investor of [named ?? actor, partner]) if (investor && investor !== recipient) out.push(...investment(investor, recipient, money, 0.65));
  }
  return out;
}
