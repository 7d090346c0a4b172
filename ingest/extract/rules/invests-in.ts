// Investments: "Y invested $N in X", "X took $N from Y", "X raised $N from Y", "Y led a $N round
// in X". Each gives INVESTS_IN and a Deal named "<investor>-<recipient> <amount> investment" with
// both parties on it.
import { E, MONEY, at, allowed, pattern, type FactDraft, type Mention, type RelationRule } from '../frame.js';
import type { Props } from '../../../schema/records.js';
import { formatMoney, parseMoney } from '../money.js';

// "in a round led by", "this week from"
const GAP = '(?:[a-z-]+ ){0,4}?';
const INVESTOR_FIRST = pattern(`${E} (?:has |have |will |plans to |agreed to )?(?:invested|invests|invest|committed|commits|pledged|poured|put|injected) (?:an additional |another |up to |a further )?${MONEY} ${GAP}(?:in|into|to) ${E}`);
const RECIPIENT_FIRST = pattern(`${E} (?:has |have )?(?:took|takes|received|receives|raised|raises|secured|secures|got|accepted|won) (?:an additional |another |up to |a further )?${MONEY} ${GAP}(?:from|by|led by|co-led by) ${E}`);
const BACKED = pattern(`${E},? (?:which is |a |an |the )?(?:[a-z-]+ ){0,3}?(?:backed|funded|bankrolled) by ${E}`);
const STAKE = pattern(`${E}['’]s (?:[a-z0-9.$%-]+ )?(?:stake|shareholding|investment) in ${E}`);
const ROUND = pattern(`${E} (?:led|co-led|joined|participated in) (?:a |an |the )?${MONEY}? ?(?:[a-z-]+ )?(?:funding|investment|financing) round (?:in|for) ${E}`);

function investment(investor: Mention, recipient: Mention, money: string | undefined, confidence: number): FactDraft[] {
  if (!allowed('INVESTS_IN', investor.label, recipient.label)) return [];
  const amount = money ? parseMoney(money) : null;
  const moneyProps: Props = amount ? { amount: amount.amount, currency: amount.currency, ...(amount.currency === 'USD' ? { amountUsd: amount.amount } : {}) } : {};
  const deal = {
    label: 'Deal' as const,
    name: `${investor.surface}-${recipient.surface}${amount ? ` ${formatMoney(amount)}` : ''} investment`,
    props: { kind: 'investment', ...moneyProps },
  };
  return [
    { rel: 'INVESTS_IN', subject: investor, object: recipient, props: moneyProps, confidence },
    { rel: 'PARTY_TO', subject: investor, object: deal, props: { role: 'investor' }, confidence },
    { rel: 'PARTY_TO', subject: recipient, object: deal, props: { role: 'recipient' }, confidence },
  ];
}

export const investsIn: RelationRule = {
  name: 'invests-in',
  example: 'Anthropic took $5 billion from Amazon this week; G42, backed by Microsoft, ...; Microsoft\'s stake in G42.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(INVESTOR_FIRST)) {
      const a = at(frame, m[1]);
      const b = at(frame, m[3]);
      if (a && b) out.push(...investment(a, b, m[2], 0.8));
    }
    for (const m of frame.masked.matchAll(RECIPIENT_FIRST)) {
      const a = at(frame, m[3]);
      const b = at(frame, m[1]);
      if (a && b) out.push(...investment(a, b, m[2], 0.8));
    }
    for (const m of frame.masked.matchAll(BACKED)) {
      const a = at(frame, m[2]);
      const b = at(frame, m[1]);
      if (a && b && !a.demonym) out.push(...investment(a, b, undefined, 0.65));
    }
    for (const m of frame.masked.matchAll(STAKE)) {
      const a = at(frame, m[1]);
      const b = at(frame, m[2]);
      if (a && b && !a.demonym) out.push(...investment(a, b, undefined, 0.7));
    }
    for (const m of frame.masked.matchAll(ROUND)) {
      const a = at(frame, m[1]);
      const b = at(frame, m[3]);
      if (a && b) out.push(...investment(a, b, m[2], 0.7));
    }
    return out;
  },
};
