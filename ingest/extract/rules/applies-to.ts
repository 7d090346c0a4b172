// For a policy document: every sentence that states an effect ("prohibits", "requires a license",
// "restricts", "must") applies the document's regulation to the entities it names, with that effect.
import type { Props } from '../../../schema/records.js';
import { allowed, type FactDraft, type NewEntity, type RelationRule } from '../frame.js';

const EFFECTS: [RegExp, string][] = [
  // an exemption names the requirement it lifts ("exempt from the new license requirement"): it comes first
  [/\b(exempt\w*|excluded from|not subject to|carve-out)\b/i, 'access'],
  [/\b(prohibit\w*|bans?|banned|shall not|may not|forbid\w*|embargo\w*)\b/i, 'ban'],
  [/\blicen[cs]e (requirement|is required|required|application)|requires? (a |an )?licen[cs]e|licen[cs]ing requirement/i, 'license_required'],
  [/\b(sanction\w*|entity list|blocked persons|fined?|penalt\w*)\b/i, 'sanction'],
  [/\b(restrict\w*|controls?|curb\w*|limit\w*)\b/i, 'restriction'],
  [/\b(localis\w*|localiz\w*|data residency|stored in)\b/i, 'localization'],
  [/\b(disclos\w*|report\w* to|transparency|notify|notification)\b/i, 'disclosure'],
  [/\b(must|shall|required to|obliged to|mandat\w*|compel\w*|forced to|forces)\b/i, 'mandate'],
  [/\b(grants? access|authori[sz]ed|permitted)\b/i, 'access'],
];

/** The effect a sentence states, if any. */
export function effectOf(sentence: string): string | undefined {
  return EFFECTS.find(([re]) => re.test(sentence))?.[1];
}

/** A rule binding a policy document's regulation to what its sentences apply it to. */
export function appliesToRule(regulation: NewEntity, issuerIds: readonly string[], regulationId?: string): RelationRule {
  return {
    name: 'applies-to',
    minMentions: 1,
    example: 'This rule imposes a license requirement for exports of advanced computing items to China.',
    apply(frame) {
      const effect = effectOf(frame.text);
      if (!effect) return [];
      const out: FactDraft[] = [];
      const seen = new Set<string>();
      for (const m of frame.mentions) {
        if (m.status === 'ambiguous' || (m.id && (issuerIds.includes(m.id) || m.id === regulationId)) || !allowed('APPLIES_TO', 'Regulation', m.label)) continue;
        const key = m.id ?? m.name;
        if (seen.has(key)) continue;
        seen.add(key);
        const props: Props = { effect };
        out.push({ rel: 'APPLIES_TO', subject: regulation, object: m, props, confidence: 0.55 });
      }
      return out;
    },
  };
}
