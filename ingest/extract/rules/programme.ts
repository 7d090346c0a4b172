// Jointly announced programmes and agreements: "Klarna and Sweden's banking regulators launched a
// joint AI compliance programme". Gives a Deal named by the phrase, each announcer a partner.
import { LIST, at, allowed, listIndices, pattern, type FactDraft, type RelationRule } from '../frame.js';

const RE = pattern(
  `${LIST} (?:have |has |jointly |together )?(?:announced|launched|signed|unveiled|agreed|established|inked) (?:a |an |the |their )?((?:[\\p{L}0-9-]+ ){0,4}?(?:programme|program|initiative|agreement|memorandum of understanding|MoU|partnership|pact|joint venture|fund))\\b`,
);

const AGREEMENT_HEAD = /(?:^|\s)(agreement|memorandum of understanding|MoU|partnership|pact|joint venture)$/i;

export const programme: RelationRule = {
  name: 'programme',
  cue: /programme|program|initiative|agreement|memorandum|MoU|partnership|pact|joint venture|fund/i,
  example: "Klarna and Sweden's banking regulators launched a joint AI compliance programme.",
  apply(frame) {
    const out: FactDraft[] = [];
    for (const m of frame.masked.matchAll(RE)) {
      const parties = listIndices(m[1])
        .map((i) => at(frame, i))
        .filter((p) => !!p && !p.demonym);
      if (parties.length < 2 || m[2]!.includes('⟨')) continue;
      const phrase = m[2]!.trim();
      // a generic agreement is named by its parties and noun ("France-UAE agreement"); a programme by its own phrase
      // (an agreement however described, "a landmark pact", "a 2-gigawatt partnership", is the parties' agreement: one name for it,
      // whichever rule reads it)
      const generic = AGREEMENT_HEAD.exec(phrase);
      const parties_ = parties.map((p) => p!.surface).join('-');
      const deal = generic
        ? { label: 'Deal' as const, name: `${parties_} ${generic[1]!}`, aliases: [`${parties_} ${phrase}`], props: { kind: 'partnership' } }
        : // the parties make the name specific; the phrase alone stays an alias
          { label: 'Deal' as const, name: `${parties_} ${phrase}`, aliases: [phrase], props: { kind: 'partnership' } };
      for (const p of parties) if (p && allowed('PARTY_TO', p.label, 'Deal')) out.push({ rel: 'PARTY_TO', subject: p, object: deal, props: { role: 'partner' }, confidence: 0.65 });
    }
    return out;
  },
};
