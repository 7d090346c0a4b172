// A small GraphQL-over-HTTP client for talking to a running chokepoint server (the CLI hands its
// ingest work to the server that holds the embedded store). Errors come back as our closed set,
// each one line that names the server.
import { Forbidden, InvalidInput, NotFound, StoreUnavailable, Unauthorized } from '../../schema/errors.js';

export interface ServerTarget {
  /** base URL, e.g. http://localhost:4000 */
  url: string;
  apiKey?: string;
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const BY_CODE: Record<string, (message: string) => Error> = {
  UNAUTHENTICATED: (m) => new Unauthorized(m),
  FORBIDDEN: (m) => new Forbidden(m),
  BAD_USER_INPUT: (m) => new InvalidInput(m),
  NOT_FOUND: (m) => new NotFound(m),
  // the request itself was too large: the user sends less (a rate limit or a busy server is for later: unavailable)
  PAYLOAD_TOO_LARGE: (m) => new InvalidInput(m),
};

/** Checks a server URL given by a flag or the environment (`field` names where it came from). */
export function serverUrl(text: string, field: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidInput(`${field}: expected the URL of a chokepoint server, e.g. http://localhost:4000, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidInput(`${field}: expected an http(s) URL, got "${text}"`);
  return url.href.replace(/\/+$/, '');
}

/** Sends one GraphQL operation to the server and returns its data; throws a one-line error naming the server otherwise. */
export async function requestServer<T>(target: ServerTarget, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (target.apiKey) headers.authorization = `Bearer ${target.apiKey}`;
  let res: Response;
  try {
    res = await fetch(`${target.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new StoreUnavailable(`no chokepoint server answers at ${target.url} (${cause?.code ?? cause?.message ?? (err as Error).message})`, { cause: err });
  }
  let body: GraphQLAnswer<T>;
  try {
    body = (await res.json()) as GraphQLAnswer<T>;
  } catch {
    throw new StoreUnavailable(`${target.url} did not answer as a chokepoint server (HTTP ${res.status}, not JSON)`);
  }
  const first = body.errors?.[0];
  if (first) {
    const make = BY_CODE[first.extensions?.code ?? ''];
    const message = `${target.url}: ${first.message}`;
    throw make ? make(message) : new StoreUnavailable(`${message} (${first.extensions?.code ?? `HTTP ${res.status}`})`);
  }
  if (!body.data) throw new StoreUnavailable(`${target.url} answered HTTP ${res.status} without data`);
  return body.data;
}
