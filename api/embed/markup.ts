// Escaping for HTML, SVG and attribute values. Every string that comes from the graph, a document
// or a request passes through `esc` before it reaches markup; nothing else builds markup from data.

// Characters XML 1.0 forbids (they would make the SVG unparseable, e.g. for the PNG renderer).
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML/SVG element content and quoted attribute values. */
export function esc(text: string | number): string {
  return String(text)
    .replace(FORBIDDEN, '')
    .replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

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
