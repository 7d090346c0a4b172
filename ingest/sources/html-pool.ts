// HTML parsing off the event loop: fetched pages are parsed in a worker thread (piscina), with a
// bounded queue and a time limit per page, so one hostile page (deeply nested, huge) never stalls
// the process that serves requests. The depth limit itself lives in html.ts (it applies to every
// caller); a page over the time limit has its worker ended, not waited for.
import { Piscina } from 'piscina';
import { InvalidInput } from '../../schema/errors.js';
import type { ParsedDocument } from './source.js';

/** Why the pool refused or abandoned a page: a dead letter's reason. */
export type ParseLimit = 'parse_timeout' | 'overloaded';

export class ParseLimitError extends Error {
  constructor(
    readonly reason: ParseLimit,
    message: string,
  ) {
    super(message);
    this.name = 'ParseLimitError';
  }
}

export interface HtmlPoolLimits {
  /** worker threads (one leaves the other core to the server) */
  threads: number;
  /** pages waiting beyond those being parsed; more are refused as overloaded */
  queue: number;
  /** how long one page may take before its worker is ended */
  timeoutMs: number;
}

export const HTML_POOL_LIMITS: HtmlPoolLimits = { threads: 1, queue: 64, timeoutMs: 15_000 };

/** What the worker answers: the document, or the message of an InvalidInput (classes do not cross threads). */
export type HtmlWorkerAnswer = { document: ParsedDocument } | { invalid: string };

const WORKER = new URL('./html-worker.js', import.meta.url).href;

/** A pool of HTML-parsing workers. */
export class HtmlParsePool {
  private readonly pool: Piscina;
  private waiting = 0;
  private running = 0;
  private readonly queued: (() => void)[] = [];

  constructor(readonly limits: HtmlPoolLimits = HTML_POOL_LIMITS) {
    // the workers run at the lowest CPU priority (nice 19 on Unix), so a server's requests come first; they start with
    // the pool (a server's start), so a page's time limit never pays for loading the parser at low priority on a busy
    // machine, and idle ones are unref'd by piscina, so a process exits when its work is done
    this.pool = new Piscina({ filename: WORKER, minThreads: limits.threads, maxThreads: limits.threads, idleTimeout: 30_000, niceIncrement: 19 });
  }

  /** Parses a page in a worker; InvalidInput for a page html.ts refuses, ParseLimitError when over a limit. */
  async parse(html: string, url: string): Promise<ParsedDocument> {
    if (this.waiting >= this.limits.threads + this.limits.queue) throw new ParseLimitError('overloaded', `${url}: ${this.waiting} pages are already being parsed or waiting; try again later`);
    this.waiting++;
    let answer: HtmlWorkerAnswer;
    let done: (() => void) | undefined;
    try {
      // the time limit counts a page's own parsing, not its wait for a thread
      done = await this.thread();
      answer = (await this.pool.run({ html, url }, { signal: AbortSignal.timeout(this.limits.timeoutMs) })) as HtmlWorkerAnswer;
    } catch (err) {
      if ((err as Error).name === 'AbortError' || (err as Error).name === 'TimeoutError')
        throw new ParseLimitError('parse_timeout', `${url}: parsing took longer than ${this.limits.timeoutMs} ms and was stopped`);
      throw err;
    } finally {
      done?.();
      this.waiting--;
    }
    if ('invalid' in answer) throw new InvalidInput(answer.invalid);
    return answer.document;
  }

  /** Waits for a free thread; resolves to its release. */
  private async thread(): Promise<() => void> {
    while (this.running >= this.limits.threads) await new Promise<void>((r) => this.queued.push(r));
    this.running++;
    return () => {
      this.running--;
      this.queued.shift()?.();
    };
  }

  /** Ends the workers. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

let shared: HtmlParsePool | null = null;

/**
 * Makes this process parse HTML pages in a worker pool from now on. A server calls it: its event
 * loop answers requests. A command-line run parses in its own thread (the depth limit applies
 * either way) and spares the start of a worker.
 */
export function useHtmlParsePool(limits: HtmlPoolLimits = HTML_POOL_LIMITS): HtmlParsePool {
  shared ??= new HtmlParsePool(limits);
  return shared;
}

/** The pool when this process uses one, else null. */
export function htmlParsePool(): HtmlParsePool | null {
  return shared;
}
