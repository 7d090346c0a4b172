// HTTP(S) fetching for ingest: conditional requests (ETag / Last-Modified), per-host politeness,
// a timeout, retries with exponential backoff, a streamed size cap, content-type checks, at most
// five redirects (loops named as such) and the SSRF guard on every hop.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { FetchError } from './fetch-error.js';
import { HostGate } from './host-gate.js';
import { BlockedAddressError, blockedRange, guardedLookup } from './ssrf-guard.js';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  backoffMs: number;
  allowPrivate: boolean;
  userAgent: string;
  perHostConcurrency: number;
  perHostDelayMs: number;
  /** content types accepted (prefix match); empty accepts all */
  accept: string[];
}

export const DEFAULT_FETCH: FetchOptions = {
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  backoffMs: 500,
  allowPrivate: false,
  userAgent: 'chokepoint-ingest/0.1 (+https://github.com/chokepoint)',
  perHostConcurrency: 2,
  perHostDelayMs: 500,
  accept: [
    'text/',
    'application/xhtml',
    'application/xml',
    'application/rss',
    'application/atom',
    'application/rdf',
    'application/json',
    'application/ld+json',
    'application/x-ndjson',
    'application/feed',
  ],
};

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface FetchResult {
  /** the URL finally answered, after redirects */
  url: string;
  status: number;
  notModified: boolean;
  contentType?: string;
  body: Buffer;
  validators: Validators;
}

export class Fetcher {
  readonly options: FetchOptions;
  private readonly gate: HostGate;

  constructor(options: Partial<FetchOptions> = {}) {
    this.options = { ...DEFAULT_FETCH, ...options };
    this.gate = new HostGate(this.options.perHostConcurrency, this.options.perHostDelayMs);
  }

  /** Fetches a URL, following redirects and retrying transient failures. */
  async fetch(url: string, validators: Validators = {}): Promise<FetchResult> {
    let attempt = 0;
    for (;;) {
      try {
        return await this.follow(url, validators);
      } catch (err) {
        const e = err instanceof FetchError ? err : new FetchError('network', url, (err as Error).message);
        if (!e.retryable || attempt >= this.options.retries) throw e;
        await new Promise((r) => setTimeout(r, this.options.backoffMs * 2 ** attempt));
        attempt++;
      }
    }
  }

  private async follow(start: string, validators: Validators): Promise<FetchResult> {
    const seen = new Set<string>();
    let url = start;
    for (let hop = 0; ; hop++) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new FetchError('bad_url', url, 'not a URL');
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchError('bad_url', url, `unsupported protocol ${parsed.protocol}`);
      if (seen.has(parsed.href)) throw new FetchError('redirect_loop', start, `redirects back to ${parsed.href}`);
      seen.add(parsed.href);
      const host = parsed.hostname.replace(/^\[|\]$/g, '');
      // IP literals never go through DNS lookup, so they are checked here (names are checked in the lookup)
      if (!this.options.allowPrivate && isIP(host)) {
        const range = blockedRange(host);
        if (range) throw new FetchError('ssrf_blocked', url, `${host} is not a public address (${range})`);
      }
      if (!this.options.allowPrivate && /(^|\.)localhost\.?$/i.test(host)) throw new FetchError('ssrf_blocked', url, `${host} is not a public address (loopback)`);
      const res = await this.gate.run(parsed.host, () => this.once(parsed, hop === 0 ? validators : {}));
      if (res.status >= 300 && res.status < 400 && res.status !== 304 && res.location) {
        if (hop >= this.options.maxRedirects) throw new FetchError('too_many_redirects', start, `more than ${this.options.maxRedirects} redirects`);
        url = new URL(res.location, parsed).href;
        continue;
      }
      if (res.status === 304) return { url: parsed.href, status: 304, notModified: true, body: Buffer.alloc(0), validators, ...(res.contentType ? { contentType: res.contentType } : {}) };
      if (res.status < 200 || res.status >= 300) throw new FetchError('http_status', parsed.href, `HTTP ${res.status}`, res.status);
      return { url: parsed.href, status: res.status, notModified: false, body: res.body, validators: res.validators, ...(res.contentType ? { contentType: res.contentType } : {}) };
    }
  }

  private once(url: URL, validators: Validators): Promise<{ status: number; location?: string; contentType?: string; body: Buffer; validators: Validators }> {
    const { timeoutMs, maxBytes, allowPrivate, userAgent, accept } = this.options;
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { 'user-agent': userAgent, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-encoding': 'identity' };
      if (validators.etag) headers['if-none-match'] = validators.etag;
      if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
      let settled = false;
      const fail = (e: FetchError) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        req.destroy();
        reject(e);
      };
      // one deadline for the whole exchange: a server that trickles bytes forever is cut off too
      const deadline = setTimeout(() => fail(new FetchError('timeout', url.href, `no complete answer within ${timeoutMs} ms`)), timeoutMs);
      const req = lib.request(url, { method: 'GET', headers, lookup: guardedLookup(allowPrivate) as never }, (res) => {
        const status = res.statusCode ?? 0;
        const contentType = res.headers['content-type'];
        const location = res.headers.location;
        const found: Validators = {
          ...(typeof res.headers.etag === 'string' ? { etag: res.headers.etag } : {}),
          ...(typeof res.headers['last-modified'] === 'string' ? { lastModified: res.headers['last-modified'] } : {}),
        };
        if (status >= 300 || status < 200) {
          res.resume();
          settled = true;
          clearTimeout(deadline);
          return resolve({ status, ...(location ? { location } : {}), body: Buffer.alloc(0), validators: found });
        }
        if (accept.length && contentType && !accept.some((a) => contentType.toLowerCase().startsWith(a))) {
          res.resume();
          return fail(new FetchError('content_type', url.href, `unexpected content type ${contentType}`));
        }
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (declared > maxBytes) return fail(new FetchError('too_large', url.href, `Content-Length ${declared} exceeds ${maxBytes} bytes`));
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) return fail(new FetchError('too_large', url.href, `body exceeds ${maxBytes} bytes`));
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(deadline);
          resolve({ status, ...(contentType ? { contentType } : {}), body: Buffer.concat(chunks), validators: found });
        });
        res.on('error', (e) => fail(new FetchError('network', url.href, e.message)));
      });
      req.on('error', (e) => fail(e instanceof BlockedAddressError ? new FetchError('ssrf_blocked', url.href, e.message) : new FetchError('network', url.href, e.message)));
      req.end();
    });
  }
}
