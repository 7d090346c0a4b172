// A nation's standing regime named by its noun: "the US export control regime", "American chip
// export controls", "U.S. export restrictions", "US sanctions on Huawei". Gives a Regulation "<nation> export controls" (or
// sanctions) with ENACTED_BY, and APPLIES_TO for a target named right after "on", "against" or "to".
import { E, at, allowed, knownMention, pattern, type FactDraft, type Mention, type NewEntity, type RelationRule } from '../frame.js';
import { LEXICON, NATIONS_BY_ISO, type LexiconEntry } from '../lexicon.js';

/** How a nation is named in its regime's name: a one-word name as it is ("China"), else its short code ("US", "UK", "EU"). */
export function shortName(nation: Mention): string {
  if (!/\s/.test(nation.name)) return nation.name;
  return [nation.surface, ...nation.aliases].find((a) => /^[A-Z]{2,3}$/.test(a)) ?? nation.name;
}

/** A nation's standing regime of export controls or sanctions, named one way wherever a rule finds it: "<nation> export
 * controls", or the name the lexicon knows the regime by when it lists that as one of its names (with every other name it
 * lists); the text's own words for it ("U.S. export restrictions") are one of its names too. */
export function regimeOf(nation: Mention, sanctions: boolean, written?: string): NewEntity {
  const noun = sanctions ? 'sanctions' : 'export controls';
  const plain = `${shortName(nation)} ${noun}`;
  const known = KNOWN_REGIMES.get(plain.toLowerCase());
  const name = known?.name ?? plain;
  const aliases = [...new Set([plain, `${nation.surface} ${noun}`, `${nation.name} ${noun}`, ...(known?.aliases ?? []), ...(written ? [written] : [])])].filter((a) => a !== name);
  return { label: 'Regulation', name, aliases, props: known?.props ?? { kind: sanctions ? 'sanction' : 'export_control' } };
}

// the regimes the lexicon names, by each of their names
const KNOWN_REGIMES: ReadonlyMap<string, LexiconEntry> = new Map(
  LEXICON.filter((e) => e.label === 'Regulation').flatMap((e) => [e.name, ...(e.aliases ?? [])].filter((n) => /(?:export controls|sanctions)$/.test(n)).map((n) => [n.toLowerCase(), e] as const)),
);

// the regime's nouns: export controls by any of their names ("export restrictions", "chip curbs"), or sanctions
const REGIME_NOUN = 'export[- ]control(?:s| regime| rules)?|export (?:restrictions|curbs|limits|rules|bans)|(?:chip|semiconductor) (?:export )?(?:restrictions|curbs)|sanctions(?: regime)?';

const RE = pattern(`${E} (?:(?:chip|semiconductor|technology|AI) )?(${REGIME_NOUN})(?: (?:on|against|targeting) (?:[a-z-]+ ){0,2}?${E})?`);

// a nation's own regime named with its possessive and a few modifiers: "China's new export controls on gallium", "Washington's
// strict enforcement of export controls" (never a nation's answer to another's: "China's response to export controls")
const OWN_REGIME = pattern(
  `${E}['’]s (?:(?:new|latest|expanded|tighter|tightened|sweeping|strict|stricter|tough|tougher|existing|current|updated|broad|broader|own|escalating|ongoing|enforcement of|tightening of|expansion of|round of|package of|raft of|set of|wave of) ){0,3}(?:(?:chip|semiconductor|technology|AI) )?(${REGIME_NOUN})(?: (?:on|against|targeting) (?:[a-z-]+ ){0,2}?${E})?`,
);

// an agency's controls are its nation's regime: "⟨BIS⟩'s export controls", "⟨BIS⟩ reported its export controls restrict the ⟨PRC⟩"
const AGENCY = pattern(
  `${E}(?:['’]s|,? (?:[a-z-]+ ){0,4}?its) (?:(?:new |current |chip |semiconductor |technology |AI )*)(export[- ]controls?|sanctions)(?: (?:restrict|target|curb|limit|cover|apply to|deny|block)\\w* (?:the )?${E})?`,
);

// a nation's law named by its subject in lower case: "China's anti-monopoly law", "German data sovereignty laws", "the UK's
// online safety rules"; named as written, the nation first ("China anti-monopoly law")
const NATIONAL_LAW = pattern(
  `${E}(?:['’]s)? (?:(?:new|national|existing|current|strict|tough|landmark|federal|own) )*((?:(?:[a-z][a-z-]+|AI) ){1,3}?)(laws?|act|statutes?)\\b(?! (?:firm|firms|school|enforcement|professor|makers?)\\b)`,
);
const NOT_SUBJECT = /^(?:the|a|an|its|their|other|these|those|such|and|or|of|to|by|that|which|under|with|in|on|for)$/;

export const nationalRegime: RelationRule = {
  name: 'national-regime',
  cue: new RegExp(`${REGIME_NOUN}|\\blaws?\\b|\\bact\\b|\\bstatutes?\\b`, 'i'),
  minMentions: 1,
  example: 'The US export control regime aims to keep rival chipmakers two generations behind.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of [...frame.masked.matchAll(RE), ...frame.masked.matchAll(OWN_REGIME)]) {
      const nation = at(frame, m[1]);
      if (!nation || nation.label !== 'Nation' || !allowed('ENACTED_BY', 'Regulation', nation.label)) continue;
      const sanctions = m[2]!.startsWith('sanctions');
      // the regime as the text writes it, when the nation's name stands right before its noun ("U.S. export restrictions")
      const written = m[0].startsWith(`⟨${m[1]}⟩ `) ? m[0].replace(/^⟨\d+⟩/, nation.surface).replace(/ (?:on|against|targeting) .*$/, '') : undefined;
      const reg = regimeOf(nation, sanctions, written);
      out.push({ rel: 'ENACTED_BY', subject: reg, object: nation, confidence: 0.6 });
      const target = at(frame, m[3]);
      if (target && target !== nation && target.id !== nation.id && allowed('APPLIES_TO', 'Regulation', target.label))
        out.push({ rel: 'APPLIES_TO', subject: reg, object: target, props: { effect: sanctions ? 'sanction' : 'restriction' }, confidence: 0.6 });
    }
    for (const m of frame.masked.matchAll(AGENCY)) {
      const agency = at(frame, m[1]);
      const home = agency?.country ? NATIONS_BY_ISO.get(agency.country) : undefined;
      if (!agency || agency.label !== 'Organization' || agency.props.kind !== 'agency' || !home) continue;
      const sanctions = m[2]!.startsWith('sanctions');
      const reg = regimeOf(knownMention(home, 0.9), sanctions);
      out.push({ rel: 'ENACTED_BY', subject: reg, object: agency, confidence: 0.6 });
      const target = at(frame, m[3]);
      if (target && target.label === 'Nation' && target.id !== home.id)
        out.push({ rel: 'APPLIES_TO', subject: reg, object: target, props: { effect: sanctions ? 'sanction' : 'restriction' }, confidence: 0.6 });
    }
    if (/\b(?:laws?|act|statutes?)\b/.test(frame.masked))
      for (const m of frame.masked.matchAll(NATIONAL_LAW)) {
        const nation = at(frame, m[1]);
        const words = m[2]!.trim().split(' ');
        if (!nation || nation.label !== 'Nation' || nation.place || words.some((w) => NOT_SUBJECT.test(w))) continue;
        const name = `${nation.surface.replace(/['’]s$/, '')} ${words.join(' ')} ${m[3]}`;
        const law: NewEntity = { label: 'Regulation', name, aliases: [`${nation.name} ${words.join(' ')} ${m[3]}`].filter((a) => a !== name), props: { kind: 'law' } };
        out.push({ rel: 'ENACTED_BY', subject: law, object: nation, confidence: 0.6 });
      }
    return out;
  },
};
