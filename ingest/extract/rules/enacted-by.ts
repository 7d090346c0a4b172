// Regulations and who issues them: "The Commerce Department issued a rule restricting ...",
// "The Bureau of Industry and Security (BIS) quietly tightened licensing rules on HBM shipments to
// Russia", "Japan's trade ministry published a three-year support plan for ...".
// The regulation is named by its noun phrase (or "<issuer> <instrument>" when the phrase is bare);
// a nation named after "to", "on", "against" or "targeting" gets APPLIES_TO with the implied effect.
import { isPublicBody } from '../../../schema/validate.js';
import { E, LIST, at, allowed, knownMention, listIndices, pattern, unmask, type FactDraft, type Mention, type NewEntity, type RelationRule } from '../frame.js';
import { INSTRUMENT_SOURCE, instrumentOf } from '../instrument.js';
import { MONEY_SOURCE } from '../money.js';
import { LEXICON, NATIONS_BY_ISO, nationInName, type LexiconEntry } from '../lexicon.js';
import { regimeOf } from './national-regime.js';
import { CALENDAR_WORDS } from '../proposals/proposal.js';

// a nation's standing regime named by its bare noun: "sweeping export controls", "new sanctions"
// (with what and whom it covers: "export controls on chipmaking tools to ⟨China⟩" is the regime, applied)
const REGIME = /^(?:[a-z-]+ ){0,3}?(?:(?:chip |semiconductor |technology )?export (?:controls?|restrictions)|(sanctions))(?:$| (?:on|to|against|targeting) )/;
// the purpose that names the target: "… export controls to curb ⟨China⟩'s access to …"
const PURPOSE = /^ to (?:curb|stop|block|limit|restrict|cut off|slow|constrain|hobble) ⟨(\d+)⟩/;

const VERB =
  '(?:issued|issues|released|releases|published|publishes|enacted|enacts|adopted|adopts|passed|passes|signed|signs|imposed|imposes|introduced|introduces|tightened|tightens|expanded|expands|unveiled|unveils|finalized|finalised|finalizes|finalises|announced|announces|approved|approves|proposed|proposes|presented|presents|launched|launches|outlined|outlines|rolled out|rolls out)';
const ADVERB = '(?:already |recently |now |also |formally |officially |quietly |further |again |on [A-Z][a-z]+ \\d+, )*';
// (a sum is one word of the phrase: "a US$4.07 billion investment plan")
const PHRASE = `((?:${MONEY_SOURCE} |[\\p{L}0-9-]+ ){0,6}?${INSTRUMENT_SOURCE}(?: (?:for|on(?! ${CALENDAR_WORDS}\\b)|to(?= (?:the )?(?:⟨|[A-Z]))|against|targeting|covering|restricting|of) (?:[\\p{L}0-9-]+ |⟨\\d+⟩ ?){1,10}?)?)(?= ?(?:[.,;:(]|through |alleging |that |which |spanning |on [A-Z]|in [A-Z]|as |after |before |to [a-z]|requiring |banning |barring |restricting |limiting |imposing |governing |covering |targeting |aimed at |aiming |$))`;
const RE = pattern(`${E}(?: \\(⟨\\d+⟩\\))? (?:has |have |had |will |would )?${ADVERB}${VERB} (?:a |an |the |its |their |new |sweeping |fresh |updated |tougher |stricter )*${PHRASE}`);

// a sum among the phrase's words, which makes it no less bare ("a US$4 billion investment plan")
const SUM = new RegExp(`${MONEY_SOURCE}\\s*`, 'u');

const GOVERNMENTS = pattern(`(?:⟨(\\d+)⟩(?:['’]s)? |\\b[Tt]he )government['’]s (?:(?:new|latest|updated|first|draft|own|long-awaited) )*${E}`);

const SOFT = new Set(['strategy', 'framework', 'policy']);
// a phrase that only counts or points ("other rules", "these measures", "two regulations") names no instrument
const UNNAMED =
  /^(?:(?:other|these|those|such|several|many|further|additional|more|some|both|all|two|three|four|five|\d+) )+(?:[a-z-]+ )?(?:rules?|regulations?|measures|controls|restrictions|orders|actions)$/i;

export const enactedBy: RelationRule = {
  name: 'enacted-by',
  cue: /issue|release|publish|enact|adopt|pass|sign|impos|introduc|tighten|expand|unveil|finali[sz]|announc|approv|propos|present|launch|outline|rolls? out/i,
  minMentions: 1,
  example: 'The Bureau of Industry and Security (BIS) quietly tightened licensing rules on HBM shipments to Russia.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(RE)) {
      const issuer = at(frame, m[1]);
      const phrase = m[2]!.trim();
      const inst = instrumentOf(phrase.replace(/⟨\d+⟩/g, 'X'));
      if (!issuer || !inst || !allowed('ENACTED_BY', 'Regulation', issuer.label) || issuer.demonym) continue;
      // a company's plan or strategy is not a regulation: soft instruments need a public issuer
      if (SOFT.has(inst.kind) && issuer.label !== 'Nation' && !isPublicBody(issuer.props)) continue;
      const written = unmask(frame, phrase);
      // a memorandum of understanding is an agreement between parties (the deal rules read it), no instrument one of them issues
      if (UNNAMED.test(written) || /\b(?:memorandum of understanding|MoU)\b/i.test(written)) continue;
      // a phrase of common words only ("the interim final rule", "an executive order") is named by its issuer
      const wordsOnly = written.replace(SUM, '');
      const bare = !/\s/.test(wordsOnly.replace(/^(?:executive order|white paper|strategy paper|action plan)$/i, 'x')) || /^(?:[a-z-]+ ){1,3}[a-z-]+$/.test(wordsOnly);
      const regime = issuer.label === 'Nation' ? REGIME.exec(written) : null;
      const reg: NewEntity = regime
        ? regimeOf(issuer, regime[1] !== undefined)
        : {
            label: 'Regulation',
            name: bare ? `${issuer.name} ${written}` : written,
            // the text's own words for it are kept as a description ("new export rules")
            aliases: bare ? [...[issuer.surface, ...issuer.aliases].map((a) => `${a} ${written}`), written] : [`${issuer.surface} ${written}`],
            props: { kind: inst.kind },
          };
      const purpose = PURPOSE.exec(frame.masked.slice(m.index + m[0].length));
      const aim = at(frame, purpose?.[1]);
      if (aim && aim !== issuer && aim.label === 'Nation' && !aim.demonym) out.push({ rel: 'APPLIES_TO', subject: reg, object: aim, props: { effect: inst.effect }, confidence: 0.6 });
      out.push({ rel: 'ENACTED_BY', subject: reg, object: issuer, confidence: 0.75 });
      // targets named inside the phrase: "exports to China", "restrictions on Huawei"
      for (const t of phrase.matchAll(/(?:to|on|against|targeting|covering|restricting|for) (?:[\p{L}-]+ ){0,3}?⟨(\d+)⟩/gu)) {
        const target: Mention | undefined = at(frame, t[1]);
        if (target && target !== issuer && allowed('APPLIES_TO', 'Regulation', target.label)) {
          const scope = /((?:[\p{L}-]+ )?exports?|imports?|sales?|shipments?)/u.exec(unmask(frame, phrase));
          out.push({ rel: 'APPLIES_TO', subject: reg, object: target, props: { effect: inst.effect, ...(scope ? { scope: scope[1]! } : {}) }, confidence: 0.65 });
        }
      }
    }
    return out;
  },
};

// "the government's new ⟨Compute Roadmap⟩ … the ⟨UK⟩'s priorities", "the ⟨French⟩ government's ⟨AI plan⟩": a
// government's instrument is its nation's, the one named before "government" or else the only one the sentence names
export const governmentInstrument: RelationRule = {
  name: 'government-instrument',
  cue: /government['’]s /i,
  example: "The government's new Compute Roadmap serves the UK's priorities.",
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(GOVERNMENTS)) {
      const reg = at(frame, m[2]);
      if (!reg || reg.label !== 'Regulation') continue;
      const nations = [...new Set(frame.mentions.filter((x) => x.label === 'Nation' && !x.place).map((x) => x.id))];
      const named = at(frame, m[1]);
      const nation = named?.label === 'Nation' ? named : nations.length === 1 ? frame.mentions.find((x) => x.id === nations[0]) : undefined;
      if (nation) out.push({ rel: 'ENACTED_BY', subject: reg, object: nation, confidence: 0.65 });
    }
    return out;
  },
};

// "The ⟨Measures⟩ have been adopted by A, and agreed by B, C and D": every body a passive names as adopting, approving or issuing the
// instrument the sentence opens on issued it (jointly issued rules name their co-issuers this way)
const ISSUERS_LISTED = pattern(
  `\\b(?:adopted|approved|agreed|issued|promulgated|enacted|endorsed|jointly issued|co-issued|deliberated and adopted)(?: jointly)? by (?:the )?(?:[a-z\\d]+ (?:meeting|session) of (?:the )?)?${LIST}`,
);
export const passiveIssuers: RelationRule = {
  name: 'passive-issuers',
  cue: /\b(?:adopted|approved|agreed|issued|promulgated|enacted|endorsed) by\b/,
  example: 'The Interim Rules were adopted by the Freedonian Data Office and agreed by the Ministry of Trade and the Ministry of Science.',
  apply(frame) {
    const first = frame.mentions[0];
    // the instrument leads the sentence (after an article or a quotation mark)
    if (!first || first.label !== 'Regulation' || first.status === 'ambiguous' || !/^\W*(?:The |the )?\W*⟨0⟩/.test(frame.masked)) return [];
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(ISSUERS_LISTED))
      for (const i of listIndices(m[1])) {
        const issuer = at(frame, i);
        if (issuer && !issuer.demonym && allowed('ENACTED_BY', 'Regulation', issuer.label)) out.push({ rel: 'ENACTED_BY', subject: first, object: issuer, confidence: 0.65 });
      }
    return out;
  },
};

// public bodies by every name they go by ("MOFCOM", "Cyberspace Administration of China"), for an instrument whose name opens on its issuer
const PUBLIC_BODY_NAMES: ReadonlyMap<string, LexiconEntry> = new Map(
  LEXICON.filter((e) => e.label === 'Organization' && isPublicBody(e.props)).flatMap((e) => [e.name, ...(e.aliases ?? [])].map((n) => [n, e] as const)),
);
// a designation only the Union's acts carry ("Regulation (EU) 2023/2854", "Directive (EC) No 95/46"), and the numbering of the
// US President's orders ("Executive Order 14110")
const EU_DESIGNATION = /\((?:EU|EC|Euratom)\)/;
const STATUTE = /\b(?:Act|Law|Code|Statute)(?: of \d{4})?$/;
const PRESIDENTIAL_ORDER = /\bExecutive Order (?:No\. )?1\d{4}\b/;

/** The public body whose name opens an instrument's ("MOFCOM Announcement No. 61", "the CAC order halting …"), the longest that does. */
export function issuerOpening(surface: string): LexiconEntry | undefined {
  const words = surface.replace(/^the /i, '').split(' ');
  for (let n = Math.min(words.length - 1, 6); n >= 1; n--) {
    const body = PUBLIC_BODY_NAMES.get(
      words
        .slice(0, n)
        .join(' ')
        .replace(/['’]s$/, ''),
    );
    if (body) return body;
  }
  return undefined;
}

// "US export controls", "the Dutch export rules", "EU AI Act", "Data Law of Freedonia": an instrument named with its nation's name
// or demonym is that nation's; one whose name opens on a public body ("MOFCOM Announcement No. 61") is that body's; the Union's
// designation ("Regulation (EU) 2023/2854") makes it the Union's, and an executive order's number the United States'
export const nationalInstrument: RelationRule = {
  name: 'national-instrument',
  minMentions: 1,
  example: 'Shipments fell after the Freedonian export rules took effect.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.mentions) {
      if (m.label !== 'Regulation' || m.status === 'ambiguous') continue;
      // "…'s export rules", "Cybersecurity Law of the People's Republic of China": the nation opening or closing its name
      const iso = nationInName(m.surface) ?? (EU_DESIGNATION.test(m.surface) ? 'EU' : PRESIDENTIAL_ORDER.test(m.surface) ? 'US' : '');
      const nation = NATIONS_BY_ISO.get(iso);
      if (nation) out.push({ rel: 'ENACTED_BY', subject: m, object: knownMention(nation, 0.65), confidence: 0.65 });
      // (a statute named after the agency it creates or empowers is the legislature's: "the Federal Trade Commission Act")
      const body = STATUTE.test(m.surface) ? undefined : issuerOpening(m.surface);
      if (body && body.id !== m.id) out.push({ rel: 'ENACTED_BY', subject: m, object: knownMention(body, 0.65), confidence: 0.65 });
    }
    return out;
  },
};
