// Where an organisation is at home: "X is headquartered in Y", "Y-based X", "Chinese vendor X", "eight Japanese companies — A, B, …",
// "X, a French startup", "X, a Beijing-based startup", "G42 (the UAE's primary AI company)", "A, B and other Chinese releases", "AWS or Azure ... governed by U.S. law".
import type { Mention } from '../frame.js';
import { isPublicBody } from '../../../schema/validate.js';
import { PUBLIC_INSTITUTION_NAME } from '../proposals/org-suffix.js';
import { COUNT, COUNT_CLOSE } from '../proposals/proposal.js';
import { NATIONS_BY_ISO, nationOpening } from '../lexicon.js';
import { E, LIST, at, allowed, knownMention, listIndices, pattern, type FactDraft, type Frame, type RelationRule } from '../frame.js';
import { SPEAKER } from '../relate/relate.js';

const EXPLICIT = pattern(`${E},? (?:is |are |was |were |which is |, )?(?:headquartered|based|incorporated|domiciled) in (?:[A-Z][a-z]+, )?${E}`);
// "Inception, a G42 company based in Abu Dhabi": the appositive's head is the one based there
const APPOSITIVE_BASED = pattern(`${E}, (?:a|an|the) [^,;]{0,60}? (?:headquartered|based) in (?:[A-Z][a-z]+, )?${E}`);
// a list that may hold names the gazetteer does not know ("NVIDIA, AMD, Dell, Cisco"): only the markers count
const OPEN_LIST = '((?:⟨\\d+⟩|[A-Z][\\w.&-]*)(?:,? (?:and |or )?(?:⟨\\d+⟩|[A-Z][\\w.&-]*))*)';
// "US-headquartered companies — NVIDIA, AMD, Intel", "Chinese-based vendors such as Huawei and ZTE"
const BASED_LIST = pattern(
  `${E}-(?:based|headquartered) (?:[a-z-]+ ){0,2}?(?:companies|firms|vendors|labs|startups|players|groups|providers|suppliers)(?: (?:—|–|:)|,? (?:such as|including|like|led by)) ${OPEN_LIST}`,
);
// (the words between may hold an acronym and its expansion: "US-based generative artificial intelligence (GenAI) startup X"; a function
// word among them opens another phrase: "the Tokyo-based company and X")
const BASED = pattern(`${E}-(?:based|headquartered) (?:(?!(?:and|or|with|of|to|by|from|in|for|the|its|their|as|than)\\b)(?:[a-z-]+|AI|IT|\\([A-Za-z]{2,8}\\)) ){0,5}${E}`);
// "Zhipu AI, a Beijing-based startup", "Mistral AI — Paris-based, ..."
const BASED_AFTER = pattern(`${E}(?:, (?:a |an |the )?| (?:—|–) (?:a |an |the )?)${E}-(?:based|headquartered)\\b`);
// between the demonym and the name only content words: "Chinese server maker H3C"
const CONTENT_WORD = '(?!(?:are|is|was|were|be|have|has|had|can|could|will|would|to|from|like|such|as|than|and|or|with|by|on|in|of|for|that|which|the|a|an)\\b)(?:[a-z-]+|[A-Z]{2,3}) ';
// what a company is called by its kind, in the singular: one list for every pattern of this rule that names a company by it
const ROLE_NOUN = '(?:company|startup|start-up|firm|lab|vendor|maker|chipmaker|giant|group|provider|operator|developer|venture|unicorn|conglomerate|champion|fund|investor|bank|carrier)';
const ROLE = new RegExp(`\\b${ROLE_NOUN}\\b`);
// the nation, then (read ahead, so that a name ending one match may open the next: "⟨Nvidia⟩ bought ⟨Israeli⟩ startup ⟨Wix⟩")
// the words between and the organisation
const DEMONYM = pattern(`${E} (?=((?:${CONTENT_WORD}){0,3})${E})`);
// people and governments of a nation, and what they do to a company, say nothing of where the company is ("Japanese officials told X")
const NOT_HOME =
  /\b(?:officials|regulators|lawmakers|legislators|authorities|government(?!-)|governments|ministers|diplomats|prosecutors|courts?|buyers|customers|users|consumers|told|said|says|asked|warned|met|urged|accused|sued|ordered|pressed|banned|blocked|approved|fined|supplied|supplies|supply|sold|sells|sell|bought|buys|buy|used|uses|use|hired|hires|joined|joins|rivals?|beat|beats|overtook|copied|copies|leaders|incumbents|challenge|challenges|challenged|challenging|compete|competes|competing|against|versus|than)\b/;
// "the Chinese robotics industry, encompassing manufacturers like A, B and C", "Korean memory makers, led by A and B"
const SECTOR_LIST = pattern(
  `${E} (?:${CONTENT_WORD}){0,3}?(?:industry|sector|firms|companies|makers|manufacturers|chipmakers|labs|players|vendors|startups|giants|champions|banks|investors|operators|providers|suppliers)\\b(?:(?:[^.;⟨]|⟨\\d+⟩){0,60}?\\b(?:such as|like|including|led by|notably) (?:the )?(?:[a-z-]+ ){0,4}?| ?(?:—|–|:|\\() ?)${LIST}`,
);
// a counted group of a nation's companies, then its members after a comma: "three Chinese companies in particular, A, B and C"
const COUNTED = pattern(`\\b${COUNT} ${E} (?:${CONTENT_WORD}){0,2}?(?:firms|companies|makers|manufacturers|chipmakers|labs|vendors|startups|suppliers|entities)${COUNT_CLOSE}, ${LIST}`);
// "X, a Chinese startup", "X is a Beijing startup" (a city the lexicon knows stands for its nation)
const APPOSITIVE = pattern(`${E}(?:,| is| was) (?:a|an|the) (?:new |young |state-backed |state-owned )?${E} (?:[A-Za-z-]+ ){0,2}${ROLE_NOUN}`);
// "Vietnam's largest private conglomerate, Vingroup": the nation's own company, named after its description
const NATION_ROLE_BEFORE = pattern(`${E}['’]s (?:${CONTENT_WORD}){0,3}${ROLE_NOUN}, (?:the )?${E}`);
// "Sugon is a leading supercomputer manufacturer in China": what a company is, in a nation; "Acme, the biggest chipmaker in
// Freedonia", "Acme, a leading AI firm from Freedonia": the same as an aside, where a supplier, provider or operator "in" a
// nation is one serving its market, so only a maker or a firm "in", and any of them "from"
const ROLE_IN = pattern(
  `${E}(?: (?:is|was|has become|remains)|(?<aside>,)) (?:a|an|the|one of the) (?:[a-z-]+ |AI ){0,3}(?:(?<serves>provider|providers|operator|operators|supplier|suppliers|vendor|vendors)|company|companies|firm|firms|maker|makers|manufacturer|manufacturers|chipmaker|chipmakers|developer|developers|startup|startups|lab|labs) (?<from>in|from) (?:the )?${E}(?![-\\w])`,
);
// "Vingroup, Vietnam's largest conglomerate", "G42 (the UAE's primary AI company)", "models from firms like X, China's AI
// ecosystem …": the nation's possessive describes the name before it as what it is or the industry it is part of, never a
// clause of its own ("X, South Korea's industry ministry blocked …")
const NATION_APPOSITIVE = pattern(
  `${E}(?:, | \\((?:the )?)${E}['’]s (?:(?:[a-z][a-z-]*|AI) ){0,4}?(?:${ROLE_NOUN}|foundry|manufacturer|supplier|operator|institute|university|ecosystem|industry|sector)\\b(?! (?:ministry|minister|regulators?|body|association|watchdog|officials?)\\b)`,
);
// ("⟨X⟩, alongside other ⟨U.S.⟩ cloud providers, …": one of them)
const AND_OTHER = pattern(`${LIST},? (?:and|alongside|like|as well as|among|joining) other ${E} `);
// "Taiwan, home to TSMC", "Hangzhou is also home to the startups A and B", "California is home to leading firms including A and B":
// a place that is home to companies (a city stands for its nation)
const HOME_TO = pattern(`${E},? (?:(?:is|was|remains|has long been) )?(?:also |already )?(?:the )?home (?:to|of) (?:the )?(?:(?:[a-z][a-z-]*|AI) ){0,4}?(?:(?:including|such as|like) )?${LIST}`);
const GOVERNED = pattern(`${LIST} (?:[a-z-]+ ){0,3}(?:governed by|subject to) (?:the )?${E} (?:law|laws|jurisdiction)`);

const STATED = /headquartered|based|incorporated|domiciled/;
const HYPHENED = /-(?:based|headquartered)\b/;

/** The organisation behind a mention: itself, or for a model the owner named in a possessive. */
function orgOf(frame: Frame, i: number): Mention | undefined {
  const m = at(frame, i);
  if (!m) return undefined;
  if (allowed('HEADQUARTERED_IN', m.label, 'Nation')) return m;
  const owner = new RegExp(`⟨(\\d+)⟩['’]s ⟨${i}⟩`).exec(frame.masked);
  return owner ? at(frame, owner[1]) : undefined;
}

export const headquarteredIn: RelationRule = {
  name: 'headquartered-in',
  minMentions: 1,
  example: 'Chinese server maker H3C doubled its overseas sales.',
  apply(frame) {
    const out: FactDraft[] = [];
    // "French Armed Forces Ministry", "Saudi Aramco": a name opened by a country's demonym
    for (const m of frame.mentions) {
      if (m.status === 'ambiguous' || m.demonym || m.label === 'Nation' || !allowed('HEADQUARTERED_IN', m.label, 'Nation')) continue;
      // a public body's home goes without saying ("U.S. Commerce Department", "Dutch Ministry of Economic Affairs", "the French Senate")
      if (m.label === 'Organization' && (isPublicBody(m.props) || PUBLIC_INSTITUTION_NAME.test(m.surface))) continue;
      const nation = nationOpening(m.surface);
      const home = nation?.kind === 'country' && nation.byDemonym ? NATIONS_BY_ISO.get(nation.iso) : undefined;
      if (home) out.push({ rel: 'HEADQUARTERED_IN', subject: m, object: knownMention(home, 0.65), confidence: 0.65 });
    }
    // "the Santa Clara, California chipmaker", "the Chinese company": a description standing for an organisation names its home
    for (const m of frame.mentions)
      if (m.anaphor && m.describedAt && allowed('HEADQUARTERED_IN', m.label, 'Nation')) out.push({ rel: 'HEADQUARTERED_IN', subject: m, object: m.describedAt, confidence: 0.65 });
    // every other pattern ends at a nation named in the sentence: most sentences name none
    if (!frame.mentions.some((m) => m.label === 'Nation')) return out;
    const add = (org: Mention | undefined, nation: Mention | undefined, confidence: number, props?: Record<string, string>) => {
      if (!org || !nation || nation.label !== 'Nation' || org === nation) return;
      if (allowed('HEADQUARTERED_IN', org.label, nation.label)) out.push({ rel: 'HEADQUARTERED_IN', subject: org, object: nation, confidence, ...(props ? { props } : {}) });
    };
    const text = frame.masked;
    // each family of patterns needs its own words: test them once instead of running every pattern
    const stated = STATED.test(text);
    const hyphened = HYPHENED.test(text);
    const demonym = frame.mentions.some((m) => m.demonym);
    if (stated) for (const m of text.matchAll(EXPLICIT)) add(at(frame, m[1]), at(frame, m[2]), 0.85);
    if (stated) for (const m of text.matchAll(APPOSITIVE_BASED)) add(at(frame, m[1]), at(frame, m[2]), 0.75);
    if (hyphened) for (const m of text.matchAll(BASED_LIST)) for (const i of listIndices(m[2])) add(at(frame, i), at(frame, m[1]), 0.7);
    if (hyphened) for (const m of text.matchAll(BASED)) add(at(frame, m[2]), at(frame, m[1]), 0.8);
    if (hyphened) for (const m of text.matchAll(BASED_AFTER)) add(at(frame, m[1]), at(frame, m[2]), 0.8);
    if (/governed by|subject to/.test(text))
      for (const m of text.matchAll(GOVERNED)) {
        const nation = at(frame, m[2]);
        for (const i of listIndices(m[1])) add(at(frame, i), nation, 0.6, { basis: `governed by ${nation?.surface ?? ''} law` });
      }
    if (/ (?:in|from) (?:the )?⟨/.test(text))
      for (const m of text.matchAll(ROLE_IN)) {
        // the nation's marker is the last group, after the named ones
        const nation = at(frame, m[m.length - 1]);
        if (m.groups?.aside && m.groups.serves && m.groups.from === 'in') continue;
        if (nation && !nation.demonym && !nation.place) add(at(frame, m[1]), nation, 0.65);
      }
    // a nation's short name may stand as an adjective too ("U.S. IT firm X")
    const shortName = frame.mentions.some((m) => m.label === 'Nation' && !m.demonym && /^[A-Z.]{2,5}$/.test(m.surface));
    if (demonym || (shortName && ROLE.test(text)))
      for (const [, nationAt, between, orgAt] of text.matchAll(DEMONYM)) {
        const nation = at(frame, nationAt);
        // a city only with a role noun between ("Beijing startup Zhipu"), never "in Paris met X"
        // a nation's short name used as an adjective ("U.S. IT firm X") only with a role noun between
        const role = ROLE.test(between!);
        if (nation?.label === 'Nation' && (nation.demonym ? !nation.place || role : !nation.place && role) && !NOT_HOME.test(between!)) add(at(frame, orgAt), nation, 0.7);
      }
    if (/\bhome (?:to|of)\b/.test(text))
      for (const m of text.matchAll(HOME_TO))
        // (an owner in the list describes the next name: "home to ⟨A⟩'s rival, ⟨B⟩" is B's home)
        for (const i of listIndices(m[2])) if (!m[2]!.includes(`⟨${i}⟩'s`) && !m[2]!.includes(`⟨${i}⟩’s`)) add(at(frame, i), at(frame, m[1]), 0.65);
    // (the nation by its people's adjective or its short name: "and other Chinese firms", "alongside other U.S. cloud providers")
    if (/ other ⟨/.test(text))
      for (const m of text.matchAll(AND_OTHER)) {
        const nation = at(frame, m[2]);
        if (nation?.label === 'Nation' && !nation.place) for (const i of listIndices(m[1])) add(orgOf(frame, i), nation, 0.6);
      }
    if (!demonym && !text.includes("'s ")) return out;
    if (demonym)
      for (const m of text.matchAll(SECTOR_LIST)) {
        const nation = at(frame, m[1]);
        // a rule or a place may stand between the group and its members ("Chinese companies were added to the ⟨Entity List⟩, including …"), another
        // actor or nation not ("American providers despite European alternatives such as …")
        const between = m[0].slice(0, m[0].search(/\b(?:such as|like|including|led by|notably) | ?[—–:(] ?⟨/));
        const actorBetween = [...between.matchAll(/⟨(\d+)⟩/g)].slice(1).some((x) => {
          const other = frame.mentions[Number(x[1])];
          return !!other && ((other.label === 'Nation' && !other.place) || allowed('HEADQUARTERED_IN', other.label, 'Nation'));
        });
        // the last name of the list may be the speaker ("… such as ⟨A⟩, ⟨Reuters⟩ said")
        const members = listIndices(m[2]);
        if (SPEAKER.test(text.slice(m.index + m[0].length))) members.pop();
        if (nation?.demonym && !nation.place && !NOT_HOME.test(m[0]) && !actorBetween) for (const i of members) add(at(frame, i), nation, 0.65);
      }
    if (demonym)
      for (const m of text.matchAll(COUNTED)) {
        const nation = at(frame, m[1]);
        const members = listIndices(m[2]);
        if (nation?.demonym && !nation.place && members.length >= 2) for (const i of members) add(at(frame, i), nation, 0.65);
      }
    if (demonym)
      for (const m of text.matchAll(APPOSITIVE)) {
        const nation = at(frame, m[2]);
        if (nation?.demonym) add(at(frame, m[1]), nation, 0.75);
      }
    for (const m of text.matchAll(NATION_ROLE_BEFORE)) {
      const nation = at(frame, m[1]);
      if (nation?.label === 'Nation' && !nation.demonym) add(at(frame, m[2]), nation, 0.65);
    }
    for (const m of text.matchAll(NATION_APPOSITIVE)) {
      const nation = at(frame, m[2]);
      if (nation && !nation.demonym) add(at(frame, m[1]), nation, 0.5);
    }
    return out;
  },
};
