// A release announced by its title alone, as a lab's feed or blog names its posts: "GLM-4.7-Flash",
// "Introducing Qwen3 and QwQ-32B", "DeepSeek-V3.2 发布 2025/12/01". A model named that way, and
// nothing else, is its family's usual developer's (the model families of the lexicon data).
import { allowed, at, knownMention, type FactDraft, type Mention, type RelationRule } from '../frame.js';
import { LEXICON_BY_ID, MODEL_FAMILIES } from '../lexicon.js';

// the whole line: an opening word of announcement, the names, a word of release, a date
const TITLE =
  /^(?:(?:Introducing|Announcing|Meet|Releasing|Launching|Unveiling)\s+)?((?:⟨\d+⟩(?:\s*,\s*|\s+(?:and|&)\s+)?)+)(?:\s*(?:is\s+)?(?:released|launched|now available|is here|arrives|release|launch|发布|正式版发布|正式发布|上线|开源|更新))?(?:\s+[\d/.-]+)?\s*[.!]?$/;

/** The usual developer of a model's family, as a known mention, or undefined. */
function familyDeveloper(model: Mention): Mention | undefined {
  const family = model.name.split(/[\s-]/)[0]!.toLowerCase().replace(/\d.*$/, '');
  const entry = LEXICON_BY_ID.get(MODEL_FAMILIES.get(family) ?? '');
  if (!entry || !allowed('DEVELOPED_BY', 'Model', entry.label)) return undefined;
  return knownMention(entry, 0.9);
}

export const releaseTitle: RelationRule = {
  name: 'release-title',
  minMentions: 1,
  example: 'Introducing Qwen3 and QwQ-32B',
  apply(frame) {
    const m = TITLE.exec(frame.masked.trim());
    if (!m) return [];
    const out: FactDraft[] = [];
    for (const marker of m[1]!.matchAll(/⟨(\d+)⟩/g)) {
      const model = at(frame, marker[1]);
      if (!model || model.label !== 'Model') continue;
      const developer = familyDeveloper(model);
      if (developer) out.push({ rel: 'DEVELOPED_BY', subject: model, object: developer, confidence: 0.6 });
    }
    return out;
  },
};
