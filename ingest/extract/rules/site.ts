// Sites the text describes without naming them: "Nebius's new data centre in Vineland, New Jersey", "Meta will build a
// 1 GW AI campus in El Paso, Texas", "a data center in Kenya operated by G42", "housed in a Digital Realty data center in Copenhagen". Gives a DataCenter named by the project's
// convention "<operator> <place> <head>" ("Nebius Vineland data centre"), run by its operator and located in the nation the
// place stands for. A site the text names ("Stargate UAE", "Colossus") is a mention, read by the located-in rule instead.
import { LEXICON_BY_ID, nationByName } from '../lexicon.js';
import { E, at, allowed, clauseActor, knownMention, leadingActor, listIndices, writtenName, type FactDraft, type Frame, type Mention, type NewEntity, type RelationRule } from '../frame.js';

// the site's head noun, as written: the name keeps the text's spelling and an alias the other one
const HEAD =
  '(?<head>(?:AI |artificial intelligence )?data[- ]cent(?:er|re)s?(?: campus(?:es)?)?|datacent(?:er|re)s?|(?:AI )?campus(?:es)?|AI hubs?|AI factor(?:y|ies)|supercomputer(?: cluster)?|server farms?|(?:AI |GPU |compute |computing )?clusters?)';
// what may describe the site before its head: sizes, sums, kinds, a maker's chips ("Nvidia-powered"), nothing that is a name
const MODS =
  '(?<mods>(?:(?:new|planned|proposed|massive|giant|large|first|second|third|largest|biggest|existing|flagship|hyperscale|sovereign|geothermal|green|liquid-cooled|gigawatt-scale|multi-gigawatt|[\\d.,]+[- ]?(?:MW|GW|megawatts?|gigawatts?)|[\\d.,]+-(?:megawatt|gigawatt)|\\$[\\d.,]+ ?(?:billion|million|bn|m)|\\((?:MW|GW)\\)|multi-?billion(?:-dollar)?|billion-dollar|[A-Za-z]+-(?:powered|based|backed|scale)|⟨\\d+⟩-(?:powered|based)) ){0,5})';
// where: a place the lexicon knows ("in ⟨Memphis⟩"), or a town it does not, then the region or nation that does ("in Kulai, ⟨Johor⟩")
// between the head and its place: "located in", "with more than a gigawatt of capacity in"; a part of the place ("southeast Wyoming")
const LINK = `(?:(?:located|based|sited|under construction) |with [^⟨.;,]{1,40}? )?`;
const PART =
  '(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?east|north-?west|south-?east|south-?west|upstate|rural|coastal|North|South|East|West|Central|Northern|Southern|Eastern|Western) )?';
const PLACE = `(?:in|near|outside|at) ${PART}(?:(?<town>[A-Z][\\p{L}-]+(?: [A-Z][\\p{L}-]+)?),? )?(?:the (?:state|province|region) of )?${E}`;
const TOWN_ONLY = `(?:in|near|outside) ${PART}(?<lone>[A-Z][\\p{L}-]+(?: [A-Z][\\p{L}-]+)?)(?![\\p{L}-]| ⟨|, ⟨)`;
const BUILD =
  '(?:plan|plans|planned|planning|announce|announces|announced|unveil|unveils|unveiled|complete|completes|completed|build|builds|building|built|open|opens|opening|opened|develop|develops|developing|developed|construct|constructs|constructing|constructed|launch|launches|launched|establish|establishes|established|set up|sets up|setting up|operate|operates|operating|operated|run|runs|running|use|uses|using|own|owns|has|have|lease|leases|leasing|leased|invest(?:s|ed|ing)?(?: [^⟨.;,]{1,40}?)? in(?:to)?)';

// "⟨O⟩'s new AI data centre campus in Kulai, ⟨Johor⟩"
const OWNED = new RegExp(`${E}['’]s ${MODS}${HEAD} ${LINK}(?:${PLACE}|${TOWN_ONLY})`, 'gu');
// "⟨O⟩'s ⟨Iowa⟩ data center": the place before the head
// and "⟨O⟩'s Childress, ⟨Texas⟩ campus": a town the lexicon does not know before the place it stands in
const OWNED_AT = new RegExp(`${E}['’]s (?:new |existing |flagship |first |second )?(?:(?<town>[A-Z][\\p{L}-]+(?: [A-Z][\\p{L}-]+)?), )?(?<at>⟨\\d+⟩) ${MODS}${HEAD}\\b`, 'gu');
// "housed in a ⟨Digital Realty⟩ data center in Copenhagen": the operator named before the head
const OPERATOR_BEFORE = new RegExp(`\\b(?:a|an|the) (?:new |existing |planned )?${E} ${MODS}${HEAD} ${LINK}(?:${PLACE}|${TOWN_ONLY})`, 'gu');
// "⟨O⟩ will deploy … in its ⟨Riyadh⟩ data centers": "its" before the place is the clause's actor's
const ITS_AT = new RegExp(`\\b[Ii]ts (?:new |existing |flagship |first |second |planned )?(?:(?<town>[A-Z][\\p{L}-]+(?: [A-Z][\\p{L}-]+)?), )?(?<at>⟨\\d+⟩) ${MODS}${HEAD}\\b`, 'gu');
// "… plans to build a 200 MW data center in ⟨Lübbenau⟩": the builder is the clause's actor
const BUILT = new RegExp(`\\b${BUILD} (?:a |an |its |their |the |two |three |several |new )?${MODS}${HEAD} ${LINK}(?:${PLACE}|${TOWN_ONLY})`, 'gu');
// the builders named before the verb: "A, B and C have announced plans to develop …", "A announced a partnership with B to develop …"
const BUILDERS = /(⟨\d+⟩(?:(?:,| and|, and) (?:the )?⟨\d+⟩)+)[^⟨]*$/;
const PARTNERED = /(⟨\d+⟩)[^⟨]*\b(?:partnership|agreement|deal|venture|alliance|collaboration) with (?:the )?[^⟨]{0,40}?(⟨\d+⟩)[^⟨]* to (?:jointly |together |also )?$/;
// "a data center in ⟨Kenya⟩ (to be) operated by ⟨G42⟩"
const RUN_BY = /^,? (?:(?:that|which) (?:will be|is|are|would be) |to be )?(operated|run|owned|managed|developed|built) by (?:the )?⟨(\d+)⟩/u;
// who builds and runs a site: a company, a lab, or a cloud (its sites are run by the company that runs the cloud)
const OPERATORS = new Set(['Organization', 'Lab', 'Cloud']);

/** Who runs a site a builder builds: the company the lexicon says runs the builder (a cloud's operator), else the builder (the schema decides whether it may run a site). */
function runnerOf(builder: Mention): Mention {
  const op = builder.operator ? LEXICON_BY_ID.get(builder.operator) : undefined;
  return op ? knownMention(op, 0.65) : builder;
}
interface Found {
  operators: Mention[];
  town?: string;
  where?: Mention;
  head: string;
  mods: string;
  end: number;
}

/** The place's name for the site's name: the town the text wrote, or the place or nation the marker stands for. */
function placeName(frame: Frame, town: string | undefined, where: Mention | undefined): string | undefined {
  if (town) return town;
  return where ? (where.place ? where.surface : where.name) : undefined;
}

/** The site as a new entity, named "<operator> <place> <head>" with the other spelling and the place alone as aliases. */
function site(operators: Mention[], place: string, written: string, mods: string): NewEntity {
  const owner = operators.map(writtenName).join('-');
  // the name's head without "AI" ("an AI data centre" is a data centre); the text's own head, and one site of a plural, are other writings of it
  written = written.replace(/^artificial intelligence (?=data)/, 'AI ');
  const head = written.replace(/^AI (?=data)/, '');
  const spell = (h: string) => (h.includes('centre') ? h.replace('centre', 'center') : h.replace('center', 'centre'));
  // one site of a plural head: its last word in the singular ("data centres", "campuses", "AI factories")
  const one = (h: string) => h.replace(/ies$/, 'y').replace(/(?<=campus)es$|(?<!campu)s$/, '');
  const heads = [...new Set([head, written].flatMap((h) => [h, one(h)]).flatMap((h) => [h, spell(h)]))];
  const name = `${owner} ${place} ${head}`;
  const described = mods.trim() && !/⟨/.test(mods) ? [`${owner} ${place} ${mods.trim()} ${head}`, `${owner} ${mods.trim()} ${head} in ${place}`] : [];
  // a sole operator's other names name the site too ("YTL Power" for "YTL Power International")
  const others = operators.length === 1 ? [operators[0]!.name, ...operators[0]!.aliases].filter((n) => n !== owner && !/\s(?:of|for)\s/.test(n)).slice(0, 4) : [];
  return {
    label: 'DataCenter',
    name,
    aliases: [
      ...new Set([
        ...heads.map((h) => `${owner} ${place} ${h}`),
        // (with the operator's other names, the text's head and the name's, in both spellings only)
        ...others.flatMap((o) => [head, written].flatMap((h) => [h, spell(h)]).map((h) => `${o} ${place} ${h}`)),
        `${place} ${head}`,
        `${place} ${spell(head)}`,
        `${owner} ${head} in ${place}`,
        ...described,
      ]),
    ].filter((a) => a !== name),
  };
}

export const describedSite: RelationRule = {
  name: 'described-site',
  cue: /data[- ]?cent(?:er|re)|campus|AI hub|AI factor|supercomputer|server farm|cluster/i,
  minMentions: 1,
  example: "Nebius's new data centre in Vineland, New Jersey will serve Microsoft.",
  apply(frame) {
    const out: FactDraft[] = [];
    const found: Found[] = [];
    // a site's parts as a pattern found them: its head, its description, the town the text wrote and the place (the
    // marker before the site, else the last one the pattern took)
    const take = (m: RegExpMatchArray, operators: Mention[], where = at(frame, m.at(-2))) =>
      found.push({ operators, town: m.groups?.town ?? m.groups?.lone, where, head: m.groups!.head!, mods: m.groups?.mods ?? '', end: m.index! + m[0].length });
    // the clause's actor, or the sentence's leading one when the pattern's verb is a participle or an "its" stands for it
    const lead = leadingActor(frame);
    const leadOperator = lead && OPERATORS.has(lead.label) ? lead : undefined;
    for (const m of frame.masked.matchAll(OWNED)) {
      const owner = at(frame, m[1]);
      if (owner) take(m, [owner]);
    }
    for (const m of frame.masked.matchAll(OWNED_AT)) {
      const owner = at(frame, m[1]);
      const where = at(frame, m.groups!.at!.slice(1, -1));
      if (owner && where?.place) take(m, [owner], where);
    }
    if (/\b[Ii]ts ⟨/.test(frame.masked))
      for (const m of frame.masked.matchAll(ITS_AT)) {
        const owner = clauseActor(frame, m.index, OPERATORS) ?? leadOperator;
        const named = at(frame, m.groups!.at!.slice(1, -1));
        // a city written as a modifier ("its Riyadh data centers") is the place, not a nationality
        const where = named?.label === 'Nation' && named.demonym && !nationByName(named.surface) ? { ...named, demonym: false, place: true } : named;
        if (owner && where?.label === 'Nation') take(m, [owner], where);
      }
    for (const m of frame.masked.matchAll(OPERATOR_BEFORE)) {
      const owner = at(frame, m[1]);
      if (owner && !owner.demonym && owner.label !== 'Nation') take(m, [owner]);
    }
    for (const m of frame.masked.matchAll(BUILT)) {
      // "A will serve B using a data center in …": a participle's actor is the sentence's subject, not the nearest name
      const actor = (/^using\b/.test(m[0]) ? leadOperator : undefined) ?? clauseActor(frame, m.index, OPERATORS);
      const rest = frame.masked.slice(m.index + m[0].length);
      // who runs it, when the text says; who builds it only where the clause names no one who will run it
      const run = RUN_BY.exec(rest);
      const runBy = run && (!/^(?:developed|built)$/.test(run[1]!) || !actor) ? at(frame, run[2]) : undefined;
      let operators = runBy ? [runBy] : actor ? [actor] : [];
      // "A and B will build …", "A announced a partnership with B to build …": all of them in the name
      const head = frame.masked.slice(0, m.index);
      const partnered = !runBy ? PARTNERED.exec(head) : null;
      const listed = !runBy && actor ? BUILDERS.exec(head) : null;
      const group = partnered ? [partnered[1]!, partnered[2]!] : listed ? [...listed[1]!.matchAll(/⟨(\d+)⟩/g)].map((x) => x[0]) : [];
      const builders = group.map((g) => at(frame, g.slice(1, -1))).filter((b): b is Mention => !!b && OPERATORS.has(b.label) && !b.demonym);
      if (builders.length >= 2 && (partnered || builders.includes(actor!))) operators = builders;
      if (operators.length) take(m, operators);
    }
    // sites of a plural head in places listed together ("data centres in ⟨Texas⟩ and ⟨New York⟩"): one site in each
    for (const f of [...found]) {
      if (!/s$/.test(f.head) || !f.where || f.town) continue;
      const more = /^(?:(?:,| and|, and) ⟨\d+⟩)+/.exec(frame.masked.slice(f.end))?.[0] ?? '';
      for (const i of listIndices(more)) {
        const where = at(frame, i);
        if (where?.label === 'Nation' && (where.place || !where.demonym)) found.push({ ...f, where });
      }
    }
    for (const f of found) {
      // the place must be a place or a nation, never a company ("in ⟨Nvidia⟩")
      const where = f.where && f.where.label === 'Nation' && (f.where.place || !f.where.demonym) ? f.where : undefined;
      if (f.where && !where) continue;
      const place = placeName(frame, f.town, where);
      if (!place || f.operators.some((o) => !OPERATORS.has(o.label) || o.demonym || o === where)) continue;
      const dc = site(f.operators, place, f.head, f.mods.replace(/^AI /, ''));
      // a site two parties build together is theirs jointly: who runs it is not said
      const runner = f.operators.length === 1 ? runnerOf(f.operators[0]!) : undefined;
      if (runner && allowed('OPERATED_BY', 'DataCenter', runner.label)) out.push({ rel: 'OPERATED_BY', subject: dc, object: runner, confidence: 0.65 });
      if (where) out.push({ rel: 'LOCATED_IN', subject: dc, object: where, props: f.town || where.place ? { city: f.town ?? where.surface } : {}, confidence: 0.65 });
    }
    return out;
  },
};
