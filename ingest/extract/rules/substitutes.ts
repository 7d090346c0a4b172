// Substitutes: "X as an alternative to Y", "X, a substitute for Y", "X replaces Y".
import { E, at, allowed, pattern, type FactDraft, type RelationRule } from '../frame.js';

const RE = pattern(`${E},? (?:is |as |as a |as an |a |an )?(?:[a-z-]+ ){0,2}?(?:alternative|substitute|replacement|rival|answer) (?:to|for) (?:the )?${E}`);
const REPLACES = pattern(`${E} (?:replaces|replaced|will replace|can replace|substitutes for) (?:the )?${E}`);

export const substitutes: RelationRule = {
  name: 'substitutes',
  cue: /alternative|substitut|replace|rival|answer/i,
  example: "Huawei's Ascend 910C is positioned as an alternative to the NVIDIA H20.",
  apply(frame) {
    const out: FactDraft[] = [];
    for (const re of [RE, REPLACES])
      for (const m of frame.masked.matchAll(re)) {
        const a = at(frame, m[1]);
        const b = at(frame, m[2]);
        if (a && b && a.id !== b.id && a.label === b.label && allowed('SUBSTITUTES', a.label, b.label)) out.push({ rel: 'SUBSTITUTES', subject: a, object: b, confidence: 0.65 });
      }
    return out;
  },
};
