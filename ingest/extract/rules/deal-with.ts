// Bilateral deals: "OpenAI signed a $300 billion deal with Oracle", "Meta has secured a cloud contract worth up to
// $10 billion with Google", "Globex has signed a $2 billion Initech agreement", "Acme and Globex signed an agreement",
// "Acme announced a memorandum of understanding between Globex and Initech", "Acme signed a deal to supply chips to Globex". Gives a Deal "<first>-<second> <amount> <noun>" with both parties.
import { IN_CLAUSE, ASIDE, E, MONEY, ORG_HEADS, at, allowed, clauseActor, dealName, pattern, writtenName, type FactDraft, type Frame, type Mention, type RelationRule } from '../frame.js';
import { MONEY_SOURCE, formatMoney, parseMoney } from '../money.js';
import type { Props } from '../../../schema/records.js';

// an aside after the first party ("Acme — maker of the X1 — signed …"); a time after the verb ("announced on Monday a …");
// the second party described by its kind ("a deal with U.S. chipmaker Nvidia", "with AI chip giant Nvidia")
const WHEN = '(?: on [A-Z][a-z]+| (?:this|last|earlier this) (?:week|month|year)| today| yesterday)?';
const DESCRIBED = `(?:(?:the )?(?:⟨\\d+⟩ )?(?:(?:[a-z][a-z-]*|AI(?:-[a-z]+)*) ){0,3}${ORG_HEADS} )?`;

// The clause reading: a verb that concludes an agreement, the agreement's noun phrase (up to six words before its noun:
// sizes, sums, durations, kinds — "a 6 gigawatt agreement", "a multiyear cloud computing contract"), then its sum
// ("worth up to $20 billion") and its counterparty ("with Nebius") or both parties ("between A and B"). Who concluded it
// is the clause's actor read back from the verb ("Meta, which …, has signed"), or two actors joined by "and".
const CONCLUDE =
  '(?:signed|signs|signing|secured|secures|securing|struck|strikes|striking|inked|inks|inking|reached|reaches|sealed|seals|announced|announces|clinched|clinches|won|wins|landed|lands|finali[sz]ed|finali[sz]es|forged|forges|entered into|enters into|entered|enters|agreed|agrees|penned|pens|renewed|renews|expanded|expands|extended|extends|unveiled|unveils|formed|forms|launched|launches)';
const AGREEMENT = '(deals?|contracts?|agreements?|partnerships?|pacts?|joint ventures?|memorandum of understanding|memorandum|MoU|MOU|alliance|accord|tie-up)';
const WORD = `(?:${MONEY}|[a-z0-9][a-z0-9.%-]*,?|AI|GPU|U\\.S\\.|US)`;
const CONCLUDED = new RegExp(`\\b${CONCLUDE}${WHEN} (?:a |an |the |its |their |another |new )?(?<phrase>(?:${WORD} ){0,6}?)${AGREEMENT}\\b`, 'gu');
const SUM_AFTER = `(?:,? (?:worth|valued at|totall?ing|of)(?: up to| as much as| about| around| roughly| more than| over| nearly| an estimated| some)? (?<sum>${MONEY_SOURCE}))?`;
// "with the Vietnamese government" (one mention: the nation)
const WITH_PARTY = new RegExp(`^${SUM_AFTER},?(?: (?:announced|unveiled|signed)${WHEN})?${WHEN} with ${DESCRIBED}(?:the )?${E}(?:(?:,| and|, and) ${E})?(?!,? and ⟨| or ⟨|, ⟨)`, 'u');
const BETWEEN = new RegExp(`^${SUM_AFTER} between ${DESCRIBED}${E} and ${DESCRIBED}${E}(?!,? and ⟨|, ⟨)`, 'u');
// "A and B have signed …": the first actor of a pair, just before the one read back from the verb
const PAIRED = /⟨(\d+)⟩(?: \([^()]{1,20}\))? and (?:the )?$/;
const PARTIES = new Set(['Organization', 'Lab', 'Cloud', 'Nation']);
// the deal's kind by its noun (any other is a contract)
const KIND: Record<string, string> = {
  partnership: 'partnership',
  pact: 'partnership',
  alliance: 'partnership',
  'tie-up': 'partnership',
  'joint venture': 'partnership',
  memorandum: 'framework',
  'memorandum of understanding': 'framework',
};

type Found = readonly [parties: Array<Mention | undefined>, sum: string | undefined, noun: string, words: string | undefined];

/** [parties, sum, noun, the text's words for it] for every agreement a clause concludes. */
function concluded(frame: Frame): Found[] {
  const out: Found[] = [];
  for (const m of frame.masked.matchAll(CONCLUDED)) {
    const noun = m.at(-1)!;
    const words = `${m.groups?.phrase?.trim() ?? ''} ${noun}`.trim();
    const inPhrase = new RegExp(MONEY_SOURCE, 'u').exec(m.groups?.phrase ?? '')?.[0];
    const rest = frame.masked.slice(m.index + m[0].length);
    const between = BETWEEN.exec(rest);
    if (between) {
      out.push([[at(frame, between.at(-2)), at(frame, between.at(-1))], between.groups?.sum ?? inPhrase, noun, words]);
      continue;
    }
    const withParty = WITH_PARTY.exec(rest);
    const actor = clauseActor(frame, m.index, PARTIES);
    if (!actor) continue;
    const head = frame.masked.slice(0, m.index);
    const actorAt = head.lastIndexOf(`⟨${frame.mentions.indexOf(actor)}⟩`);
    // "A and B signed agreements": each its own, not one between them
    const pairedWith = /s$/.test(noun) ? undefined : at(frame, PAIRED.exec(head.slice(0, actorAt))?.[1]);
    const others = withParty ? [withParty.at(-2), withParty.at(-1)].filter((i) => i !== undefined).map((i) => at(frame, i)) : [];
    const sum = withParty?.groups?.sum ?? inPhrase;
    if (pairedWith && !others.length) out.push([[pairedWith, actor], sum, noun, words]);
    else if (others.length && !pairedWith) {
      // "A and B signed separate agreements with C": one each
      const alsoActor = /s$/.test(noun) && others.length === 1 ? at(frame, PAIRED.exec(head.slice(0, actorAt))?.[1]) : undefined;
      for (const party of alsoActor ? [alsoActor, actor] : [actor]) out.push([[party, ...others], sum, noun, words]);
    }
  }
  return out;
}

// the counterparty as a modifier: "Globex has signed a $2 billion Initech agreement"
const MODIFIER = pattern(`${E} (?:has |have |had )?(?:signed|struck|inked|sealed|clinched|won) (?:a |an )?(?:${MONEY} )?${E} (deal|contract|agreement|partnership|pact)\\b`);
// a deal to supply the other party: "Acme signed a $2 billion deal to provide GPU capacity to Globex"
const TO_SUPPLY = pattern(
  `${E}${ASIDE} (?:has |have |had )?(?:signed|struck|inked|reached|sealed|announced|clinched|won)${WHEN} (?:a |an )?(?<phrase>(?:[a-z0-9-]+, )?(?:(?:approximately|about|around|roughly|nearly|up to) )?(?:${MONEY} )?(?:[a-z-]+ ){0,3}?(deal|contract|agreement|pact)) to (?:supply|provide|deliver|sell|build|rent|lease|manufacture|produce|make|fabricate|develop|design)(?: ${IN_CLAUSE}{1,60}?)? (?:to|for) ${DESCRIBED}${E}`,
);

export const dealWith: RelationRule = {
  name: 'deal-with',
  cue: /deal|contract|agreement|partnership|pact|venture|memorandum|MoU|alliance|accord|tie-up/i,
  example: 'OpenAI signed a $300 billion deal with Oracle for computing power.',
  apply(frame) {
    const out: FactDraft[] = [];
    // [first party, amount, noun, second party] from every form
    const found: Found[] = [
      ...concluded(frame),
      ...[...frame.masked.matchAll(MODIFIER)].map((m): Found => [[at(frame, m[1]), at(frame, m[3])], m[2], m[4]!, undefined]),
      ...[...frame.masked.matchAll(TO_SUPPLY)].map((m): Found => [[at(frame, m[1]), at(frame, m[5])], m[3], m[4]!, m.groups?.phrase]),
    ];
    for (const [parties, money, written, phrase] of found) {
      const noun = written.toLowerCase().replace(/s$/, '').replace(/^mou$/, 'memorandum of understanding');
      const [a, b, ...more] = parties;
      if (!a || !b || parties.some((p) => !p || p.demonym || !allowed('PARTY_TO', p.label, 'Deal')) || new Set(parties).size < parties.length) continue;
      const amount = money ? parseMoney(money) : null;
      const props: Props = { kind: KIND[noun] ?? 'contract', ...(amount ? { amount: amount.amount, currency: amount.currency } : {}) };
      // the text's own words for it are kept, alone and after the parties ("multiyear cloud contract", "Acme-Globex $2B
      // multiyear cloud contract")
      const words = phrase?.replace(/,/g, '').replace(/\b(?:approximately|about|around|roughly|nearly|almost|an estimated|up to)\s+/g, '');
      const named = dealName(a, b, amount, noun, more as Mention[]);
      const sum = amount ? ` ${formatMoney(amount)}` : '';
      const own = words?.replace(new RegExp(`${MONEY_SOURCE}\\s*`, 'u'), '').trim();
      const parts = parties.map((p) => writtenName(p!)).join('-');
      const described = words && words !== noun ? [words, `${parts}${sum} ${own}`, `${parts} ${own}`] : [];
      // an agreement between two has no first party: the other order names it as well
      const reversed = more.length === 0 ? [`${writtenName(b)}-${writtenName(a)}${sum} ${noun}`] : [];
      const deal = { label: 'Deal' as const, name: named.name, aliases: [...named.aliases, ...reversed, ...described], props };
      for (const party of parties) out.push({ rel: 'PARTY_TO', subject: party!, object: deal, props: { role: 'partner' }, confidence: 0.7 });
    }
    return out;
  },
};
