// A nation's standing regime named by its noun: "the US export control regime", "American chip
// export controls", "US sanctions on Huawei". Gives a Regulation "<nation> export controls" (or
// sanctions) with ENACTED_BY, and APPLIES_TO for a target named right after "on", "against" or "to".
import { E, at, allowed, pattern, type FactDraft, type NewEntity, type RelationRule } from '../frame.js';

const RE = pattern(`${E} (?:(?:chip|semiconductor|technology|AI) )?(export[- ]control(?:s| regime| rules)?|sanctions(?: regime)?)(?: (?:on|against|targeting) (?:[a-z-]+ ){0,2}?${E})?`);

export const nationalRegime: RelationRule = {
  name: 'national-regime',
  cue: /export[- ]control|sanctions/i,
  minMentions: 1,
  example: 'The US export control regime aims to keep rival chipmakers two generations behind.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(RE)) {
      const nation = at(frame, m[1]);
      if (!nation || nation.label !== 'Nation' || !allowed('ENACTED_BY', 'Regulation', nation.label)) continue;
      const sanctions = m[2]!.startsWith('sanctions');
      const noun = sanctions ? 'sanctions' : 'export controls';
      const reg: NewEntity = { label: 'Regulation', name: `${nation.surface} ${noun}`, aliases: [`${nation.name} ${noun}`], props: { kind: sanctions ? 'sanction' : 'export_control' } };
      out.push({ rel: 'ENACTED_BY', subject: reg, object: nation, confidence: 0.6 });
      const target = at(frame, m[3]);
      if (target && target !== nation && allowed('APPLIES_TO', 'Regulation', target.label))
        out.push({ rel: 'APPLIES_TO', subject: reg, object: target, props: { effect: sanctions ? 'sanction' : 'restriction' }, confidence: 0.6 });
    }
    return out;
  },
};
