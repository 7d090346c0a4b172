// The parties a law names by example: "The Data Act compels cloud providers like Acme and Globex to
// hand over records", "the rule bars chipmakers such as Initech from selling …"; and the parties it funds
// ("awarded Acme $6 billion under the Chips Act"). A regulation that
// compels, requires, bars or covers a class of parties applies to each party named as an example
// of the class, with the effect the sentence states.
import { RELATION_ENDPOINTS } from '../../../schema/generated/model.js';
import { IN_CLAUSE, E, LIST, at, allowed, clauseActor, listIndices, pattern, type FactDraft, type RelationRule } from '../frame.js';
import { effectOf } from './applies-to.js';

const ACTS = '(?:compel|require|force|oblig|bar|prohibit|restrict|ban|appl(?:y|ies) to|cover|govern|subject|target|let|allow)\\w*';
const CLASS = '(?:providers?|companies|firms|vendors|operators|hyperscalers|platforms|labs|developers|chipmakers|makers|manufacturers|suppliers|clouds?|services)';
// from the regulation on: other names may stand between ("allows ⟨US⟩ authorities to compel ⟨US⟩-based providers like …")
const AFTER = new RegExp(`^ (?:[^.;⟨]|⟨\\d+⟩){0,80}?\\b${ACTS}\\b(?:[^.;⟨]|⟨\\d+⟩){0,60}?\\b${CLASS},? (?:like|such as|including|notably|e\\.g\\.,?) (?:the )?${LIST}`, 'u');

// public money given to a party under a law: "awarded Acme $6 billion in funding under the Chips Act", "grants
// allocated to Acme under the Chips Act" — the law subsidises the party
const FUNDED = pattern(
  `\\b(?:awarded|awards|granted|grants|allocated|gave|given|provided|finalized|finalised|backs|backed|supports|supported|funds|funded)\\b(?: to)? (?:the )?${E}(?:['’]s)?(?: ${IN_CLAUSE}{1,80}?)? (?:under|through|from|via) (?:the |its |their )?${E}`,
);
// the party funded as the subject: "Acme was awarded $6 billion in funding under the Chips Act", "Acme received grants from
// the Chips Act", "the Acme fab, backed by the Chips Act"
const RECEIVED = pattern(
  `\\b(?:(?:was|were|has been|have been|had been|is|are|will be) (?:awarded|granted|given|allocated|promised)|received|receives|secured|secures|won|wins|(?:heavily |largely |partly )?(?:backed|funded|subsidi[sz]ed|supported) by)\\b(?: ${IN_CLAUSE}{0,80}?)? (?:(?:under|through|from|via) )?(?:the |its |their )?${E}`,
);
const GRANTS_TO = pattern(
  `\\b(?:grants?|awards?|funding|subsidies|incentives|loans?)(?: ${IN_CLAUSE}{0,40}?)? (?:allocated |awarded |given |granted )?to ${E}(?: ${IN_CLAUSE}{1,40}?)? under (?:the )?${E}`,
);

// a penalty under a law: "the Commission fined Acme €200 million under the Digital Markets Act", "Acme was fined … for breaching the
// Data Act" — the law sanctions the party
const PENALISED = pattern(
  `\\b(?:fined|fines|penali[sz]ed|penali[sz]es|sanctioned|sanctions)\\b (?:the )?${E}(?: ${IN_CLAUSE}{1,80}?)? (?:under|for (?:breaching|violating|breaking|infringing)|in breach of) (?:the |its |their )?${E}`,
);
const WAS_PENALISED = pattern(
  `${E} (?:was|were|has been|have been|had been|is being|will be) (?:fined|penali[sz]ed|sanctioned)\\b(?: ${IN_CLAUSE}{0,80}?)? (?:under|for (?:breaching|violating|breaking|infringing)|in breach of) (?:the |its |their )?${E}`,
);
// who public money goes to: a company, a lab or a site
const FUNDED_PARTIES = new Set(['Organization', 'Lab', 'DataCenter']);

export const regulatedParties: RelationRule = {
  name: 'regulated-parties',
  cue: /\b(?:like|such as|including|notably|e\.g\.|under|through|via|by|from|breach\w*|violating|infringing|breaking)\b/,
  example: 'The Data Act compels cloud providers like Acme and Globex to hand over records.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const marker of frame.masked.matchAll(pattern(E))) {
      const reg = at(frame, marker[1]);
      if (!reg || !RELATION_ENDPOINTS.APPLIES_TO.from.includes(reg.label)) continue;
      const m = AFTER.exec(frame.masked.slice(marker.index + marker[0].length));
      if (!m) continue;
      const effect = effectOf(m[0]) ?? effectOf(frame.text);
      if (!effect) continue;
      for (const i of listIndices(m[1])) {
        const party = at(frame, i);
        if (party && party !== reg && !party.demonym && allowed('APPLIES_TO', reg.label, party.label)) out.push({ rel: 'APPLIES_TO', subject: reg, object: party, props: { effect }, confidence: 0.6 });
      }
    }
    for (const m of frame.masked.matchAll(RECEIVED)) {
      const law = at(frame, m[1]);
      const party = law && law.label === 'Regulation' ? clauseActor(frame, m.index, FUNDED_PARTIES) : undefined;
      if (party && law && !party.demonym && allowed('APPLIES_TO', law.label, party.label)) out.push({ rel: 'APPLIES_TO', subject: law, object: party, props: { effect: 'subsidy' }, confidence: 0.6 });
    }
    // the party (first marker) and the law (second) of money given or a penalty imposed under it
    const readings: [RegExp, string][] = [
      [FUNDED, 'subsidy'],
      [GRANTS_TO, 'subsidy'],
      ...(/fine|penali|sanction/.test(frame.masked)
        ? ([
            [PENALISED, 'sanction'],
            [WAS_PENALISED, 'sanction'],
          ] as [RegExp, string][])
        : []),
    ];
    for (const [re, effect] of readings)
      for (const m of frame.masked.matchAll(re)) {
        const party = at(frame, m[1]);
        const law = at(frame, m[2]);
        if (party && law && law.label === 'Regulation' && !party.demonym && allowed('APPLIES_TO', law.label, party.label))
          out.push({ rel: 'APPLIES_TO', subject: law, object: party, props: { effect }, confidence: 0.6 });
      }
    return out;
  },
};
