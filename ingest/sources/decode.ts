// Bytes to text: the charset from the Content-Type header, else from a BOM or <meta charset> /
// <?xml encoding?> in the first bytes, else UTF-8. Unknown charsets fall back to UTF-8 with
// replacement characters rather than failing the document.
import { TextDecoder } from 'node:util';

const sniff = (head: string): string | undefined => /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1];

/** The charset a response declares in its header, its BOM or its markup. */
export function detectCharset(body: Uint8Array, contentType?: string): string {
  const header = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  if (header) return header.toLowerCase();
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(body.subarray(0, 2048));
  return (sniff(head) ?? 'utf-8').toLowerCase();
}

// WHATWG maps latin1, ascii and iso-8859-1 to windows-1252, whose 0x80-0x9F are printable
// (curly quotes, dashes, euro); Node 20's decoder treats them as ISO-8859-1 controls.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const WINDOWS_1252 = /^(windows-1252|cp1252|x-cp1252|latin1|iso-8859-1|iso8859-1|l1|ascii|us-ascii|iso_8859-1)$/;

function decode1252(body: Uint8Array): string {
  let out = '';
  for (const b of body) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** Decodes a body to text with its declared charset. */
export function decodeBody(body: Uint8Array | string, contentType?: string): string {
  if (typeof body === 'string') return body;
  const charset = detectCharset(body, contentType);
  if (WINDOWS_1252.test(charset)) return decode1252(body);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(body);
}
