// The `--extractor rules|llm|both` option `extract`, `ingest`, `reextract` and `eval` share: the
// mode, and for a model its settings from the environment, refused in one line when missing.
import type { LlmExtractor } from '../../ingest/extract/llm/extractor.js';
import { EXTRACTORS, usesLlm, type ExtractorMode } from '../../ingest/extract/llm/settings.js';
import type { CliContext } from './context.js';
import { choice } from './options.js';

export { EXTRACTORS };

/** The help line of the option. */
export const EXTRACTOR_HELP = 'what reads the documents: rules (default), llm (a model: LLM_BASE_URL, LLM_MODEL, LLM_API_KEY) or both (merged, rules first)';

/** The option as the commands declare it (no default: `ingest` tells a flag apart from a job's own setting). */
export const EXTRACTOR_OPTION = { extractor: { type: 'string' as const } };

/** The mode the option names (or undefined when not given). */
export function extractorMode(value: unknown): ExtractorMode | undefined {
  return value === undefined ? undefined : choice('--extractor', value, EXTRACTORS);
}

/** The model for modes that need it, from the environment, its answers cached under DATA_DIR/llm-cache; undefined for the rules. */
export async function llmFor(modes: readonly (ExtractorMode | undefined)[], ctx: CliContext, asked: string): Promise<LlmExtractor | undefined> {
  if (!modes.some(usesLlm)) return undefined;
  const { llmExtractorFromEnv } = await import('../../ingest/ingest-service.js');
  return llmExtractorFromEnv(process.env, ctx.config.dataDir, asked);
}
