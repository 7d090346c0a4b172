// Shared fixtures of the LLM extractor's tests: a short text written for them (invented names
// only), the entities a gazetteer knows of it (two of them share the alias "Halden"), and the
// model answers about it, good and bad.
import type { EntityRecord } from '../../schema/records.js';
import type { LlmSettings } from '../../ingest/extract/llm/settings.js';

export const TEXT = [
  'Ardent X9 accelerators did the heavy lifting as Veltrion Labs trained Corvid-7.',
  'Corvid-7 was developed by Veltrion Labs in Lisbon.',
  'The Ardent X9 is designed by Ardent Micro.',
  'Halden Systems partners with Ardent Micro on packaging.',
].join('\n');

export const ENTITIES: EntityRecord[] = [
  { id: 'lab:veltrion-labs', label: 'Lab', name: 'Veltrion Labs', aliases: [], props: {} },
  { id: 'model:corvid-7', label: 'Model', name: 'Corvid-7', aliases: [], props: {} },
  { id: 'chip:ardent-x9', label: 'Chip', name: 'Ardent X9', aliases: ['X9'], props: {} },
  { id: 'org:ardent-micro', label: 'Organization', name: 'Ardent Micro', aliases: [], props: {} },
  { id: 'org:halden-systems', label: 'Organization', name: 'Halden Systems', aliases: ['Halden'], props: {} },
  { id: 'lab:halden-research', label: 'Lab', name: 'Halden Research', aliases: ['Halden'], props: {} },
];

const end = (name: string, type: string) => ({ name, type });

/** Facts a model might answer for TEXT, each named by what the grounding must do with it. */
export const FACTS = {
  exact: { relation: 'TRAINED_ON', subject: end('Corvid-7', 'Model'), object: end('Ardent X9', 'Chip'), quote: 'Ardent X9 accelerators did the heavy lifting as Veltrion Labs trained Corvid-7.' },
  // a paraphrase: aligned to the one sentence naming both endpoints that reads most like it
  paraphrased: { relation: 'DEVELOPED_BY', subject: end('Corvid-7', 'Model'), object: end('Veltrion Labs', 'Lab'), quote: 'Corvid-7 was built by Veltrion Labs' },
  // spacing and typographic quotes the model did not copy exactly
  respaced: { relation: 'DESIGNED_BY', subject: end('Ardent X9', 'Chip'), object: end('Ardent Micro', 'Organization'), quote: 'The  Ardent X9 is designed by   Ardent Micro.' },
  // a sentence of the text, but one naming neither endpoint (and no sentence names both)
  unrelatedQuote: { relation: 'DESIGNED_BY', subject: end('Ardent X9', 'Chip'), object: end('Halden Systems', 'Organization'), quote: 'Corvid-7 was developed by Veltrion Labs in Lisbon.' },
  hallucinatedQuote: { relation: 'DESIGNED_BY', subject: end('Ardent X9', 'Chip'), object: end('Halden Systems', 'Organization'), quote: 'Halden Systems designed the Ardent X9 chip.' },
  wrongDirection: { relation: 'DEVELOPED_BY', subject: end('Veltrion Labs', 'Lab'), object: end('Corvid-7', 'Model'), quote: 'Corvid-7 was developed by Veltrion Labs in Lisbon.' },
  unknownRelation: { relation: 'MANUFACTURES', subject: end('Ardent Micro', 'Organization'), object: end('Ardent X9', 'Chip'), quote: 'The Ardent X9 is designed by Ardent Micro.' },
  twoEntities: { relation: 'PARTNERS_WITH', subject: end('Halden', 'Organization'), object: end('Ardent Micro', 'Organization'), quote: 'Halden Systems partners with Ardent Micro on packaging.' },
  inventedName: { relation: 'DEVELOPED_BY', subject: end('Corvid-7', 'Model'), object: end('Zentara AI', 'Lab'), quote: 'Corvid-7 was developed by Veltrion Labs in Lisbon.' },
  badProps: {
    relation: 'TRAINED_ON',
    subject: end('Corvid-7', 'Model'),
    object: end('Ardent X9', 'Chip'),
    quote: 'Ardent X9 accelerators did the heavy lifting as Veltrion Labs trained Corvid-7.',
    props: { count: 'many' },
  },
  unknownLabel: { relation: 'PARTNERS_WITH', subject: end('Halden Systems', 'Company'), object: end('Ardent Micro', 'Organization'), quote: 'Halden Systems partners with Ardent Micro on packaging.' },
};

/** Settings for a test server: short limits, no real waiting between retries. */
export const settingsFor = (baseUrl: string, over: Partial<LlmSettings> = {}): LlmSettings => ({
  baseUrl,
  model: 'test-model',
  timeoutMs: 5000,
  retries: 2,
  concurrency: 2,
  chunkChars: 6000,
  overlapSentences: 1,
  backoffMs: 1,
  ...over,
});
