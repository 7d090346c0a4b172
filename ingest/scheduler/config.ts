// ingest/sources.yaml: the jobs to run and their schedule, validated with zod; errors name the
// file and the field.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { validate as validCron } from 'node-cron';
import { InvalidInput } from '../../schema/errors.js';
import { describeZodError } from '../../schema/records.js';
import { KIND_CHOICES } from '../sources/kinds.js';
import { EXTRACTORS } from '../extract/llm/settings.js';

const kind = z.enum(KIND_CHOICES);
const cronExpr = z.string().refine((s) => validCron(s), 'expected a cron expression, e.g. "0 */6 * * *"');

const fetchSettings = z.strictObject({
  timeoutMs: z.number().int().positive().optional(),
  maxBytes: z.number().int().positive().optional(),
  retries: z.number().int().min(0).max(10).optional(),
  perHostConcurrency: z.number().int().min(1).max(16).optional(),
  perHostDelayMs: z.number().int().min(0).optional(),
  allowPrivate: z.boolean().optional(),
  userAgent: z.string().min(1).optional(),
});

const job = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a kebab-case job name'),
  description: z.string().optional(),
  kind: kind.default('auto'),
  urls: z.array(z.string().url()).min(1),
  schedule: cronExpr.optional(),
  enabled: z.boolean().default(true),
  /** what reads the job's documents: the rules (default), a model (LLM_BASE_URL, LLM_MODEL), or both */
  extractor: z.enum(EXTRACTORS).optional(),
});

export const sourcesConfigSchema = z.strictObject({
  defaults: z
    .strictObject({
      schedule: cronExpr.default('0 */6 * * *'),
      /** each run starts after a random pause of up to this many seconds, so replicas on one schedule do not all start in the same second */
      jitterSeconds: z.number().int().min(0).max(3600).default(30),
      fetch: fetchSettings.default({}),
    })
    .default({ schedule: '0 */6 * * *', jitterSeconds: 30, fetch: {} }),
  jobs: z.array(job),
});

export type SourcesConfig = z.infer<typeof sourcesConfigSchema>;
export type JobConfig = z.infer<typeof job>;

/** The default sources.yaml shipped beside this folder. */
export const DEFAULT_SOURCES = join(dirname(fileURLToPath(import.meta.url)), '..', 'sources.yaml');

/** Reads and validates a sources file; errors name the file and the field. */
export function loadSourcesConfig(path: string = DEFAULT_SOURCES): SourcesConfig {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InvalidInput(`${path}: ${(err as Error).message.split('\n')[0]}`);
  }
  const parsed = sourcesConfigSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidInput(`${path}: ${describeZodError(parsed.error)}`);
  const names = new Set<string>();
  for (const j of parsed.data.jobs) {
    if (names.has(j.name)) throw new InvalidInput(`${path}: jobs: duplicate job name "${j.name}"`);
    names.add(j.name);
  }
  return parsed.data;
}
