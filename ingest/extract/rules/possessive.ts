// "Acme's Zephyr model", "NVIDIA's H100 or H200", "China's Supreme People's Court", "the EU's
// GDPR", "Zephyr-3, Acme's flagship model", "Globex's Nova chip line, the N1 and the N2",
// "Globex Cloud, the company's hosting platform": the owner in a possessive develops the model, designs
// the chip, enacts the regulation, operates the cloud or hosts the organisation, whichever the
// schema allows between the two labels.
import { E, at, firstAllowed, homeElsewhere, listIndices, pattern, type FactDraft, type Mention, type RelationRule } from '../frame.js';

const RELS = ['DEVELOPED_BY', 'DESIGNED_BY', 'ENACTED_BY', 'HEADQUARTERED_IN', 'OPERATED_BY'] as const;
const QUALIFIER = '(?:(?:new|latest|flagship|newest|own|open-weight|open-source|frontier|top|upcoming)[ -])*';
// the owned list takes plain "A or B" / "A and B" only, so "X's A, B's C" stays two possessives
// (a name in quotes is the same name: "the Commerce Department's latest “Foo Rule”")
const RE = pattern(`${E}['’]s ${QUALIFIER}[“"]?(${E_LIST()})`);
// "Zephyr-3 Pro, Acme's 2027 flagship coding model"
const APPOSITIVE = pattern(`${E}, ${E}['’]s (?:[\\p{L}0-9-]+ ){0,4}?(?:model|models|LLM|chip|chips|GPU|accelerator|cloud|platform|regulator|agency|law|rule|subsidiary|unit|arm)\\b`);
// (a word before an item describes it, "the next-generation N2"; a preposition ends the list: "…, Claude, to Bedrock")
const ITEM_WORD = '(?:(?!(?:to|in|on|at|for|from|with|by|of|as|into|onto|via|than|over|under|after|before)\\b)[a-z-]+ )?';
const LINE_ITEMS = `((?:the )?${ITEM_WORD}⟨\\d+⟩(?:,? (?:and |or )?(?:the )?${ITEM_WORD}⟨\\d+⟩)*)`;
// "Globex's Nova accelerator line, the N1 and the next-generation N2"
const LINE = pattern(`${E}['’]s (?:${E} )?(?:[a-zA-Z-]+ ){0,2}(?:line|family|series|lineup|range)(?:,| —| –| includes| including) ${LINE_ITEMS}`);
// "Globex's most advanced AI processors, including the G200 and the G300"
const PRODUCTS_INCLUDING = pattern(`${E}['’]s (?:[a-zA-Z-]+ ){0,4}(?:chips|processors|accelerators|GPUs|models|products|systems|platforms)(?:,| —| –)? (?:including|such as|like) ${LINE_ITEMS}`);
// "Globex Cloud, the company's sovereign hosting platform": the company is the last sentence's actor
const THE_COMPANY = pattern(`${E}, (?:the|its) (?:company|firm|lab|group|startup)['’]s `);

function E_LIST(): string {
  return `⟨\\d+⟩(?: (?:or|and) ⟨\\d+⟩(?!['’]s))?`;
}

export const possessive: RelationRule = {
  name: 'possessive',
  cue: /['’]s /,
  minMentions: 1,
  example: "Xiaomi is deploying Alibaba's Qwen3 model in its phones.",
  apply(frame) {
    const out: FactDraft[] = [];
    const add = (owner: Mention | undefined, owned: Mention | undefined, confidence: number) => {
      if (!owner || !owned || owner.demonym || owner === owned || homeElsewhere(owner, owned)) return;
      const rel = firstAllowed(RELS, owned, owner);
      if (rel) out.push({ rel, subject: owned, object: owner, confidence });
    };
    for (const m of frame.masked.matchAll(RE)) for (const i of listIndices(m[2])) add(at(frame, m[1]), at(frame, i), 0.75);
    for (const m of frame.masked.matchAll(APPOSITIVE)) add(at(frame, m[2]), at(frame, m[1]), 0.7);
    for (const m of frame.masked.matchAll(LINE)) {
      const owner = at(frame, m[1]);
      add(owner, at(frame, m[2]), 0.7);
      for (const i of listIndices(m[3])) add(owner, at(frame, i), 0.65);
    }
    for (const m of frame.masked.matchAll(PRODUCTS_INCLUDING)) for (const i of listIndices(m[2])) add(at(frame, m[1]), at(frame, i), 0.65);
    for (const m of frame.masked.matchAll(THE_COMPANY)) if (frame.previous && frame.previous.label !== 'Nation') add(frame.previous, at(frame, m[1]), 0.6);
    return out;
  },
};
