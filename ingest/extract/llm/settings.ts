// Which extractor reads a document (rules, a language model, or both) and how the model is reached:
// LLM_BASE_URL, LLM_MODEL, LLM_API_KEY and the limits around them, read from an environment and
// checked once; a missing or wrong value is refused in one line naming the variable.
import { z } from 'zod';
import { InvalidInput } from '../../../schema/errors.js';

/** The extractors a document may be read with: the deterministic rules (default), a model, or both merged (rules first). */
export const EXTRACTORS = ['rules', 'llm', 'both'] as const;
export type ExtractorMode = (typeof EXTRACTORS)[number];

/** How to reach an OpenAI-compatible chat-completions server, and how hard to push it. */
export interface LlmSettings {
  /** the API root, e.g. http://localhost:8000/v1 (`/chat/completions` is appended) */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** per request, in milliseconds */
  timeoutMs: number;
  /** further attempts after a 429, a 5xx or a network failure */
  retries: number;
  /** requests in flight at once */
  concurrency: number;
  /** characters of document text per request (chunks split on sentence boundaries) */
  chunkChars: number;
  /** sentences each chunk repeats from the end of the one before */
  overlapSentences: number;
  /** the completion's token cap (`max_tokens`); unset: the server's default */
  maxTokens?: number;
  /** the first pause before a retry, doubled each time (with jitter) */
  backoffMs: number;
}

const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const env = z.object({
  LLM_BASE_URL: z.string().regex(/^https?:\/\/[^/\s]+/i, 'expected the http(s) URL of an OpenAI-compatible API, e.g. http://localhost:8000/v1'),
  LLM_MODEL: z.string().trim().min(1, 'expected the model name the server knows'),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: whole(100, 3_600_000).default(120_000),
  LLM_RETRIES: whole(0, 10).default(3),
  LLM_CONCURRENCY: whole(1, 64).default(2),
  LLM_CHUNK_CHARS: whole(500, 1_000_000).default(6000),
  LLM_CHUNK_OVERLAP: whole(0, 20).default(1),
  LLM_MAX_TOKENS: whole(16, 1_000_000).optional(),
});

/** Whether a mode asks for the model. */
export const usesLlm = (mode: ExtractorMode | undefined): boolean => mode === 'llm' || mode === 'both';

/**
 * The model's settings from an environment. `asked` names what wanted the model (`--extractor llm`,
 * a job of a sources file) so the one-line refusal says why the variable is needed.
 */
export function llmSettingsFromEnv(source: Record<string, string | undefined>, asked = '--extractor llm'): LlmSettings {
  const present = Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith('LLM_') && v !== undefined && v !== ''));
  for (const name of ['LLM_BASE_URL', 'LLM_MODEL'] as const)
    if (present[name] === undefined)
      throw new InvalidInput(`${name}: not set; ${asked} needs LLM_BASE_URL (an OpenAI-compatible API such as http://localhost:8000/v1) and LLM_MODEL (the model it serves)`);
  const parsed = env.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInput(`${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    baseUrl: e.LLM_BASE_URL.replace(/\/+$/, ''),
    model: e.LLM_MODEL,
    ...(e.LLM_API_KEY ? { apiKey: e.LLM_API_KEY } : {}),
    timeoutMs: e.LLM_TIMEOUT_MS,
    retries: e.LLM_RETRIES,
    concurrency: e.LLM_CONCURRENCY,
    chunkChars: e.LLM_CHUNK_CHARS,
    overlapSentences: e.LLM_CHUNK_OVERLAP,
    ...(e.LLM_MAX_TOKENS ? { maxTokens: e.LLM_MAX_TOKENS } : {}),
    backoffMs: 500,
  };
}
