// The request to the model, generated from the domain model (schema/): the labels an endpoint may
// have, every relation type with its allowed endpoints, direction, description and properties, as
// a system prompt and as a JSON Schema for structured output. Nothing here is written per relation:
// a label or relation added to schema/ reaches the prompt, the schema and the prompt version.
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMAIN } from '../../../schema/generated/domain.js';
import type { PropertySpec } from '../../../schema/meta.js';
import { LABELS, RELATION_ENDPOINTS, RELATION_TYPES } from '../../../schema/generated/model.js';
import { extractorVersionOf } from '../version.js';

/** Labels an extracted endpoint may carry: those some relation of the domain model joins (a document is where facts come from, never an end). */
export const ENDPOINT_LABELS = LABELS.filter((l) => RELATION_TYPES.some((r) => RELATION_ENDPOINTS[r].from.includes(l) || RELATION_ENDPOINTS[r].to.includes(l)));

/** JSON Schema for one property of the domain model. */
function propertySchema(p: PropertySpec): Record<string, unknown> {
  switch (p.type) {
    case 'integer':
      return { type: 'integer', description: p.description };
    case 'number':
      return { type: 'number', description: p.description };
    case 'boolean':
      return { type: 'boolean', description: p.description };
    case 'date':
      return { type: 'string', description: `${p.description} (YYYY-MM-DD)` };
    case 'enum':
      return { type: 'string', enum: p.values, description: p.description };
    case 'list':
      return { type: 'array', items: { type: 'string', ...(p.values ? { enum: p.values } : {}) }, description: p.description };
    default:
      return { type: 'string', description: p.description };
  }
}

/** Every relation property by name; a name two relations give different types takes either. */
function relationPropertySchemas(): Record<string, unknown> {
  const byName = new Map<string, Record<string, unknown>[]>();
  for (const r of DOMAIN.relations)
    for (const [name, spec] of Object.entries(r.properties)) {
      const list = byName.get(name) ?? [];
      const schema = propertySchema(spec);
      if (!list.some((s) => JSON.stringify(s) === JSON.stringify(schema))) list.push(schema);
      byName.set(name, list);
    }
  return Object.fromEntries([...byName].sort(([a], [b]) => a.localeCompare(b)).map(([name, list]) => [name, list.length === 1 ? list[0]! : { anyOf: list }]));
}

const endpointSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'type'],
  properties: {
    name: { type: 'string', description: 'the name as the text writes it' },
    type: { type: 'string', enum: ENDPOINT_LABELS },
  },
};

/** The JSON Schema the answer must follow: `{"facts": [{relation, subject, object, quote, props}]}`. */
export const RESPONSE_SCHEMA: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: ['facts'],
  properties: {
    facts: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['relation', 'subject', 'object', 'quote'],
        properties: {
          relation: { type: 'string', enum: RELATION_TYPES },
          subject: endpointSchema,
          object: endpointSchema,
          quote: { type: 'string', description: 'the sentence of the text that states the fact, copied character for character' },
          props: { type: 'object', additionalProperties: false, properties: relationPropertySchemas() },
        },
      },
    },
  },
};

const propertyLine = (name: string, p: PropertySpec) => `${name} (${p.type === 'enum' ? p.values!.join('|') : p.type}): ${p.description}`;

/** The system prompt: the task, the grounding rules, then the labels and relation types of the domain model. */
export const SYSTEM_PROMPT: string = [
  'You extract facts about the AI supply chain and its geopolitics from a text, as JSON.',
  'Rules:',
  '- State only facts the text itself states; never add what you know from elsewhere.',
  '- Each fact is one relation type below, from its subject to its object, in the direction given (subject -> object).',
  '- Name each endpoint as the text writes it and give its type, one of the labels below.',
  '- "quote" is the one sentence of the text that states the fact, copied exactly: same characters, same spacing, no ellipsis.',
  '- Give props only when the sentence states them, with the names and types listed for that relation.',
  '- Answer with a JSON object {"facts": [...]} and nothing else; {"facts": []} when the text states none.',
  '',
  'Labels:',
  ...DOMAIN.labels.filter((l) => (ENDPOINT_LABELS as readonly string[]).includes(l.label)).map((l) => `- ${l.label}: ${l.description}`),
  '',
  'Relation types (subject labels -> object labels):',
  ...DOMAIN.relations.map((r) => {
    const props = Object.entries(r.properties).map(([n, p]) => propertyLine(n, p));
    return `- ${r.type}: ${r.from.join('|')} -> ${r.to.join('|')}. ${r.description}${props.length ? ` Props: ${props.join('; ')}.` : ''}`;
  }),
].join('\n');

/** The user message for one chunk of a document. */
export const userPrompt = (chunk: string): string => `Text:\n"""\n${chunk}\n"""\n\nThe facts this text states, as JSON.`;

/** What the plain-JSON fallback adds to the prompt, for servers without structured output: the schema in words. */
export const PLAIN_JSON_SUFFIX = `\n\nThe answer must be one JSON object valid against this JSON Schema, with no text around it:\n${JSON.stringify(RESPONSE_SCHEMA)}`;

/**
 * The prompt version: a hash of the prompt, the response schema and this folder's code (the
 * grounding rules), 12 hex digits. It is part of the extractor id, `llm/<model>@<version>`.
 */
export const PROMPT_VERSION: string = createHash('sha256')
  .update(SYSTEM_PROMPT)
  .update('\0')
  .update(JSON.stringify(RESPONSE_SCHEMA))
  .update('\0')
  .update(PLAIN_JSON_SUFFIX)
  .update('\0')
  .update(extractorVersionOf(dirname(fileURLToPath(import.meta.url))))
  .digest('hex')
  .slice(0, 12);

/** The extractor id claims read by a model carry. */
export const llmExtractorId = (model: string): string => `llm/${model}@${PROMPT_VERSION}`;

/** Whether an extractor id is a model's (`llm/<model>@<version>`). */
export const isLlmExtractor = (extractor: string): boolean => /^llm\/.+@[0-9a-f]+$/.test(extractor);
