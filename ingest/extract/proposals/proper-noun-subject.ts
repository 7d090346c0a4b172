// Organisations as the subject of a corporate verb: a proper noun (by wink-nlp's tagger) right
// before "launched", "acquired", "raised"... ("Meanwhile, Econet launched an AI hardware unit"), and
// the object of a takeover ("… bought 100% of Initech").
import { TAKEOVER } from '../frame.js';
import type { Proposal, Proposer } from './proposal.js';

const CORPORATE_VERB =
  /^(?: (?:AI|Inc\.?|Ltd\.?|Group|Labs?|Technologies|Systems),?)? (?:(?:has|have|also|will|would|is|are|was|were) )?(launched|unveiled|released|acquired|bought|purchased|raised|invested|invests|partnered|partners|partnering|open-sourced|debuted|secured|shipped|uses|deploys|deployed|deploying|adopted|signed|selected|using|announced|building|builds|ordered|operates|operating|agreed|deliver|delivers|delivering|teamed up|joined forces)\b/;
// a name given as an organisation's parent: "its Chinese parent company, Initech"
const PARENT = /\b(?:parent|owner|holding)(?: company| group| firm)?,?\s+$/;
// the object of a takeover: "… acquired Initech", "bought 100% of Initech", "the acquisition of Initech"
const TAKEN_OVER = new RegExp(`\\b${TAKEOVER}\\s+(?:(?:all|100%|a (?:majority|controlling|\\d+(?:\\.\\d+)?%) stake) (?:of|in)\\s+)?$`);
// the members before the subject in a coordination: "Acme, Globex and Initech announced …"
const COORDINATION = /^(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)$/;
// a title before the run makes it a person ("President X announced", "CEO Y unveiled")
const TITLED = /\b(?:President|CEO|Secretary|Minister|Chancellor|Premier|Governor|Senator|chief executive|founder|chairman|Mr\.?|Ms\.?|Dr\.?|von|van|der|de|bin|al)\s+$/;
// a capitalised common noun or plural ("Companies announced", "Roadmap building") is no name
const COMMON =
  /^(?:Companies|Organizations|Organisations|Firms|Governments|Startups|Operators|Providers|Vendors|Hyperscalers|Labs|Nations|States|Countries|[A-Z]{2,}s|Roadmap|Press|Release|Report|Statement|Plan|Strategy|Office|Department|Gulf|Sovereign|Government|State|Federal|Industry|Data|Cloud|Research|Europe|Asia|Conference|Summit|Forum|Expo|Show|Festival|Keynote|Event|Week)$/;
const NOT_NAMES = /^(I|AI|API|GPU|LLM|CEO|CTO|It|He|She|They|We|President|Minister|Secretary|Congress|Reuters|Bloomberg)$/;

// a run that starts with a capitalised function word ("In AI launched ...") is not a name
// (and an adjective or a quantifier opening a sentence: "Early partners include …", "Several operators use …")
const FUNCTION_WORD =
  /^(In|On|At|For|By|With|From|The|A|An|As|But|And|Or|If|When|While|This|That|These|Those|Its|Their|Sovereign|National|Global|Early|Earlier|Later|Other|Others|Several|Many|Some|Most|Few|All|Both|Existing|Initial|Key|Major|New|Current|Former|Previous|Future|Such|More|Top|Leading)\b/;

/** Proposes an organisation for a proper-noun run that acts as the subject of a corporate verb. */
export const proposeCorporateSubjects: Proposer = (sentence) => {
  const out: Proposal[] = [];
  const nouns = sentence.properNouns;
  // runs of adjacent proper nouns, two words or fewer (longer ones are usually people with titles or headlines)
  const runs: { start: number; end: number; words: number }[] = [];
  for (let i = 0; i < nouns.length; i++) {
    let j = i;
    while (j + 1 < nouns.length && nouns[j + 1]!.start === nouns[j]!.end + 1) j++;
    runs.push({ start: nouns[i]!.start, end: nouns[j]!.end, words: j - i + 1 });
    i = j;
  }
  const text = (a: number, b: number) => sentence.text.slice(a - sentence.start, b - sentence.start);
  const nameable = (r: { start: number; end: number; words: number }) => {
    const name = text(r.start, r.end);
    return (
      r.words <= 2 &&
      !NOT_NAMES.test(name) &&
      !FUNCTION_WORD.test(name) &&
      name.length > 1 &&
      !name.split(' ').some((w) => COMMON.test(w)) &&
      /^\p{Lu}/u.test(name) &&
      !TITLED.test(text(sentence.start, r.start)) &&
      // a run cut out of a hyphenated word ("Full‑Connection Conference") is no name
      !/[-‐‑–]$/.test(text(sentence.start, r.start))
    );
  };
  const proposed = new Set<number>();
  for (const r of runs)
    if (nameable(r) && (TAKEN_OVER.test(text(sentence.start, r.start)) || PARENT.test(text(sentence.start, r.start)))) {
      proposed.add(r.start);
      out.push({ start: r.start, end: r.end, name: text(r.start, r.end), label: 'Organization', confidence: 0.45, props: { kind: 'company' } });
    }
  runs.forEach((r, k) => {
    if (!CORPORATE_VERB.test(sentence.text.slice(r.end - sentence.start))) return;
    for (let m = k; m >= 0; m--) {
      const run = runs[m]!;
      if (m < k && !COORDINATION.test(text(run.end, runs[m + 1]!.start))) break;
      if (!nameable(run) || proposed.has(run.start)) continue;
      proposed.add(run.start);
      out.push({ start: run.start, end: run.end, name: text(run.start, run.end), label: 'Organization', confidence: 0.45, props: { kind: 'company' } });
    }
  });
  return out;
};
