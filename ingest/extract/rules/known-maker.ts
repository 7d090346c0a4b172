// A chip written without its maker ("the H200", "Blackwell chips") in a sentence that also names the maker the lexicon
// gives it: "the president said the H200 is no longer Nvidia's most advanced part, noting that newer Blackwell and Rubin
// chips have overtaken it". The sentence names both, the lexicon says which designed which: DESIGNED_BY, at a lower
// confidence than a rule that reads it from the words; words between the two that deny or hedge leave it alone. Models and clouds
// are not read so: who made a model is often a team or a unit the text names apart from its group ("Qwen Team, a unit
// of Alibaba"), which a sentence naming the group does not settle.
import { HEDGED, allowed, type FactDraft, type Mention, type RelationRule } from '../frame.js';
const usable = (m: Mention): boolean => m.status === 'known' && !m.anaphor && !m.demonym;

export const knownMaker: RelationRule = {
  name: 'known-maker',
  example: 'Analysts said the H200 still outsells every other Nvidia part.',
  minMentions: 2,
  apply(frame) {
    const out: FactDraft[] = [];
    for (const product of frame.mentions) {
      if (product.label !== 'Chip' || !product.maker || !usable(product)) continue;
      const maker = frame.mentions.find((m) => m.id === product.maker && usable(m));
      if (!maker) continue;
      // words between the two that deny or hedge say nothing of the pair ("Nvidia did not mention the H100")
      const [a, b] = [frame.masked.indexOf(`⟨${frame.mentions.indexOf(maker)}⟩`), frame.masked.indexOf(`⟨${frame.mentions.indexOf(product)}⟩`)];
      if (!HEDGED.test(frame.masked.slice(Math.min(a, b), Math.max(a, b))) && allowed('DESIGNED_BY', product.label, maker.label))
        out.push({ rel: 'DESIGNED_BY', subject: product, object: maker, confidence: 0.5 });
    }
    return out;
  },
};
