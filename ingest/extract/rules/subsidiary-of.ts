// Ownership: "X is a subsidiary of Y", "X, a unit of Y", "X, a Y company", "X is the research institute of Y", "Y's cloud arm X", "Y-owned X",
// "X's parent company, Y".
import { E, at, allowed, pattern, type FactDraft, type RelationRule } from '../frame.js';

const UNIT = '(?:subsidiary|unit|division|arm|affiliate|(?:research )?institute|research lab|laboratory)';
// a former owner is no owner ("X, formerly a unit of Y", "X, once part of Y")
const OF = pattern(
  `${E},? (?!(?:[a-z]+ )?(?:formerly|previously|once|former)\\b)(?:is |was |became )?(?:a |an |the )?(?:wholly[- ]owned |majority[- ]owned |[a-z-]+ ){0,3}${UNIT} of (?:⟨\\d+⟩['’]s )?${E}`,
);
// the owner's possessive, then what the unit is and its name, or its name and what it is ("Alibaba's cloud unit X", "Huawei's
// HiSilicon unit")
const POSSESSIVE = pattern(`${E}['’]s (?:(?:[a-z-]+ )?${UNIT},? ${E}|${E} (?:[a-z-]+ )?${UNIT}\\b)`);
// "Inception, a G42 company"
const COMPANY = pattern(`${E}, (?:a|an) ${E} (?:company|subsidiary|unit|business)\\b`);
// "the Department of Commerce, Bureau of Industry and Security": a department, then without an article one of its units
const DEPARTMENT_UNIT = pattern(`${E}, ${E}(?! ?,? (?:and|or)\\b)`);
const DEPARTMENT = /^(?:(?:U\.?S\.?|US|UK|EU) )?(?:Department|Ministry)\b|\b(?:Department|Ministry)$/;
const UNIT_NAME = /^(?:Bureau|Office|Agency|Administration|Directorate|Service|Institute)\b/;
// "the Bureau of Industry and Security (BIS) of the U.S. Department of Commerce": a unit named with the department it belongs to
const UNIT_OF_DEPARTMENT = pattern(`${E}(?: \\(⟨\\d+⟩\\))? of (?:the )?${E}`);
// "Acme's parent company, Globex" ("its parent company, Globex" is the relation layer's, which knows what "its" stands for)
const OWNER_PARENT = pattern(`${E}['’]s (?:[a-z-]+ |⟨\\d+⟩ ){0,2}(?:parent|owner)(?: company| group| firm)?,? ${E}`);
// "Globex, Acme's parent company", "Globex, the parent company of Acme": the parent named first, then described
const PARENT_DESCRIBED = pattern(
  `${E},? (?:(?:the |its )?(?:[a-z-]+ ){0,2}?(?:parent|owner)(?: company| group| firm)? of ${E}(?!['’]s| [a-z-]+ ⟨)|${E}['’]s (?:[a-z-]+ ){0,2}?(?:parent|owner)(?: company| group| firm)?(?=[,.;)]| (?:said|says|has|had|is|was|will|reported)\\b))`,
);
const OWNED = pattern(`${E}-(?:owned|controlled) (?:[a-z-]+ ){0,2}?${E}`);
// "Sapeon, an AI chip company established by SK Telecom", "Acme Labs, a venture spun off from Globex": a company another
// company set up (people who found one are its founders, not its owners, and no mention: the owner is what the schema lets own one)
const SET_UP_BY = pattern(
  `${E},? (?:(?:is |was )?(?:a|an|the) (?:[a-z-]+ |AI ){0,4}?(?:company|firm|startup|start-up|venture|business|entity|unit|subsidiary|spin-?off|affiliate) )?(?:that was |which was )?(?:established|set up|created|formed|launched|spun (?:off|out) (?:from|of|by)|carved out of|incubated by|owned by)(?: by)? (?:the )?${E}(?!['’]s)`,
);

export const subsidiaryOf: RelationRule = {
  name: 'subsidiary-of',
  cue: /subsidiar|unit|division|arm|affiliate|institute|lab|owned|controlled|company|business|parent|owner|established|set up|created|formed|launched|spun|carved|incubated|⟩ of (?:the )?⟨|⟩, ⟨/i,
  example: "Alibaba's cloud unit Alibaba Cloud ...; Google DeepMind is a subsidiary of Google.",
  apply(frame) {
    const out: FactDraft[] = [];
    const add = (child: string | undefined, parent: string | undefined) => {
      const a = at(frame, child);
      const b = at(frame, parent);
      if (a && b && a !== b && !b.demonym && allowed('SUBSIDIARY_OF', a.label, b.label)) out.push({ rel: 'SUBSIDIARY_OF', subject: a, object: b, confidence: 0.75 });
    };
    for (const m of frame.masked.matchAll(OF)) add(m[1], m[2]);
    for (const m of frame.masked.matchAll(POSSESSIVE)) add(m[2] ?? m[3], m[1]);
    for (const m of frame.masked.matchAll(OWNED)) add(m[2], m[1]);
    if (/parent|owner/.test(frame.masked)) {
      for (const m of frame.masked.matchAll(OWNER_PARENT)) add(m[1], m[2]);
      for (const m of frame.masked.matchAll(PARENT_DESCRIBED)) add(m[2] ?? m[3], m[1]);
    }
    for (const m of frame.masked.matchAll(COMPANY)) add(m[1], m[2]);
    if (/established|set up|created|formed|launched|spun|carved|incubated|owned/.test(frame.masked)) for (const m of frame.masked.matchAll(SET_UP_BY)) add(m[1], m[2]);
    // a bureau or office named beside or with the department it belongs to
    const addUnit = (unitAt: string | undefined, deptAt: string | undefined) => {
      const unit = at(frame, unitAt);
      const dept = at(frame, deptAt);
      if (dept && unit && dept.label === 'Organization' && DEPARTMENT.test(dept.name) && UNIT_NAME.test(unit.name)) add(unitAt, deptAt);
    };
    for (const m of frame.masked.matchAll(DEPARTMENT_UNIT)) addUnit(m[2], m[1]);
    for (const m of frame.masked.matchAll(UNIT_OF_DEPARTMENT)) addUnit(m[1], m[2]);
    return out;
  },
};
