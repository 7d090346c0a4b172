// "X is fabricated by TSMC", "TSMC manufactures X", "Samsung's foundry will produce X", "X, which SMIC manufactures", "X, made by
// Samsung": who makes a chip.
import { E, E_, at, allowed, pattern, type FactDraft, type RelationRule } from '../frame.js';

const PASSIVE = pattern(
  `${E}(?: (?:chips?|GPUs?|accelerators?|processors?|dies))?,? (?:which (?:is|was|are|were) )?(?:is |are |was |were |will be )?(?:fabricated|manufactured|produced|fabbed|made|built) (?:[a-z-]+ ){0,2}?(?:by|at) ${E}`,
);
// "Samsung already produces Tesla's AI 4 chips", "the foundry will manufacture Acme's X1": the chip's designer's possessive may stand before it
const ACTIVE = pattern(
  `${E}(?:['’]s (?:contract )?(?:foundry|foundries|fabs?|factory|plants?|foundry (?:business|unit|division|arm)))?(?: (?:already|also|now|currently|reportedly|still|will|would|is set to|is slated to|plans to|agreed to))* (?:fabricates|manufactures|produces|makes|builds|fabs|make|manufacture|produce|build|fabricate) (?:the |its |a )?(?:${E_}['’]s )?(?:[a-z-]+ ){0,2}?${E}`,
);

// "The X1, built on TSMC's N3P process", "the X1 chips are based on Samsung's 4nm node", "made using SMIC's 7nm technology": a
// foundry's process named as what the chip before it in the sentence is made on (not a chip it is compared with)
const ON_PROCESS = pattern(
  `${E}(?: (?:chips?|GPUs?|accelerators?|processors?|series))*(?:(?!\\b(?:compet\\w*|rivals?|than|unlike|like|versus|vs|against|compar\\w*|outperform\\w*|beats?|other)\\b)[^.;⟨]){0,80}?\\b(?:built|based|made|manufactured|fabricated|produced|fabbed|implemented) (?:on|using|with|in) (?:the )?${E}['’]s (?:[\\w+.-]+ ){0,3}?(?:process|node|technology|process node|process technology)\\b`,
);

// "Tesla will make its AI5 chip at Samsung's Texas fab": a place of making named after the chip names who makes it
const AT_FAB =
  /^(?: (?:chips?|GPUs?|accelerators?|processors?))? (?:at|in) (?:the )?⟨(\d+)⟩['’]s (?:(?:[\w-]+|⟨\d+⟩) ){0,2}?(?:fabs?|foundry|foundries|plants?|factory|factories|facility|facilities)\b/;

// "the Ascend 910B, which SMIC manufactures": the maker in a relative clause after the chip
const RELATIVE = pattern(
  `${E}(?: (?:chips?|GPUs?|accelerators?|processors?))?,? (?:which|that) ${E} (?:also |now |still )?(?:manufactures|makes|produces|fabricates|builds|fabs|manufactured|made|produced|fabricated|built)\\b`,
);

// "Acme Memory has been supplying Globex with its HBM3E stacks": a memory maker supplying a customer with memory makes that memory
const SUPPLIES_WITH = pattern(
  `${E} (?:(?:has|have|had) been |is |are |was |will be |(?:began|begins|started|starts) )?(?:supplying|supplies|supplied|supply|providing|provides|provided|provide) (?:the |its )?${E_} with (?:its |their |the )?(?:[a-z0-9-]+ ){0,2}?${E}`,
);

export const fabricatedBy: RelationRule = {
  name: 'fabricated-by',
  cue: /fabricat|manufactur|produc|fabb|\bfabs\b|made|built|makes|make|builds|based|implemented|suppl|provid/i,
  example: 'The Ascend 910C is fabricated by SMIC on its N+2 process.',
  apply(frame) {
    const out: FactDraft[] = [];
    const add = (chip: string | undefined, fab: string | undefined) => {
      const a = at(frame, chip);
      const b = at(frame, fab);
      if (a && b && allowed('FABRICATED_BY', a.label, b.label)) out.push({ rel: 'FABRICATED_BY', subject: a, object: b, confidence: 0.8 });
    };
    for (const m of frame.masked.matchAll(PASSIVE)) add(m[1], m[2]);
    for (const m of frame.masked.matchAll(ACTIVE)) add(m[2], AT_FAB.exec(frame.masked.slice(m.index + m[0].length))?.[1] ?? m[1]);
    for (const m of frame.masked.matchAll(RELATIVE)) add(m[1], m[2]);
    if (/suppl|provid/.test(frame.masked))
      for (const m of frame.masked.matchAll(SUPPLIES_WITH)) {
        const maker = at(frame, m[1]);
        if (maker?.props?.kind === 'memory_maker' && at(frame, m[2])?.props?.kind === 'hbm') add(m[2], m[1]);
      }
    if (/process|node|technology/.test(frame.masked))
      for (const m of frame.masked.matchAll(ON_PROCESS)) {
        if (at(frame, m[2])?.props?.kind === 'foundry') add(m[1], m[2]);
      }
    return out;
  },
};
