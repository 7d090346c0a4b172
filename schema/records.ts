// Records that flow between the layers: entities, documents, claims, relations, and the JSONL
// fact-record interchange format (README: Fact records). Pure: no I/O.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ID_PREFIX, LABELS, RELATION_TYPES, isoDate, labelProps, type DocumentProps, type Label, type RelationType } from './generated/model.js';

export type Scalar = string | number | boolean;
export type PropValue = Scalar | Scalar[];
export type Props = Record<string, PropValue>;

/** A node of the graph as the rest of the code sees it. */
export interface EntityRecord {
  id: string;
  label: Label;
  name: string;
  aliases: string[];
  description?: string;
  props: Props;
}

/** A source document that claims cite. Stored as an entity with label Document. */
export interface DocumentRecord {
  id: string;
  url: string;
  title?: string;
  publisher?: string;
  publishedAt?: string;
  kind: DocumentKindName;
  contentHash?: string;
}

/** A kind of document (the Document label's `kind` in the domain model). */
export type DocumentKindName = NonNullable<DocumentProps['kind']>;

/** Every kind of document, in the domain model's order: the one list the CLI, sources, seeds and API derive theirs from. */
export const DOCUMENT_KINDS: readonly DocumentKindName[] = labelProps.Document.shape.kind.unwrap().options;

/** One source's statement that a relation holds. A relation is the aggregate of its live claims. */
export interface ClaimRecord {
  id: string;
  subject: string;
  rel: RelationType;
  object: string;
  props: Props;
  documentId: string;
  quote?: string;
  extractor: string;
  confidence: number;
  observedAt: string;
  validFrom?: string;
  validTo?: string;
}

/** A relation: the aggregate of the live claims between two entities with one type. */
export interface RelationRecord {
  id: string;
  type: RelationType;
  from: string;
  to: string;
  props: Props;
  confidence: number;
  validFrom?: string;
  validTo?: string;
  firstSeen?: string;
  lastSeen?: string;
  claimCount: number;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Lowercase ASCII slug: "NVIDIA H20" -> "nvidia-h20", "Mistral Médium 3" -> "mistral-medium-3". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.(?![0-9])|(?<![0-9])\./g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The stable id of an entity: its own id when it has one, else `<prefix>:<slug>` (nations by ISO code). */
export function entityId(label: Label, name: string, props?: Props): string {
  if (label === 'Nation' && typeof props?.iso === 'string' && props.iso.length > 0) return `nation:${props.iso.toLowerCase()}`;
  return `${ID_PREFIX[label]}:${slugify(name) || sha(name).slice(0, 12)}`;
}

/** The id of a document named by a url, file name or existing document id. */
export function documentId(source: string): string {
  if (source.startsWith('doc:')) return source;
  return `doc:${sha(source.trim()).slice(0, 16)}`;
}

/** The id of the relation that claims about (from, type, to) aggregate into. */
export function relationId(from: string, type: string, to: string): string {
  return `rel:${sha(`${from}\u0000${type}\u0000${to}`).slice(0, 20)}`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** A claim's id is hashed from its content, so writing the same claim twice is a no-op. */
export function claimId(c: Omit<ClaimRecord, 'id' | 'observedAt' | 'confidence'>): string {
  return `claim:${sha(canonical([c.subject, c.rel, c.object, c.props, c.documentId, c.quote ?? '', c.extractor, c.validFrom ?? '', c.validTo ?? ''])).slice(0, 24)}`;
}

/** SHA-256 of a document's text with whitespace normalised. */
export function contentHash(text: string): string {
  return sha(text.replace(/\s+/g, ' ').trim());
}

// ---- the JSONL fact-record interchange format (README: Fact records) ----

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const propValue = z.union([scalar, z.array(scalar)]);
/** Properties as records carry them: values that are not scalars or lists of scalars are dropped. */
export const propsSchema = z.record(z.string(), z.unknown()).transform((raw): Props => {
  const out: Props = {};
  for (const [k, v] of Object.entries(raw)) {
    const ok = propValue.safeParse(v);
    if (ok.success) out[k] = ok.data;
  }
  return out;
});

export const labelSchema = z.enum(LABELS);
export const relationTypeSchema = z.enum(RELATION_TYPES);

export const endpointSchema = z.union([z.looseObject({ id: z.string().min(1) }), z.looseObject({ type: labelSchema, name: z.string().min(1) })]);
export type Endpoint = z.infer<typeof endpointSchema>;

export const entityFactSchema = z.looseObject({
  kind: z.literal('entity'),
  type: labelSchema,
  name: z.string().min(1),
  id: z
    .string()
    .regex(/^[a-z]+:[^\s]+$/, 'expected an id like chip:nvidia-h20')
    .optional(),
  aliases: z.array(z.string().min(1)).optional(),
  description: z.string().optional(),
  props: propsSchema.optional(),
  source: z.string().optional(),
});

export const relationFactSchema = z.looseObject({
  kind: z.literal('fact'),
  rel: relationTypeSchema,
  subject: endpointSchema,
  object: endpointSchema,
  props: propsSchema.optional(),
  quote: z.string().optional(),
  source: z.string().optional(),
  confidence: z.number().min(0).max(1).optional(),
  extractor: z.string().optional(),
  observedAt: isoDate.optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
});

export const factRecordSchema = z.discriminatedUnion('kind', [entityFactSchema, relationFactSchema]);
export type EntityFact = z.infer<typeof entityFactSchema>;
export type RelationFact = z.infer<typeof relationFactSchema>;
export type FactRecord = z.infer<typeof factRecordSchema>;

/** Turns a zod error into one line that names the field and what was expected. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length ? issue.path.join('.') : '(record)';
  return `${path}: ${issue.message}`;
}
