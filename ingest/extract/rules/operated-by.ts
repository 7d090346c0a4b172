// Who runs a cloud: "Y, operated by X", "X's cloud Y", and a cloud named together with the
// organisation known to operate it ("... $5 billion from Amazon ... AWS cloud spending").
import { E, at, allowed, pattern, type FactDraft, type RelationRule } from '../frame.js';

const PASSIVE = pattern(`${E},? (?:which is |is |are )?(?:operated|run|owned|managed) by ${E}`);

export const operatedBy: RelationRule = {
  name: 'operated-by',
  example: 'Anthropic took $5 billion from Amazon and pledged $100 billion in AWS cloud spending.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(PASSIVE)) {
      const a = at(frame, m[1]);
      const b = at(frame, m[2]);
      if (a && b && allowed('OPERATED_BY', a.label, b.label) && b.label !== 'Nation') out.push({ rel: 'OPERATED_BY', subject: a, object: b, confidence: 0.8 });
    }
    for (const cloud of frame.mentions) {
      if (!cloud.operator || cloud.status === 'ambiguous') continue;
      const operator = frame.mentions.find((x) => x.id === cloud.operator);
      if (operator && allowed('OPERATED_BY', cloud.label, operator.label)) out.push({ rel: 'OPERATED_BY', subject: cloud, object: operator, confidence: 0.5 });
    }
    return out;
  },
};
