// Sites: "X's data centre in Y", "X is located in Y", "X opened a data center in Y".
import { E, at, allowed, pattern, type FactDraft, type RelationRule } from '../frame.js';

const IS_LOCATED = pattern(`${E},? (?:is |are |was |will be )?(?:located|situated|sited|built) in (?:[A-Z][a-z]+, )?${E}`);

export const locatedIn: RelationRule = {
  name: 'located-in',
  cue: /located|situated|sited|built in/i,
  example: 'The Stargate UAE campus is located in Abu Dhabi, United Arab Emirates.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(IS_LOCATED)) {
      const a = at(frame, m[1]);
      const b = at(frame, m[2]);
      if (a && b && !b.demonym && allowed('LOCATED_IN', a.label, b.label)) out.push({ rel: 'LOCATED_IN', subject: a, object: b, confidence: 0.8 });
    }
    return out;
  },
};
