// Work refused because a bounded pool is full or took too long: answered with HTTP 503 and
// Retry-After (in seconds) rather than queued without end.

/** Base of the "too busy, send again" refusals of the worker pools; `retryAfter` in seconds. */
export class Busy extends Error {
  constructor(
    message: string,
    readonly retryAfter: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
