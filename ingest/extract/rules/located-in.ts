// Sites: "X's data centre in Y", "X is located in Y", "X opened a data center in Y".
import { IN_CLAUSE, COMPANY_LABELS, E, HEDGED, at, allowed, leadingActor, pattern, type FactDraft, type Mention, type RelationRule } from '../frame.js';

// a part of the place may be named before it ("in northern Norway", "in central Texas")
const PART = '(?:(?:northern|southern|eastern|western|central|north|south|east|west|rural|coastal) )?';
const IS_LOCATED = pattern(`${E},? (?:is |are |was |will be )?(?:located|situated|sited|built) in ${PART}(?:[A-Z][a-z]+, )?${E}`);

// "the Stargate UAE campus in Abu Dhabi", "Colossus, in Memphis": a named site and where it stands
const SITE_IN = pattern(`${E}(?: (?:campus|data cent(?:er|re)|cluster|supercomputer|facility|site))?,? (?:in|near|outside) ${PART}(?:[A-Z][a-z]+, )?${E}`);

// a company's own site named by its place: "TSMC's Kumamoto fab", "Kioxia's Yokkaichi site", "its Hiroshima plant" (where it works)
const SITE_NOUN = '(?:fabs?|plants?|factor(?:y|ies)|facilit(?:y|ies)|sites?|campus(?:es)?|data cent(?:er|re)s?|operations|offices?|headquarters|R&D cent(?:er|re)s?|research cent(?:er|re)s?)';
const OWN_SITE = pattern(`(?:${E}['’]s|\\b(?<its>its)) (?:new |planned |existing |upcoming |flagship |second |third |first )?${PART}${E} (?:[a-z&-]+ ){0,2}?${SITE_NOUN}\\b`);

// a company setting up a site of its own in a place: "Acme is setting up a regional headquarters in Riyadh", "Acme will build an
// advanced packaging facility for AI products in the United States" (the company named before the verb, or the sentence's actor)
const SETS_UP = pattern(
  `(?:${E}(?: \\(⟨\\d+⟩\\))? |\\b)(?:(?:is|are|was|were|will|would|has|have|had|also|now|plans to|aims to|intends to|is set to|agreed to|began|begins|started) )*(?:set(?:s|ting)? up|build(?:s|ing)?|built|open(?:s|ed|ing)?|establish(?:es|ed|ing)?|construct(?:s|ed|ing)?|launch(?:es|ed|ing)?) (?:a|an|its|their|the) (?:[a-z&-]+ |AI |R&D ){0,4}?${SITE_NOUN}(?: (?:for|to|that|which) ${IN_CLAUSE}{1,40}?)? in (?:the )?${PART}(?:[A-Z][a-z]+, )?${E}`,
);

export const locatedIn: RelationRule = {
  name: 'located-in',
  cue: /located|situated|sited|built in| in | near | outside |['’]s |\bits /i,
  example: 'The Stargate UAE campus is located in Abu Dhabi, United Arab Emirates.',
  apply(frame) {
    const out: FactDraft[] = [];
    // a company's own site in a place: the company works there (a nation named, or a city standing for it; not a nation's adjective)
    const worksIn = (owner: Mention | undefined, place: Mention | undefined) => {
      if (owner && place && place.label === 'Nation' && (place.place || !place.demonym) && COMPANY_LABELS.has(owner.label) && allowed('LOCATED_IN', owner.label, 'Nation'))
        out.push({ rel: 'LOCATED_IN', subject: owner, object: place, confidence: 0.65 });
    };
    for (const m of frame.masked.matchAll(SITE_IN)) {
      const a = at(frame, m[1]);
      const b = at(frame, m[2]);
      // only sites: "AWS in Saudi Arabia" says where a cloud sells, not where it is
      if (a && b && a.label === 'DataCenter' && b.label === 'Nation' && allowed('LOCATED_IN', a.label, b.label)) out.push({ rel: 'LOCATED_IN', subject: a, object: b, confidence: 0.7 });
    }
    if (/['’]s |\bits /.test(frame.masked)) for (const m of frame.masked.matchAll(OWN_SITE)) worksIn(m.groups?.its ? leadingActor(frame) : at(frame, m[1]), at(frame, m[3]));
    if (/\b(?:set|setting|build|built|open|establish|construct|launch)/.test(frame.masked))
      for (const m of frame.masked.matchAll(SETS_UP)) {
        // (the words before the verb, back to the company or the sentence's start, may deny it)
        if (HEDGED.test(m[1] !== undefined ? m[0] : frame.masked.slice(0, m.index + m[0].length))) continue;
        worksIn(m[1] !== undefined ? at(frame, m[1]) : leadingActor(frame), at(frame, m[2]));
      }
    for (const m of frame.masked.matchAll(IS_LOCATED)) {
      const a = at(frame, m[1]);
      const b = at(frame, m[2]);
      if (a && b && !b.demonym && allowed('LOCATED_IN', a.label, b.label)) out.push({ rel: 'LOCATED_IN', subject: a, object: b, confidence: 0.8 });
    }
    return out;
  },
};
