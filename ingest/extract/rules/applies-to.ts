// For a policy document: every sentence that states an effect ("prohibits", "requires a license",
// "restricts", "must") applies the document's regulation to the entities it names, with that effect.
import type { Props } from '../../../schema/records.js';
import { allowed, knownMention, type Endpoint, type FactDraft, type NewEntity, type RelationRule } from '../frame.js';

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

// A law binds classes of parties it names by role: "Providers of general-purpose AI models shall …",
// "importers and distributors of AI systems", "a provider of a remote computing service must …".
const ROLE =
  '(?:providers?|deployers?|importers?|distributors?|manufacturers?|operators?|exporters?|developers?|gatekeepers?|(?:data )?controllers?|processors?|(?:data )?holders?|authori[sz]ed representatives?)';
const OBJECT_HEAD = '(?:models?|systems?|services?|platforms?|products?|items?|chips?|circuits?|equipment|technolog(?:y|ies)|software)';
// a role's own qualifier before it: the party a switch goes to or comes from, one at home or abroad
const ROLE_MODIFIER = '(?:(?:destination|downstream|upstream|foreign|domestic) )?';
const CLASS = new RegExp(
  `\\b(${ROLE_MODIFIER}${ROLE}(?:,? (?:and|or) ${ROLE})?) of (?:an? |the )?((?:[\\p{L}\\p{N}-]+ ){0,4}?${OBJECT_HEAD})((?: with systemic risk| established in (?:the Union|a third country|third countries))?)(?![\\p{L}-])`,
  'giu',
);
// the class must be who the obligation falls on: its sentence states one
const OBLIGES = /\b(?:shall|must|are required to|is required to|applies to|apply to|requir(?:e|es|ing) (?:all |any )?[\w.-]+(?: [\w.-]+){0,4} to)\b/i;
// persons a law binds by where they belong ("United States persons", "U.S. persons", "covered foreign persons"): the class as written
const PERSONS = /\b((?:United States|U\.S\.|US|non-U\.S\.|[Cc]overed(?: foreign)?|[Ff]oreign|[Rr]elevant) persons)\b/g;
// a party class a rule requires to act, named without "of": "requires exporters to obtain …", "require covered entities to report …"
const REQUIRED_CLASS =
  /\brequir(?:e|es|ing) (?:all |any )?((?:[a-z][\w-]* ){0,3}(?:exporters|reexporters|importers|foundries|manufacturers|distributors|operators|providers|developers|entities|companies|firms|institutions|persons)) to (?:[a-z]+)\b/g;
// a class named by its qualifiers before the role, as the one an obligation falls on: "Personal information processors shall …",
// "Where a critical information infrastructure operator needs to …", "Downstream cloud providers must …"
const ADDRESSEE_ROLE = `(?:${ROLE}|users?|foundries|foundry|suppliers?|vendors?|licensees?|entities|entity)`;
const ADDRESSEE = new RegExp(
  `(?:^|[.;:]\\s+|\\b(?:[Ww]here|[Ii]f|[Ww]hen|[Uu]nless) )(?:(?:[Aa]n?|[Aa]ny|[Ee]ach|[Ee]very|[Aa]ll|[Ss]uch) )?((?:(?!(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hat|[Tt]hose|[Ss]uch|[Oo]ther|[Ss]ome|[Tt]heir|[Ii]ts|[Oo]ur)\\b)[A-Za-z][\\w-]* ){1,3}${ADDRESSEE_ROLE})(?= (?:shall|must|may not|are required to|is required to|needs? to|are obliged to|is obliged to)\\b)`,
  'gu',
);
// an item of a list a law's scope opens ("This Regulation applies to: (a) …; (b) …"): the class is the whole item
const SCOPE_ITEM = /^\s*\(?[a-z0-9]{1,4}\)\s+/;
const PERSONS_END = /\bpersons$/;
const SCOPE_LEAD = /\b(?:appl(?:y|ies) to|shall apply to|covers?)\s*:\s*$/i;
// what a law leaves out of its scope ("shall not apply to providers of …") is no party it binds
const OUT_OF_SCOPE = /\b(?:does|do|shall|will) not apply to\b/i;

const plural = (w: string): string => (/(?:s|data|equipment|software)$/i.test(w) ? w : /[^aeiou]y$/i.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`);

// an office a law gives duties to by its title: "the Secretary of Commerce shall …", "The Attorney General may …"
const OFFICE =
  /\b[Tt]he ((?:(?:Under |Deputy |Assistant )?Secretary|Administrator|Director|Commissioner) of (?:the )?[A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+){0,3}|Attorney General|United States Trade Representative)(?:,[^,;]{1,80},)? (?:shall|may|must)\b/g;

/** The classes of parties a sentence of a law names by role, each named in the plural as the law's class. */
export function regulatedClasses(sentence: string, scopeItem = false): NewEntity[] {
  if (scopeItem) {
    // in a scope list the class is the item, up to its end: a class with a clause after it is narrower than its name
    const item = sentence.replace(SCOPE_ITEM, '').replace(/\s*(?:[;.,]|, and|; and|; or)?\s*$/, '');
    const m = new RegExp(`^${CLASS.source}$`, 'iu').exec(item);
    return m ? regulatedClasses(`${m[0]} shall`) : [];
  }
  if (!OBLIGES.test(sentence) || OUT_OF_SCOPE.test(sentence)) return [];
  const out: NewEntity[] = [];
  const named = new Set<string>();
  const add = (name: string) => {
    if (named.has(name.toLowerCase())) return;
    named.add(name.toLowerCase());
    out.push({ label: 'Organization', name, props: { kind: 'other' } });
  };
  for (const m of sentence.matchAll(PERSONS)) add(m[1]!.replace(/^(?:Covered|Foreign|Relevant)\b/, (w) => w.toLowerCase()));
  for (const m of sentence.matchAll(OFFICE)) add(m[1]!);
  for (const m of sentence.matchAll(REQUIRED_CLASS)) if (!/ of$/.test(m[1]!) && !PERSONS_END.test(m[1]!)) add(m[1]!);
  for (const m of sentence.matchAll(ADDRESSEE)) {
    const words = m[1]!.split(' ');
    // a name's capitals ("IaaS providers") are kept, a sentence's opening capital is not
    const first = /^[A-Z][a-z]+$/.test(words[0]!) ? words[0]!.toLowerCase() : words[0]!;
    add([first, ...words.slice(1, -1), plural(words.at(-1)!)].join(' '));
  }
  for (const m of sentence.matchAll(CLASS)) {
    const singular = !/s$/i.test(m[1]!.split(' ').pop()!);
    const roles = m[1]!.replace(/\b(\w+)\b(?= (?:and|or) |$)/g, (w) => (singular ? plural(w) : w)).replace(/^(\w)/, (c) => c.toLowerCase());
    const object = singular ? m[2]!.replace(/(\S+)$/, (w) => plural(w)) : m[2]!;
    add(`${roles} of ${object}${m[3] ?? ''}`);
  }
  return out;
}

/** A rule binding a policy document's regulation to what its sentences apply it to. */
export function appliesToRule(created: NewEntity, issuerIds: readonly string[], regulationId?: string): RelationRule {
  // the document's regulation under the id it was recorded with (a known act keeps the graph's id)
  const regulation: Endpoint = regulationId ? knownMention({ ...created, id: regulationId }, 0.85) : created;
  // whether the sentences read are the items of a list the law's scope opens
  let inScope = false;
  return {
    name: 'applies-to',
    // a law's obligations fall on classes it names by role as often as on named parties
    minMentions: 0,
    example: 'This rule imposes a license requirement for exports of advanced computing items to China.',
    apply(frame) {
      const item = inScope && SCOPE_ITEM.test(frame.text);
      inScope = item || SCOPE_LEAD.test(frame.text);
      if (item && !OUT_OF_SCOPE.test(frame.text))
        return regulatedClasses(frame.text, true).map((party) => ({ rel: 'APPLIES_TO', subject: regulation, object: party, props: { effect: 'mandate' }, confidence: 0.5 }));
      const effect = effectOf(frame.text);
      if (!effect || OUT_OF_SCOPE.test(frame.text)) return [];
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
      for (const party of regulatedClasses(frame.text)) out.push({ rel: 'APPLIES_TO', subject: regulation, object: party, props: { effect }, confidence: 0.5 });
      return out;
    },
  };
}
