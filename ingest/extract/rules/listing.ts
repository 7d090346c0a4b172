// Listings under a standing instrument: "The Commerce Department added Inspur and Sugon to the
// Entity List", "BIS placed Huawei on the Entity List". The listed parties fall under the
// instrument (APPLIES_TO with the effect its name implies); the one who lists them enacts it.
import { E, LIST, at, allowed, listIndices, pattern, type FactDraft, type Mention, type RelationRule } from '../frame.js';
import { instrumentOf } from '../instrument.js';

// a listed party may bring its affiliates along ("added ⟨A⟩ and its two subsidiaries to …")
const AFFILIATES = '(?:,? (?:and|along with) (?:its|their) (?:[a-z0-9-]+ ){0,2}(?:affiliates|subsidiaries|units|entities))?';
// "⟨BIS⟩ added 11 entities to the ⟨Entity List⟩, under the destination of ⟨China⟩": parties not named one by one, and where they are
const COUNTED = pattern(
  `${E}(?: \\(⟨\\d+⟩\\))? (?:has |have |had |will |also )?(?:added|adds|placed|places|put|puts|listed|lists|designated|designates) (?:(?:[a-z0-9,-]+|⟨\\d+⟩) ){1,5}?(?:to|on|under) (?:the |its )?${E}(?:,? (?:under the destination (?:of )?|in |from |based in )(?:the )?${LIST})?`,
);
const WHERE_AFTER = new RegExp(`\\b(?:in|from|based in) (?:the )?${LIST}`, 'gu');
const NAMED_AFTER = new RegExp(`^,? (?:including|such as|among them|notably) ${LIST}`, 'u');
const RE = pattern(
  `${E}(?: \\(⟨\\d+⟩\\))? (?:has |have |had |will |also )?(?:added|adds|placed|places|put|puts|listed|lists|designated|designates) ${LIST}${AFFILIATES} (?:to|on|under) (?:the |its )?${E}`,
);

// "… were added to the ⟨Entity List⟩, including ⟨A⟩, ⟨B⟩ and ⟨C⟩": the ones a passive listing names
const PASSIVE_NAMED = pattern(
  `\\b(?:was|were|has been|have been|had been|will be) (?:also )?(?:added|placed|put|listed|included) (?:to|on|in|under) (?:the |its )?${E},? (?:including|such as|among them|notably) (?:the )?${LIST}`,
);

export const listing: RelationRule = {
  name: 'listing',
  cue: /\b(?:add|adds|added|placed|places|put|puts|listed|lists|designat)/,
  example: 'The Commerce Department added Inspur and Sugon to the Entity List.',
  apply(frame) {
    const out: FactDraft[] = [];
    // the parties a listing names fall under the list, with the effect its name implies; never its issuer, a nationality,
    // nor (where `parties` only) a nation
    const put = (list: Mention, indices: number[], confidence: number, issuer?: Mention, parties = false) => {
      const effect = instrumentOf(list.name)?.effect ?? 'sanction';
      for (const i of indices) {
        const listed = at(frame, i);
        if (listed && listed !== issuer && !listed.demonym && !(parties && listed.label === 'Nation') && allowed('APPLIES_TO', list.label, listed.label))
          out.push({ rel: 'APPLIES_TO', subject: list, object: listed, props: { effect }, confidence });
      }
    };
    for (const m of frame.masked.matchAll(RE)) {
      const issuer = at(frame, m[1]);
      const list = at(frame, m[3]);
      if (!issuer || !list || list.label !== 'Regulation' || issuer.demonym) continue;
      if (allowed('ENACTED_BY', list.label, issuer.label)) out.push({ rel: 'ENACTED_BY', subject: list, object: issuer, confidence: 0.6 });
      put(list, listIndices(m[2]), 0.7, issuer);
    }
    for (const m of frame.masked.matchAll(COUNTED)) {
      const issuer = at(frame, m[1]);
      const list = at(frame, m[2]);
      if (!issuer || !list || list.label !== 'Regulation' || issuer.demonym || !allowed('ENACTED_BY', list.label, issuer.label)) continue;
      out.push({ rel: 'ENACTED_BY', subject: list, object: issuer, confidence: 0.6 });
      const effect = instrumentOf(list.name)?.effect ?? 'sanction';
      const rest = frame.masked.slice(m.index + m[0].length);
      // where its parties are: "… under the destination of ⟨China⟩", "…, including 23 in ⟨China⟩ and others in ⟨India⟩, ⟨Iran⟩"
      const places = [...listIndices(m[3]), ...[...rest.matchAll(WHERE_AFTER)].flatMap((w) => listIndices(w[1]))];
      for (const i of places) {
        const where = at(frame, i);
        if (where && where.label === 'Nation' && !where.demonym && where !== issuer) out.push({ rel: 'APPLIES_TO', subject: list, object: where, props: { effect }, confidence: 0.6 });
      }
      // "… added 140 companies to the Entity List, including ⟨A⟩ and ⟨B⟩": the ones it names
      const named = NAMED_AFTER.exec(rest);
      if (named) put(list, listIndices(named[1]), 0.65, issuer, true);
    }
    for (const m of frame.masked.matchAll(PASSIVE_NAMED)) {
      const list = at(frame, m[1]);
      if (list?.label === 'Regulation') put(list, listIndices(m[2]), 0.65, undefined, true);
    }
    return out;
  },
};
