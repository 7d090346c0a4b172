// Legal and policy instruments as they are named in text ("export controls", "executive order",
// "five-year implementation plan"), with the Regulation kind and the APPLIES_TO effect each implies.

export interface Instrument {
  kind: string;
  effect: string;
}

const TABLE: [RegExp, Instrument][] = [
  [/executive orders?$/i, { kind: 'executive_order', effect: 'mandate' }],
  [/(?:memo|memorandum)$/i, { kind: 'memo', effect: 'restriction' }],
  [/(?:interim final rule|final rule|rule|rules)$/i, { kind: 'rule', effect: 'restriction' }],
  [/(?:export controls?|controls|restrictions|curbs|limits)$/i, { kind: 'rule', effect: 'restriction' }],
  [/(?:ban|prohibition|blacklist|entity list)$/i, { kind: 'rule', effect: 'ban' }],
  [/(?:licen[cs]e requirements?|licensing requirements?|licen[cs]ing regime)$/i, { kind: 'rule', effect: 'license_required' }],
  [/sanctions$/i, { kind: 'rule', effect: 'sanction' }],
  [/(?:act|law|statute|bill)$/i, { kind: 'law', effect: 'mandate' }],
  [/(?:regulation|directive)$/i, { kind: 'law', effect: 'mandate' }],
  [/(?:ruling|judgment|judgement|decision)$/i, { kind: 'ruling', effect: 'mandate' }],
  [/(?:guidance|guidelines|code of practice)$/i, { kind: 'guidance', effect: 'disclosure' }],
  [/(?:framework)$/i, { kind: 'framework', effect: 'mandate' }],
  [/(?:plan|strategy|white paper|strategy paper|roadmap|action plan)$/i, { kind: 'strategy', effect: 'subsidy' }],
  [/(?:policy|policies|measures)$/i, { kind: 'policy', effect: 'restriction' }],
];

/** Regex source for an instrument head noun, for patterns. */
export const INSTRUMENT_SOURCE =
  '(?:executive orders?|memorandum|memo|interim final rule|final rule|rules?|export controls?|controls|restrictions|curbs|ban|prohibition|blacklist|licen[cs]e requirements?|licensing requirements?|sanctions|act|law|statute|regulation|directive|ruling|guidance|guidelines|code of practice|framework|plan|strategy|white paper|strategy paper|roadmap|policy|measures)';

/** The instrument a phrase names by its head noun, or null. */
export function instrumentOf(phrase: string): Instrument | null {
  const head = phrase.replace(/\s+(?:for|on|to|against|of|in|targeting|covering|spanning)\b.*$/i, '').trim();
  for (const [re, inst] of TABLE) if (re.test(head)) return inst;
  return null;
}
