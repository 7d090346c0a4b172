// The model-backed extractor: a document's text in sentence-bounded chunks to an OpenAI-compatible
// server (a few at once), each answer grounded against the document (ground.ts), the answers kept
// in the response cache so the same text, model and prompt never cost a second request. Its claims
// carry `llm/<model>@<prompt version>`; what each run cost and dropped is counted in LlmStats.
import pLimit from 'p-limit';
import { contentHash } from '../../../schema/records.js';
import type { ExtractedRecord } from '../extract.js';
import type { Gazetteer } from '../gazetteer.js';
import { analyse } from '../nlp.js';
import { ResponseCache, cacheKey, type CachedAnswer } from './cache.js';
import { chunkText } from './chunk.js';
import { ChatClient, LlmError, type ClientHooks } from './client.js';
import { GroundingText, groundFacts, parseAnswer, type DropReason } from './ground.js';
import { PROMPT_VERSION, llmExtractorId } from './prompt.js';
import type { LlmSettings } from './settings.js';

/** What the model cost and gave in one run: the `llm` part of an ingest run's record. */
export interface LlmStats {
  extractor: string;
  /** documents read by the model (from the cache or not) */
  documents: number;
  /** documents whose answers came from the cache (no request sent) */
  cacheHits: number;
  /** HTTP requests sent, retries and fallbacks included */
  requests: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** milliseconds spent waiting for answers, summed over chunks */
  latencyMs: number;
  /** documents the model failed on (their rules' records were kept) */
  failures: number;
  /** whether the server refused structured output and was asked in plain JSON */
  plainJsonFallback: boolean;
  /** facts kept after grounding */
  facts: number;
  /** facts of the answers left out, by reason */
  drops: Partial<Record<DropReason, number>>;
}

export const emptyStats = (extractor: string): LlmStats => ({
  extractor,
  documents: 0,
  cacheHits: 0,
  requests: 0,
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
  latencyMs: 0,
  failures: 0,
  plainJsonFallback: false,
  facts: 0,
  drops: {},
});

export interface LlmExtractorOptions {
  /** where answers are kept (DATA_DIR/llm-cache); none: every document is asked */
  cacheDir?: string;
  hooks?: ClientHooks;
}

export class LlmExtractor {
  readonly id: string;
  private readonly client: ChatClient;
  private readonly cache: ResponseCache | null;
  private readonly limit: pLimit.Limit;

  constructor(
    readonly settings: LlmSettings,
    opts: LlmExtractorOptions = {},
  ) {
    this.id = llmExtractorId(settings.model);
    this.client = new ChatClient(settings, opts.hooks);
    this.cache = opts.cacheDir ? new ResponseCache(opts.cacheDir) : null;
    this.limit = pLimit(settings.concurrency);
  }

  /** The answers for each chunk: from the cache, or asked (a few at once); throws LlmError when a request fails for good. */
  private async answers(chunks: string[], key: string, stats: LlmStats): Promise<{ answers: (CachedAnswer['chunks'][number] & { truncated: boolean })[]; cached: boolean }> {
    const hit = this.cache?.get(key);
    if (hit && hit.extractor === this.id && hit.chunks.length === chunks.length) {
      stats.cacheHits++;
      return { answers: hit.chunks.map((c) => ({ ...c, truncated: false })), cached: true };
    }
    const settled = await Promise.allSettled(chunks.map((c) => this.limit(() => this.client.complete(c))));
    stats.plainJsonFallback ||= this.client.structuredRefused;
    const answers: (CachedAnswer['chunks'][number] & { truncated: boolean })[] = [];
    let failure: unknown;
    for (const s of settled) {
      if (s.status === 'rejected') {
        failure ??= s.reason;
        stats.requests += s.reason instanceof LlmError ? s.reason.requests : 1;
        continue;
      }
      const c = s.value;
      stats.requests += c.requests;
      stats.latencyMs += c.latencyMs;
      stats.promptTokens += c.usage.promptTokens;
      stats.completionTokens += c.usage.completionTokens;
      stats.totalTokens += c.usage.totalTokens;
      answers.push({ content: c.content, usage: c.usage, truncated: c.truncated });
    }
    if (failure !== undefined) throw failure;
    return { answers, cached: false };
  }

  /**
   * The grounded records a text yields (facts and their endpoints, citing `source`). Throws LlmError
   * when the server fails or no chunk's answer is JSON; the caller keeps the rules' records then.
   */
  async extract(text: string, opts: { source: string; gazetteer: Gazetteer; stats: LlmStats }): Promise<ExtractedRecord[]> {
    const { stats } = opts;
    const sentences = analyse(text);
    const chunks = chunkText(text, this.settings.chunkChars, this.settings.overlapSentences, sentences);
    stats.documents++;
    if (!chunks.length) return [];
    // the chunks asked about are part of what the text is: other chunk settings, other answers
    const key = cacheKey(`${contentHash(text)}:${this.settings.chunkChars}:${this.settings.overlapSentences}`, this.settings.model, PROMPT_VERSION);
    let result: Awaited<ReturnType<LlmExtractor['answers']>>;
    try {
      result = await this.answers(
        chunks.map((c) => c.text),
        key,
        stats,
      );
    } catch (err) {
      stats.failures++;
      throw err;
    }
    const facts: unknown[] = [];
    let unreadable = 0;
    const usable: CachedAnswer['chunks'] = [];
    for (const a of result.answers) {
      const list = parseAnswer(a.content);
      if (!list) {
        unreadable++;
        const reason: DropReason = a.truncated ? 'truncated_json' : 'invalid_json';
        stats.drops[reason] = (stats.drops[reason] ?? 0) + 1;
        continue;
      }
      facts.push(...list);
      usable.push({ content: a.content, usage: a.usage });
    }
    if (unreadable === result.answers.length) {
      stats.failures++;
      throw new LlmError('llm_bad_response', chunks.length > 1 ? `none of the answers to the ${chunks.length} chunks is the JSON asked for` : 'the answer is not the JSON asked for');
    }
    // only whole, readable answers are kept: an unreadable one is asked again next time
    if (!result.cached && !unreadable) this.cache?.put(key, { extractor: this.id, chunks: usable });
    const grounded = groundFacts(facts, { doc: new GroundingText(text, sentences), gazetteer: opts.gazetteer, source: opts.source, extractor: this.id });
    for (const [reason, n] of Object.entries(grounded.drops)) stats.drops[reason as DropReason] = (stats.drops[reason as DropReason] ?? 0) + n;
    stats.facts += grounded.records.filter((r) => r.kind === 'fact').length;
    return grounded.records;
  }
}

/** One line for people: what the model cost and what grounding dropped. */
export function formatLlmStats(s: LlmStats): string {
  const drops = Object.entries(s.drops)
    .filter(([, n]) => n)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, n]) => `${reason} ${n}`);
  return (
    `${s.extractor}: ${s.documents} documents (${s.cacheHits} from the cache, ${s.failures} failed), ${s.requests} requests, ` +
    `tokens ${s.promptTokens} in + ${s.completionTokens} out = ${s.totalTokens}, ${Math.round(s.latencyMs)} ms waiting, ${s.facts} facts kept` +
    `${drops.length ? `, dropped: ${drops.join(', ')}` : ''}${s.plainJsonFallback ? '; the server refused structured output: asked in plain JSON' : ''}`
  );
}
