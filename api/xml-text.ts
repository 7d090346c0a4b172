// One escaper for markup built from data: the embeds' HTML and SVG and the Atom feeds. The five
// markup characters become entities (so text is safe in element content and in quoted
// attributes), and characters XML 1.0 cannot hold, or that HTML treats as errors (C0 controls
// other than tab, newline and carriage return, DEL, U+FFFE, U+FFFF, lone surrogates), become
// U+FFFD, so a reader sees that something was there and the document still parses.

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML or XML element content and quoted attribute values: markup characters escaped, characters XML cannot hold shown as U+FFFD. */
export function xmlText(value: string | number): string {
  return String(value)
    .replace(NOT_XML, '\uFFFD')
    .replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
