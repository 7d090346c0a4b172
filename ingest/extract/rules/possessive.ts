// "Anthropic's Mythos model", "NVIDIA's H20", "China's Supreme People's Court": the owner in a
// possessive develops the model, designs the chip, or hosts the organisation, whichever the schema
// allows between the two labels.
import { E, at, firstAllowed, pattern, type FactDraft, type RelationRule } from '../frame.js';

const RELS = ['DEVELOPED_BY', 'DESIGNED_BY', 'HEADQUARTERED_IN', 'OPERATED_BY'] as const;
const RE = pattern(`${E}['’]s (?:(?:new|latest|flagship|newest|own|open-weight|open-source|frontier|top|upcoming)[ -])*${E}`);

export const possessive: RelationRule = {
  name: 'possessive',
  example: "Reuters reported that the NSA is using Anthropic's Mythos model.",
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(RE)) {
      const owner = at(frame, m[1]);
      const owned = at(frame, m[2]);
      if (!owner || !owned || owner.demonym) continue;
      const rel = firstAllowed(RELS, owned, owner);
      if (rel) out.push({ rel, subject: owned, object: owner, confidence: 0.75 });
    }
    return out;
  },
};
