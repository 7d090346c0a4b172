// The built-in lexicon: well-known names of the AI supply chain (nations with ISO codes, the
// demonyms and cities that stand for them, blocs, labs, chip makers, chips, clouds with their
// operators, agencies, model families, instruments), so extraction works on an empty store. The
// knowledge lives in data files (`data/*.yaml`); this module loads them and checks them against the
// domain model when it is loaded: a label, relation, property or id the schema refuses fails with the
// file and line. Ids follow the canonical ids the seeds use; the store's own entities, when given,
// take precedence over these.
import { readFileSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boundedMemo } from './memo.js';
import { escapeRegExp } from './regex.js';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { z } from 'zod';
import { InvalidInput } from '../../schema/errors.js';
import { ID_PREFIX, LABELS, RELATION_ENDPOINTS, labelProps, relationProps, type Label, type RelationType } from '../../schema/generated/model.js';
import { entityId, propsSchema, slugify, type Props } from '../../schema/records.js';

export interface LexiconEntry {
  id: string;
  label: Label;
  name: string;
  aliases?: string[];
  props?: Props;
  /** adjectives that name the entity itself ("Chinese" for China); matched only before a noun phrase */
  demonyms?: string[];
  /** cities that stand for the nation in "Paris-based", "based in Abu Dhabi"; matched like demonyms (never aliases) */
  places?: string[];
  /** ISO code of the nation the organisation is headquartered in, for rules that need it */
  country?: string;
  /** id of the organisation that operates a cloud */
  operator?: string;
  /** terms an act defines and uses throughout: they identify an article that names its act only as "this Regulation" */
  terms?: string[];
}

/** An instrument head noun with the Regulation kind it names and the APPLIES_TO effect it implies. */
export interface InstrumentHead {
  /** matches a phrase that ends in the head noun */
  pattern: RegExp;
  kind: string;
  effect: string;
}

/** Everything the data folder holds, checked. */
export interface LexiconData {
  entries: LexiconEntry[];
  modelFamilies: Map<string, string>;
  /** seats of government ("Washington", "Beijing"): places that stand for their nation's government where it acts */
  seats: Set<string>;
  instruments: InstrumentHead[];
  /** regex source for an instrument head noun, for patterns */
  instrumentSource: string;
}

/** The folder of the built-in data files. */
export const LEXICON_DIR = fileURLToPath(new URL('./data/', import.meta.url));

// The files in the order their entries enter the lexicon (the order decides nothing but ties).
// headings of bills, rules and regulations, written in capitals or abbreviated: never an entity's name
const HEADINGS = /^(?:SEC|SECT|SECTION|ART|ARTICLE|PART|TITLE|CHAPTER|ANNEX|APPENDIX|SCHEDULE|SUBPART|DIVISION|DIV|SUMMARY|AGENCY|ACTION|DATES|ADDRESSES|TABLE|FIGURE)\.?$/;
const NATIONS_FILE = 'nations.yaml';
const ENTITY_FILES = ['labs.yaml', 'organizations.yaml', 'clouds.yaml', 'chips.yaml', 'models.yaml', 'regulations.yaml', 'data-centers.yaml'];
const FAMILIES_FILE = 'model-families.yaml';
const INSTRUMENTS_FILE = 'instruments.yaml';

const names = z.array(z.string().min(1));
const nationRow = z.strictObject({
  iso: z.string().regex(/^[A-Z]{2,4}$/, 'expected an upper-case ISO code such as US'),
  name: z.string().min(1),
  kind: z.enum(['country', 'bloc']).optional(),
  aliases: names.optional(),
  demonyms: names.optional(),
  cities: names.optional(),
  regions: names.optional(),
  governments: names.optional(),
  seats: names.optional(),
});
const entityRow = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: names.optional(),
  props: z.record(z.string(), z.unknown()).optional(),
  country: z.string().min(1).optional(),
  operator: z.string().min(1).optional(),
  terms: names.optional(),
});
const familyRow = z.strictObject({ family: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'expected a lowercase family name'), developer: z.string().min(1) });
const instrumentRow = z.strictObject({ heads: z.string().min(1), kind: z.string().min(1), effect: z.string().min(1) });
const nationsFile = z.strictObject({ nations: z.array(z.unknown()) });
const entitiesFile = z.strictObject({ label: z.string(), entries: z.array(z.unknown()) });
const familiesFile = z.strictObject({ families: z.array(z.unknown()) });
const instrumentsFile = z.strictObject({ instruments: z.array(z.unknown()), mentionHeads: z.array(z.string().min(1)).min(1) });

/** One YAML file: its value, the line of every item of its top-level lists, and the line of each top-level key. */
interface ReadFile {
  file: string;
  data: unknown;
  itemLines: Record<string, number[]>;
  keyLines: Record<string, number>;
}

/** Collects problems as "file:line: what: field: message" lines. */
class Problems {
  readonly lines: string[] = [];
  add(file: string, line: number, what: string, message: string): void {
    this.lines.push(`${file}:${line}: ${what}: ${message}`);
  }
  zod(file: string, line: number, what: string, error: z.ZodError): void {
    for (const issue of error.issues) this.add(file, line, what, `${issue.path.join('.') || '(item)'}: ${issue.message}`);
  }
}

const shown = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
};

function readYaml(dir: string, name: string, problems: Problems): ReadFile {
  const file = shown(join(dir, name));
  const counter = new LineCounter();
  let source: string;
  try {
    source = readFileSync(join(dir, name), 'utf8');
  } catch (err) {
    problems.add(file, 0, '(file)', `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    return { file, data: undefined, itemLines: {}, keyLines: {} };
  }
  const doc = parseDocument(source, { lineCounter: counter, prettyErrors: false });
  for (const e of doc.errors) problems.add(file, counter.linePos(e.pos[0]).line, '(yaml)', e.message.split('\n')[0]!);
  const itemLines: Record<string, number[]> = {};
  const keyLines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const keyNode = pair.key as { value?: unknown; range?: [number, number, number] } | null;
      const key = String(keyNode?.value ?? '');
      keyLines[key] = counter.linePos(keyNode?.range?.[0] ?? 0).line;
      if (isSeq(pair.value)) itemLines[key] = pair.value.items.map((item) => counter.linePos((item as Node).range?.[0] ?? 0).line);
    }
  }
  return { file, data: doc.errors.length ? undefined : doc.toJS(), itemLines, keyLines };
}

/** The items of a file's list, each with its line, after the file's shape is checked. */
function itemsOf<T>(read: ReadFile, shape: z.ZodType<T>, problems: Problems): T | null {
  if (read.data === undefined) return null;
  const parsed = shape.safeParse(read.data);
  if (!parsed.success) {
    const key = String(parsed.error.issues[0]?.path[0] ?? '');
    problems.zod(read.file, read.keyLines[key] ?? 1, '(file)', parsed.error);
    return null;
  }
  return parsed.data;
}

const allows = (rel: RelationType, from: Label, to: Label): boolean => RELATION_ENDPOINTS[rel].from.includes(from) && RELATION_ENDPOINTS[rel].to.includes(to);

/** Loads and checks every data file in `dir`; throws one InvalidInput listing every problem with its file and line. */
export function loadLexicon(dir: string = LEXICON_DIR): LexiconData {
  const problems = new Problems();
  const entries: LexiconEntry[] = [];
  const where = new Map<string, { file: string; line: number }>();
  const at = (id: string) => `${where.get(id)!.file}:${where.get(id)!.line}`;
  const countries = new Set<string>();
  const seats = new Set<string>();
  // every id and the file:line it is defined at, so a second definition can name the first
  const define = (entry: LexiconEntry, file: string, line: number, what: string) => {
    if (where.has(entry.id)) return void problems.add(file, line, what, `id: ${entry.id} is already defined at ${at(entry.id)}`);
    where.set(entry.id, { file, line });
    entries.push(entry);
  };

  // Nations: the id is the domain model's nation id for the ISO code.
  const nationsRead = readYaml(dir, NATIONS_FILE, problems);
  const nationsData = itemsOf(nationsRead, nationsFile, problems);
  nationsData?.nations.forEach((raw, index) => {
    const line = nationsRead.itemLines.nations?.[index] ?? 0;
    const row = nationRow.safeParse(raw);
    const what = `nations[${index}]`;
    if (!row.success) return void problems.zod(nationsRead.file, line, what, row.error);
    const r = row.data;
    const props: Props = { kind: r.kind ?? 'country', iso: r.iso };
    const checked = labelProps.Nation.safeParse(props);
    if (!checked.success) return void problems.zod(nationsRead.file, line, `${what} (${r.iso})`, checked.error);
    if (props.kind === 'country') countries.add(r.iso);
    for (const seat of r.seats ?? []) seats.add(seat);
    define(
      {
        id: entityId('Nation', r.name, props),
        label: 'Nation',
        name: r.name,
        aliases: [...(r.aliases ?? []), ...(r.governments ?? [])],
        props,
        demonyms: r.demonyms ?? [],
        ...(r.cities || r.regions || r.seats ? { places: [...new Set([...(r.cities ?? []), ...(r.regions ?? []), ...(r.seats ?? [])])] } : {}),
      },
      nationsRead.file,
      line,
      `${what} (${r.iso})`,
    );
  });

  // Labs, organisations, clouds, chips, models and regulations: one label per file.
  const pending: { entry: LexiconEntry; file: string; line: number; what: string }[] = [];
  for (const name of ENTITY_FILES) {
    const read = readYaml(dir, name, problems);
    const data = itemsOf(read, entitiesFile, problems);
    if (!data) continue;
    if (!(LABELS as readonly string[]).includes(data.label)) {
      problems.add(read.file, read.keyLines.label ?? 1, 'label', `unknown label "${data.label}" (known: ${LABELS.join(', ')})`);
      continue;
    }
    const label = data.label as Label;
    data.entries.forEach((raw, index) => {
      const line = read.itemLines.entries?.[index] ?? 0;
      const row = entityRow.safeParse(raw);
      const rawId = (raw as { id?: unknown } | null)?.id;
      const what = `entries[${index}]${typeof rawId === 'string' ? ` (${rawId})` : ''}`;
      if (!row.success) return void problems.zod(read.file, line, what, row.error);
      const r = row.data;
      const prefix = `${ID_PREFIX[label]}:`;
      const slug = r.id.slice(prefix.length);
      if (!r.id.startsWith(prefix)) return void problems.add(read.file, line, what, `id: a ${label} id starts with "${prefix}"`);
      if (!slug || slugify(slug) !== slug) return void problems.add(read.file, line, what, `id: "${slug}" is not a slug (expected "${slugify(slug) || 'a-slug'}")`);
      const props = propsSchema.parse(r.props ?? {});
      const checked = labelProps[label].safeParse(props);
      if (!checked.success) return void problems.zod(read.file, line, what, checked.error);
      const entry: LexiconEntry = {
        id: r.id,
        label,
        name: r.name,
        aliases: r.aliases ?? [],
        props,
        ...(r.country ? { country: r.country } : {}),
        ...(r.operator ? { operator: r.operator } : {}),
        ...(r.terms ? { terms: r.terms } : {}),
      };
      if (entry.terms && label !== 'Regulation') return void problems.add(read.file, line, what, `terms: only a Regulation's entry names the terms that identify its articles`);
      pending.push({ entry, file: read.file, line, what });
      define(entry, read.file, line, what);
    });
  }
  // What an entry says of others is a relation of the domain model: check the other end exists and fits.
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const { entry, file, line, what } of pending) {
    if (entry.country !== undefined) {
      if (!countries.has(entry.country)) problems.add(file, line, what, `country: "${entry.country}" is not the ISO code of a country in ${NATIONS_FILE}`);
      else if (!allows('HEADQUARTERED_IN', entry.label, 'Nation')) problems.add(file, line, what, `country: HEADQUARTERED_IN does not start at ${entry.label}`);
    }
    if (entry.operator !== undefined) {
      const op = byId.get(entry.operator);
      if (!op) problems.add(file, line, what, `operator: no entry has the id "${entry.operator}"`);
      else if (!allows('OPERATED_BY', entry.label, op.label)) problems.add(file, line, what, `operator: OPERATED_BY does not lead from ${entry.label} to ${op.label}`);
    }
  }

  // One name is one entity: a name or alias given to two ids would make every mention of it ambiguous.
  const named = new Map<string, string>();
  for (const e of entries) {
    // a name that is also a document's heading would claim every one ("SEC. 2." in a bill, "ANNEX" in a regulation)
    for (const n of [e.name, ...(e.aliases ?? [])])
      if (HEADINGS.test(n)) problems.add(where.get(e.id)!.file, where.get(e.id)!.line, e.id, `name: "${n}" is a heading of legal and technical documents, not a name`);
    for (const n of new Set([e.name, ...(e.aliases ?? [])].map((x) => x.toLowerCase()))) {
      const other = named.get(n);
      if (other && other !== e.id) problems.add(where.get(e.id)!.file, where.get(e.id)!.line, e.id, `name: "${n}" is also a name or alias of ${other} (${at(other)})`);
      else named.set(n, e.id);
    }
  }

  // Model families and the lab or organisation that usually develops them.
  const modelFamilies = new Map<string, string>();
  const familiesRead = readYaml(dir, FAMILIES_FILE, problems);
  itemsOf(familiesRead, familiesFile, problems)?.families.forEach((raw, index) => {
    const line = familiesRead.itemLines.families?.[index] ?? 0;
    const row = familyRow.safeParse(raw);
    const what = `families[${index}]`;
    if (!row.success) return void problems.zod(familiesRead.file, line, what, row.error);
    const dev = byId.get(row.data.developer);
    if (!dev) return void problems.add(familiesRead.file, line, `${what} (${row.data.family})`, `developer: no entry has the id "${row.data.developer}"`);
    if (!allows('DEVELOPED_BY', 'Model', dev.label))
      return void problems.add(familiesRead.file, line, `${what} (${row.data.family})`, `developer: DEVELOPED_BY does not lead from Model to ${dev.label}`);
    if (modelFamilies.has(row.data.family)) return void problems.add(familiesRead.file, line, `${what} (${row.data.family})`, 'family: listed twice');
    modelFamilies.set(row.data.family, row.data.developer);
  });

  // Instruments: kinds of the Regulation label and effects of the APPLIES_TO relation.
  const instruments: InstrumentHead[] = [];
  let instrumentSource = '';
  const instrumentsRead = readYaml(dir, INSTRUMENTS_FILE, problems);
  const instrumentsData = itemsOf(instrumentsRead, instrumentsFile, problems);
  instrumentsData?.instruments.forEach((raw, index) => {
    const line = instrumentsRead.itemLines.instruments?.[index] ?? 0;
    const row = instrumentRow.safeParse(raw);
    const what = `instruments[${index}]`;
    if (!row.success) return void problems.zod(instrumentsRead.file, line, what, row.error);
    const r = row.data;
    const kind = labelProps.Regulation.safeParse({ kind: r.kind });
    if (!kind.success) return void problems.zod(instrumentsRead.file, line, `${what} (${r.heads})`, kind.error);
    const effect = relationProps.APPLIES_TO.safeParse({ effect: r.effect });
    if (!effect.success) return void problems.zod(instrumentsRead.file, line, `${what} (${r.heads})`, effect.error);
    try {
      instruments.push({ pattern: new RegExp(`(?:${r.heads})$`, 'i'), kind: r.kind, effect: r.effect });
    } catch (err) {
      problems.add(instrumentsRead.file, line, what, `heads: ${(err as Error).message}`);
    }
  });
  if (instrumentsData) {
    instrumentSource = `(?:${instrumentsData.mentionHeads.join('|')})`;
    try {
      new RegExp(instrumentSource, 'i');
    } catch (err) {
      problems.add(instrumentsRead.file, instrumentsRead.keyLines.mentionHeads ?? 0, 'mentionHeads', (err as Error).message);
    }
  }

  if (problems.lines.length) throw new InvalidInput(`lexicon data has ${problems.lines.length} problem(s):\n${problems.lines.join('\n')}`);
  return { entries, modelFamilies, seats, instruments, instrumentSource };
}

const DATA = loadLexicon();

/** Every built-in lexicon entry. */
export const LEXICON: readonly LexiconEntry[] = DATA.entries;

/** Every built-in lexicon entry by its id. */
export const LEXICON_BY_ID: ReadonlyMap<string, LexiconEntry> = new Map(LEXICON.map((e) => [e.id, e]));

/** Nations (and blocs) by their ISO code, for rules that know only an organisation's country. */
export const NATIONS_BY_ISO: ReadonlyMap<string, LexiconEntry> = new Map(LEXICON.filter((e) => e.label === 'Nation' && typeof e.props?.iso === 'string').map((e) => [String(e.props!.iso), e]));

/** Model families a release name may start with ("Qwen3.6-27B" is a Qwen release), with their usual developer. */
export const MODEL_FAMILIES: ReadonlyMap<string, string> = DATA.modelFamilies;

// a nation's name, short form or demonym opening a name, with the nation each stands for (countries and blocs)
const OPENERS = new Map<string, { name: string; iso: string; kind: string; byDemonym: boolean }>();
for (const e of LEXICON)
  if (e.label === 'Nation' && typeof e.props?.iso === 'string') {
    const nation = { name: e.name, iso: e.props.iso, kind: String(e.props.kind) };
    for (const n of [e.name, ...(e.aliases ?? [])]) if (!/\b(?:administration|government)\b/i.test(n)) OPENERS.set(n, { ...nation, byDemonym: false });
    for (const d of e.demonyms ?? []) OPENERS.set(d, { ...nation, byDemonym: true });
  }
const OPENING = new RegExp(
  `^(?:the )?(${[...OPENERS.keys()]
    .map(escapeRegExp)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?:['’]s)? (?=\\S)`,
);

/** The nation whose name, short form or demonym opens a name ("U.S. Commerce Department", "Dutch export rules", "EU AI Act"). */
export function nationOpening(surface: string): { name: string; iso: string; kind: string; byDemonym: boolean } | undefined {
  return openingOf(surface);
}
// names repeat: each is tried against the long alternation once
const openingOf = boundedMemo(
  20_000,
  (surface: string) => surface,
  (surface: string) => {
    const m = OPENING.exec(surface);
    return m ? OPENERS.get(m[1]!) : undefined;
  },
);

/** The nation a name, short form or demonym stands for, written whole ("Chinese", "U.S.", "South Korea"). */
export function nationByName(name: string): { name: string; iso: string; kind: string; byDemonym: boolean } | undefined {
  return OPENERS.get(name);
}

/** The ISO code of the nation a name opens or closes with ("Dutch export rules", "Data Law of the People's Republic of China"). */
export function nationInName(name: string): string | undefined {
  const closing = / of (?:the )?([^,;()]+)$/.exec(name)?.[1];
  return nationOpening(name)?.iso ?? (closing ? nationByName(closing)?.iso : undefined);
}

/** Seats of government ("Washington", "Beijing"): places that stand for their nation's government where it acts. */
export const SEATS: ReadonlySet<string> = DATA.seats;

/** Instrument head nouns in the order they are tried, with the kind and effect each implies. */
export const INSTRUMENTS: readonly InstrumentHead[] = DATA.instruments;

/** Regex source for an instrument head noun, for patterns. */
export const INSTRUMENT_HEADS_SOURCE: string = DATA.instrumentSource;
