// What a deal is about, said of the deal: "Under the agreement, Acme will access up to a million X1
// chips", "The partnership will see Acme build a cloud platform dubbed Nimbus", "The initiative
// funds four AI gigafactories". The deal is a name or "the agreement" standing for the deal the text
// made before; what it buys, builds or funds in that clause (chips, models, clouds, sites) is COVERED.
import { E, at, allowed, pattern, type FactDraft, type Mention, type RelationRule } from '../frame.js';

// who acts under the deal may stand between ("Under ⟨the agreement⟩, ⟨Acme⟩ will access …")
const UNDER = pattern(`\\b[Uu]nder (?:the |this |that )?${E},? [^.;]{0,80}?\\b(?:access|use|deploy|buy|purchas|receiv|get|rent|leas|build|develop|creat|install|host|operat)\\w*`);
const SAYS = pattern(`${E} (?:will |would |also )?(?:see|sees|include|includes|cover|covers|involve|involves|fund|funds|finance|finances|support|supports|span|spans)\\b`);
// the clause the items stand in: up to a full stop, a semicolon or a turn ("…, but", "…, while")
const CLAUSE_END = /[.;]|,\s*(?:but|while|whereas|although)\b/;
const COVERED = new Set(['Chip', 'Model', 'Cloud', 'DataCenter', 'Deployment']);

export const dealCovers: RelationRule = {
  name: 'deal-covers',
  cue: /\b(?:[Uu]nder|see|sees|include|cover|involve|fund|financ|support|span)/,
  minMentions: 2,
  example: 'Under the agreement, Acme will access up to one million X1 chips.',
  apply(frame) {
    const out: FactDraft[] = [];
    const add = (deal: Mention | undefined, from: number) => {
      if (!deal || deal.label !== 'Deal') return;
      const rest = frame.masked.slice(from);
      const clause = rest.slice(0, rest.search(CLAUSE_END) >= 0 ? rest.search(CLAUSE_END) : rest.length);
      for (const x of clause.matchAll(/⟨(\d+)⟩/g)) {
        const item = at(frame, x[1]);
        if (item && item !== deal && COVERED.has(item.label) && !item.demonym && allowed('COVERS', 'Deal', item.label)) out.push({ rel: 'COVERS', subject: deal, object: item, confidence: 0.6 });
      }
    };
    for (const m of frame.masked.matchAll(UNDER)) add(at(frame, m[1]), m.index + m[0].length);
    for (const m of frame.masked.matchAll(SAYS)) add(at(frame, m[1]), m.index + m[0].length);
    return out;
  },
};
