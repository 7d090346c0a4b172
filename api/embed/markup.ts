// Escaping for HTML, SVG and attribute values. Every string that comes from the graph, a document
// or a request passes through `esc` (the shared escaper, api/xml-text.ts) before it reaches markup;
// nothing else builds markup from data.
import { xmlText } from '../xml-text.js';

/** Escapes text for HTML/SVG element content and quoted attribute values (characters XML cannot hold become U+FFFD). */
export const esc = xmlText;

/** An http(s) URL safe to put in an href, or null (javascript:, data: and relative URLs are refused). */
export function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
