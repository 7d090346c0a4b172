// "X, developed by Y", "X from Y", "Y released X": who made a model (or designed a chip).
import { E, LIST, at, firstAllowed, listIndices, pattern, type FactDraft, type RelationRule } from '../frame.js';

const RELS = ['DEVELOPED_BY', 'DESIGNED_BY'] as const;
const PASSIVE = pattern(`${E},? (?:which (?:was|is) |(?:was|is|were) )?(?:developed|built|created|made|designed|trained|released|published|open-sourced) by ${E}`);
const FROM = pattern(`${E},? (?:a |an |the )?(?:[a-z-]+ ){0,3}(?:model|models|LLM|chip|chips|accelerator|GPU) (?:from|by) ${E}`);
// an appositive may sit between the maker and its verb: "Zhipu AI, a Beijing-based startup, released GLM-4.5"
const ACTIVE = pattern(
  `${E}(?:, [^,⟨]{1,60},)? (?:has |have )?(?:also |just |quietly |officially )?(?:released|launched|unveiled|introduced|open-sourced|debuted|shipped|published|announced|rolled out|previewed|unveils|releases|launches) (?:its |their |the |a |an )?(?:new |latest |next-generation |flagship |open-weight |open-source |updated |upgraded )*(?:[a-z-]+ ){0,2}${LIST}`,
);

export const developedBy: RelationRule = {
  name: 'developed-by',
  example: 'Alibaba released Qwen3.6-27B this week, a 27-billion-parameter dense model.',
  apply(frame) {
    const out: FactDraft[] = [];
    const add = (made: string | undefined, maker: string | undefined, confidence: number) => {
      const a = at(frame, made);
      const b = at(frame, maker);
      if (!a || !b) return;
      const rel = firstAllowed(RELS, a, b);
      if (rel) out.push({ rel, subject: a, object: b, confidence });
    };
    for (const m of frame.masked.matchAll(PASSIVE)) add(m[1], m[2], 0.85);
    for (const m of frame.masked.matchAll(FROM)) add(m[1], m[2], 0.7);
    for (const m of frame.masked.matchAll(ACTIVE)) for (const i of listIndices(m[2])) add(String(i), m[1], 0.75);
    return out;
  },
};
