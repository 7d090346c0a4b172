// Loads the curated seed dataset: every *.yaml file in the seeds folder, validated against the
// domain schema, turned into entity, document and claim records. All problems are collected and
// reported together, each naming its file, line, record and field.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { z } from 'zod';
import { InvalidInput } from '../schema/errors.js';
import { ID_PREFIX, RELATION_ENDPOINTS, isoDate, labelProps, relationProps, type Label } from '../schema/generated/model.js';
import { DOCUMENT_KINDS, claimId, documentId, labelSchema, propsSchema, relationTypeSchema, type ClaimRecord, type DocumentRecord, type EntityRecord, type Props } from '../schema/records.js';
import { parseMoneyRange } from '../graph/money.js';

/** Everything the seed folder holds, as records ready for a store. */
export interface SeedSet {
  entities: EntityRecord[];
  documents: DocumentRecord[];
  claims: ClaimRecord[];
}

export const SOURCES_FILE = 'sources.yaml';
const DEFAULT_DIR = dirname(fileURLToPath(import.meta.url));

const documentSeed = z.strictObject({
  source: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().min(1),
  kind: z.enum(DOCUMENT_KINDS),
  publishedAt: isoDate.optional(),
  citedAt: isoDate.optional(),
  url: z.string().optional(),
  note: z.string().optional(),
});

const entitySeed = z.strictObject({
  id: z.string().regex(/^[a-z]+:[a-z0-9][a-z0-9.\-]*$/, 'expected an id like chip:nvidia-h20'),
  type: labelSchema,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  description: z.string().optional(),
  props: z.record(z.string(), z.unknown()).optional(),
});

const relationSeed = z.strictObject({
  from: z.string().min(1),
  rel: relationTypeSchema,
  to: z.string().min(1),
  source: z.string().min(1),
  quote: z.string().min(1).optional(),
  confidence: z.number().min(0).max(1),
  observedAt: isoDate.optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  props: z.record(z.string(), z.unknown()).optional(),
});

const seedFile = z.strictObject({ entities: z.array(z.unknown()).optional(), relations: z.array(z.unknown()).optional() });
const sourcesFile = z.strictObject({ documents: z.array(z.unknown()) });

type DocumentSeed = z.infer<typeof documentSeed>;
type RelationSeed = z.infer<typeof relationSeed>;

interface Located<T> {
  file: string;
  line: number;
  index: number;
  value: T;
}

/** A problem in one seed file, as a line the curator can act on. */
function problem(file: string, line: number, what: string, field: string, message: string): string {
  return `${file}:${line} ${what}: ${field}: ${message}`;
}

function zodProblems(file: string, line: number, what: string, error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => problem(file, line, what, `${prefix}${issue.path.join('.') || '(record)'}`, issue.message));
}

/** Reads one YAML file into its top-level lists, with the line of every list item. */
function readYaml(dir: string, file: string, errors: string[]): { data: unknown; lines: Record<string, number[]> } {
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(join(dir, file), 'utf8'), { lineCounter: counter, prettyErrors: false });
  for (const e of doc.errors) errors.push(problem(file, e.linePos?.[0]?.line ?? 0, '(file)', '(yaml)', e.message));
  const lines: Record<string, number[]> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
      if (isSeq(pair.value)) lines[key] = pair.value.items.map((item) => counter.linePos((item as Node).range?.[0] ?? 0).line);
    }
  }
  return { data: doc.errors.length ? {} : doc.toJS(), lines };
}

function cleanProps(raw: Record<string, unknown>): Props {
  return propsSchema.parse(raw);
}

/** Turns a Deal's `money` text into amount, currency, amountUsd and fxRateDate, and amountMax, amountMaxUsd for a range (graph/money.ts). */
function expandMoney(props: Record<string, unknown>): { props: Record<string, unknown>; error?: string } {
  if (props.money === undefined) return { props };
  if (typeof props.money !== 'string') return { props, error: 'expected text such as "€109 billion"' };
  const range = parseMoneyRange(props.money);
  if (!range) return { props, error: `cannot read an amount and a known currency in "${props.money}"` };
  const { money: text, ...rest } = props;
  // a range keeps both bounds: amount is the lower one, amountMax the upper
  const max = range.max ? { amountMax: range.max.amount, amountMaxUsd: range.max.amountUsd } : {};
  return { props: { ...rest, ...range.min, ...max, moneyText: text } };
}

/** Loads and validates every seed file in `dir` (default: this folder); throws one InvalidInput listing all problems. */
export function loadSeeds(dir: string = DEFAULT_DIR): SeedSet {
  const errors: string[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  if (!files.includes(SOURCES_FILE)) throw new InvalidInput(`${dir}: no ${SOURCES_FILE} listing the documents seed facts cite`);

  // Documents.
  const docs = new Map<string, DocumentSeed>();
  {
    const { data, lines } = readYaml(dir, SOURCES_FILE, errors);
    const parsed = sourcesFile.safeParse(data);
    if (!parsed.success) errors.push(...zodProblems(SOURCES_FILE, 1, '(file)', parsed.error));
    (parsed.success ? parsed.data.documents : []).forEach((raw, index) => {
      const line = lines.documents?.[index] ?? 0;
      const d = documentSeed.safeParse(raw);
      const what = `documents[${index}]`;
      if (!d.success) return void errors.push(...zodProblems(SOURCES_FILE, line, what, d.error));
      if (docs.has(d.data.source)) errors.push(problem(SOURCES_FILE, line, `${what} (${d.data.source})`, 'source', 'listed twice'));
      if (!d.data.publishedAt && !d.data.citedAt) errors.push(problem(SOURCES_FILE, line, `${what} (${d.data.source})`, 'publishedAt', 'give publishedAt or citedAt, so claims have an observedAt'));
      docs.set(d.data.source, d.data);
    });
  }

  // Entities and relations, file by file.
  const entities = new Map<string, Located<EntityRecord>>();
  const relations: Located<RelationSeed>[] = [];
  for (const file of files.filter((f) => f !== SOURCES_FILE)) {
    const { data, lines } = readYaml(dir, file, errors);
    const parsed = seedFile.safeParse(data ?? {});
    if (!parsed.success) {
      errors.push(...zodProblems(file, 1, '(file)', parsed.error));
      continue;
    }
    (parsed.data.entities ?? []).forEach((raw, index) => {
      const line = lines.entities?.[index] ?? 0;
      const e = entitySeed.safeParse(raw);
      const rawId = (raw as { id?: unknown } | null)?.id;
      const what = `entities[${index}]${typeof rawId === 'string' ? ` (${rawId})` : ''}`;
      if (!e.success) return void errors.push(...zodProblems(file, line, what, e.error));
      const label: Label = e.data.type;
      const expectedPrefix = `${ID_PREFIX[label]}:`;
      if (!e.data.id.startsWith(expectedPrefix)) errors.push(problem(file, line, what, 'id', `a ${label} id starts with "${expectedPrefix}"`));
      let props = e.data.props ?? {};
      const money = expandMoney(props);
      if (money.error) errors.push(problem(file, line, what, 'props.money', money.error));
      props = money.props;
      const checked = labelProps[label].safeParse(props);
      if (!checked.success) errors.push(...zodProblems(file, line, what, checked.error, 'props.'));
      if (entities.has(e.data.id)) {
        const first = entities.get(e.data.id)!;
        errors.push(problem(file, line, what, 'id', `already defined at ${first.file}:${first.line}`));
        return;
      }
      entities.set(e.data.id, {
        file,
        line,
        index,
        value: {
          id: e.data.id,
          label,
          name: e.data.name,
          aliases: e.data.aliases ?? [],
          ...(e.data.description ? { description: e.data.description } : {}),
          props: cleanProps(checked.success ? checked.data : props),
        },
      });
    });
    (parsed.data.relations ?? []).forEach((raw, index) => {
      const line = lines.relations?.[index] ?? 0;
      const r = relationSeed.safeParse(raw);
      const what = `relations[${index}]`;
      if (!r.success) return void errors.push(...zodProblems(file, line, what, r.error));
      relations.push({ file, line, index, value: r.data });
    });
  }

  // Names and aliases are how text finds entities, so two entities may not share one.
  const names = new Map<string, Located<EntityRecord>>();
  for (const located of entities.values()) {
    for (const name of new Set([located.value.name, ...located.value.aliases].map((n) => n.toLowerCase()))) {
      const other = names.get(name);
      if (other && other.value.id !== located.value.id)
        errors.push(
          problem(located.file, located.line, `entities[${located.index}] (${located.value.id})`, 'name', `"${name}" is also a name or alias of ${other.value.id} (${other.file}:${other.line})`),
        );
      else names.set(name, located);
    }
  }

  // Relations: endpoints defined and of allowed labels, props valid, source listed.
  const claims: ClaimRecord[] = [];
  for (const { file, line, index, value: r } of relations) {
    const what = `relations[${index}] (${r.from} ${r.rel} ${r.to})`;
    const allowed = RELATION_ENDPOINTS[r.rel];
    for (const [field, id, labels] of [
      ['from', r.from, allowed.from],
      ['to', r.to, allowed.to],
    ] as const) {
      const target = entities.get(id);
      if (!target) errors.push(problem(file, line, what, field, `no entity "${id}" is defined in any seed file`));
      else if (!labels.includes(target.value.label))
        errors.push(problem(file, line, what, field, `${r.rel} ${field === 'from' ? 'starts at' : 'ends at'} ${labels.join(' | ')}, not ${target.value.label}`));
    }
    const props = relationProps[r.rel].safeParse(r.props ?? {});
    if (!props.success) errors.push(...zodProblems(file, line, what, props.error, 'props.'));
    const doc = docs.get(r.source);
    if (!doc) errors.push(problem(file, line, what, 'source', `"${r.source}" is not listed in ${SOURCES_FILE}`));
    else if (doc.kind === 'news' && !r.quote) errors.push(problem(file, line, what, 'quote', 'a fact from an article needs the sentence it rests on'));
    if (r.validFrom && r.validTo && r.validTo < r.validFrom) errors.push(problem(file, line, what, 'validTo', 'is before validFrom'));
    if (!props.success || !doc) continue;
    const base = {
      subject: r.from,
      rel: r.rel,
      object: r.to,
      props: cleanProps(props.data),
      documentId: documentId(r.source),
      ...(r.quote ? { quote: r.quote } : {}),
      extractor: 'seed',
      ...(r.validFrom ? { validFrom: r.validFrom } : {}),
      ...(r.validTo ? { validTo: r.validTo } : {}),
    };
    claims.push({ id: claimId(base), ...base, confidence: r.confidence, observedAt: r.observedAt ?? doc.publishedAt ?? doc.citedAt ?? '' });
  }

  if (errors.length) throw new InvalidInput(`seed data has ${errors.length} problem(s):\n${errors.join('\n')}`);

  const documents: DocumentRecord[] = [...docs.values()].map((d) => ({
    id: documentId(d.source),
    url: d.url ?? d.source,
    title: d.title,
    publisher: d.publisher,
    ...(d.publishedAt ? { publishedAt: d.publishedAt } : {}),
    kind: d.kind,
  }));
  return { entities: [...entities.values()].map((e) => e.value), documents, claims };
}
