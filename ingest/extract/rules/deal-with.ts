// Bilateral deals: "OpenAI signed a $300 billion deal with Oracle", "Meta has signed a $10 billion
// cloud contract with Google", "Globex has signed a $2 billion Initech agreement", "Acme and Globex signed an
// agreement", "Acme signed a deal to supply chips to Globex". Gives a Deal "<first>-<second> <amount> <noun>" with both parties.
import { ASIDE, E, MONEY, at, allowed, dealName, pattern, type FactDraft, type RelationRule } from '../frame.js';
import { parseMoney } from '../money.js';
import { ORG_DESCRIPTION } from '../relate/relate.js';
import type { Props } from '../../../schema/records.js';

// an aside after the first party ("Acme — maker of the X1 — signed …"); a time after the verb ("announced on Monday a …");
// the second party described by its kind ("a deal with U.S. chipmaker Nvidia", "with AI chip giant Nvidia")
const WHEN = '(?: on [A-Z][a-z]+| (?:this|last|earlier this) (?:week|month|year)| today| yesterday)?';
const DESCRIBED = `(?:(?:the )?(?:⟨\\d+⟩ )?${ORG_DESCRIPTION} )?`;
const RE = pattern(
  `${E}${ASIDE} (?:has |have |had )?(?:signed|struck|inked|agreed|reached|sealed|announced|clinched|won)${WHEN} (?:a |an )?(?<phrase>(?:[a-z0-9-]+, )?(?:${MONEY} )?(?:[a-z-]+ ){0,3}?(deal|contract|agreement|partnership|pact)) with ${DESCRIBED}${E}`,
);

// the counterparty as a modifier: "Globex has signed a $2 billion Initech agreement"
const MODIFIER = pattern(`${E} (?:has |have |had )?(?:signed|struck|inked|sealed|clinched|won) (?:a |an )?(?:${MONEY} )?${E} (deal|contract|agreement|partnership|pact)\\b`);
// both parties as the subject: "Microsoft and G42 signed a $1.5 billion agreement"
const JOINT = pattern(
  `${E} and ${E}${ASIDE} (?:have |has |had )?(?:signed|struck|inked|reached|sealed|announced|clinched|agreed)${WHEN} (?:a |an |the )?(?<phrase>(?:[a-z0-9-]+, )?(?:${MONEY} )?(?:[a-z-]+ ){0,3}?(deal|contract|agreement|partnership|pact))\\b`,
);
// a deal to supply the other party: "Acme signed a $2 billion deal to provide GPU capacity to Globex"
const TO_SUPPLY = pattern(
  `${E}${ASIDE} (?:has |have |had )?(?:signed|struck|inked|reached|sealed|announced|clinched|won)${WHEN} (?:a |an )?(?<phrase>(?:[a-z0-9-]+, )?(?:${MONEY} )?(?:[a-z-]+ ){0,3}?(deal|contract|agreement|pact)) to (?:supply|provide|deliver|sell|build|rent|lease)(?: [^⟨.;]{1,60}?)? (?:to|for) ${DESCRIBED}${E}`,
);

export const dealWith: RelationRule = {
  name: 'deal-with',
  cue: /deal|contract|agreement|partnership|pact/i,
  example: 'OpenAI signed a $300 billion deal with Oracle for computing power.',
  apply(frame) {
    const out: FactDraft[] = [];
    // [first party, amount, noun, second party] from every form
    const found = [
      ...[...frame.masked.matchAll(RE)].map((m) => [m[1], m[3], m[4]!, m[5], m.groups?.phrase] as const),
      ...[...frame.masked.matchAll(MODIFIER)].map((m) => [m[1], m[2], m[4]!, m[3], undefined] as const),
      ...[...frame.masked.matchAll(JOINT)].map((m) => [m[1], m[4], m[5]!, m[2], m.groups?.phrase] as const),
      ...[...frame.masked.matchAll(TO_SUPPLY)].map((m) => [m[1], m[3], m[4]!, m[5], m.groups?.phrase] as const),
    ];
    for (const [first, money, noun, second, phrase] of found) {
      const a = at(frame, first);
      const b = at(frame, second);
      if (!a || !b || a === b || a.demonym || b.demonym || !allowed('PARTY_TO', a.label, 'Deal') || !allowed('PARTY_TO', b.label, 'Deal')) continue;
      const amount = money ? parseMoney(money) : null;
      const props: Props = { kind: noun === 'partnership' || noun === 'pact' ? 'partnership' : 'contract', ...(amount ? { amount: amount.amount, currency: amount.currency } : {}) };
      // the text's own words for it are kept as a description ("multiyear cloud contract")
      const described = phrase && phrase !== noun ? [phrase.replace(/,/g, '')] : [];
      const named = dealName(a, b, amount, noun);
      const deal = { label: 'Deal' as const, name: named.name, aliases: [...named.aliases, ...described], props };
      out.push({ rel: 'PARTY_TO', subject: a, object: deal, props: { role: 'partner' }, confidence: 0.7 });
      out.push({ rel: 'PARTY_TO', subject: b, object: deal, props: { role: 'partner' }, confidence: 0.7 });
    }
    return out;
  },
};
