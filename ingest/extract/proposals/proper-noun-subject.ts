// Organisations as the subject of a corporate verb: a proper noun (by wink-nlp's tagger) right
// before "launched", "acquired", "raised"... ("Meanwhile, Econet launched an AI hardware unit").
import type { Proposal, Proposer } from './proposal.js';

const CORPORATE_VERB = /^ (launched|unveiled|released|acquired|raised|invested|partnered|open-sourced|debuted|secured|shipped|uses|deploys|deployed|adopted|signed|selected|is deploying|is using)\b/;
const NOT_NAMES = /^(I|AI|API|GPU|LLM|CEO|CTO|It|He|She|They|We|President|Minister|Secretary|Congress|Reuters|Bloomberg)$/;

// a run that starts with a capitalised function word ("In AI launched ...") is not a name
const FUNCTION_WORD = /^(In|On|At|For|By|With|From|The|A|An|As|But|And|Or|If|When|While|This|That|These|Those|Its|Their|Sovereign|National|Global)\b/;

/** Proposes an organisation for a proper-noun run that acts as the subject of a corporate verb. */
export const proposeCorporateSubjects: Proposer = (sentence) => {
  const out: Proposal[] = [];
  const nouns = sentence.properNouns;
  for (let i = 0; i < nouns.length; i++) {
    let j = i;
    while (j + 1 < nouns.length && nouns[j + 1]!.start === nouns[j]!.end + 1) j++;
    const start = nouns[i]!.start;
    const end = nouns[j]!.end;
    const rel = start - sentence.start;
    const after = sentence.text.slice(end - sentence.start);
    const name = sentence.text.slice(rel, end - sentence.start);
    // two-word-or-less runs only: longer ones are usually people with titles or headlines
    if (CORPORATE_VERB.test(after) && j - i < 2 && !NOT_NAMES.test(name) && !FUNCTION_WORD.test(name) && /^\p{Lu}/u.test(name)) {
      out.push({ start, end, name, label: 'Organization', confidence: 0.45, props: { kind: 'company' } });
    }
    i = j;
  }
  return out;
};
