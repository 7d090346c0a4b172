// Model lineage stated in prose: "X is a fine-tuned version of Y", "This model is a quantized
// version of Y", "X was distilled from Y", "X builds on Y", "X, a merge of A and B". Gives
// DERIVED_FROM with the relation the wording names.
import { E, LIST, at, allowed, listIndices, pattern, type FactDraft, type RelationRule } from '../frame.js';

const KINDS: [RegExp, string][] = [
  [/quanti[sz]/i, 'quantized'],
  [/distill/i, 'distillation'],
  [/merge/i, 'merge'],
  [/adapter|lora/i, 'adapter'],
  [/continued|further pre-?trained/i, 'continued_pretraining'],
  [/fine-?tun|instruction-tuned|instruct|chat (?:version|variant)|sft/i, 'finetune'],
];
const VERSION = pattern(
  `${E},? (?:is |was )?(?:a |an |the )?((?:[a-z0-9-]+ ){0,2}?(?:fine-tuned|finetuned|instruction-tuned|quantized|quantised|distilled|LoRA|GGUF|AWQ|GPTQ|continued-pretraining|pruned|instruct|chat|instruction-following|aligned)(?: [a-z-]+){0,2}? (?:version|variant|checkpoint|derivative|adaptation|model)) of (?:the )?${E}`,
);
const VERB = pattern(`${E} (?:is |was |has been |were )?((?:fine-tuned|finetuned|distilled|quantized|quantised|continued pre-?training|further pre-?trained)) (?:from|on top of) (?:the )?${E}`);
// a clause that opens on the lineage: "Built on the open-source Y model, X has been further trained …", "Fine-tuned from Y, X …"
const FRONTED = pattern(
  `(?:^|[.;] )\\W*(Built|Based|Fine-tuned|Finetuned|Distilled|Trained|Developed|Derived) (?:on|upon|from) (?:top of )?(?:the |an |a )?(?:[a-z-]+ ){0,2}${E}(?: (?:base )?(?:model|LLM|checkpoint))?, (?:the |our )?${E}`,
);
const MERGE = pattern(`${E},? (?:is |was )?(?:a |an )?(merge) of ${LIST}`);

function kindOf(phrase: string): string {
  return KINDS.find(([re]) => re.test(phrase))?.[1] ?? 'other';
}

export const derivedFrom: RelationRule = {
  name: 'derived-from',
  cue: /version|variant|checkpoint|derivative|adaptation|tuned|distill|quanti|merge|pre-?train|^\W*(?:Built|Based|Trained|Developed|Derived) /i,
  example: 'This model is a fine-tuned version of Llama 3.1 8B on a legal corpus.',
  apply(frame) {
    const out: FactDraft[] = [];
    const add = (child: string | number | undefined, parent: string | number | undefined, phrase: string) => {
      const a = at(frame, child);
      const b = at(frame, parent);
      if (a && b && a.id !== b.id && allowed('DERIVED_FROM', a.label, b.label)) out.push({ rel: 'DERIVED_FROM', subject: a, object: b, props: { relation: kindOf(phrase) }, confidence: 0.75 });
    };
    for (const m of frame.masked.matchAll(VERSION)) add(m[1], m[3], m[2]!);
    for (const m of frame.masked.matchAll(VERB)) add(m[1], m[3], m[2]!);
    for (const m of frame.masked.matchAll(FRONTED)) add(m[3], m[2], m[1]!);
    for (const m of frame.masked.matchAll(MERGE)) for (const i of listIndices(m[3])) add(m[1], i, 'merge');
    return out;
  },
};
