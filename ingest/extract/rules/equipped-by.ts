// A manufacturer and the toolmaker whose production tools it takes: "Acme installed Globex's EUV scanners at its new
// fab", "Acme postponed deliveries of Globex equipment", "Acme buys etching tools from Globex". The tools are named by
// what they are (equipment, tools, scanners, lithography or chipmaking machines), so no list of toolmakers is needed.
import { E, LIST, allowed, at, leadingActor, listIndices, pattern, type FactDraft, type Mention, type RelationRule } from '../frame.js';

// what a fab's tools are called: equipment and tools of any kind; machines and systems only of a process step
const STEP =
  '(?:lithography|EUV|DUV|extreme ultraviolet|deep ultraviolet|chipmaking|chip-making|chip making|semiconductor manufacturing|etch|etching|deposition|inspection|metrology|wafer|packaging|EDA|design)';
// the process step the tools serve, for the relation's `tool`
const TOOL_STEP = new RegExp(`\\b(${STEP})\\b`);
const TOOLS = `(?:(?:${STEP} |[a-z-]+ ){0,2}(?:equipment|tools|toolsets?|scanners|steppers)|${STEP} (?:machines|systems|software))`;
// what a manufacturer does with them: takes, buys or installs them, or waits for them
const TAKES =
  '(?:buys?|bought|buying|purchas(?:es|ed|ing|e)|orders?|ordered|ordering|installs?|installed|installing|uses?|used|using|receiv(?:es|ed|ing|e)|took delivery of|takes delivery of|relies on|relied on|depends on|depended on|(?:postponed|delayed|awaited|expects?|expected) (?:the )?(?:deliver(?:y|ies)|shipments?) of)';
// "Globex's EUV scanners", "Globex equipment"; or "tools from Globex", "machines made by Globex"
const OWNED = `${E}(?:['’]s)? (?:(?:most |more )?advanced |latest |newest |new |high-end |cutting-edge )*${TOOLS}`;
const FROM = `${TOOLS} (?:from|made by|supplied by|built by|sold by) ${LIST}`;
const TAKEN = pattern(`\\b${TAKES} (?:(?:its|their|the|more|new|additional|some|all|\\d[\\d,.]*) )*(?:${OWNED}|(?:[a-z-]+ ){0,2}${FROM})`);

export const equippedBy: RelationRule = {
  name: 'equipped-by',
  cue: /\b(?:equipment|tools|toolsets?|scanners|steppers|machines|systems|software)\b/,
  example: "Acme has installed Globex's EUV scanners at its new fab.",
  apply(frame) {
    const buyer: Mention | undefined = leadingActor(frame);
    if (!buyer) return [];
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(TAKEN)) {
      const tool = TOOL_STEP.exec(m[0])?.[1];
      for (const i of m[1] !== undefined ? [Number(m[1])] : listIndices(m[2])) {
        const maker = at(frame, i);
        if (!maker || maker === buyer || maker.id === buyer.id || maker.demonym || !allowed('EQUIPPED_BY', buyer.label, maker.label)) continue;
        out.push({ rel: 'EQUIPPED_BY', subject: buyer, object: maker, confidence: 0.6, ...(tool ? { props: { tool } } : {}) });
      }
    }
    return out;
  },
};
