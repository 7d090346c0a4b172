// Why a fetch failed, as a closed set of named reasons: dead letters and tests refer to them.

export type FetchFailure = 'bad_url' | 'ssrf_blocked' | 'timeout' | 'too_large' | 'redirect_loop' | 'too_many_redirects' | 'http_status' | 'content_type' | 'network';

export class FetchError extends Error {
  constructor(
    readonly reason: FetchFailure,
    readonly url: string,
    message: string,
    readonly status?: number,
  ) {
    super(`${reason}: ${url}: ${message}`);
    this.name = 'FetchError';
  }

  /** Whether trying again later might succeed. */
  get retryable(): boolean {
    return this.reason === 'timeout' || this.reason === 'network' || (this.reason === 'http_status' && (this.status === 429 || (this.status ?? 0) >= 500));
  }
}
