// Compute purchase commitments: "X committed $40 billion in Azure compute capacity", "X signed a $N
// contract for Azure capacity", also as a second verb of the sentence subject ("X took ... and
// pledged ..."). Gives a procurement Deal "<buyer> <amount> <cloud> cloud commitment" covering the cloud.
import { E, MONEY, at, allowed, pattern, type FactDraft, type RelationRule } from '../frame.js';
import { formatMoney, parseMoney } from '../money.js';

const VERB = '(?:pledged|committed|commits|pledges|agreed to spend|will spend|signed (?:a|an) |to spend)';
const OBJECT = `(?:in|on|of|for|with) (?:[a-z-]+ ){0,2}?${E} (?:cloud |compute |computing )?(?:spending|capacity|compute|services|contract|commitments?|credits|infrastructure)`;
const DIRECT = pattern(`${E} (?:has |have )?${VERB} ?${MONEY}(?: [a-z-]+){0,2}? ${OBJECT}`);
const COORDINATED = pattern(`^(?:[A-Z][a-z]+, )?(?:The )?${E} [^⟨;]*?(?:⟨\\d+⟩[^⟨;]*?)*\\band ${VERB} ?${MONEY}(?: [a-z-]+){0,2}? ${OBJECT}`);

export const cloudCommitment: RelationRule = {
  name: 'cloud-commitment',
  cue: /pledge|commit|spend|signed/i,
  example: 'Mistral AI raised $2 billion from ASML and committed $3 billion in Azure compute capacity.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const re of [DIRECT, COORDINATED])
      for (const m of frame.masked.matchAll(re)) {
        const buyer = at(frame, m[1]);
        const cloud = at(frame, m[3]);
        const amount = parseMoney(m[2] ?? '');
        if (!buyer || !cloud || !amount || !allowed('COVERS', 'Deal', cloud.label) || cloud.label === buyer.label) continue;
        if (!allowed('PARTY_TO', buyer.label, 'Deal')) continue;
        const money = { amount: amount.amount, currency: amount.currency };
        const deal = { label: 'Deal' as const, name: `${buyer.surface} ${formatMoney(amount)} ${cloud.surface} cloud commitment`, props: { kind: 'procurement', ...money } };
        out.push({ rel: 'PARTY_TO', subject: buyer, object: deal, props: { role: 'buyer' }, confidence: 0.7 });
        out.push({ rel: 'COVERS', subject: deal, object: cloud, props: money, confidence: 0.7 });
        // the cloud's operator, when the sentence names it, is the seller
        const seller = frame.mentions.find((x) => x.id !== undefined && x.id === cloud.operator);
        if (seller) out.push({ rel: 'PARTY_TO', subject: seller, object: deal, props: { role: 'seller' }, confidence: 0.6 });
      }
    return out;
  },
};
