// Procurement selections: "X selected A, B and C for its sovereign cloud framework", and the
// nominal "Its selection of A, B and C for the ... framework" (its = the previous sentence's
// subject). Gives a Deal "<buyer> <what it is for>" with the buyer on it, covering each selected party.
import { LIST, E, MONEY, at, allowed, listIndices, pattern, unmask, type FactDraft, type Frame, type Mention, type RelationRule } from '../frame.js';
import { formatMoney, parseMoney } from '../money.js';

const WHAT = `((?:[\\p{L}0-9-]+ ){0,5}(?:framework|contract|programme|program|tender|procurement|initiative|project|deal|agreement|platform|marketplace|consortium|pilot))\\b`;
const VERBAL = pattern(
  `${E} (?:has |have )?(?:selected|chose|chosen|picked|awarded|shortlisted|tapped|named|contracted|appointed) ${LIST} (?:for|to (?:build|run|supply|provide|operate|join)) (?:its |their |the |a |an )?${WHAT}`,
);
const NOMINAL = pattern(`(?:^|\\b)(?:(Its|Their)|${E}['’]s) selection of ${LIST} (?:for|as) (?:its |their |the |a |an )?${WHAT}`);

function deal(frame: Frame, buyer: Mention, selected: number[], what: string, confidence: number): FactDraft[] {
  if (!allowed('PARTY_TO', buyer.label, 'Deal')) return [];
  const purpose = unmask(frame, what).trim();
  const d = { label: 'Deal' as const, name: `${buyer.name} ${purpose}`, aliases: [purpose], props: { kind: /framework/.test(purpose) ? 'framework' : 'procurement' } };
  const out: FactDraft[] = [{ rel: 'PARTY_TO', subject: buyer, object: d, props: { role: 'buyer' }, confidence }];
  for (const i of selected) {
    const s = at(frame, i);
    if (s && s !== buyer && allowed('COVERS', 'Deal', s.label)) out.push({ rel: 'COVERS', subject: d, object: s, confidence });
  }
  return out;
}

// "The Pentagon awarded contracts worth up to $200 million each to Anthropic, Google and xAI"
const AWARDED = pattern(
  `${E} (?:has |have )?(?:awarded|granted) (?:a |an )?(?:${MONEY} )?((?:[a-z-]+ ){0,3}?(?:contracts?|deals?|grants?|tenders?))(?: worth (?:up to |about |nearly )?${MONEY}(?: each)?)? to ${LIST}`,
);

export const selection: RelationRule = {
  name: 'selection',
  cue: /select|chose|chosen|picked|award|grant|shortlist|tapped|named|contracted|appointed/i,
  minMentions: 1,
  example: 'GovTech Singapore selected AWS, Microsoft Azure, and Google Cloud for its government cloud programme.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(VERBAL)) {
      const buyer = at(frame, m[1]);
      if (buyer) out.push(...deal(frame, buyer, listIndices(m[2]), m[3]!, 0.8));
    }
    for (const m of frame.masked.matchAll(AWARDED)) {
      const buyer = at(frame, m[1]);
      const amount = parseMoney(m[2] ?? m[4] ?? '');
      if (buyer) out.push(...deal(frame, buyer, listIndices(m[5]), `${amount ? `${formatMoney(amount)} ` : ''}${m[3]!.trim()}`, 0.7));
    }
    for (const m of frame.masked.matchAll(NOMINAL)) {
      const buyer = m[1] ? frame.previous : at(frame, m[2]);
      if (buyer) out.push(...deal(frame, buyer, listIndices(m[3]), m[4]!, 0.7));
    }
    return out;
  },
};
