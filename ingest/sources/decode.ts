// Bytes to text: the charset from the Content-Type header, else from a BOM or <meta charset> /
// <?xml encoding?> in the first bytes, else UTF-8. Unknown charsets fall back to UTF-8 with
// replacement characters rather than failing the document.
import { TextDecoder } from 'node:util';

const sniff = (head: string): string | undefined =>
  /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1];

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

/** Decodes a body to text with its declared charset. */
export function decodeBody(body: Uint8Array | string, contentType?: string): string {
  if (typeof body === 'string') return body;
  const charset = detectCharset(body, contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(body);
}
