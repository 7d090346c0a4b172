// HTTP caching of GET queries: an ETag from the graph version and the request's query string, so
// dashboards and embeds revalidate with If-None-Match and get a 304 until the graph changes.
import { createHash } from 'node:crypto';

/** The header naming the graph version an answer is from (GraphQL reads and embeds alike). */
export const VERSION_HEADER = 'X-Graph-Version';
/** What a cached answer varies with: the caller's key decides what a keyed read may see. */
export const KEY_VARY = 'Authorization, X-API-Key';

/** The weak ETag of a GET query at a graph version. */
export function queryEtag(version: string | number, search: string): string {
  const hash = createHash('sha256').update(search).digest('base64url').slice(0, 22);
  return `W/"v${version}-${hash}"`;
}

/** Whether an If-None-Match header matches the ETag. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** Cache-Control for a successful GET: public when no key is involved, else private to the caller. */
export function cacheControl(withKey: boolean): string {
  return withKey ? 'private, max-age=10' : 'public, max-age=10, stale-while-revalidate=60';
}
