// "X, developed by Y", "X from Y", "Y released X", "X — its model developed at Y", "Y (X ecosystem)",
// "Y ... with its models including A and B": who made a model (or designed a chip).
import { E, LIST, at, firstAllowed, leadingActor, listIndices, pattern, type FactDraft, type RelationRule } from '../frame.js';

const RELS = ['DEVELOPED_BY', 'DESIGNED_BY'] as const;
const MADE = '(?:developed|built|created|made|designed|trained|released|published|open-sourced|introduced)(?: and (?:developed|built|released|published|open-sourced|maintained|trained))?';
// "X, which was developed by Y", "X — its open-source model developed at Y", "X, the mid-size model of the series developed by Y"
const PASSIVE = pattern(
  `${E}(?:,? (?:which (?:was|is) |(?:was|is|were) )?| (?:—|–|-) [^⟨;]{0,80}? |, (?:a |an |the |its )[^;,]{0,80}? | (?:series|family|line|models?) | (?:is|was|are) (?:a|an|the) [^⟨;,]{0,60}?(?:model|LLM|models|chip|accelerator|checkpoint) )${MADE} (?:by|at) (?:the )?${E}`,
);
// the family named inside an appositive is made by the same maker ("..., the mid-size model of the EXAONE 4.0 series developed by Y")
const SERIES = pattern(`${E} (?:series|family|line) ${MADE} (?:by|at) (?:the )?${E}`);
// filler words never compare ("benchmarked against models by Y" says nothing about who made X)
const FROM = pattern(
  `${E},? (?:a |an |the )?(?:(?!against|than|versus|vs|like|rivals?|compared|outperform\\w*|beat\\w*|beside|over)[a-z-]+ ){0,3}(?:model|models|LLM|chip|chips|accelerator|GPU) (?:(?:released|developed|built|made|published) )?(?:from|by) ${E}`,
);
// an appositive may sit between the maker and its verb: "Zhipu AI, a Beijing-based startup, released GLM-4.5"
const ACTIVE = pattern(
  `${E}(?:, [^,]{1,60},)? (?:has |have )?(?:also |just |quietly |officially )?(?:released|launched|unveiled|introduced|open-sourced|debuted|shipped|published|announced|rolled out|previewed|unveils|releases|launches) (?:its |their |the |a |an )?(?:new |latest |next-generation |flagship |open-weight |open-source |updated |upgraded )*(?:[a-z-]+ ){0,2}${LIST}`,
);
// a reduced relative clause after an appositive: "the H20, the downgraded model Nvidia specifically created for China"
const MAKER_CLAUSE = pattern(
  `${E}, (?:the|a|an|its) (?:[a-z-]+ ){0,4}?(?:model|models|chip|chips|accelerator|accelerators|GPU|GPUs|processor|part|version|system) ${E} (?:[a-z]+ly )?(?:created|developed|designed|built|made|released|launched|tailored|trained)\\b`,
);
// "OpenAI (GPT-5.5 ecosystem)", "Google (Gemini)", "Qwen3 (Alibaba)"
const BRACKETED = pattern(`${E} \\(${E}(?: (?:ecosystem|family|series|models?|line))?\\)`);
// "Acme — ... with its open-weight models including Zephyr-3 and Zephyr-4": the sentence's actor made them
const ITS_MODELS = pattern(`\\bits (?:[a-z-]+ ){0,2}(?:models|model family|chips|accelerators) (?:including|such as|like) ${LIST}`);

export const developedBy: RelationRule = {
  name: 'developed-by',
  cue: /develop|built|creat|made|design|train|releas|publish|open-sourc|introduc|launch|unveil|debut|ship|announc|rolled|preview|model|LLM|chip|accelerator|GPU|\(/i,
  example: 'DeepSeek released DeepSeek-V3.2 on Tuesday, a sparse-attention reasoning model.',
  apply(frame) {
    const out: FactDraft[] = [];
    const add = (made: string | number | undefined, maker: string | number | undefined, confidence: number) => {
      const a = at(frame, made);
      const b = at(frame, maker);
      if (!a || !b || a === b || b.demonym) return;
      const rel = firstAllowed(RELS, a, b);
      if (rel) out.push({ rel, subject: a, object: b, confidence });
    };
    for (const m of frame.masked.matchAll(PASSIVE)) add(m[1], m[2], 0.8);
    for (const m of frame.masked.matchAll(SERIES)) add(m[1], m[2], 0.75);
    for (const m of frame.masked.matchAll(FROM)) add(m[1], m[2], 0.7);
    for (const m of frame.masked.matchAll(MAKER_CLAUSE)) add(m[1], m[2], 0.7);
    for (const m of frame.masked.matchAll(ACTIVE)) for (const i of listIndices(m[2])) add(i, m[1], 0.75);
    for (const m of frame.masked.matchAll(BRACKETED)) {
      // either order: the schema says which is the model
      add(m[2], m[1], 0.65);
      add(m[1], m[2], 0.65);
    }
    const actor = leadingActor(frame);
    if (actor) for (const m of frame.masked.matchAll(ITS_MODELS)) for (const i of listIndices(m[1])) add(i, frame.mentions.indexOf(actor), 0.6);
    return out;
  },
};
