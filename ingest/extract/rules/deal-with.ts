// Bilateral deals: "OpenAI signed a $300 billion deal with Oracle", "Meta has signed a $10 billion
// cloud contract with Google". Gives a Deal "<first>-<second> <amount> <noun>" with both parties.
import { E, MONEY, at, allowed, pattern, type FactDraft, type RelationRule } from '../frame.js';
import { formatMoney, parseMoney } from '../money.js';
import type { Props } from '../../../schema/records.js';

const RE = pattern(
  `${E} (?:has |have |had )?(?:signed|struck|inked|agreed|reached|sealed|announced|clinched|won) (?:a |an )?(?:${MONEY} )?(?:[a-z-]+ ){0,3}?(deal|contract|agreement|partnership|pact) with ${E}`,
);

export const dealWith: RelationRule = {
  name: 'deal-with',
  example: 'OpenAI signed a $300 billion deal with Oracle for computing power.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(RE)) {
      const a = at(frame, m[1]);
      const b = at(frame, m[4]);
      if (!a || !b || a === b || a.demonym || b.demonym || !allowed('PARTY_TO', a.label, 'Deal') || !allowed('PARTY_TO', b.label, 'Deal')) continue;
      const amount = m[2] ? parseMoney(m[2]) : null;
      const props: Props = { kind: m[3] === 'partnership' || m[3] === 'pact' ? 'partnership' : 'contract', ...(amount ? { amount: amount.amount, currency: amount.currency } : {}) };
      const deal = { label: 'Deal' as const, name: `${a.surface}-${b.surface}${amount ? ` ${formatMoney(amount)}` : ''} ${m[3]}`, props };
      out.push({ rel: 'PARTY_TO', subject: a, object: deal, props: { role: 'partner' }, confidence: 0.7 });
      out.push({ rel: 'PARTY_TO', subject: b, object: deal, props: { role: 'partner' }, confidence: 0.7 });
    }
    return out;
  },
};
