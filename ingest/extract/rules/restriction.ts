// Export measures a government takes, stated as what it does rather than by the measure's name:
//   "the Freedonian government restricted accelerators like the X1 from Ruritanian buyers",
//   "Freedonia told Acme it would require a licence to export the X1 to Ruritania",
//   "the X1 was added to Freedonian sanctions", "the X2 was barred by Freedonia for export to Ruritania".
// Each gives the nation's standing regime, named as the national-regime rule names it ("<nation>
// export controls", or "<nation> sanctions"), ENACTED_BY the nation and APPLIES_TO the chips,
// models or companies it reaches and the destination it closes, with the effect the verb states.
import { E, LIST, at, allowed, listIndices, pattern, type FactDraft, type Frame, type Mention, type NewEntity, type RelationRule } from '../frame.js';
import { regimeOf, shortName } from './national-regime.js';

// the government behind a nation's name: "the ⟨US⟩ government", "⟨US⟩ officials", "⟨Freedonia⟩"
const GOVERNMENT = '(?:federal |central )?(?:government|administration|authorities|officials|regulators|commerce department|department of commerce)';
const ISSUER = `(?:the )?${E}(?:['’]s)?(?: ${GOVERNMENT})?`;
const AUX = `(?:(?:has|have|had|will|also|then|further|later|already|effectively|subsequently|now|formally|officially) ){0,2}`;
const ACT = '(banned|bans|barred|bars|blocked|blocks|prohibited|prohibits|restricted|restricts|curbed|curbs|limited|limits|halted|halts|cut off|cuts off)';
// what is exported: "exports of", "sales of advanced", "high-bandwidth chips like the", then the named items
const GOODS = `(?:(?:the |all |its |their )?(?:exports?|sales?|shipments?|access to) (?:of )?)?(?:(?:[a-z-]+ ){0,3}?(?:chips?|gpus?|accelerators?|processors?|semiconductors?|models?) (?:like|such as|including) (?:the )?|(?:the |its |their )?)`;
const KIND = '(?: (?:chips?|GPUs?|accelerators?|processors?|AI chips?|models?|machines|tools|equipment|systems))?(?: (?:sales|exports|shipments))?';
// the destination closed: "to ⟨China⟩", "from ⟨Chinese⟩ buyers", "for ⟨China⟩"
const DESTINATION = `(?: (?:(?:for )?exports? |for sale )?(?:to|from|for|in|into) (?:the )?${E}(?: (?:buyers|customers|companies|firms|entities|users|market|clients))?)?`;

// "… restricted ⟨Acme⟩ from selling its ⟨X1⟩ chips to ⟨R⟩": the company and what it may no longer sell
const SELLING = `(?: from (?:selling|exporting|shipping|supplying|delivering) (?:its |their |the )?${LIST}${KIND})?`;
const ACTIVE = pattern(`${ISSUER} ${AUX}${ACT} ${GOODS}${LIST}${KIND}${SELLING}${DESTINATION}`);
// "… would require a licence to export the X1 to ⟨R⟩", "… require ⟨Acme⟩ to obtain a licence to sell its X1 to ⟨R⟩"
const LICENCE = pattern(
  `${ISSUER} (?:(?:[a-z,]+|(?:told|informed|notified|warned) ⟨\\d+⟩) ){0,6}?(?:would |will |now |)(?:require[sd]?|requiring|impos(?:ed|es|ing) (?:a |an )?(?:new )?licen[cs]e requirements? on) (?:(?:the company|the firm|it|them|${E}) to (?:obtain|get|seek|apply for|secure) )?(?:(?:a|an|the) )?(?:export )?(?:licen[cs]es?|licen[cs]ing|permits?) (?:(?:to (?:export|sell|ship)|for (?:exports?|sales?|shipments?) of) )?(?:(?:its|the|their) )?(?:([^.;]*?) )?to ${E}`,
);
// "the ⟨X1⟩ was added to ⟨F⟩ sanctions", "⟨X1⟩ and ⟨X2⟩ were barred by ⟨F⟩ for export to ⟨R⟩"
const PASSIVE = pattern(
  `${LIST}${KIND} (?:was|were|has been|have been|had been|got|is now|are now) ${AUX}(?:(added to|placed on|put on|included in) (?:the )?${E} (sanctions|export controls?|export restrictions|blacklist|trade blacklist|entity list)|(banned|barred|blocked|restricted|prohibited|curbed) by (?:the )?${E}(?: government)?${DESTINATION})(?:[^.;⟨]{0,30}?,? (?:along with|as well as|together with|alongside) (?:[A-Za-z-]+ ){0,3}?(?:from |by |of |made by )?${LIST})?`,
);

const EFFECT: [RegExp, string][] = [
  [/^(?:ban|bar|block|prohibit|halt|cut|off-limits)/i, 'ban'],
  [/^(?:blacklist|sanction)/i, 'sanction'],
  [/^(?:restrict|curb|limit)/i, 'restriction'],
];
/** The APPLIES_TO effect a verb of restriction states ("barred" a ban, "blacklisted" a sanction, "curbed" a restriction). */
export const effectOfVerb = (verb: string): string => EFFECT.find(([re]) => re.test(verb))?.[1] ?? 'restriction';

/** The nation whose marker `index` opens the match, when it stands for a government: a demonym only with its government's noun ("Japanese officials"). */
function issuerAt(frame: Frame, match: string, index: string | undefined): Mention | undefined {
  const m = at(frame, index);
  if (!m || m.label !== 'Nation') return undefined;
  return !m.demonym || new RegExp(`⟨${index}⟩ (?:${GOVERNMENT}|sanctions|export)`).test(match) ? m : undefined;
}

/** A licence requirement on one named item is a measure of its own: "US H20 export licence requirement" (aliases in the text's spelling). */
function licenceRequirement(issuer: Mention, item: Mention, spelling: string): NewEntity {
  const country = shortName(issuer);
  const name = `${country} ${item.surface} export licence requirement`;
  const aliases = [...new Set([`${item.surface} ${spelling} requirement`, `${item.name} ${spelling} requirement`, `${country} ${item.surface} export ${spelling} requirement`])].filter(
    (a) => a !== name,
  );
  return { label: 'Regulation', name, aliases, props: { kind: 'rule' } };
}

function measure(issuer: Mention | undefined, items: (Mention | undefined)[], effect: string, sanctions = false, named?: NewEntity): FactDraft[] {
  if (!issuer) return [];
  const reg = named ?? regimeOf(issuer, sanctions);
  const out: FactDraft[] = [{ rel: 'ENACTED_BY', subject: reg, object: issuer, confidence: 0.6 }];
  const seen = new Set<Mention>();
  for (const m of items) {
    if (!m || m === issuer || (m.id !== undefined && m.id === issuer.id) || seen.has(m) || m.inName || !allowed('APPLIES_TO', 'Regulation', m.label)) continue;
    // a nation named only as an adjective counts as the destination ("Chinese buyers"), never an item of trade
    seen.add(m);
    out.push({ rel: 'APPLIES_TO', subject: reg, object: m, props: { effect }, confidence: 0.6 });
  }
  return out;
}

export const restriction: RelationRule = {
  name: 'restriction',
  cue: /\b(?:ban|bar|block|prohibit|restrict|curb|limit|halt|cut|licen[cs]|permit|sanction|blacklist|entity list|export control)/i,
  minMentions: 2,
  example: 'The Freedonian government restricted accelerators like the X1 from Ruritanian buyers.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(ACTIVE)) {
      const items = [...listIndices(m[3]), ...listIndices(m[4])].map((i) => at(frame, i));
      out.push(...measure(issuerAt(frame, m[0], m[1]), [...items, at(frame, m[5])], effectOfVerb(m[2]!)));
    }
    for (const m of frame.masked.matchAll(LICENCE)) {
      // the company told to obtain the licence falls under it too ("told ⟨Acme⟩ it would require …")
      const told = /\btold (?:the company )?⟨(\d+)⟩/.exec(m[0]);
      const goods = [...(m[3] ?? '').matchAll(/⟨(\d+)⟩/g)].map((g) => at(frame, g[1]));
      const issuer = issuerAt(frame, m[0], m[1]);
      // one chip or model named: the requirement on it is its own measure; else the standing regime
      const item = goods.length === 1 && goods[0] && !goods[0].demonym && ['Chip', 'Model'].includes(goods[0].label) ? goods[0] : undefined;
      const named = issuer && item ? licenceRequirement(issuer, item, /licence/i.test(m[0]) ? 'licence' : 'license') : undefined;
      out.push(...measure(issuer, [at(frame, m[2]), at(frame, told?.[1]), ...goods, at(frame, m[4])], 'license_required', false, named));
    }
    for (const m of frame.masked.matchAll(PASSIVE)) {
      // "… along with chips from ⟨A⟩ and ⟨B⟩": the makers of what else was listed fall under it too
      const items = [...listIndices(m[1]), ...listIndices(m[8])].map((i) => at(frame, i));
      if (m[2]) {
        const noun = m[4]!.toLowerCase();
        out.push(...measure(issuerAt(frame, m[0], m[3]), items, noun === 'sanctions' || noun.includes('list') ? 'sanction' : 'restriction', noun === 'sanctions'));
      } else out.push(...measure(issuerAt(frame, m[0], m[6]), [...items, at(frame, m[7])], effectOfVerb(m[5]!)));
    }
    return out;
  },
};
