// "X runs on Y", "X is served on Y", "hosted on Y", "available on A and B": where a model or a
// deployment runs; the schema picks RUNS_ON for chips and HOSTED_ON / AVAILABLE_ON for clouds.
import { E, E_, LIST, at, firstAllowed, listIndices, pattern, type FactDraft, type RelationRule } from '../frame.js';
import type { RelationType } from '../../../schema/generated/model.js';

const PHRASES: [RegExp, readonly RelationType[]][] = [
  [
    pattern(
      `${E} (?:[a-z-]+ ){0,2}?(?:runs|run|running|ran|is served|are served|is deployed|are deployed|inference)(?: inference)? (?:entirely |natively |exclusively |meaningfully |efficiently |well )?on (?:[a-z-]+ ){0,2}?(?:\\d[\\d,]*\\s?[×x]\\s?)?${LIST}`,
    ),
    ['RUNS_ON', 'HOSTED_ON'],
  ],
  // "Zephyr Cluster — assembled by Globex and Acme, reaching 2 exaflops with AMD MI300X GPUs"
  [pattern(`${E} (?:—|–|,) [^.;]{0,120}?\\b(?:with|using) (?:\\d[\\d,]* )?(${E_}) (?:GPUs|chips|accelerators|NPUs|TPUs|superchips)`), ['RUNS_ON']],
  [pattern(`${E} (?:is |are |was |will be )?(?:hosted|deployed) (?:on|in) (?:[a-z-]+ ){0,2}?${LIST}`), ['HOSTED_ON', 'RUNS_ON']],
  [pattern(`${E} (?:[a-z-]+ ){0,2}?(?:is |are |was |were |will be )?(?:powered|accelerated) by (?:[a-z-]+ ){0,2}?${LIST}`), ['RUNS_ON', 'HOSTED_ON']],
  [
    pattern(
      `${E} (?:is |are |became |will be |is now |are now )?(?:also |now |already |generally |publicly |commercially )*(?:available|offered|accessible) (?:to [a-z ]{1,30} )?(?:on|via|through|in) (?:the )?${LIST}`,
    ),
    ['AVAILABLE_ON', 'HOSTED_ON'],
  ],
];

export const runsOn: RelationRule = {
  name: 'runs-on',
  cue: /run|ran |serv|deploy|inference|host|power|accelerat|availab|offer|access|GPUs|chips|accelerators|NPUs|TPUs/i,
  example: 'DeepSeek V4 Flash runs on Huawei Ascend 910C chips and is available on Alibaba Cloud.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const [re, rels] of PHRASES)
      for (const m of frame.masked.matchAll(re)) {
        const subject = at(frame, m[1]);
        if (!subject) continue;
        for (const i of listIndices(m[2])) {
          const object = at(frame, i);
          const rel = object && firstAllowed(rels, subject, object);
          if (object && rel) out.push({ rel, subject, object, confidence: 0.75 });
        }
      }
    return out;
  },
};
