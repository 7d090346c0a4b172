// Response headers of the embed endpoints: CSP per format, caching, and the conditional-GET check.
import { HEIGHT_SCRIPT_HASH } from './height-script.js';
import { PANEL_SCRIPT_HASH } from './panel-script.js';
import type { Format } from './params.js';

/** The frame-ancestors source list from configuration, with anything that could end the directive removed. */
export function frameAncestors(configured: string): string {
  const list = configured
    .replace(/[;,\r\n]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return list.length ? list.join(' ') : '*';
}

/** The Content-Security-Policy of a map response (an error page allows no script at all). */
export function mapCsp(format: Format | 'error', ancestors: string): string {
  const fa = `frame-ancestors ${frameAncestors(ancestors)}`;
  if (format === 'html')
    return `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; script-src ${HEIGHT_SCRIPT_HASH} ${PANEL_SCRIPT_HASH}; base-uri 'none'; form-action 'none'; ${fa}`;
  if (format === 'error') return `default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; ${fa}`;
  return `default-src 'none'; style-src 'unsafe-inline'; ${fa}`;
}

/** Headers every embed response carries (success or error). */
export const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** Cache-Control: immutable when pinned to a graph version, else short with a long stale window for CDNs. */
export function cacheControl(pinned: boolean): string {
  return pinned ? 'public, max-age=31536000, immutable' : 'public, max-age=300, stale-while-revalidate=86400, stale-if-error=86400';
}

/** Whether an If-None-Match header matches the ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}
