// Investors named where a funding round names who led or joined it: "a $600 million round led by
// General Catalyst", "backed by Lightspeed and Index Ventures", "with participation from Bpifrance".
// Capitalised words only (a name, not "a group of investors"), up to three words each, in a list.
import { NAME_WORD, listedNames, type Proposal, type Proposer } from './proposal.js';

// a sentence about money raised: the cue that makes "led by X" a funding round's lead
const FUNDING = /\b(?:round|funding|raised|raises|raising|Series [A-F]|seed|investment|investors?|valuation|stake|(?:is|are|was|were|been) backed)\b/;
const NAME = `${NAME_WORD}(?: (?:${NAME_WORD}|of|&))*?`;
const AFTER = new RegExp(
  `\\b(?:(?:co-)?led by|backed by|funded by|joined by|participation (?:from|of)|investors (?:including|such as|like)|from investors(?: including)?)(?: existing investors?| new investors?)? (${NAME}(?:(?:, | and |, and )${NAME}){0,5})(?=[,.;)]| and | with | as | at | in | to |$)`,
  'gu',
);
const NOT_NAMES = /^(?:The|A|An|Its|Their|His|Her|Existing|New|Other|Several|Investors?|Funds?|Venture|Capital|Silicon|Wall|US|U\.S\.|UK|EU|AI|Series)$/;

/** Proposes the organisations a funding sentence names as its investors. */
export const proposeInvestors: Proposer = (sentence) => {
  const out: Proposal[] = [];
  const text = sentence.text;
  if (!FUNDING.test(text) || !/\b(?:by|from|including|such as|like|of) [A-Z]/.test(text)) return out;
  for (const m of text.matchAll(AFTER)) {
    const list = m[1]!;
    for (const { name, index: here } of listedNames(list, m.index + m[0].length - list.length)) {
      const words = name.split(' ');
      if (words.length > 3 || NOT_NAMES.test(words[0]!) || name.length < 2) continue;
      out.push({ start: sentence.start + here, end: sentence.start + here + name.length, name, label: 'Organization', confidence: 0.5, props: { kind: 'fund' } });
    }
  }
  return out;
};
