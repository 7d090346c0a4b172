// What a named regulation reaches, stated around it rather than in its name:
//   "the X1 chips are barred from sale to Ruritania under Freedonian export controls",
//   "the X2, a chip built to comply with the Freedonian export rules",
//   "the Entity List bars Acme and Globex from buying American tools".
// The regulation is a mention of the sentence (known, or named by another rule's proposal); every
// item the clause names, and the destination it closes, get APPLIES_TO with the effect its verb states.
import { E, LIST, at, allowed, listIndices, pattern, type FactDraft, type Frame, type Mention, type NewEntity, type RelationRule } from '../frame.js';
import { regimeOf } from './national-regime.js';
import { effectOfVerb } from './restriction.js';

const ADVERB = '(?:(?:already|now|effectively|currently|still|also|long|specifically|specially|expressly|largely|officially|formally|de facto) )*';
// what an item is called after its name ("the ⟨X1⟩ chips", "⟨Acme⟩ and ⟨Globex⟩, two Ruritanian firms,")
const KIND = '(?: (?:AI |advanced |high-end |data-cent(?:er|re) )?(?:chips?|GPUs?|accelerators?|processors?|semiconductors?|models?|machines|tools|systems|servers|products))?';
const BE = '(?:is|are|was|were|has been|have been|had been|been|being|be|remain|remains|remained|stay|stays|became|become|got|get)';
const BARRED = '(barred|banned|blocked|restricted|prohibited|curbed|blacklisted|sanctioned|off-limits|cut off)';
// what the bar is on: "from sale", "from being shipped", "from export"
const FROM_WHAT = '(?: from (?:(?:sale|sales|export|exports|shipment|shipments|delivery)|being (?:sold|shipped|exported|delivered)))?';
// the destination it closes: "to ⟨Ruritania⟩", "in ⟨Ruritania⟩", "for ⟨Ruritanian⟩ buyers"
const DESTINATION = `(?: (?:to|in|into|for) (?:the )?${E}(?: (?:buyers|customers|companies|firms|entities|users|market))?)?`;
// the regulation the bar stands on: "under ⟨R⟩", "due to ⟨R⟩", "by the new ⟨R⟩"
const GROUND = '(?:under|by|due to|because of|as a result of|owing to|per|through|via) (?:the |its |their |(?:(?:new|current|existing|latest|ongoing|strict|stricter|tougher|sweeping|expanded) ))*';
// the regulation: a mention of one, or a nation's standing regime named by its noun ("⟨US⟩ export controls", "⟨Freedonian⟩ sanctions")
const REGULATION = `${E}(?:['’]s)?(?: (?:(?:chip|semiconductor|technology|AI|trade) )?(export[- ]controls?|export restrictions|export curbs|export rules|sanctions))?`;
const BARRED_UNDER = pattern(`${LIST}${KIND},? (?:which |that |who )?${BE} ${ADVERB}${BARRED}${FROM_WHAT}${DESTINATION},? ${GROUND}${REGULATION}`);
// an item made to fit a regulation: "the ⟨X2⟩, which was designed to comply with ⟨R⟩", "⟨X2⟩ chips tailored to meet ⟨R⟩"
const FITS = pattern(
  `${E}${KIND},? (?:(?:which|that) ${BE} |(?:a|an|the) (?:[a-z-]+ ){0,3}?(?:chips?|GPUs?|accelerators?|processors?|models?|versions?|variants?) )?${ADVERB}(?:designed|built|made|tailored|developed|created|modified|engineered|crafted|downgraded|cut down|pared down|scaled down) (?:specifically |specially |expressly )?(?:to (?:comply with|conform to|meet|satisfy|stay within|fall (?:below|under|outside)|get around|skirt|sidestep|circumvent|evade|work around)|in compliance with|for compliance with|around) (?:the )?(?:(?:new|current|existing|latest|strict|stricter|tougher) )*${REGULATION}`,
);
// the regulation as the actor: "⟨R⟩ bars ⟨A⟩ and ⟨B⟩ from …", "⟨R⟩ restricts sales of the ⟨X1⟩ to ⟨Ruritania⟩"
const ACTS = pattern(
  `${REGULATION} ${ADVERB}(bars?|barred|bans?|banned|blocks?|blocked|restricts?|restricted|prohibits?|prohibited|curbs?|curbed|limits?|limited|targets?|targeted)(?: (?:the )?(?:sales?|exports?|shipments?|access|deliveries) (?:of|to))? (?:the |companies like |firms like |chips like |such as )?${LIST}${KIND}(?: (?:from (?:selling|buying|exporting|shipping|supplying|accessing)(?: [a-z-]+){0,3}? )?(?:to|in|into|for) (?:the )?${E})?`,
);

/** The regulation a match names: the mention itself, or the regime of the nation named before the regime's noun. */
function regulationAt(frame: Frame, index: string | undefined, noun: string | undefined): Mention | NewEntity | undefined {
  const m = at(frame, index);
  if (!m) return undefined;
  if (noun === undefined) return m.label === 'Regulation' ? m : undefined;
  return m.label === 'Nation' && !m.place ? regimeOf(m, noun === 'sanctions') : undefined;
}

/** APPLIES_TO from the regulation to every usable item, the destination included. */
function reaches(reg: Mention | NewEntity | undefined, items: (Mention | undefined)[], effect: string): FactDraft[] {
  if (!reg) return [];
  const out: FactDraft[] = [];
  const seen = new Set<Mention>();
  for (const m of items) {
    if (!m || m === reg || seen.has(m) || m.inName || !allowed('APPLIES_TO', 'Regulation', m.label)) continue;
    seen.add(m);
    out.push({ rel: 'APPLIES_TO', subject: reg, object: m, props: { effect }, confidence: 0.6 });
  }
  return out;
}

export const regulationReach: RelationRule = {
  name: 'regulation-reach',
  cue: /\b(?:barred|banned|blocked|restricted|prohibited|curbed|blacklisted|sanctioned|off-limits|cut off|comply|compliance|conform|meet|satisfy|circumvent|skirt|sidestep|evade|get around|work around|bars?|bans?|blocks?|restricts?|prohibits?|curbs?|limits?|limited|targets?|targeted)\b/i,
  example: 'The X1 chips are barred from sale to Ruritania under the Freedonian export controls.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(BARRED_UNDER)) {
      const items = [...listIndices(m[1]), m[3]].map((i) => at(frame, i));
      out.push(...reaches(regulationAt(frame, m[4], m[5]), items, effectOfVerb(m[2]!)));
    }
    for (const m of frame.masked.matchAll(FITS)) {
      const item = at(frame, m[1]);
      if (item && (item.label === 'Chip' || item.label === 'Model')) out.push(...reaches(regulationAt(frame, m[2], m[3]), [item], 'restriction'));
    }
    for (const m of frame.masked.matchAll(ACTS)) {
      const items = [...listIndices(m[4]), m[5]].map((i) => at(frame, i));
      out.push(...reaches(regulationAt(frame, m[1], m[2]), items, effectOfVerb(m[3]!)));
    }
    return out;
  },
};
