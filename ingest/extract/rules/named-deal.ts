// Agreements named by their parties: "the Freedonia-Ruritania AI Partnership", "the US–Japan chip
// pact", "a Acme/Globex joint venture". The whole name is the Deal; every nation or organisation
// joined into its opening is a party to it.
import { E, E_, LIST, at, allowed, listIndices, pattern, unmask, type FactDraft, type RelationRule } from '../frame.js';

// two or more parties joined by a hyphen, dash or slash, up to four words, then the agreement's noun
const RE = pattern(
  `(${E_}(?:\\s?[-–/]\\s?${E_})+)((?: (?:[A-Z][\\p{L}0-9-]*|[a-z][a-z-]*)){0,4}) (partnership|agreement|pact|accord|compact|alliance|initiative|joint venture|deal|treaty|memorandum of understanding|framework|dialogue|Partnership|Agreement|Pact|Accord|Compact|Alliance|Initiative|Joint Venture|Deal|Treaty|Framework|Dialogue)\\b`,
);
// words that make the phrase something else than an agreement's name ("the US-China trade war's … deal")
const NOT_NAME = /\b(?:war|tensions?|rivalry|relations|border|talks|summit|trip|visit)\b/i;

export const namedDeal: RelationRule = {
  name: 'named-deal',
  cue: /partnership|agreement|pact|accord|compact|alliance|initiative|joint venture|deal|treaty|memorandum|framework|dialogue/i,
  example: 'The Freedonia-Ruritania AI Acceleration Partnership covers chips and data centres.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(RE)) {
      if (NOT_NAME.test(m[2]!)) continue;
      const parties = [...m[1]!.matchAll(/⟨(\d+)⟩/g)].map((p) => at(frame, p[1]));
      if (parties.some((p) => !p || !allowed('PARTY_TO', p.label, 'Deal'))) continue;
      // one spelling of the join, whatever dash the text used
      const name = unmask(frame, m[0]).replace(/\s?[–—]\s?/g, '-');
      const kind = /framework/i.test(m[3]!) ? 'framework' : 'partnership';
      const deal = { label: 'Deal' as const, name, props: { kind } };
      for (const p of parties) out.push({ rel: 'PARTY_TO', subject: p!, object: deal, props: { role: 'partner' }, confidence: 0.65 });
    }
    return out;
  },
};

// "⟨Stargate⟩, the $500 billion joint venture between ⟨A⟩, ⟨B⟩ and ⟨C⟩": a named deal and the parties its appositive gives
const DESCRIBED = pattern(
  `${E}, (?:a|an|the) (?:[\\p{L}\\p{N}$€£.,-]+ ){0,5}?(?:joint venture|partnership|alliance|consortium|initiative|collaboration|venture|project) (?:between|among|involving|of|by|from) (?:the )?${LIST}`,
);

export const describedDeal: RelationRule = {
  name: 'described-deal',
  cue: /joint venture|partnership|alliance|consortium|initiative|collaboration|venture|project/i,
  example: 'Halcyon, the $20 billion joint venture between Acme, Globex and Initech, opened its first site.',
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(DESCRIBED)) {
      const deal = at(frame, m[1]);
      if (!deal || deal.label !== 'Deal' || deal.demonym) continue;
      for (const i of listIndices(m[2])) {
        const p = at(frame, i);
        if (p && p !== deal && !p.demonym && allowed('PARTY_TO', p.label, 'Deal')) out.push({ rel: 'PARTY_TO', subject: p, object: deal, props: { role: 'partner' }, confidence: 0.65 });
      }
    }
    return out;
  },
};
