// Who runs a cloud: "Y, operated by X", "X's cloud Y", and a cloud named together with the
// organisation known to operate it ("... a $4 billion order from Microsoft ... Azure capacity").
import { E, at, allowed, pattern, type FactDraft, type RelationRule } from '../frame.js';

const PASSIVE = pattern(`${E},? (?:which is |is |are )?(?:operated|run|owned|managed) by ${E}`);

// "Japan's AIST is deploying ABCI 3.0", "G42 operates the Stargate UAE campus": an actor running a site or cloud
const RUNS = pattern(`${E} (?:is |has |have |are )?(deploying|deployed|operates|operating|runs|running|built|building|launched|opened) (?:the |a |an |its )?${E}`);
// "Amazon (which operates AWS GovCloud)"
const WHICH = pattern(`${E},? \\(?which (?:operates|runs|owns|manages) (?:the )?${E}`);

export const operatedBy: RelationRule = {
  name: 'operated-by',
  example: 'Oracle Cloud Infrastructure, which is run by Oracle, opened a second region in Japan.',
  apply(frame) {
    const out: FactDraft[] = [];
    const text = frame.masked;
    // every pattern runs a cloud, a site or a deployment: most sentences name none
    if (!frame.mentions.some((m) => m.label === 'Cloud' || m.label === 'DataCenter' || m.label === 'Deployment')) return out;
    if (/ by /.test(text))
      for (const m of text.matchAll(PASSIVE)) {
        const a = at(frame, m[1]);
        const b = at(frame, m[2]);
        if (a && b && allowed('OPERATED_BY', a.label, b.label) && b.label !== 'Nation') out.push({ rel: 'OPERATED_BY', subject: a, object: b, confidence: 0.8 });
      }
    if (/deploy|operat|runs|running|built|building|launched|opened/.test(text))
      for (const m of text.matchAll(RUNS)) {
        const a = at(frame, m[3]);
        const b = at(frame, m[1]);
        // sites for any of the verbs; clouds only when operated or run ("launched" a cloud says who made it, not who runs it)
        const site = a?.label === 'DataCenter' || (a?.label === 'Cloud' && /^(operates|operating|runs|running)$/.test(m[2]!));
        if (a && b && site && !b.demonym && b.label !== 'Nation' && allowed('OPERATED_BY', a.label, b.label)) out.push({ rel: 'OPERATED_BY', subject: a, object: b, confidence: 0.65 });
      }
    if (text.includes('which '))
      for (const m of text.matchAll(WHICH)) {
        const a = at(frame, m[2]);
        const b = at(frame, m[1]);
        if (a && b && !b.demonym && b.label !== 'Nation' && allowed('OPERATED_BY', a.label, b.label)) out.push({ rel: 'OPERATED_BY', subject: a, object: b, confidence: 0.75 });
      }
    for (const cloud of frame.mentions) {
      if (!cloud.operator || cloud.status === 'ambiguous') continue;
      const operator = frame.mentions.find((x) => x.id === cloud.operator);
      if (operator && allowed('OPERATED_BY', cloud.label, operator.label)) out.push({ rel: 'OPERATED_BY', subject: cloud, object: operator, confidence: 0.5 });
    }
    return out;
  },
};
