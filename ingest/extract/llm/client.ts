// A client for the OpenAI chat-completions protocol (vLLM, llama.cpp server, Ollama, hosted APIs),
// over Node's global fetch: a time limit per request (AbortController), retries with exponential
// backoff and jitter on 429, 5xx and network failures, structured output (`response_format:
// json_schema`) with a plain-JSON fallback for servers that refuse it, remembered per server.
import { PLAIN_JSON_SUFFIX, RESPONSE_SCHEMA, SYSTEM_PROMPT, userPrompt } from './prompt.js';
import type { LlmSettings } from './settings.js';

/** Why a request failed for good: the reasons dead letters carry. */
export type LlmFailure = 'llm_timeout' | 'llm_http' | 'llm_network' | 'llm_bad_response' | 'llm_not_configured';

export class LlmError extends Error {
  /** HTTP requests sent before giving up */
  requests = 0;

  constructor(
    readonly reason: LlmFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface Completion {
  content: string;
  usage: Usage;
  /** HTTP requests it took (retries and the fallback included) */
  requests: number;
  latencyMs: number;
  /** whether the server cut the answer at its token limit */
  truncated: boolean;
}

export interface ClientHooks {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

const MAX_RETRY_AFTER_MS = 60_000;
// a refusal of structured output: "response_format", "json_schema", or a plain "not supported"
const STRUCTURED_REFUSED = /response_format|json_schema|unsupported|not supported/i;

/** Seconds or an HTTP date in Retry-After, as milliseconds (capped), or undefined. */
function retryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}

const numberOr0 = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** One HTTP attempt's outcome: an answer, a failure worth retrying, or one that is final. */
type Attempt = { ok: true; completion: Omit<Completion, 'requests' | 'latencyMs'> } | { ok: false; retry: boolean; refusedStructured: boolean; error: LlmError; waitMs?: number };

export class ChatClient {
  /** servers (by base URL) that refused structured output in this run: they get the plain-JSON prompt */
  private readonly plainJson = new Set<string>();
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(
    private readonly settings: LlmSettings,
    hooks: ClientHooks = {},
  ) {
    this.fetch = hooks.fetch ?? globalThis.fetch;
    this.sleep = hooks.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = hooks.random ?? Math.random;
    this.now = hooks.now ?? Date.now;
  }

  /** Whether this run fell back to plain JSON for the server. */
  get structuredRefused(): boolean {
    return this.plainJson.has(this.settings.baseUrl);
  }

  /** Asks for the facts of one chunk of text; throws LlmError once the retries are spent. */
  async complete(chunk: string): Promise<Completion> {
    const started = this.now();
    let requests = 0;
    for (let attempt = 0; ; attempt++) {
      const structured = !this.plainJson.has(this.settings.baseUrl);
      requests++;
      const result = await this.attempt(chunk, structured);
      if (result.ok) return { ...result.completion, requests, latencyMs: this.now() - started };
      if (structured && result.refusedStructured) {
        // the server cannot do structured output: ask again at once in plain JSON, and keep doing so this run
        this.plainJson.add(this.settings.baseUrl);
        attempt--;
        continue;
      }
      if (!result.retry || attempt >= this.settings.retries) {
        result.error.requests = requests;
        throw result.error;
      }
      // exponential backoff with full jitter; a Retry-After the server gives is honoured when longer
      const backoff = this.random() * this.settings.backoffMs * 2 ** attempt;
      await this.sleep(Math.max(backoff, result.waitMs ?? 0));
    }
  }

  private body(chunk: string, structured: boolean): string {
    return JSON.stringify({
      model: this.settings.model,
      temperature: 0,
      ...(this.settings.maxTokens ? { max_tokens: this.settings.maxTokens } : {}),
      messages: [
        { role: 'system', content: structured ? SYSTEM_PROMPT : SYSTEM_PROMPT + PLAIN_JSON_SUFFIX },
        { role: 'user', content: userPrompt(chunk) },
      ],
      ...(structured ? { response_format: { type: 'json_schema', json_schema: { name: 'facts', schema: RESPONSE_SCHEMA } } } : {}),
    });
  }

  private async attempt(chunk: string, structured: boolean): Promise<Attempt> {
    const url = `${this.settings.baseUrl}/chat/completions`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.settings.timeoutMs);
    try {
      let res: Response;
      let text: string;
      try {
        res = await this.fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}) },
          body: this.body(chunk, structured),
          signal: controller.signal,
        });
        text = await res.text();
      } catch (err) {
        if (controller.signal.aborted)
          return { ok: false, retry: false, refusedStructured: false, error: new LlmError('llm_timeout', `${url}: no answer within ${this.settings.timeoutMs} ms (LLM_TIMEOUT_MS)`) };
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        return { ok: false, retry: true, refusedStructured: false, error: new LlmError('llm_network', `${url}: ${cause?.code ?? cause?.message ?? (err as Error).message}`) };
      }
      if (!res.ok) {
        const snippet = text.replace(/\s+/g, ' ').slice(0, 200);
        const error = new LlmError('llm_http', `${url}: HTTP ${res.status}${snippet ? `: ${snippet}` : ''}`);
        const retry = res.status === 429 || res.status >= 500;
        const refusedStructured = (res.status === 400 || res.status === 422 || res.status === 501) && STRUCTURED_REFUSED.test(text);
        const waitMs = retryAfter(res.headers.get('retry-after'), this.now());
        return { ok: false, retry, refusedStructured, error, ...(waitMs !== undefined ? { waitMs } : {}) };
      }
      let json: { choices?: { message?: { content?: unknown }; finish_reason?: unknown }[]; usage?: Record<string, unknown> };
      try {
        json = JSON.parse(text) as typeof json;
      } catch {
        return { ok: false, retry: false, refusedStructured: false, error: new LlmError('llm_bad_response', `${url}: the answer is not JSON (${text.slice(0, 80)})`) };
      }
      const choice = json.choices?.[0];
      const content = choice?.message?.content;
      if (typeof content !== 'string') return { ok: false, retry: false, refusedStructured: false, error: new LlmError('llm_bad_response', `${url}: the answer has no choices[0].message.content`) };
      const u = json.usage ?? {};
      return {
        ok: true,
        completion: {
          content,
          usage: { promptTokens: numberOr0(u.prompt_tokens), completionTokens: numberOr0(u.completion_tokens), totalTokens: numberOr0(u.total_tokens) },
          truncated: choice?.finish_reason === 'length',
        },
      };
    } finally {
      clearTimeout(timer);
    }
  }
}
