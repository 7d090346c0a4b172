// "X was trained on ~100,000 Huawei Ascend 910B chips", "X trained using Y GPUs", "Y trained X on 10,000 H100s", "X was fine-tuned on
// 64 H100 GPUs", "X, which topped the leaderboard, was trained on ...", "X was pre-trained on 14 trillion tokens using 1,024 H200 GPUs": training
// hardware, with the count when one is given.
import { E, at, pattern, type FactDraft, type RelationRule } from '../frame.js';
import { parseCount } from '../money.js';

const RE = pattern(
  `${E}(?:['’]s)?(?:, (?:which|that|a|an|the) [^,;]{1,80},)? (?:[a-z-]+ ){0,3}?(?:was |were |is |are |has been |had been )?(?:trained|pre-trained|pretrained|post-trained|fine-tuned|finetuned|fine tuned) (?:entirely |exclusively |fully |solely )?(?:on [\\d.,]+ (?:trillion |billion |million |[TBMK] )?tokens (?:using|with|on) |(?:on|using|with) )(?:a cluster of |clusters of )?(?:(~|about |around |roughly |nearly |over |more than |some |approximately |up to )?(\\d[\\d,.]*(?:\\s?(?:k|K|thousand|million))?) )?${E}`,
);

const COUNT = '(?:(~|about |around |roughly |nearly |over |more than |some |approximately |up to )?(\\d[\\d,.]*(?:\\s?(?:k|K|thousand|million))?) )?';
// the maker as subject: "Zhipu trained GLM-5 on 100,000 Ascend 910B chips"
const ACTIVE = pattern(
  `${E} (?:has |had |will |now )?(?:trained|trains|train|pre-trained|pretrained|fine-tuned) (?:its |the |their )?(?:[a-z-]+ ){0,2}?${E} (?:models? )?(?:entirely |exclusively |mainly |largely )?(?:on|using|with) ${COUNT}(?:⟨\\d+⟩['’]s (?:[a-z-]+ )?)?${E}`,
);

// training named as a noun: "full-parameter post-training of ⟨owner⟩'s ⟨model⟩ on a cluster of 1,000 ⟨chip⟩ accelerators", "the training of ⟨model⟩ on ⟨chip⟩"
const NOUN = pattern(
  `\\b(?:training|pre-training|pretraining|post-training|fine-tuning|finetuning) (?:run )?of (?:(?:the |its |their )?⟨\\d+⟩['’]s )?(?:the )?(?:[\\p{L}\\d.-]+ ){0,2}?${E}(?: (?:model|models|LLM))? (?:entirely |exclusively )?(?:on|using|with) (?:a cluster of |clusters of |a cluster of at least |at least )?${COUNT}${E}`,
);

export const trainedOn: RelationRule = {
  name: 'trained-on',
  cue: /train|tuned/i,
  example: 'GLM-5 was trained on about 100,000 Huawei Ascend 910B chips.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(RE)) {
      const model = at(frame, m[1]);
      const hw = at(frame, m[4]);
      if (!model || !hw) continue;
      const count = m[3] ? parseCount(m[3]) : null;
      out.push({ rel: 'TRAINED_ON', subject: model, object: hw, confidence: 0.85, ...(count ? { props: { count } } : {}) });
    }
    for (const m of frame.masked.matchAll(ACTIVE)) {
      const model = at(frame, m[2]);
      const hw = at(frame, m[5]);
      if (!model || !hw) continue;
      const count = m[4] ? parseCount(m[4]) : null;
      out.push({ rel: 'TRAINED_ON', subject: model, object: hw, confidence: 0.8, ...(count ? { props: { count } } : {}) });
    }
    for (const m of frame.masked.matchAll(NOUN)) {
      const model = at(frame, m[1]);
      const hw = at(frame, m[4]);
      if (!model || !hw || model.label !== 'Model') continue;
      const count = m[3] ? parseCount(m[3]) : null;
      out.push({ rel: 'TRAINED_ON', subject: model, object: hw, confidence: 0.75, ...(count ? { props: { count } } : {}) });
    }
    return out;
  },
};
